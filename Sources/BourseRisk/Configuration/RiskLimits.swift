public import BourseCore

/// At most `maxCount` commands in any sliding window of `window` (on the kernel clock's time).
public struct RateLimit: Sendable, Hashable, Codable {
    public var maxCount: Int
    public var window: Nanoseconds

    public init(maxCount: Int, window: Nanoseconds) {
        self.maxCount = maxCount
        self.window = window
    }
}

/// The fat-finger guard: a limit price at most `maxFraction` (e.g. `0.05` = 5 %) and/or
/// `maxTicks` ticks away from the last/mid price; with both, the tighter applies.
public struct PriceBandLimit: Sendable, Hashable, Codable {
    public var maxFraction: Rate?
    public var maxTicks: Int64?

    public init(maxFraction: Rate? = nil, maxTicks: Int64? = nil) {
        self.maxFraction = maxFraction
        self.maxTicks = maxTicks
    }
}

/// A cap on a quantity and/or a notional (in the portfolio's base currency); `nil` is no cap.
public struct SizeLimit: Sendable, Hashable, Codable {
    public var maxQuantity: Quantity?
    public var maxNotional: Money?

    public init(maxQuantity: Quantity? = nil, maxNotional: Money? = nil) {
        self.maxQuantity = maxQuantity
        self.maxNotional = maxNotional
    }

    /// Throws when a cap is set but not positive; `setting` names it in the error.
    func validate(_ setting: String) throws(RiskConfigurationError) {
        if let maxQuantity, maxQuantity.raw <= 0 { throw .init(setting, "maxQuantity must be positive, got \(maxQuantity)") }
        if let maxNotional, maxNotional.raw <= 0 { throw .init(setting, "maxNotional must be positive, got \(maxNotional)") }
    }
}

/// A value holding a ``SizeLimit``, whose two caps it exposes as its own.
public protocol SizeLimited {
    var limit: SizeLimit { get set }
}

extension SizeLimited {
    public var maxQuantity: Quantity? {
        get { limit.maxQuantity }
        set { limit.maxQuantity = newValue }
    }
    public var maxNotional: Money? {
        get { limit.maxNotional }
        set { limit.maxNotional = newValue }
    }
}

/// A ``SizeLimit`` for every instrument, with per-instrument overrides.
public struct SizeLimits: SizeLimited, Sendable, Hashable, Codable {
    /// The caps of instruments without an override.
    public var limit: SizeLimit
    /// Overrides for single instruments (each field overrides the default when set).
    public var instruments: [InstrumentSizeLimit]

    public init(maxQuantity: Quantity? = nil, maxNotional: Money? = nil, instruments: [InstrumentSizeLimit] = []) {
        limit = SizeLimit(maxQuantity: maxQuantity, maxNotional: maxNotional)
        self.instruments = instruments
    }
}

/// The size limits of one instrument.
public struct InstrumentSizeLimit: SizeLimited, Sendable, Hashable, Codable {
    public var instrumentID: InstrumentID
    public var limit: SizeLimit

    public init(instrumentID: InstrumentID, maxQuantity: Quantity? = nil, maxNotional: Money? = nil) {
        self.instrumentID = instrumentID
        limit = SizeLimit(maxQuantity: maxQuantity, maxNotional: maxNotional)
    }
}

/// Gross exposure of the instruments carrying `tag`, as a fraction of equity.
public struct TagLimit: Sendable, Hashable, Codable {
    public var tag: String
    public var maxFraction: Rate

    public init(tag: String, maxFraction: Rate) {
        self.tag = tag
        self.maxFraction = maxFraction
    }
}

/// No new position whose rolling return correlation with an open position, signed by the two
/// directions (long/long and short/short positive), exceeds `maxCorrelation`, over the last
/// `window` returns; fewer than `minObservations` common returns pass (not enough evidence).
public struct CorrelationLimit: Sendable, Hashable, Codable {
    public var maxCorrelation: Double
    public var window: Int
    public var minObservations: Int

    public init(maxCorrelation: Double, window: Int, minObservations: Int = 10) {
        self.maxCorrelation = maxCorrelation
        self.window = window
        self.minObservations = minObservations
    }
}

/// A loss limit as an amount and/or a fraction of the reference equity; with both, the tighter applies.
public struct LossLimit: Sendable, Hashable, Codable {
    public var maxAmount: Money?
    public var maxFraction: Rate?

    public init(maxAmount: Money? = nil, maxFraction: Rate? = nil) {
        self.maxAmount = maxAmount
        self.maxFraction = maxFraction
    }

    /// The limit in raw units for `referenceRaw` equity: the smaller of the amount and the fraction
    /// (`nil` when neither is set).
    func limitRaw(reference referenceRaw: Int64) -> Int64? {
        let fraction = maxFraction.map { RiskMath.fraction($0, of: referenceRaw) }
        switch (maxAmount?.raw, fraction) {
        case (let a?, let f?): return min(a, f)
        case (let a?, nil): return a
        case (nil, let f?): return f
        case (nil, nil): return nil
        }
    }
}

/// Orders that add exposure need `notional (+ taker fee)` within free cash × `leverage`.
public struct BuyingPowerLimit: Sendable, Hashable, Codable {
    /// `1` for a cash account.
    public var leverage: Rate
    public var includeFees: Bool

    public init(leverage: Rate = Rate(uncheckedRaw: 1, precision: 0), includeFees: Bool = true) {
        self.leverage = leverage
        self.includeFees = includeFees
    }
}

/// The trading day: orders only from `opens + openingDelay` (inclusive) to `closes − closingCutoff`
/// (exclusive), on `weekdays` (ISO: 1 = Monday … 7 = Sunday), in local time = UTC + `utcOffset`.
/// Times of day are given as durations since local midnight.
public struct TradingSessionLimit: Sendable, Hashable, Codable {
    public var opens: Nanoseconds
    public var closes: Nanoseconds
    public var openingDelay: Nanoseconds
    public var closingCutoff: Nanoseconds
    public var utcOffset: Nanoseconds
    public var weekdays: [Int]

    public init(
        opens: Nanoseconds, closes: Nanoseconds, openingDelay: Nanoseconds = .zero, closingCutoff: Nanoseconds = .zero,
        utcOffset: Nanoseconds = .zero, weekdays: [Int] = [1, 2, 3, 4, 5]
    ) {
        self.opens = opens
        self.closes = closes
        self.openingDelay = openingDelay
        self.closingCutoff = closingCutoff
        self.utcOffset = utcOffset
        self.weekdays = weekdays
    }
}
