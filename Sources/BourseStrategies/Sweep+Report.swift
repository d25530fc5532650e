import BourseEngine
public import Foundation

extension Sweep {
    /// The ranked rows as an aligned text table (at most `limit` rows): rank, parameters and the
    /// main metrics.
    public static func table(_ rows: [Row], limit: Int = 20) -> String {
        let header = ["#", "parameters", "sharpe", "sortino", "return", "max dd", "trades", "final equity"]
        let body = rows.prefix(limit).enumerated().map { rank, row in
            [String(rank + 1), row.parameters.joined(separator: " ")]
                + (row.error.map { [$0] } ?? [
                    number(row.metrics.sharpeRatio), number(row.metrics.sortinoRatio), percent(row.metrics.totalReturn),
                    percent(row.metrics.maxDrawdown), String(row.metrics.numberOfTrades), row.finalEquity,
                ])
        }
        let all = [header] + body
        let widths = header.indices.map { c in all.map { $0.count > c ? $0[c].count : 0 }.max() ?? 0 }
        var lines = all.map { cells in
            cells.enumerated().map { c, text in text.padding(toLength: c == cells.count - 1 ? text.count : widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  ")
        }
        if rows.count > limit { lines.append("… \(rows.count - limit) more (see --csv / --json)") }
        return lines.joined(separator: "\n")
    }

    /// The ranked rows as CSV: one column per parameter (named by the first row), then the metrics.
    public static func csv(_ rows: [Row]) -> String {
        let names = rows.first?.parameters.map { String($0.prefix { $0 != "=" }) } ?? []
        var out = (["rank"] + names + [
            "sharpe", "sortino", "total_return", "annual_return", "annual_volatility", "max_drawdown", "trades", "win_rate",
            "profit_factor", "final_equity", "error",
        ]).joined(separator: ",") + "\n"
        for (rank, row) in rows.enumerated() {
            let m = row.metrics
            let values = row.parameters.map { String($0.drop { $0 != "=" }.dropFirst()) }
            let metrics = [m.sharpeRatio, m.sortinoRatio, m.totalReturn, m.annualReturn, m.annualVolatility, m.maxDrawdown]
            out += ([String(rank + 1)] + values + metrics.map { $0.map { String($0) } ?? "" } + [
                String(m.numberOfTrades), m.winRate.map { String($0) } ?? "", m.profitFactor.map { String($0) } ?? "",
                row.finalEquity, csvField(row.error ?? ""),
            ]).joined(separator: ",") + "\n"
        }
        return out
    }

    /// Any encodable result (rows, walk-forward report) as JSON with sorted keys.
    public static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(value)
    }

    static func number(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "n/a" }
    static func percent(_ v: Double?) -> String { v.map { String(format: "%.2f %%", $0 * 100) } ?? "n/a" }

    private static func csvField(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
