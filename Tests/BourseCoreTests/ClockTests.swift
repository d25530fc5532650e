import BourseCore
import BourseTestKit
import Testing

@Suite struct ClockTests {
    let t0 = TestDefaults.time

    @Test func timersAndAlertsFireInTimeOrderWithStableTies() throws {
        let clock = TestClock(now: t0)
        try clock.setTimer(name: "b-minute", interval: .minutes(1))
        try clock.setTimeAlert(name: "a-alert", at: t0 + .minutes(2))
        try clock.setTimer(name: "c-half", interval: .seconds(30), stop: t0 + .minutes(1))
        let events = try clock.advance(to: t0 + .minutes(3))
        #expect(clock.now == t0 + .minutes(3))
        #expect(
            events.map { "\($0.name)+\(($0.tsEvent - t0).rawValue / Nanoseconds.perSecond)" } == [
                "c-half+30", "b-minute+60", "c-half+60", "b-minute+120", "a-alert+120", "b-minute+180",
            ])
        #expect(clock.timerNames == ["b-minute"])
        #expect(clock.nextEventTime == t0 + .minutes(4))
        #expect(try clock.advance(by: .seconds(59)).isEmpty)
        #expect(clock.cancelTimer(name: "b-minute"))
        #expect(try clock.advance(by: .hours(1)).isEmpty)
    }

    @Test func advancesWithoutEventsOnlyWhileNothingIsDue() throws {
        let clock = TestClock(now: t0)
        #expect(clock.advanceIfNothingDue(to: t0 + .hours(1)))
        #expect(clock.now == t0 + .hours(1))
        #expect(!clock.advanceIfNothingDue(to: t0), "never backwards")
        try clock.setTimeAlert(name: "alert", at: t0 + .hours(2))
        #expect(clock.advanceIfNothingDue(to: t0 + .hours(2) - Nanoseconds(1)))
        // Due exactly then: the caller must take the events from advance(to:).
        #expect(!clock.advanceIfNothingDue(to: t0 + .hours(2)))
        #expect(clock.now == t0 + .hours(2) - Nanoseconds(1))
        #expect(try clock.advance(to: t0 + .hours(2)).map(\.name) == ["alert"])
        #expect(clock.advanceIfNothingDue(to: t0 + .hours(5)), "the alert is gone")
        try clock.setTimer(name: "tick", interval: .minutes(1))
        #expect(!clock.advanceIfNothingDue(to: t0 + .hours(5) + .minutes(1)))
        #expect(clock.cancelTimer(name: "tick"))
        #expect(clock.advanceIfNothingDue(to: t0 + .hours(5) + .minutes(1)), "canceled")
    }

    @Test func refusesBadTimers() throws {
        let clock = TestClock(now: t0)
        try clock.setTimer(name: "x", interval: .seconds(1))
        #expect(throws: ClockError.duplicateName("x")) { try clock.setTimeAlert(name: "x", at: t0) }
        #expect(throws: ClockError.emptyName) { try clock.setTimeAlert(name: "", at: t0) }
        #expect(throws: ClockError.nonPositiveInterval("y", .zero)) { try clock.setTimer(name: "y", interval: .zero) }
        #expect(throws: ClockError.inThePast("z", at: t0 - .seconds(1), now: t0)) {
            try clock.setTimeAlert(name: "z", at: t0 - .seconds(1))
        }
        #expect(throws: ClockError.stopBeforeFirstTick("w")) {
            try clock.setTimer(name: "w", interval: .seconds(10), stop: t0 + .seconds(5))
        }
        #expect(throws: ClockError.backwards(from: t0, to: t0 - .seconds(1))) { try clock.advance(to: t0 - .seconds(1)) }
    }

    @Test func liveClockReadsTheWallClock() {
        let now = LiveClock().now
        // After 2020-01-01 and before 2100-01-01.
        #expect(now.rawValue > 1_577_836_800_000_000_000 && now.rawValue < 4_102_444_800_000_000_000)
    }
}
