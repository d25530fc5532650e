import BourseCore
import BourseEngine

extension StrategyContext {
    /// Moves the position in `instrument` towards `target` units (positive long, negative
    /// short, 0 flat) with one market order for the difference, rounded down to the lot;
    /// nothing when the position is already there. A move towards zero is reduce-only.
    /// Returns whether an order was submitted.
    @discardableResult
    func rebalance(_ instrument: InstrumentID, to target: Double) throws -> Bool {
        let spec = try self.instrument(instrument)
        let held = units(instrument)
        if target == 0 {
            guard held != 0 else { return false }
            try closePosition(instrument)
            return true
        }
        let quantity = try spec.makeQuantity(abs(target - held))
        guard quantity.raw > 0 else { return false }
        let reducing = (held > 0 && target >= 0 && target < held) || (held < 0 && target <= 0 && target > held)
        submit(try market(instrument, target > held ? .buy : .sell, quantity: quantity, reduceOnly: reducing))
        return true
    }

    /// The signed number of units held in `instrument` (positive long, negative short).
    func units(_ instrument: InstrumentID) -> Double {
        position(instrument).map { Double($0.signedQuantityRaw) / Double(FixedPoint.scale($0.sizePrecision)) } ?? 0
    }
}
