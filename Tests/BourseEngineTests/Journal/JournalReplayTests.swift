import BourseCore
import BourseEngine
import BourseTestKit
import Testing

/// A journal alone rebuilds its session's final state: its first record says what it traded and held.
@Suite struct JournalReplayTests {
    @Test func aPaperJournalReplaysToTheSessionsState() throws {
        let journal = InMemoryEventJournal()
        let session = try PaperSession(
            configuration: try JournalFixtures.configuration(bars: try JournalFixtures.bars(count: 150, seed: 9)), journal: journal,
            snapshots: InMemorySnapshotStore())
        let final = try session.run()
        #expect(final.fillCount > 4)
        guard case .sessionStart(let start)? = try journal.records().first?.entry else {
            Issue.record("the journal does not start with its session-start record")
            return
        }
        #expect(start.instruments == [JournalFixtures.instrument] && start.startingBalances == [session.configuration.startingCash])
        #expect(try JournalReplay.state(of: journal) == final)
    }

    @Test func aJournalWithoutItsSessionStartIsAClearError() throws {
        #expect { try JournalReplay.state(of: InMemoryEventJournal()) } throws: { "\($0)".contains("the journal is empty") }
        let old = InMemoryEventJournal()
        try old.append(
            .audit(AuditEntry(category: .operatorCommand, actor: "test", action: "start", reason: "an old journal")),
            timestamp: JournalFixtures.t0, correlationID: "")
        #expect { try JournalReplay.state(of: old) } throws: { "\($0)".contains("does not start with a session-start record") }
    }
}
