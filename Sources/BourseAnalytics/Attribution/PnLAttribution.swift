public import BourseCore

/// P&L attribution per strategy and per instrument, exact in money, from the fills.
///
/// Each (strategy, instrument, position id) of the fills is replayed into a Core `Position`,
/// whose accounting (realized P&L net of quote-currency commissions, unrealized P&L at a
/// mark) is the platform's own; those lines are then summed per strategy and per instrument.
/// Lines and sums come in order of first appearance in the fills, so outputs are deterministic.
public struct PnLAttribution: Sendable, Equatable {
    /// One strategy's P&L in one instrument.
    public struct Line: Sendable, Equatable {
        public let strategyID: StrategyID
        public let instrumentID: InstrumentID
        /// Realized P&L net of quote-currency commissions.
        public let realized: Money
        /// Unrealized P&L of the open quantity at the mark (zero when flat).
        public let unrealized: Money
        /// `realized + unrealized`.
        public let total: Money
    }

    /// A sum of lines in one currency.
    public struct Total: Sendable, Equatable {
        /// The strategy or instrument identifier.
        public let key: String
        public let realized: Money
        public let unrealized: Money
        public let total: Money
    }

    /// Per (strategy, instrument), in order of first fill.
    public let lines: [Line]

    /// Replays `fills` (in order) against `instruments` and values open positions at `marks`.
    /// - Throws: `invalidParameter` for a fill in an unknown instrument, an open position without
    ///   a mark, or a fill the position rejects (precision, overflow), with the reason.
    public init(fills: [OrderFilled], instruments: [Instrument], marks: [InstrumentID: Price]) throws(AnalyticsError) {
        var instrumentByID = [InstrumentID: Instrument]()
        for instrument in instruments { instrumentByID[instrument.id] = instrument }
        struct Key: Hashable {
            let strategy: StrategyID
            let instrument: InstrumentID
            let position: PositionID?
        }
        var slot = [Key: Int]()
        var positions = [Position]()
        var strategies = [StrategyID]()
        for (k, fill) in fills.enumerated() {
            let key = Key(strategy: fill.strategyID, instrument: fill.instrumentID, position: fill.positionID)
            let index: Int
            if let existing = slot[key] {
                index = existing
            } else {
                guard let instrument = instrumentByID[fill.instrumentID] else {
                    throw .invalidParameter("fill \(k): unknown instrument \(fill.instrumentID)")
                }
                let id: PositionID
                do { id = try fill.positionID ?? PositionID("attribution-\(positions.count)") } catch {
                    throw .invalidParameter("fill \(k): \(error)")
                }
                index = positions.count
                slot[key] = index
                positions.append(Position(id: id, instrument: instrument, strategyID: fill.strategyID))
                strategies.append(fill.strategyID)
            }
            do { try positions[index].apply(fill: fill) } catch { throw .invalidParameter("fill \(k): \(error)") }
        }
        var lines = [Line]()
        for (position, strategyID) in zip(positions, strategies) {
            var unrealized = Money.zero(position.quoteCurrency)
            if !position.isFlat {
                guard let mark = marks[position.instrumentID] else {
                    throw .invalidParameter("no mark price for open position in \(position.instrumentID)")
                }
                do { unrealized = try position.unrealizedPnL(at: mark) } catch {
                    throw .invalidParameter("position in \(position.instrumentID): \(error)")
                }
            }
            let total: Money
            do { total = try position.realizedPnL + unrealized } catch {
                throw .invalidParameter("position in \(position.instrumentID): \(error)")
            }
            lines.append(Line(
                strategyID: strategyID, instrumentID: position.instrumentID,
                realized: position.realizedPnL, unrealized: unrealized, total: total))
        }
        self.lines = lines
    }

    /// Sums per strategy (one total per strategy and currency), in order of first appearance.
    public func byStrategy() throws(AnalyticsError) -> [Total] {
        try Self.sum(lines) { $0.strategyID.value }
    }

    /// Sums per instrument, in order of first appearance.
    public func byInstrument() throws(AnalyticsError) -> [Total] {
        try Self.sum(lines) { "\($0.instrumentID)" }
    }

    private static func sum(_ lines: [Line], by key: (Line) -> String) throws(AnalyticsError) -> [Total] {
        var totals = [Total]()
        var slot = [String: Int]()
        for line in lines {
            let name = key(line)
            let slotKey = "\(name)\u{0}\(line.total.currency)"
            guard let index = slot[slotKey] else {
                slot[slotKey] = totals.count
                totals.append(Total(key: name, realized: line.realized, unrealized: line.unrealized, total: line.total))
                continue
            }
            let previous = totals[index]
            do {
                totals[index] = Total(
                    key: name, realized: try previous.realized + line.realized,
                    unrealized: try previous.unrealized + line.unrealized, total: try previous.total + line.total)
            } catch {
                throw .invalidParameter("P&L sum for \(name): \(error)")
            }
        }
        return totals
    }
}
