public import BourseCore

/// Every pre-trade limit, as read from the configuration file. A `nil` (or empty) limit
/// disables its check; the restricted list, reduce-only and the order's own reduce-only
/// flag are always enforced.
///
/// Money limits are exact (``Money``), fractions are exact (``Rate``: `"0.25"` = 25 %);
/// only the correlation bound is a `Double` (a statistic, not money).
public struct RiskConfiguration: Sendable, Hashable, Codable {
    /// When a limit that allows it is exceeded, reduce the order's quantity to the limit
    /// (rounded down to the lot size) instead of denying it.
    public var reduceQuantityToLimits: Bool
    /// Instruments nobody may add exposure to (orders that only reduce a position pass).
    public var restrictedInstruments: [InstrumentID]
    public var tradingSession: TradingSessionLimit?
    /// Reduce-only mode: every order may only reduce its position (the kill switch sets it too).
    public var reduceOnly: Bool
    /// Submits and modifies per sliding window.
    public var orderRate: RateLimit?
    /// Every command (submit, modify, cancel) per sliding window; cancels always pass but count.
    public var messageRate: RateLimit?
    public var priceBand: PriceBandLimit?
    public var orderSize: SizeLimits?
    /// Limits on the projected position (the position once this order and the other open orders on its side fill).
    public var positionSize: SizeLimits?
    public var maxOpenPositions: Int?
    /// Σ |position value| after the order, as a fraction of equity.
    public var maxGrossExposure: Rate?
    /// |Σ signed position value| after the order, as a fraction of equity.
    public var maxNetExposure: Rate?
    /// Σ |position value| per tag (sector, `asset-class:equity`...), as a fraction of equity.
    public var tagLimits: [TagLimit]
    public var correlation: CorrelationLimit?
    /// Loss since the start of the day (realized + unrealized: start-of-day equity − equity).
    public var dailyLoss: LossLimit?
    /// Drawdown from the equity peak (peak − equity).
    public var drawdown: LossLimit?
    public var buyingPower: BuyingPowerLimit?

    /// A configuration; everything off by default.
    public init(
        reduceQuantityToLimits: Bool = false, restrictedInstruments: [InstrumentID] = [],
        tradingSession: TradingSessionLimit? = nil, reduceOnly: Bool = false, orderRate: RateLimit? = nil,
        messageRate: RateLimit? = nil, priceBand: PriceBandLimit? = nil, orderSize: SizeLimits? = nil,
        positionSize: SizeLimits? = nil, maxOpenPositions: Int? = nil, maxGrossExposure: Rate? = nil,
        maxNetExposure: Rate? = nil, tagLimits: [TagLimit] = [], correlation: CorrelationLimit? = nil,
        dailyLoss: LossLimit? = nil, drawdown: LossLimit? = nil, buyingPower: BuyingPowerLimit? = nil
    ) {
        self.reduceQuantityToLimits = reduceQuantityToLimits
        self.restrictedInstruments = restrictedInstruments
        self.tradingSession = tradingSession
        self.reduceOnly = reduceOnly
        self.orderRate = orderRate
        self.messageRate = messageRate
        self.priceBand = priceBand
        self.orderSize = orderSize
        self.positionSize = positionSize
        self.maxOpenPositions = maxOpenPositions
        self.maxGrossExposure = maxGrossExposure
        self.maxNetExposure = maxNetExposure
        self.tagLimits = tagLimits
        self.correlation = correlation
        self.dailyLoss = dailyLoss
        self.drawdown = drawdown
        self.buyingPower = buyingPower
    }

    private enum CodingKeys: String, CodingKey {
        case reduceQuantityToLimits, restrictedInstruments, tradingSession, reduceOnly, orderRate, messageRate
        case priceBand, orderSize, positionSize, maxOpenPositions, maxGrossExposure, maxNetExposure, tagLimits
        case correlation, dailyLoss, drawdown, buyingPower
    }

    /// Decodes a configuration in which every key is optional.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            reduceQuantityToLimits: try c.decodeIfPresent(Bool.self, forKey: .reduceQuantityToLimits) ?? false,
            restrictedInstruments: try c.decodeIfPresent([InstrumentID].self, forKey: .restrictedInstruments) ?? [],
            tradingSession: try c.decodeIfPresent(TradingSessionLimit.self, forKey: .tradingSession),
            reduceOnly: try c.decodeIfPresent(Bool.self, forKey: .reduceOnly) ?? false,
            orderRate: try c.decodeIfPresent(RateLimit.self, forKey: .orderRate),
            messageRate: try c.decodeIfPresent(RateLimit.self, forKey: .messageRate),
            priceBand: try c.decodeIfPresent(PriceBandLimit.self, forKey: .priceBand),
            orderSize: try c.decodeIfPresent(SizeLimits.self, forKey: .orderSize),
            positionSize: try c.decodeIfPresent(SizeLimits.self, forKey: .positionSize),
            maxOpenPositions: try c.decodeIfPresent(Int.self, forKey: .maxOpenPositions),
            maxGrossExposure: try c.decodeIfPresent(Rate.self, forKey: .maxGrossExposure),
            maxNetExposure: try c.decodeIfPresent(Rate.self, forKey: .maxNetExposure),
            tagLimits: try c.decodeIfPresent([TagLimit].self, forKey: .tagLimits) ?? [],
            correlation: try c.decodeIfPresent(CorrelationLimit.self, forKey: .correlation),
            dailyLoss: try c.decodeIfPresent(LossLimit.self, forKey: .dailyLoss),
            drawdown: try c.decodeIfPresent(LossLimit.self, forKey: .drawdown),
            buyingPower: try c.decodeIfPresent(BuyingPowerLimit.self, forKey: .buyingPower))
    }
}
