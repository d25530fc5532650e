import BourseAnalytics
import Testing

/// Rebalancing worked by hand: V = 1,000 cash + 10·50 + 0·20 + 40·10 = 1,900.
@Suite struct RebalancePlanTests {
    let quantities: Vector = [10, 0, 40]
    let prices: Vector = [50, 20, 10]
    let target: Vector = [0.5, 0.3, 0.1]

    @Test func lotsMinimumTradeAndCosts() throws {
        // Wanted: 950/50 − 10 = 9 units, 570/20 = 28.5, 190/10 − 40 = −21. Lots of 2, 5, 1:
        // 8, 25, −21 units, worth 400, 500, −210. 1% cost + 1 per order: 5, 6, 3.1.
        let settings = RebalancePlan.Settings(lotSizes: [2, 5, 1], costRate: 0.01, fixedCostPerOrder: 1)
        let plan = try RebalancePlan(quantities: quantities, prices: prices, cash: 1000, targetWeights: target, settings: settings)
        #expect(plan.orders.map(\.asset) == [0, 1, 2])
        #expect(plan.orders.map(\.quantity) == [8, 25, -21])
        #expect(plan.orders.map(\.value) == [400, 500, -210])
        for (actual, expected) in zip(plan.orders.map(\.estimatedCost), [5.0, 6.0, 3.1]) { #expect(abs(actual - expected) <= 1e-12) }
        #expect(abs(plan.cash - (1000 - 400 - 500 + 210 - 14.1)) <= 1e-9)
        #expect(abs(plan.turnover - 1110.0 / 1900) <= 1e-15)
        #expect(plan.quantities == [18, 25, 19])
        // A minimum trade of 300 drops the sale (210).
        var minimum = settings
        minimum.minimumTradeValue = 300
        let fewer = try RebalancePlan(quantities: quantities, prices: prices, cash: 1000, targetWeights: target, settings: minimum)
        #expect(fewer.orders.map(\.asset) == [0, 1])
    }

    @Test func turnoverLimitScalesEveryTrade() throws {
        // Wanted turnover (450 + 570 + 210) / 1900 ≈ 0.647; the limit 0.2 scales by 0.2/0.647…
        // 9 → 2.78 → 2, 28.5 → 8.81 → 8, −21 → −6.49 → −6 (lots of 1).
        let settings = RebalancePlan.Settings(lotSizes: [1, 1, 1], maximumTurnover: 0.2)
        let plan = try RebalancePlan(quantities: quantities, prices: prices, cash: 1000, targetWeights: target, settings: settings)
        #expect(plan.orders.map(\.quantity) == [2, 8, -6])
        #expect(plan.turnover <= 0.2)
    }

    @Test func buysAreCutToTheCashAvailable() throws {
        // No cash, everything in asset 2 (worth 400): all of it to asset 0 at 50 with 1% costs.
        // Sale 40 units = 400 − 4 cost; buy 8 units = 400 + 4: too much, cut to 7 (350 + 3.5).
        let settings = RebalancePlan.Settings(lotSizes: [1, 1, 1], costRate: 0.01)
        let plan = try RebalancePlan(quantities: [0, 0, 40], prices: prices, cash: 0, targetWeights: [1, 0, 0], settings: settings)
        #expect(plan.orders.map(\.quantity) == [7, -40])
        #expect(plan.cash >= 0)
        #expect(abs(plan.cash - (400 - 4 - 350 - 3.5)) <= 1e-9)
    }

    @Test func badInputIsATypedError() {
        let settings = RebalancePlan.Settings(lotSizes: [1, 1, 1])
        #expect(throws: AnalyticsError.invalidParameter("target weights sum to 1.5, above 1")) {
            try RebalancePlan(quantities: quantities, prices: prices, cash: 0, targetWeights: [0.5, 0.5, 0.5], settings: settings)
        }
        #expect(throws: AnalyticsError.nonFiniteValue(what: "price", index: 1)) {
            try RebalancePlan(quantities: quantities, prices: [50, .nan, 10], cash: 0, targetWeights: target, settings: settings)
        }
        #expect(throws: AnalyticsError.invalidParameter("lot size 2 is not positive")) {
            try RebalancePlan(quantities: quantities, prices: prices, cash: 0, targetWeights: target,
                              settings: .init(lotSizes: [1, 1, 0]))
        }
        #expect(throws: AnalyticsError.lengthMismatch("3 holdings, 2 prices, 3 weights, 3 lot sizes")) {
            try RebalancePlan(quantities: quantities, prices: [1, 2], cash: 0, targetWeights: target, settings: settings)
        }
    }
}
