import BourseCore
import BourseEngine
import BourseTestKit
import OrderedCollections
import Testing

/// A ``JournalState`` restored from its snapshot equals the state saved.
@Suite struct JournalStateSnapshotTests {
    /// Bitcoin bought and sold in full leaves a zero BTC balance. The snapshot keeps it, and the
    /// restore used to refuse it (an account could only be funded by deposits, and a deposit of
    /// zero is refused).
    @Test func aSpentCurrencyKeepsItsZeroBalanceThroughASnapshot() throws {
        let btc = TestDefaults.crypto
        var state = try JournalState(
            instruments: [btc], accountID: TestDefaults.accountID, startingBalances: [Money(parsing: "50000", .USDT)])
        let factory = OrderEventFactory()
        var entries: [JournalEntry] = []
        for (n, side) in [(1, OrderSide.buy), (2, .sell)] {
            let order = try OrderBuilder().id(TestDefaults.clientOrderID(n)).instrument(btc.id).side(side).quantity("0.5").build()
            let fill = try FillBuilder(for: order).price("40000.00").trade(n).commission(.zero(.USDT)).build()
            entries += [
                .event(.initialized(order.initialized)), .event(try factory.event(.submitted, for: order)),
                .event(try factory.event(.accepted, for: order)), .event(.filled(fill)),
            ]
        }
        for (index, entry) in entries.enumerated() {
            try state.apply(JournalRecord(sequence: UInt64(index + 1), timestamp: TestDefaults.time, correlationID: "", entry: entry))
        }
        #expect(Array(state.account.balances.keys) == [.USDT, .BTC])
        #expect(state.account.balance(.BTC).total.isZero)

        let snapshot = Snapshot(sequence: state.lastSequence, timestamp: TestDefaults.time, bytes: state.encoded())
        #expect(try JournalState(snapshot: snapshot, instruments: [btc], accountID: TestDefaults.accountID) == state)
    }
}
