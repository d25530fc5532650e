import Foundation
import BourseIndicators

/// An OHLCV series read from `Fixtures/data/<name>.csv` (the same text TA-Lib's
/// fixtures were computed from; `Double(String)` parses exactly like Python's `float`).
struct MarketSeries: Sendable {
    let name: String
    let open: [Double]
    let high: [Double]
    let low: [Double]
    let close: [Double]
    let volume: [Double]

    var count: Int { close.count }
    func bar(_ i: Int) -> HLCV { HLCV(high: high[i], low: low[i], close: close[i], volume: volume[i]) }

    static let names = ["GOOG", "EURUSD_1h"]

    static func load(_ name: String) throws -> MarketSeries {
        let url = try fixtureURL("data/\(name).csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        var columns = Array(repeating: [Double](), count: 5)
        for (number, line) in lines.enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 6 else { throw FixtureError.malformed("\(name).csv line \(number + 2)") }
            for c in 0..<5 {
                guard let v = Double(fields[c + 1]) else { throw FixtureError.malformed("\(name).csv line \(number + 2)") }
                columns[c].append(v)
            }
        }
        return MarketSeries(
            name: name, open: columns[0], high: columns[1], low: columns[2], close: columns[3], volume: columns[4])
    }

    static let all: [MarketSeries] = names.compactMap { try? load($0) }
}

enum FixtureError: Error { case missing(String), malformed(String) }

func fixtureURL(_ path: String) throws -> URL {
    guard let base = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
        throw FixtureError.missing("Fixtures")
    }
    return base.appendingPathComponent(path)
}

/// TA-Lib's outputs for one series (written by scripts/generate_indicator_fixtures.py).
struct TALibFixture: Decodable, Sendable {
    struct Output: Decodable, Sendable {
        let output: Int
        let begin: Int
        let values: [Double]
    }
    struct Case: Decodable, Sendable {
        let name: String
        let outputs: [Output]
    }
    let series: String
    let talib: String
    let rows: Int
    let cases: [Case]

    static func load(_ series: String) throws -> TALibFixture {
        try JSONDecoder().decode(TALibFixture.self, from: Data(contentsOf: fixtureURL("talib/\(series).json")))
    }

    static let all: [String: TALibFixture] = Dictionary(
        uniqueKeysWithValues: MarketSeries.names.compactMap { name in (try? load(name)).map { (name, $0) } })
}
