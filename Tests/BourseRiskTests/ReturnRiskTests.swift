import BourseRisk
import Foundation
import Testing

/// The golden values of `scripts/risk_var_fixtures.py` (empyrical, quantstats, scipy) on GOOG daily returns.
struct VaRGolden: Decodable {
    struct Level: Decodable {
        let historicalVaR, historicalCVaR, parametricVaR, parametricCVaR, cornishFisherVaR: Double
    }
    let goog: [Double]
    let spy: [Double]
    let levels: [String: Level]
    let beta, mean, std, skew, kurt: Double

    static func load() throws -> VaRGolden {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/var_golden", withExtension: "json"))
        return try JSONDecoder().decode(VaRGolden.self, from: Data(contentsOf: url))
    }
}

@Suite("VaR / CVaR golden tests vs empyrical and quantstats on GOOG daily returns")
struct ReturnRiskTests {
    static func relative(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }

    @Test(arguments: ["0.95", "0.99"])
    func historicalAndParametric(level: String) throws {
        let golden = try VaRGolden.load()
        let risk = try ReturnRisk(golden.goog)
        let c = try #require(Double(level))
        let expected = try #require(golden.levels[level])
        #expect(golden.goog.count == 2147)
        #expect(Self.relative(try risk.historicalVaR(confidence: c), expected.historicalVaR) <= 1e-9)
        #expect(Self.relative(try risk.historicalCVaR(confidence: c), expected.historicalCVaR) <= 1e-9)
        #expect(Self.relative(try risk.parametricVaR(confidence: c), expected.parametricVaR) <= 1e-9)
        #expect(Self.relative(try risk.parametricCVaR(confidence: c), expected.parametricCVaR) <= 1e-9)
        #expect(Self.relative(try risk.cornishFisherVaR(confidence: c), expected.cornishFisherVaR) <= 1e-9)
    }

    @Test func momentsAndBeta() throws {
        let golden = try VaRGolden.load()
        let risk = try ReturnRisk(golden.goog)
        #expect(Self.relative(risk.mean, golden.mean) <= 1e-12)
        #expect(Self.relative(risk.standardDeviation, golden.std) <= 1e-12)
        #expect(Self.relative(risk.skewness, golden.skew) <= 1e-9)
        #expect(Self.relative(risk.excessKurtosis, golden.kurt) <= 1e-9)
        #expect(Self.relative(try risk.beta(to: golden.spy), golden.beta) <= 1e-9)
    }

    @Test(arguments: [0.95, 0.99])
    func monteCarloIsReproducibleAndWithinItsInterval(confidence: Double) throws {
        let risk = try ReturnRisk(try VaRGolden.load().goog)
        let a = try risk.monteCarloVaR(confidence: confidence, paths: 200_000, seed: 42)
        let b = try risk.monteCarloVaR(confidence: confidence, paths: 200_000, seed: 42)
        #expect(a == b, "same seed, same result")
        // The simulation draws from the fitted normal: its quantile must cover the closed form
        // within the stated 99.9 % interval.
        #expect(a.confidenceInterval(level: 0.999).contains(try risk.parametricVaR(confidence: confidence)))
        #expect(a.standardError > 0 && a.standardError < 0.001)
        #expect(try risk.monteCarloVaR(confidence: confidence, paths: 200_000, seed: 7).value != a.value)
    }

    @Test func nDayScalingIsSquareRootOfTime() throws {
        #expect(try ReturnRisk.scaled(-0.02, days: 10) == -0.02 * 10.0.squareRoot())
        #expect(throws: RiskAnalyticsError.self) { try ReturnRisk.scaled(-0.02, days: 0) }
    }

    @Test func normalQuantileRoundTrips() throws {
        for p in [1e-10, 0.001, 0.01, 0.025, 0.05, 0.3, 0.5, 0.9, 0.99, 0.999999] {
            let x = try #require(NormalDistribution.quantile(p))
            #expect(abs(NormalDistribution.cdf(x) - p) / p <= 1e-12, "p = \(p)")
        }
        #expect(NormalDistribution.quantile(0) == nil)
        #expect(NormalDistribution.quantile(1) == nil)
    }

    @Test func worstPeriodsReplay() throws {
        let risk = try ReturnRisk([0.01, -0.05, 0.02, -0.03, -0.01, 0.04])
        let days = try risk.worstPeriods(length: 1, count: 2)
        #expect(days.map(\.index) == [1, 3])
        let twoDays = try risk.worstPeriods(length: 2, count: 1)
        #expect(twoDays.first?.index == 0, "(1.01)(0.95) − 1 = −4.05 % beats (0.97)(0.99) − 1 = −3.97 %")
        #expect(abs((twoDays.first?.return ?? 0) - ((1 + 0.01) * (1 - 0.05) - 1)) < 1e-15)
    }

    @Test func badInputs() throws {
        #expect(throws: RiskAnalyticsError.tooFewObservations(needed: 4, got: 2)) { try ReturnRisk([0.1, 0.2]) }
        #expect(throws: RiskAnalyticsError.nonFiniteValue(index: 2)) { try ReturnRisk([0.1, 0.2, .nan, 0.1]) }
        let risk = try ReturnRisk([0.01, -0.02, 0.03, 0.0])
        #expect(throws: RiskAnalyticsError.self) { try risk.historicalVaR(confidence: 1) }
        #expect(throws: RiskAnalyticsError.self) { try risk.beta(to: [0.1]) }
        #expect(throws: RiskAnalyticsError.self) { try risk.monteCarloVaR(confidence: 0.95, paths: 10, seed: 1) }
    }
}
