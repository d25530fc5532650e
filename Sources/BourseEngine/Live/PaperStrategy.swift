public import BourseCore

/// The deterministic strategy a ``PaperSession`` runs: long `quantity` while the fast simple
/// moving average of closes is above the slow one, flat otherwise. It enters with a limit
/// order at the bar's close (canceled when still working `patience` bars later) and exits
/// with a market order. Its decisions depend only on the bars seen and the orders and
/// position it is shown, so re-running the same bars reproduces them exactly.
public struct PaperStrategy: Sendable, Hashable {
    public let fast: Int
    public let slow: Int
    public let quantity: Quantity
    /// Bars an entry order may work before it is canceled.
    public let patience: Int64
    private var closes: [Int64] = []

    /// What the strategy wants done after a bar.
    public enum Decision: Sendable, Hashable {
        case buyLimit(Price)
        case sellMarket(Quantity)
        case cancel(ClientOrderID)
    }

    public init(fast: Int, slow: Int, quantity: Quantity, patience: Int64 = 3) throws(EngineError) {
        guard fast > 0, slow > fast else { throw .configuration("moving averages need 0 < fast < slow, got \(fast) and \(slow)") }
        guard quantity.raw > 0 else { throw .configuration("quantity must be positive, got \(quantity)") }
        self.fast = fast
        self.slow = slow
        self.quantity = quantity
        self.patience = patience
    }

    /// The decisions after `bar` (index `barIndex`), given the net position and the working
    /// orders (id, the bar index it was sent at).
    public mutating func decide(
        bar: Bar, barIndex: Int64, position: Int64, working: [(id: ClientOrderID, sentAt: Int64)]
    ) -> [Decision] {
        closes.append(bar.close.raw)
        if closes.count > slow { closes.removeFirst() }
        var decisions: [Decision] = working.filter { barIndex - $0.sentAt >= patience }.map { .cancel($0.id) }
        guard closes.count == slow, working.isEmpty else { return decisions }
        // In 128 bits: sums of 64-bit closes (restored ones included) and their products cannot overflow.
        let fastSum = closes.suffix(fast).reduce(Int128(0)) { $0 + Int128($1) }
        let slowSum = closes.reduce(Int128(0)) { $0 + Int128($1) }
        let bullish = fastSum * Int128(slow) > slowSum * Int128(fast)
        if bullish && position == 0 {
            decisions.append(.buyLimit(bar.close))
        } else if !bullish && position > 0 {
            decisions.append(.sellMarket(Quantity(uncheckedRaw: position, precision: quantity.precision)))
        }
        return decisions
    }
}

extension PaperStrategy: RestorableStrategy {
    /// The closes of the current window (at most ``slow``).
    public func savedState() -> [UInt8] {
        var w = ByteWriter(capacity: 8 * closes.count + 2)
        w.writeLength(closes.count)
        for close in closes { w.write(close) }
        return w.bytes
    }

    public mutating func restore(savedState bytes: [UInt8]) throws(JournalCodecError) {
        let slow = self.slow
        closes = try ByteReader.readWhole(bytes) { r throws(JournalCodecError) in
            let count = try r.readLength("close count")
            guard count <= slow else { throw .invalidValue(field: "close count", reason: "\(count) closes for a window of \(slow)") }
            var closes: [Int64] = []
            for _ in 0..<count { closes.append(try r.readInt64("close")) }
            return closes
        }
    }
}

