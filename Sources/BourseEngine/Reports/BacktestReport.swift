import BourseCore
public import BourseData
public import Foundation

/// Machine and human outputs of a ``BacktestResult``: JSON (sorted keys, byte-stable), CSV
/// tables, and a self-contained HTML report (inline SVG, no network, no script).
public enum BacktestReport {
    /// The result as JSON with sorted keys (two runs of one configuration give the same bytes).
    public static func json(_ result: BacktestResult) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return try encoder.encode(result)
    }

    /// The closed and open trades as CSV.
    public static func tradesCSV(_ result: BacktestResult) -> String {
        var out = "instrument,side,quantity,entry_time,entry_price,exit_time,exit_price,pnl,return,duration_days,mae,mfe,open\n"
        for (t, open) in result.trades.map({ ($0, false) }) + result.openTrades.map({ ($0, true) }) {
            out += [
                t.instrument, t.side, number(t.quantity), t.entryTime, number(t.entryPrice), t.exitTime ?? "",
                t.exitPrice.map(number) ?? "", t.pnl, number(t.returnFraction), t.durationDays.map(number) ?? "",
                number(t.mae), number(t.mfe), open ? "true" : "false",
            ].joined(separator: ",") + "\n"
        }
        return out
    }

    /// The per-bar equity curve as CSV.
    public static func equityCSV(_ result: BacktestResult) -> String {
        "time,equity,exposure\n" + result.equityCurve.map { "\($0.time),\(number($0.equity)),\(number($0.exposure))\n" }.joined()
    }

    /// The fills as CSV.
    public static func fillsCSV(_ result: BacktestResult) -> String {
        "time,order,trade,instrument,side,quantity,price,commission\n"
            + result.fills.map { [$0.time, $0.order, $0.trade, $0.instrument, $0.side, $0.quantity, $0.price, $0.commission].joined(separator: ",") + "\n" }.joined()
    }

    /// The summary as rows of (label, value) text, for tables.
    public static func summaryRows(_ result: BacktestResult) -> [(String, String)] {
        let m = result.metrics
        func pct(_ v: Double?) -> String { v.map { String(format: "%.2f %%", $0 * 100) } ?? "n/a" }
        func num(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "n/a" }
        return [
            ("Strategy", result.strategy + " " + result.parameters.map { "\($0.name)=\($0.value)" }.joined(separator: " ")),
            ("Period", "\(m.startTime.map { String($0.prefix(10)) } ?? "?") … \(m.lastDay ?? "?") (\(m.bars) bars)"),
            ("Starting cash", "\(result.startingCash) \(result.currency)"),
            ("Final equity", "\(result.finalEquity) \(result.currency)"),
            ("Total return", pct(m.totalReturn)),
            ("Annual return", pct(m.annualReturn)),
            ("Annual volatility", pct(m.annualVolatility)),
            ("Sharpe ratio", num(m.sharpeRatio)),
            ("Sortino ratio", num(m.sortinoRatio)),
            ("Max drawdown", pct(m.maxDrawdown)),
            ("Max drawdown duration", m.maxDrawdownDurationDays.map { "\($0) days" } ?? "n/a"),
            ("Trades", "\(m.numberOfTrades) closed, \(result.openTrades.count) open"),
            ("Win rate", pct(m.winRate)),
            ("Profit factor", num(m.profitFactor)),
            ("Expectancy", m.expectancy.map { String(format: "%.2f %@", $0, result.currency) } ?? "n/a"),
            ("Exposure time", pct(m.exposureTime)),
            ("Commissions", String(format: "%.2f %@", m.totalCommission, result.currency)),
        ]
    }

    /// The summary as an aligned text table.
    public static func summaryTable(_ result: BacktestResult) -> String {
        let rows = summaryRows(result)
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
    }

    /// The closes of `series` for ``html(_:prices:title:)``, each stamped with its bar's **open**
    /// time (the date a daily bar is labelled with, where the trade markers go).
    public static func prices(of series: BarSeries) -> [(time: String, close: Double)] {
        let duration = series.barType.spec.duration?.rawValue ?? 0
        return (0..<series.count).map { i in
            (time: UnixNanos(series.timestamps[i] - duration).description, close: series[i].close.doubleValue)
        }
    }

    /// A self-contained HTML report. `prices` are the traded instrument's closes (time text, close).
    public static func html(_ result: BacktestResult, prices: [(time: String, close: Double)], title: String) -> String {
        var page = """
            <!doctype html><html><head><meta charset="utf-8"><title>\(escape(title))</title>
            <style>body{font:14px system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}
            table{border-collapse:collapse}td,th{padding:3px 8px;border-bottom:1px solid #ddd;text-align:right}
            td:first-child,th:first-child{text-align:left}h2{margin-top:28px}svg{background:#fafafa;border:1px solid #eee}
            .pos{color:#16794a}.neg{color:#b3261e}</style></head><body>
            <h1>\(escape(title))</h1>
            <h2>Summary</h2><table>
            """
        for (label, value) in summaryRows(result) { page += "<tr><td>\(escape(label))</td><td>\(escape(value))</td></tr>" }
        page += "</table>"
        let equity = result.equityCurve.map(\.equity)
        page += "<h2>Equity</h2>" + lineChart([equity], colors: ["#1f5fbf"], width: 1000, height: 260)
        var peak = -Double.infinity
        let drawdown = equity.map { e -> Double in
            peak = max(peak, e)
            return peak > 0 ? e / peak - 1 : 0
        }
        page += "<h2>Drawdown</h2>" + lineChart([drawdown], colors: ["#b3261e"], width: 1000, height: 140)
        page += "<h2>Price and trades</h2>" + priceChart(prices, result: result)
        page += "<h2>Monthly returns</h2>" + monthlyHeatMap(result.dailyEquity, startingCash: Double(result.startingCash) ?? 0)
        page += "<h2>Trades</h2><table><tr><th>#</th><th>side</th><th>qty</th><th>entry</th><th>entry price</th><th>exit</th><th>exit price</th><th>P&amp;L</th><th>return</th></tr>"
        for (i, t) in (result.trades + result.openTrades).enumerated() {
            let pnl = Double(t.pnl) ?? 0
            page += "<tr><td>\(i + 1)</td><td>\(t.side)</td><td>\(number(t.quantity))</td><td>\(t.entryTime.prefix(10))</td>"
            page += "<td>\(String(format: "%.2f", t.entryPrice))</td><td>\(t.exitTime.map { String($0.prefix(10)) } ?? "open")</td>"
            page += "<td>\(t.exitPrice.map { String(format: "%.2f", $0) } ?? "")</td>"
            page += "<td class=\"\(pnl >= 0 ? "pos" : "neg")\">\(t.pnl)</td><td>\(String(format: "%.2f %%", t.returnFraction * 100))</td></tr>"
        }
        page += "</table><p>Generated by Bourse. Conventions: see docs/backtest-conventions.md.</p></body></html>\n"
        return page
    }

    // MARK: SVG helpers

    private static func lineChart(_ series: [[Double]], colors: [String], width: Int, height: Int) -> String {
        let all = series.flatMap { $0 }.filter(\.isFinite)
        guard let lo = all.min(), let hi = all.max(), let n = series.map(\.count).max(), n > 1 else { return "<p>no data</p>" }
        let span = hi - lo == 0 ? 1 : hi - lo
        var svg = "<svg width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
        for (values, color) in zip(series, colors) {
            let points = downsample(values, to: 1500).map { (i, v) in
                String(format: "%.1f,%.1f", Double(i) / Double(n - 1) * Double(width - 10) + 5, Double(height - 5) - (v - lo) / span * Double(height - 10))
            }
            svg += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.2\" points=\"\(points.joined(separator: " "))\"/>"
        }
        svg += String(format: "<text x=\"8\" y=\"14\" font-size=\"11\">%.2f</text><text x=\"8\" y=\"%d\" font-size=\"11\">%.2f</text>", hi, height - 8, lo)
        return svg + "</svg>"
    }

    private static func priceChart(_ prices: [(time: String, close: Double)], result: BacktestResult) -> String {
        let width = 1000, height = 300
        guard prices.count > 1, let lo = prices.map(\.close).min(), let hi = prices.map(\.close).max() else { return "<p>no price data</p>" }
        let span = hi - lo == 0 ? 1 : hi - lo
        var index: [String: Int] = [:]
        for (i, p) in prices.enumerated() where index[String(p.time.prefix(10))] == nil { index[String(p.time.prefix(10))] = i }
        func x(_ i: Int) -> Double { Double(i) / Double(prices.count - 1) * Double(width - 10) + 5 }
        func y(_ v: Double) -> Double { Double(height - 5) - (v - lo) / span * Double(height - 10) }
        var svg = "<svg width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">"
        let points = downsample(prices.map(\.close), to: 2000).map { String(format: "%.1f,%.1f", x($0.0), y($0.1)) }
        svg += "<polyline fill=\"none\" stroke=\"#555\" stroke-width=\"1\" points=\"\(points.joined(separator: " "))\"/>"
        for t in result.trades + result.openTrades {
            if let i = index[String(t.entryTime.prefix(10))] {
                let up = t.side == "LONG"
                svg += String(format: "<path d=\"M%.1f %.1f l-4 %d l8 0 z\" fill=\"%@\"><title>%@ entry %.2f</title></path>", x(i), y(t.entryPrice), up ? 8 : -8, up ? "#16794a" : "#b3261e", t.side, t.entryPrice)
            }
            if let exit = t.exitTime, let price = t.exitPrice, let i = index[String(exit.prefix(10))] {
                svg += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#1f5fbf\"><title>exit %.2f</title></circle>", x(i), y(price), price)
            }
        }
        return svg + "</svg>"
    }

    private static func monthlyHeatMap(_ daily: [BacktestResult.EquityPoint], startingCash: Double) -> String {
        var months: [(String, Double)] = []  // (YYYY-MM, last equity)
        for p in daily {
            let key = String(p.time.prefix(7))
            if months.last?.0 == key { months[months.count - 1].1 = p.equity } else { months.append((key, p.equity)) }
        }
        guard !months.isEmpty else { return "<p>no data</p>" }
        var returns: [String: Double] = [:]
        var previous = startingCash
        for (key, equity) in months {
            returns[key] = previous > 0 ? equity / previous - 1 : 0
            previous = equity
        }
        let years = Array(Set(months.map { String($0.0.prefix(4)) })).sorted()
        var table = "<table><tr><th>year</th>" + (1...12).map { "<th>\($0)</th>" }.joined() + "</tr>"
        for year in years {
            table += "<tr><td>\(year)</td>"
            for m in 1...12 {
                let key = year + "-" + (m < 10 ? "0\(m)" : "\(m)")
                if let r = returns[key] {
                    let alpha = min(abs(r) * 5, 0.9) + 0.05
                    let color = r >= 0 ? String(format: "rgba(22,121,74,%.2f)", alpha) : String(format: "rgba(179,38,30,%.2f)", alpha)
                    table += String(format: "<td style=\"background:%@\">%.1f%%</td>", color, r * 100)
                } else {
                    table += "<td></td>"
                }
            }
            table += "</tr>"
        }
        return table + "</table>"
    }

    /// At most `limit` (index, value) points, keeping the first and last.
    private static func downsample(_ values: [Double], to limit: Int) -> [(Int, Double)] {
        guard values.count > limit else { return Array(values.enumerated()).map { ($0.offset, $0.element) } }
        let step = Double(values.count - 1) / Double(limit - 1)
        return (0..<limit).map { k in
            let i = Int((Double(k) * step).rounded())
            return (i, values[i])
        }
    }

    private static func number(_ v: Double) -> String { v.isFinite ? String(v) : "" }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
