import ArgumentParser
import BourseAnalytics
import Foundation

/// `bourse portfolio …`: portfolio construction over BourseAnalytics.
struct PortfolioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio", abstract: "Portfolio optimization.", subcommands: [PortfolioOptimize.self])
}

/// `bourse portfolio optimize --prices FILE --method …`: weights and expected performance.
struct PortfolioOptimize: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "optimize",
        abstract: "Optimize portfolio weights from a CSV of prices (date column, then one column per asset).")

    enum Method: String, ExpressibleByArgument, CaseIterable {
        case maxSharpe = "max-sharpe", minVolatility = "min-volatility", efficientRisk = "efficient-risk"
        case efficientReturn = "efficient-return", hrp, riskParity = "risk-parity"
    }

    enum CovarianceModel: String, ExpressibleByArgument, CaseIterable {
        case sample, ledoitWolf = "ledoit-wolf"
    }

    @Option(help: "CSV of prices: a date column, one column per asset; empty cell = missing.") var prices: String
    @Option(help: "max-sharpe, min-volatility, efficient-risk, efficient-return, hrp or risk-parity.") var method: Method
    @Option(help: "Covariance estimator: sample or ledoit-wolf.") var covariance: CovarianceModel = .sample
    @Option(help: "Annual risk-free rate (Sharpe ratio).") var riskFreeRate: Double = 0
    @Option(help: "Target annual volatility (efficient-risk).") var targetVolatility: Double?
    @Option(help: "Target annual return (efficient-return).") var targetReturn: Double?
    @Option(help: "Periods per year of the price rows.") var frequency: Double = 252
    @Flag(help: "Allow weights in [-1, 1] (mean-variance methods).") var longShort = false

    func run() throws { print(try output()) }

    /// The report, or a typed error naming the file line or the option at fault.
    func output() throws -> String {
        let text: String
        do { text = try String(contentsOfFile: prices, encoding: .utf8) } catch {
            throw InputFileError(location: prices, reason: "cannot be read (\(error.localizedDescription))")
        }
        let table: PriceTable
        do { table = try PriceTable(csv: text) } catch {
            throw InputFileError(location: "\(prices):\(error.line)", reason: error.reason)
        }
        do {
            let returns = try AssetReturns(prices: table)
            let mu = ExpectedReturns.meanHistorical(returns, frequency: frequency)
            let sigma = covariance == .sample
                ? try RiskModels.sampleCovariance(returns, frequency: frequency)
                : try RiskModels.ledoitWolf(returns, frequency: frequency).covariance
            let weights = try solve(mu: mu, sigma: sigma)
            let performance = try PortfolioPerformance(
                weights: weights, expectedReturns: mu, covariance: sigma, riskFreeRate: riskFreeRate)
            return report(assets: table.assets, periods: returns.periods, weights: weights, performance: performance)
        } catch {
            throw InputFileError(location: prices, reason: error.description)
        }
    }

    private func solve(mu: Vector, sigma: Matrix) throws(AnalyticsError) -> Vector {
        let constraints: PortfolioConstraints = longShort ? .longShort(assets: mu.count) : .longOnly(assets: mu.count)
        let frontier = { () throws(AnalyticsError) -> EfficientFrontier in
            try EfficientFrontier(expectedReturns: mu, covariance: sigma, constraints: constraints)
        }
        switch method {
        case .maxSharpe: return try frontier().maxSharpe(riskFreeRate: riskFreeRate).weights
        case .minVolatility: return try frontier().minVolatility().weights
        case .efficientRisk:
            guard let targetVolatility else { throw .invalidParameter("--target-volatility is required for efficient-risk") }
            return try frontier().efficientRisk(targetVolatility: targetVolatility).weights
        case .efficientReturn:
            guard let targetReturn else { throw .invalidParameter("--target-return is required for efficient-return") }
            return try frontier().efficientReturn(targetReturn: targetReturn).weights
        case .hrp: return try HierarchicalRiskParity.weights(covariance: sigma)
        case .riskParity: return try RiskParity.weights(covariance: sigma)
        }
    }

    private func report(assets: [String], periods: Int, weights: Vector, performance: PortfolioPerformance) -> String {
        let width = max(assets.map(\.count).max() ?? 0, 5)
        var lines = ["method: \(method.rawValue) (\(assets.count) assets, \(periods) return periods, \(covariance.rawValue) covariance)"]
        lines.append("ASSET".padding(toLength: width, withPad: " ", startingAt: 0) + "  WEIGHT")
        for (asset, weight) in zip(assets, weights) {
            lines.append(asset.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String(format: "%.6f", weight))
        }
        lines.append("expected annual return  " + String(format: "%.6f", performance.expectedReturn))
        lines.append("annual volatility       " + String(format: "%.6f", performance.volatility))
        lines.append("Sharpe ratio            " + String(format: "%.6f", performance.sharpeRatio) + " (risk-free \(riskFreeRate))")
        return lines.joined(separator: "\n")
    }
}
