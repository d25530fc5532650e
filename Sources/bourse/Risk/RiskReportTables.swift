import BourseCore
import BourseRisk
import Foundation

/// The text tables of a ``PortfolioRiskReport``.
struct RiskReportTables {
    let text: String

    init(_ report: PortfolioRiskReport) {
        var sections: [String] = []
        sections.append(
            "VaR and CVaR from \(report.observations) daily returns (negative = loss; \(report.horizonDays)-day by √time)\n"
                + Self.table(
                    ["MEASURE", "CONFIDENCE", "1-DAY", "1-DAY MONEY", "\(report.horizonDays)-DAY", "\(report.horizonDays)-DAY MONEY"],
                    report.figures.map {
                        [$0.measure, Self.percent($0.confidence), Self.percent($0.oneDay), "\($0.oneDayMoney)",
                         Self.percent($0.horizon), "\($0.horizonMoney)"]
                    }))
        if let exposure = report.exposure {
            let totals = [("gross", exposure.gross), ("net", exposure.net), ("long", exposure.long), ("short", exposure.short)]
            sections.append(
                "Exposure (HHI \(Self.fixed(exposure.herfindahlIndex, 4)))\n"
                    + Self.table(
                        ["GROUP", "VALUE"],
                        totals.map { [$0.0, "\($0.1)"] } + exposure.byTag.map { ["tag \($0.key)", "\($0.value)"] }
                            + exposure.byInstrument.map { ["\($0.key)", "\($0.value)"] }))
        }
        if !report.stress.isEmpty {
            sections.append("Stress\n" + Self.table(["SCENARIO", "P&L"], report.stress.map { [$0.scenario, "\($0.pnl)"] }))
        }
        text = sections.joined(separator: "\n\n")
    }

    /// Columns padded to their widest cell.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { c, cell in cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingTrailingSpaces
        }.joined(separator: "\n")
    }

    static func percent(_ value: Double) -> String { fixed(value * 100, 2) + "%" }

    /// `value` with `digits` decimals, without Foundation's locale-dependent formatting.
    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let whole = Int(scaled / scale)
        let fraction = String(Int(scaled.truncatingRemainder(dividingBy: scale)))
        let sign = value < 0 && scaled > 0 ? "-" : ""
        return "\(sign)\(whole)." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
