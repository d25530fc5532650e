import BourseCore

extension RiskConfiguration {
    /// Checks every limit: positive sizes and fractions, windows and counts, a session that opens before it closes.
    public func validate() throws(RiskConfigurationError) {
        for (name, limit) in [("orderRate", orderRate), ("messageRate", messageRate)] {
            guard let limit else { continue }
            guard limit.maxCount > 0 else { throw .init(name, "maxCount must be positive, got \(limit.maxCount)") }
            guard limit.window.rawValue > 0 else { throw .init(name, "window must be positive, got \(limit.window.rawValue) ns") }
        }
        if let band = priceBand {
            guard band.maxFraction != nil || band.maxTicks != nil else { throw .init("priceBand", "set maxFraction or maxTicks") }
            if let f = band.maxFraction, f.raw < 0 { throw .init("priceBand.maxFraction", "must not be negative, got \(f)") }
            if let t = band.maxTicks, t < 0 { throw .init("priceBand.maxTicks", "must not be negative, got \(t)") }
        }
        for (name, limits) in [("orderSize", orderSize), ("positionSize", positionSize)] {
            guard let limits else { continue }
            try limits.limit.validate(name)
            for override in limits.instruments { try override.limit.validate("\(name).instruments[\(override.instrumentID)]") }
        }
        if let n = maxOpenPositions, n < 0 { throw .init("maxOpenPositions", "must not be negative, got \(n)") }
        for (name, rate) in [("maxGrossExposure", maxGrossExposure), ("maxNetExposure", maxNetExposure)] + tagLimits.map({ ("tagLimits[\($0.tag)]", $0.maxFraction) }) {
            if let rate, rate.raw <= 0 { throw .init(name, "must be a positive fraction of equity, got \(rate)") }
        }
        if let c = correlation {
            guard c.maxCorrelation.isFinite, (-1...1).contains(c.maxCorrelation) else {
                throw .init("correlation.maxCorrelation", "must be in [-1, 1], got \(c.maxCorrelation)")
            }
            guard c.window >= 2, c.minObservations >= 2 else {
                throw .init("correlation", "window and minObservations must be at least 2, got \(c.window), \(c.minObservations)")
            }
        }
        for (name, limit) in [("dailyLoss", dailyLoss), ("drawdown", drawdown)] {
            guard let limit else { continue }
            guard limit.maxAmount != nil || limit.maxFraction != nil else { throw .init(name, "set maxAmount or maxFraction") }
            if let a = limit.maxAmount, a.raw <= 0 { throw .init("\(name).maxAmount", "must be positive, got \(a)") }
            if let f = limit.maxFraction, f.raw <= 0 { throw .init("\(name).maxFraction", "must be positive, got \(f)") }
        }
        if let b = buyingPower, b.leverage.raw <= 0 { throw .init("buyingPower.leverage", "must be positive, got \(b.leverage)") }
        if let s = tradingSession {
            guard s.opens.rawValue >= 0, s.closes.rawValue <= Nanoseconds.perDay,
                s.opens.rawValue + s.openingDelay.rawValue < s.closes.rawValue - s.closingCutoff.rawValue
            else { throw .init("tradingSession", "opens + openingDelay must be before closes − closingCutoff within one day") }
            guard s.openingDelay.rawValue >= 0, s.closingCutoff.rawValue >= 0 else {
                throw .init("tradingSession", "openingDelay and closingCutoff must not be negative")
            }
            guard !s.weekdays.isEmpty, s.weekdays.allSatisfy({ (1...7).contains($0) }) else {
                throw .init("tradingSession.weekdays", "must be ISO weekdays 1...7, got \(s.weekdays)")
            }
        }
    }
}

extension RiskConfiguration {
    /// Every money limit with the setting that holds it, in the configuration's order (they must be
    /// in the portfolio's base currency).
    var moneyLimits: [(setting: String, money: Money)] {
        var limits: [(String, Money?)] = []
        for (name, sizes) in [("orderSize", orderSize), ("positionSize", positionSize)] {
            guard let sizes else { continue }
            limits.append(("\(name).maxNotional", sizes.maxNotional))
            limits += sizes.instruments.map { ("\(name).instruments[\($0.instrumentID)].maxNotional", $0.maxNotional) }
        }
        limits += [("dailyLoss.maxAmount", dailyLoss?.maxAmount), ("drawdown.maxAmount", drawdown?.maxAmount)]
        return limits.compactMap { setting, money in money.map { (setting, $0) } }
    }
}
