import BourseCore
import BourseEngine
import BourseIndicators

/// Two registered indicator lines whose crossings give signals (shared by the crossover strategies).
struct CrossLines<Fast: Indicator, Slow: Indicator> where Fast.Output == Double, Slow.Output == Double {
    let fast: IndicatorRef<Fast>
    let slow: IndicatorRef<Slow>

    /// `.buy` when fast crossed above slow on the last update (previous fast < previous slow
    /// and fast > slow, backtesting.py's `crossover`), `.sell` when it crossed below, else `nil`.
    var cross: OrderSide? {
        guard fast.hasPrevious, slow.hasPrevious else { return nil }
        let (f0, s0, f1, s1) = (fast.previousValue, slow.previousValue, fast.value, slow.value)
        if f0 < s0 && f1 > s1 { return .buy }
        if f0 > s0 && f1 < s1 { return .sell }
        return nil
    }
}

extension StrategyContext {
    /// Closes any position in `instrument`, then opens one on `side` with all available funds
    /// (a sized market order): the always-in-the-market reversal of the crossover strategies.
    func reverse(to side: OrderSide, _ instrument: InstrumentID) throws {
        try closePosition(instrument)
        submitMarket(instrument, side, sizing: .allAvailableFunds)
    }
}
