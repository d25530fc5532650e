import Benchmark
import BourseAnalytics

/// Deterministic synthetic returns: `assets` series of `days` daily returns from a 3-factor
/// model plus idiosyncratic noise (a fixed-seed xorshift generator; no wall clock).
func syntheticReturns(assets: Int, days: Int) -> AssetReturns? {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func uniform() -> Double {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Double(state >> 11) / Double(1 << 53)
    }
    func normal() -> Double {
        // Sum of 12 uniforms − 6: close enough to N(0, 1) for a benchmark.
        (0..<12).reduce(0) { acc, _ in acc + uniform() } - 6
    }
    let loadings = (0..<assets).map { _ in (0..<3).map { _ in 0.5 + uniform() } }
    let drift = (0..<assets).map { _ in 0.0002 + 0.0006 * uniform() }
    var values = [Double]()
    values.reserveCapacity(assets * days)
    for _ in 0..<days {
        let factors = (0..<3).map { _ in 0.006 * normal() }
        for a in 0..<assets {
            var r = drift[a] + 0.012 * normal()
            for f in 0..<3 { r += loadings[a][f] * factors[f] }
            values.append(r)
        }
    }
    guard let matrix = try? Matrix(rows: days, columns: assets, elements: values) else { return nil }
    return try? AssetReturns(assets: (0..<assets).map { "A\($0)" }, values: matrix)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .instructions, .mallocCountTotal], maxDuration: .seconds(20), maxIterations: 20)

    Benchmark("maxSharpe 500 assets x 2500 days (covariance + solve)") { benchmark in
        guard let returns = syntheticReturns(assets: 500, days: 2500) else { fatalError("benchmark data") }
        benchmark.startMeasurement()
        let mu = ExpectedReturns.meanHistorical(returns, compounding: false)
        let sigma = try RiskModels.sampleCovariance(returns)
        let result = try EfficientFrontier(expectedReturns: mu, covariance: sigma).maxSharpe()
        blackHole(result)
    }

    Benchmark("minVolatility 500 assets (solve only)") { benchmark in
        guard let returns = syntheticReturns(assets: 500, days: 2500) else { fatalError("benchmark data") }
        let mu = ExpectedReturns.meanHistorical(returns, compounding: false)
        let sigma = try RiskModels.sampleCovariance(returns)
        benchmark.startMeasurement()
        blackHole(try EfficientFrontier(expectedReturns: mu, covariance: sigma).minVolatility())
    }

    Benchmark("riskParity 500 assets (solve only)") { benchmark in
        guard let returns = syntheticReturns(assets: 500, days: 2500) else { fatalError("benchmark data") }
        let sigma = try RiskModels.sampleCovariance(returns)
        benchmark.startMeasurement()
        blackHole(try RiskParity.weights(covariance: sigma))
    }

    Benchmark("performance metrics, 2500 daily returns") { benchmark in
        guard let returns = syntheticReturns(assets: 2, days: 2500) else { fatalError("benchmark data") }
        let series = try ReturnSeries(returns.values.column(0))
        let benchmarkSeries = try ReturnSeries(returns.values.column(1))
        benchmark.startMeasurement()
        blackHole(try series.sharpeRatio())
        blackHole(try series.sortinoRatio())
        blackHole(try series.maxDrawdown())
        blackHole(try series.alphaBeta(against: benchmarkSeries))
        blackHole(try series.tailRatio())
    }
}
