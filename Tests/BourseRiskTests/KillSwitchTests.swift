import BourseCore
import BourseRisk
import Testing

@Suite("Kill switch: each trigger fires, trading resumes only after an operator reset")
struct KillSwitchTests {
    typealias F = RiskFixtures
    static let allActions: [KillSwitchAction] = [.stopNewOrders, .cancelAllOrders, .flattenAllPositions]

    func inputs(_ clock: TestClock, equity: String = "100000", startOfDay: String = "100000", peak: String = "100000", lastData: UnixNanos? = nil) throws -> KillSwitchInputs {
        KillSwitchInputs(
            now: clock.now, equity: try F.usd(equity), startOfDayEquity: try F.usd(startOfDay), peakEquity: try F.usd(peak),
            lastMarketData: lastData ?? clock.now)
    }

    @Test func dailyLossTripsAtTheLimit() throws {
        let clock = TestClock(now: F.t0)
        var ks = KillSwitch(KillSwitchConfiguration(dailyLoss: LossLimit(maxAmount: try F.usd("2000"))), startedAt: clock.now)
        #expect(ks.evaluate(try inputs(clock, equity: "98000.01")) == [])
        #expect(ks.evaluate(try inputs(clock, equity: "98000")) == Self.allActions)
        #expect(ks.state == .triggered(.dailyLoss))
        guard case .triggered(_, let reason, _)? = ks.history.last else { Issue.record("no trip recorded"); return }
        #expect(reason.contains("2000.00 USD") && reason.contains("98000.00 USD"))
    }

    @Test func drawdownTrips() throws {
        let clock = TestClock(now: F.t0)
        var ks = KillSwitch(KillSwitchConfiguration(drawdown: LossLimit(maxFraction: try Rate(parsing: "0.1"))), startedAt: clock.now)
        #expect(ks.evaluate(try inputs(clock, equity: "99000.01", peak: "110000")) == [])
        #expect(ks.evaluate(try inputs(clock, equity: "99000", peak: "110000")) == Self.allActions)
        #expect(ks.state == .triggered(.drawdown))
    }

    @Test func aFractionOfANonPositiveReferenceTripsAsAnEvaluationFailure() throws {
        let clock = TestClock(now: F.t0)
        var ks = KillSwitch(KillSwitchConfiguration(dailyLoss: LossLimit(maxFraction: try Rate(parsing: "0.5"))), startedAt: clock.now)
        #expect(ks.evaluate(try inputs(clock, equity: "60", startOfDay: "100")) == [])  // 40 lost, within 50
        // A start-of-day equity of zero (or less) makes "half of it" no limit at all: fail safe.
        #expect(ks.evaluate(try inputs(clock, equity: "0", startOfDay: "0")) == Self.allActions)
        #expect(ks.state == .triggered(.evaluationFailure))
        guard case .triggered(_, let reason, _)? = ks.history.last else { Issue.record("no trip recorded"); return }
        #expect(reason == "daily loss limit 0.5 × start-of-day equity cannot be applied: start-of-day equity is 0.00 USD")
    }

    @Test func aDrawdownFractionOfANonPositivePeakTripsAsAnEvaluationFailure() throws {
        let clock = TestClock(now: F.t0)
        let limit = LossLimit(maxAmount: try F.usd("1000"), maxFraction: try Rate(parsing: "0.1"))
        var ks = KillSwitch(KillSwitchConfiguration(drawdown: limit), startedAt: clock.now)
        #expect(ks.evaluate(try inputs(clock, equity: "-100", peak: "-100")) == Self.allActions)
        guard case .triggered(.evaluationFailure, let reason, _)? = ks.history.last else {
            Issue.record("no evaluation failure recorded: \(ks.history)")
            return
        }
        #expect(reason == "drawdown limit 0.1 × peak equity cannot be applied: peak equity is -100.00 USD")
    }

    @Test func anAmountAloneStillAppliesToANonPositiveReference() throws {
        let clock = TestClock(now: F.t0)
        var ks = KillSwitch(KillSwitchConfiguration(dailyLoss: LossLimit(maxAmount: try F.usd("50"))), startedAt: clock.now)
        #expect(ks.evaluate(try inputs(clock, equity: "-49.99", startOfDay: "0")) == [])
        #expect(ks.evaluate(try inputs(clock, equity: "-50", startOfDay: "0")) == Self.allActions)
        #expect(ks.state == .triggered(.dailyLoss))
    }

    @Test func venueDisconnectTrips() throws {
        var ks = KillSwitch(KillSwitchConfiguration(actions: [.cancelAllOrders]), startedAt: F.t0)
        #expect(ks.venueDisconnected(try Venue("NASDAQ"), at: F.t0) == [.stopNewOrders, .cancelAllOrders])
        #expect(ks.state == .triggered(.venueDisconnected(try Venue("NASDAQ"))))
    }

    @Test func staleMarketDataTripsAfterNSeconds() throws {
        let clock = TestClock(now: F.t0)
        var ks = KillSwitch(KillSwitchConfiguration(staleMarketDataAfter: .seconds(30)), startedAt: clock.now)
        let last = clock.now
        _ = try clock.advance(by: .seconds(29))
        #expect(ks.evaluate(try inputs(clock, lastData: last)) == [])
        _ = try clock.advance(by: .seconds(1))
        #expect(ks.evaluate(try inputs(clock, lastData: last)) == Self.allActions)
        #expect(ks.state == .triggered(.staleMarketData))
    }

    @Test func noMarketDataSinceStartIsStale() throws {
        let clock = TestClock(now: F.t0)
        var ks = KillSwitch(KillSwitchConfiguration(staleMarketDataAfter: .seconds(30)), startedAt: clock.now)
        _ = try clock.advance(by: .seconds(30))
        #expect(ks.evaluate(KillSwitchInputs(now: clock.now)) == Self.allActions)
    }

    @Test func errorRateTripsOnTheNthErrorInTheWindow() throws {
        let clock = TestClock(now: F.t0)
        var ks = KillSwitch(KillSwitchConfiguration(errorRate: RateLimit(maxCount: 3, window: .seconds(10))), startedAt: clock.now)
        #expect(ks.recordError(at: clock.now) == [])
        _ = try clock.advance(by: .seconds(10))
        #expect(ks.recordError(at: clock.now) == [], "the first error left the window")
        #expect(ks.recordError(at: clock.now) == [])
        #expect(ks.recordError(at: clock.now) == Self.allActions)
        #expect(ks.state == .triggered(.errorRate))
    }

    @Test func manualTriggerRecordsWho() throws {
        var ks = KillSwitch(KillSwitchConfiguration(), startedAt: F.t0)
        #expect(ks.trigger(operatorName: "alice", reason: "news", at: F.t0) == Self.allActions)
        #expect(ks.history == [.triggered(trigger: .manual, reason: "pulled by alice: news", ts: F.t0)])
        #expect(ks.trigger(operatorName: "bob", reason: "again", at: F.t0) == [], "already triggered")
    }

    @Test func failuresTripFailSafe() throws {
        struct Broken: Error {}
        var missing = KillSwitch(KillSwitchConfiguration(dailyLoss: LossLimit(maxAmount: try F.usd("1"))), startedAt: F.t0)
        #expect(missing.evaluate(KillSwitchInputs(now: F.t0)) == Self.allActions)
        #expect(missing.state == .triggered(.evaluationFailure))
        var throwing = KillSwitch(KillSwitchConfiguration(), startedAt: F.t0)
        #expect(throwing.evaluate(at: F.t0) { throw Broken() } == Self.allActions)
        #expect(throwing.state == .triggered(.evaluationFailure))
        var currencies = KillSwitch(KillSwitchConfiguration(drawdown: LossLimit(maxAmount: try F.usd("1"))), startedAt: F.t0)
        let mixed = KillSwitchInputs(now: F.t0, equity: try F.usd("1"), peakEquity: try Money(parsing: "1", .EUR))
        #expect(currencies.evaluate(mixed) == Self.allActions)
    }

    @Test func tradingResumesOnlyAfterAnOperatorReset() throws {
        let clock = TestClock(now: F.t0)
        let p = try F.portfolio([(try F.equity(), 100, "100.00")])
        var risk = try RiskEngine(RiskConfiguration())
        var ks = KillSwitch(KillSwitchConfiguration(dailyLoss: LossLimit(maxAmount: try F.usd("1000"))), startedAt: clock.now)
        func execute(_ actions: [KillSwitchAction]) {
            for action in actions {
                switch action {
                case .stopNewOrders: risk.setReduceOnly(true)
                case .resumeTrading: risk.setReduceOnly(false)
                case .cancelAllOrders, .flattenAllPositions: break  // the kernel's job; asserted as returned values
                }
            }
        }
        execute(ks.evaluate(try inputs(clock, equity: "98500")))
        #expect(!ks.allowsNewOrders)
        expectDenied(risk.evaluate(try F.submit(.buy, "1"), portfolio: p), by: .reduceOnly, mentioning: ["reduce-only mode"])
        #expect(risk.evaluate(try F.submit(.sell, "100"), portfolio: p).isApproved, "flattening still works")
        // The loss recovering does not resume trading by itself.
        _ = try clock.advance(by: .minutes(5))
        execute(ks.evaluate(try inputs(clock, equity: "100000")))
        #expect(!ks.allowsNewOrders)
        #expect(throws: KillSwitchError.missingOperator) { try ks.reset(operatorName: " ", reason: "ok", at: clock.now) }
        #expect(throws: KillSwitchError.missingReason) { try ks.reset(operatorName: "alice", reason: "", at: clock.now) }
        execute(try ks.reset(operatorName: "alice", reason: "loss reviewed", at: clock.now))
        #expect(ks.allowsNewOrders)
        #expect(ks.history.last == .reset(operatorName: "alice", reason: "loss reviewed", ts: clock.now))
        #expect(risk.evaluate(try F.submit(.buy, "1"), portfolio: p).isApproved)
        #expect(throws: KillSwitchError.notTriggered) { try ks.reset(operatorName: "alice", reason: "again", at: clock.now) }
    }
}
