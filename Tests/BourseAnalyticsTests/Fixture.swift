import BourseAnalytics
import Foundation
import Testing

/// Loads the golden fixtures and the real price files copied under `Fixtures/`.
enum Fixture {
    static func url(_ name: String) throws -> URL {
        try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
    }

    static func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: url(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func priceTable(_ name: String) throws -> PriceTable {
        try PriceTable(csv: String(decoding: Data(contentsOf: url("data/\(name)")), as: UTF8.self))
    }

    /// GOOG and SPY simple returns on their common dates (as the fixture script builds them).
    static func googAndSPY() throws -> (goog: ReturnSeries, spy: ReturnSeries) {
        let goog = try priceTable("GOOG.csv")
        let spy = try priceTable("spy_prices.csv")
        let spyByDate = Dictionary(uniqueKeysWithValues: zip(spy.dates, try #require(spy.column("SPY"))))
        let googClose = try #require(goog.column("Close"))
        var g = [Double]()
        var s = [Double]()
        for (date, close) in zip(goog.dates, googClose) {
            guard let close, let benchmark = spyByDate[date] ?? nil else { continue }
            g.append(close)
            s.append(benchmark)
        }
        return (try ReturnSeries(prices: g), try ReturnSeries(prices: s))
    }
}

/// `|a − b| ≤ tolerance · max(|b|, 1e-300)`, with a readable failure.
func expectRelative(
    _ actual: Double, _ expected: Double, _ tolerance: Double = 1e-9,
    _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    let error = abs(actual - expected) / max(abs(expected), 1e-300)
    #expect(error <= tolerance, "\(what): \(actual) vs \(expected) (relative error \(error))", sourceLocation: sourceLocation)
}

func number(_ dict: [String: Any], _ key: String) throws -> Double {
    try #require(dict[key] as? Double, "missing number \(key)")
}

func numbers(_ dict: [String: Any], _ key: String) throws -> [Double] {
    try #require(dict[key] as? [Double], "missing array \(key)")
}
