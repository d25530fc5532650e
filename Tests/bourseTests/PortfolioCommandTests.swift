import ArgumentParser
import BourseAnalytics
import Foundation
import Testing

@testable import bourse

/// `bourse portfolio optimize` and `bourse analytics`, from parsing to output and errors.
@Suite struct PortfolioCommandTests {
    /// 80 rows of three assets on a fixed deterministic path (no randomness).
    static let pricesCSV: String = {
        var lines = ["date,AAA,BBB,CCC"]
        var p = [100.0, 50.0, 20.0]
        for t in 0..<80 {
            let x = Double(t)
            p[0] *= 1 + 0.004 + 0.010 * sin(x * 1.3)
            p[1] *= 1 + 0.002 + 0.020 * sin(x * 0.7 + 1)
            p[2] *= 1 + 0.003 + 0.015 * cos(x * 2.1)
            lines.append("2024-01-\(t)," + p.map { String(format: "%.6f", $0) }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bourse-\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func run(_ arguments: [String]) throws -> String {
        let command = try Bourse.parseAsRoot(arguments)
        if let optimize = command as? PortfolioOptimize { return try optimize.output() }
        return try #require(command as? AnalyticsCommand).output()
    }

    /// The error message of a command that must fail, or `nil` (a recorded issue) if it succeeded.
    func failure(_ arguments: [String]) throws -> String? {
        let error = #expect(throws: (any Error).self) { try run(arguments) }
        return error.map { "\($0)" }
    }

    @Test(arguments: ["min-volatility", "max-sharpe", "risk-parity", "hrp"])
    func optimizePrintsTheLibraryWeights(method: String) throws {
        let path = try file(Self.pricesCSV)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try run(["portfolio", "optimize", "--prices", path, "--method", method])
        let returns = try AssetReturns(prices: PriceTable(csv: Self.pricesCSV))
        let mu = ExpectedReturns.meanHistorical(returns)
        let sigma = try RiskModels.sampleCovariance(returns)
        let weights: Vector = switch method {
        case "min-volatility": try EfficientFrontier(expectedReturns: mu, covariance: sigma).minVolatility().weights
        case "max-sharpe": try EfficientFrontier(expectedReturns: mu, covariance: sigma).maxSharpe().weights
        case "risk-parity": try RiskParity.weights(covariance: sigma)
        default: try HierarchicalRiskParity.weights(covariance: sigma)
        }
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.first == "method: \(method) (3 assets, 79 return periods, sample covariance)")
        for (k, asset) in ["AAA", "BBB", "CCC"].enumerated() {
            #expect(lines.contains("\(asset)    " + String(format: "%.6f", weights[k])), "\(output)")
        }
        let performance = try PortfolioPerformance(weights: weights, expectedReturns: mu, covariance: sigma)
        #expect(lines.contains("annual volatility       " + String(format: "%.6f", performance.volatility)))
    }

    @Test func optimizeReportsBadInputWithLineOrReason() throws {
        let nan = try file("date,AAA,BBB\n2024-01-01,1,2\n2024-01-02,nan,2\n")
        defer { try? FileManager.default.removeItem(atPath: nan) }
        #expect(try failure(["portfolio", "optimize", "--prices", nan, "--method", "hrp"]) == "\(nan):3: AAA: 'nan' is not a number")
        let short = try file("date,AAA,BBB\n2024-01-01,1,2\n2024-01-02,1.1,2.1\n")
        defer { try? FileManager.default.removeItem(atPath: short) }
        #expect(try failure(["portfolio", "optimize", "--prices", short, "--method", "min-volatility"]) == "\(short): too few observations: need 2, got 1")
        let good = try file(Self.pricesCSV)
        defer { try? FileManager.default.removeItem(atPath: good) }
        #expect(try failure(["portfolio", "optimize", "--prices", good, "--method", "efficient-risk"]) == "\(good): invalid parameter: --target-volatility is required for efficient-risk")
        #expect(throws: (any Error).self) { try Bourse.parseAsRoot(["portfolio", "optimize", "--prices", good, "--method", "magic"]) }
        // A duplicated column makes the covariance singular.
        let duplicated = Self.pricesCSV.split(separator: "\n").map { line in line + "," + line.split(separator: ",")[1] }
        let singular = try file(duplicated.joined(separator: "\n"))
        defer { try? FileManager.default.removeItem(atPath: singular) }
        let message = try failure(["portfolio", "optimize", "--prices", singular, "--method", "min-volatility"])
        #expect(message?.hasPrefix("\(singular): singular covariance: covariance is not positive definite") == true, "\(message ?? "")")
    }

    @Test func analyticsPrintsTheMetricTable() throws {
        let equity = [100.0, 101, 99.5, 102, 103.5, 101, 104, 106, 105, 108]
        let path = try file("date,equity\n" + equity.enumerated().map { "2024-01-\($0.offset + 1),\($0.element)" }.joined(separator: "\n"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let output = try run(["analytics", path])
        let series = try ReturnSeries(prices: equity)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.first == "periods                9")
        #expect(lines.contains("Sharpe ratio           " + String(format: "%.6f", try series.sharpeRatio())), "\(output)")
        #expect(lines.contains("max drawdown           " + String(format: "%.6f", try series.maxDrawdown())), "\(output)")
    }

    @Test func analyticsReportsBadInputWithLine() throws {
        let bad = try file("date,equity\n2024-01-01,100\n2024-01-02,abc\n")
        defer { try? FileManager.default.removeItem(atPath: bad) }
        #expect(try failure(["analytics", bad]) == "\(bad):3: value: 'abc' is not a finite number")
        let negative = try file("date,equity\n2024-01-01,100\n2024-01-02,-5\n")
        defer { try? FileManager.default.removeItem(atPath: negative) }
        #expect(try failure(["analytics", negative]) == "\(negative):3: value: equity -5.0 is not positive")
    }
}
