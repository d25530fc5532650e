extension ReturnSeries {
    /// The underwater curve: for each period, `wealth / running peak − 1` (≤ 0), the starting
    /// wealth of 1 counting as a peak.
    public func underwater() -> [Double] {
        var wealth = 1.0
        var peak = 1.0
        return values.map { r in
            wealth *= 1 + r
            peak = max(peak, wealth)
            return wealth / peak - 1
        }
    }

    /// Maximum drawdown, the most negative underwater value (empyrical `max_drawdown`); 0 if none.
    public func maxDrawdown() throws(AnalyticsError) -> Double {
        try require(1)
        return underwater().min() ?? 0
    }

    /// The longest time spent under water, in periods (an unrecovered drawdown counts up to the
    /// last period).
    public func maxDrawdownDuration() -> Int {
        var longest = 0
        var current = 0
        for u in underwater() {
            current = u < 0 ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }

    /// The deepest `top` drawdowns, deepest first. A drawdown is a maximal run of periods under
    /// water; its peak is the period before the run. This matches pyfolio's `gen_drawdown_table`
    /// (which the golden test reproduces), except that pyfolio misplaces the peak of a drawdown that
    /// starts right at another one's recovery.
    public func drawdowns(top: Int = 5) -> [Drawdown] {
        let water = underwater()
        // Episodes are maximal runs of negative underwater values; each is one drawdown.
        var episodes = [Drawdown]()
        var i = 0
        while i < water.count {
            guard water[i] < 0 else {
                i += 1
                continue
            }
            let start = i
            var valley = i
            while i < water.count, water[i] < 0 {
                if water[i] < water[valley] { valley = i }
                i += 1
            }
            episodes.append(Drawdown(
                peak: start == 0 ? nil : start - 1, valley: valley,
                recovery: i < water.count ? i : nil, depth: water[valley]))
        }
        // Ties in depth keep the earlier episode first, like `idxmin`.
        let ranked = episodes.enumerated().sorted {
            $0.element.depth != $1.element.depth ? $0.element.depth < $1.element.depth : $0.offset < $1.offset
        }
        return ranked.prefix(max(top, 0)).map(\.element)
    }
}
