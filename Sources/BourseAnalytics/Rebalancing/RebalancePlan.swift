/// Orders that move current holdings toward target weights, respecting lot sizes, a minimum
/// trade value, a turnover limit, estimated costs and the cash available.
///
/// With `V = cash + Σ qᵢpᵢ` and target values `wᵢV` (weights may sum to less than 1; the rest stays
/// in cash):
/// 1. the wanted trade of asset `i` is `wᵢV/pᵢ − qᵢ` units;
/// 2. if the one-way turnover `Σ|tradeᵢ|·pᵢ / V` exceeds `maximumTurnover`, every trade is scaled
///    by the same factor (a partial move toward the target);
/// 3. each trade is rounded toward zero to a whole number of lots (so rounding never adds
///    turnover), and trades worth less than `minimumTradeValue` are dropped;
/// 4. each order's estimated cost is `costRate · |value| + fixedCostPerOrder`; if the buys and
///    costs exceed the cash plus the sales, the largest buys are cut, lot by lot, until they fit.
public struct RebalancePlan: Sendable, Equatable {
    /// Constraints and costs of a rebalance.
    public struct Settings: Sendable, Equatable {
        /// Tradable unit per asset (e.g. 1 share, 100 shares, 0.001 BTC).
        public var lotSizes: Vector
        /// Trades worth less than this are not sent.
        public var minimumTradeValue: Double
        /// Largest one-way turnover `Σ|trade value| / V`, or `nil` for none.
        public var maximumTurnover: Double?
        /// Proportional cost (commission plus estimated slippage) per unit of traded value.
        public var costRate: Double
        /// Fixed cost per order.
        public var fixedCostPerOrder: Double

        public init(
            lotSizes: Vector, minimumTradeValue: Double = 0, maximumTurnover: Double? = nil,
            costRate: Double = 0, fixedCostPerOrder: Double = 0
        ) {
            self.lotSizes = lotSizes
            self.minimumTradeValue = minimumTradeValue
            self.maximumTurnover = maximumTurnover
            self.costRate = costRate
            self.fixedCostPerOrder = fixedCostPerOrder
        }
    }

    /// One order: a signed quantity (positive = buy) of one asset.
    public struct Order: Sendable, Equatable {
        /// Index of the asset in the inputs.
        public let asset: Int
        /// Units to trade, a whole number of lots; negative sells.
        public let quantity: Double
        /// `quantity · price`.
        public let value: Double
        /// `costRate · |value| + fixedCostPerOrder`.
        public let estimatedCost: Double
    }

    /// Orders in asset order (sells and buys).
    public let orders: [Order]
    /// Holdings after the orders.
    public let quantities: Vector
    /// Cash after the orders and their estimated costs.
    public let cash: Double
    /// `Σ|value| / V`.
    public let turnover: Double
    /// `Σ estimatedCost`.
    public let estimatedCosts: Double
    /// Weights after the orders, on the portfolio value net of costs.
    public let weights: Vector

    /// Plans the orders.
    /// - Throws: `lengthMismatch`, `nonFiniteValue`, or `invalidParameter` (negative holdings or
    ///   weights, weights summing above 1, a non-positive price or lot, negative costs, a
    ///   turnover limit outside [0, ∞), or a portfolio worth nothing).
    public init(
        quantities: Vector, prices: Vector, cash: Double, targetWeights: Vector, settings: Settings
    ) throws(AnalyticsError) {
        let n = quantities.count
        guard prices.count == n, targetWeights.count == n, settings.lotSizes.count == n else {
            throw .lengthMismatch("\(n) holdings, \(prices.count) prices, \(targetWeights.count) weights, \(settings.lotSizes.count) lot sizes")
        }
        for (name, values) in [("holding", quantities), ("price", prices), ("target weight", targetWeights), ("lot size", settings.lotSizes)] {
            if let i = values.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteValue(what: name, index: i) }
        }
        guard cash.isFinite, cash >= 0 else { throw .invalidParameter("cash must be finite and non-negative, got \(cash)") }
        if let i = quantities.firstIndex(where: { $0 < 0 }) { throw .invalidParameter("holding \(i) is negative (long-only rebalancing)") }
        if let i = prices.firstIndex(where: { $0 <= 0 }) { throw .invalidParameter("price \(i) is not positive") }
        if let i = settings.lotSizes.firstIndex(where: { $0 <= 0 }) { throw .invalidParameter("lot size \(i) is not positive") }
        if let i = targetWeights.firstIndex(where: { $0 < 0 }) { throw .invalidParameter("target weight \(i) is negative (long-only rebalancing)") }
        guard targetWeights.reduce(0, +) <= 1 + 1e-9 else {
            throw .invalidParameter("target weights sum to \(targetWeights.reduce(0, +)), above 1")
        }
        guard settings.costRate >= 0, settings.fixedCostPerOrder >= 0, settings.minimumTradeValue >= 0,
              settings.costRate.isFinite, settings.fixedCostPerOrder.isFinite, settings.minimumTradeValue.isFinite
        else { throw .invalidParameter("costs and the minimum trade value must be finite and non-negative") }
        if let limit = settings.maximumTurnover, !(limit >= 0 && limit.isFinite) {
            throw .invalidParameter("maximum turnover must be finite and non-negative, got \(limit)")
        }
        let value = cash + zip(quantities, prices).reduce(0) { $0 + $1.0 * $1.1 }
        guard value > 0 else { throw .invalidParameter("the portfolio is worth nothing") }

        var trades = (0..<n).map { targetWeights[$0] * value / prices[$0] - quantities[$0] }
        let wantedTurnover = (0..<n).reduce(0) { $0 + abs(trades[$1]) * prices[$1] } / value
        if let limit = settings.maximumTurnover, wantedTurnover > limit {
            let scale = limit / wantedTurnover
            for i in 0..<n { trades[i] *= scale }
        }
        for i in 0..<n {
            let lot = settings.lotSizes[i]
            // Toward zero, with a little slack so 2.9999999999 lots of floating noise count as 3.
            trades[i] = (trades[i] / lot * (1 + 1e-12)).rounded(.towardZero) * lot
            if abs(trades[i]) * prices[i] < settings.minimumTradeValue { trades[i] = 0 }
        }
        func cost(_ i: Int) -> Double {
            trades[i] == 0 ? 0 : settings.costRate * abs(trades[i]) * prices[i] + settings.fixedCostPerOrder
        }
        func cashAfter() -> Double { (0..<n).reduce(cash) { $0 - trades[$1] * prices[$1] - cost($1) } }
        var shortfall = -cashAfter()
        while shortfall > 1e-9 * value {
            guard let i = (0..<n).filter({ trades[$0] > 0 }).max(by: { trades[$0] * prices[$0] < trades[$1] * prices[$1] }) else {
                throw .invalidParameter("the sales cannot pay the order costs (\(shortfall) short)")
            }
            let lot = settings.lotSizes[i]
            let lots = max(1, (shortfall / (prices[i] * lot * (1 + settings.costRate))).rounded(.up))
            trades[i] = max(trades[i] - lots * lot, 0)
            if trades[i] * prices[i] < settings.minimumTradeValue { trades[i] = 0 }
            shortfall = -cashAfter()
        }
        orders = (0..<n).filter { trades[$0] != 0 }.map { i in
            Order(asset: i, quantity: trades[i], value: trades[i] * prices[i], estimatedCost: cost(i))
        }
        let after = (0..<n).map { quantities[$0] + trades[$0] }
        self.quantities = after
        self.cash = cashAfter()
        turnover = orders.reduce(0) { $0 + abs($1.value) } / value
        estimatedCosts = orders.reduce(0) { $0 + $1.estimatedCost }
        let net = self.cash + (0..<n).reduce(0) { $0 + after[$1] * prices[$1] }
        weights = (0..<n).map { after[$0] * prices[$0] / net }
    }
}
