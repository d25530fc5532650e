import BourseCore
import BourseEngine
import BourseStrategies
import Foundation
import Testing

/// The HTML report of a real backtest, rendered by a real headless browser (Debian's
/// `chromium`, installed by `scripts/setup.sh`). A probe script appended to a copy of the report
/// measures what the browser laid out (the report itself has no script) and reports script
/// errors; `--dump-dom` returns the probe's findings.
///
/// Set `BOURSE_SKIP_BROWSER_TESTS=1` to skip on a machine without Chromium; otherwise a missing
/// browser fails the test.
@Suite struct BrowserReportTests {
    struct Probe: Decodable {
        struct Chart: Decodable {
            let width: Int
            let height: Int
            let shapes: Int
            let points: Int
        }
        let errors: [String]
        let scripts: Int
        let headings: [String]
        let charts: [Chart]
        let tableRows: [Int]
        let negativeCells: Int
    }

    static let probe = """
        <script>
        const errors = [];
        window.addEventListener('error', e => errors.push(String(e.message)));
        window.addEventListener('load', () => {
          const charts = [...document.querySelectorAll('svg')].map(s => {
            const box = s.getBoundingClientRect();
            const line = s.querySelector('polyline');
            return { width: Math.round(box.width), height: Math.round(box.height),
                     shapes: s.querySelectorAll('polyline, path, circle').length,
                     points: line ? line.points.numberOfItems : 0 };
          });
          const result = { errors, scripts: document.scripts.length,
            headings: [...document.querySelectorAll('h2')].map(h => h.textContent),
            charts, tableRows: [...document.querySelectorAll('table')].map(t => t.rows.length),
            negativeCells: document.querySelectorAll('td.neg').length };
          const out = document.createElement('pre');
          out.id = 'probe';
          out.textContent = JSON.stringify(result);
          document.body.appendChild(out);
        });
        </script>
        """

    static func browser() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Loads `html` in headless Chromium and returns the serialized DOM after the load event.
    static func render(_ html: String, browser: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bourse-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("report.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(directory.appendingPathComponent("profile").path)", "--window-size=1200,4000",
            "--virtual-time-budget=10000", "--dump-dom", page.absoluteString,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: dom, as: UTF8.self)
    }

    @Test func reportOfARealBacktestRendersItsChartsAndTables() throws {
        if ProcessInfo.processInfo.environment["BOURSE_SKIP_BROWSER_TESTS"] == "1" { return }
        let browser = try #require(Self.browser(), "no chromium on PATH: run scripts/setup.sh (apt package 'chromium')")
        let result = try Backtest.run(SMACross.self, parameters: ["fast=10", "slow=20"], config: Fixtures.googConfig())
        let html = BacktestReport.html(result, prices: BacktestReport.prices(of: try Fixtures.googSeries()), title: "GOOG SMA(10, 20)")
        #expect(!html.contains("<script"), "the report is promised script-free")
        #expect(!html.contains("http://") && !html.contains("https://"), "the report must not reach the network")
        let dom = try Self.render(html.replacingOccurrences(of: "</body>", with: Self.probe + "</body>"), browser: browser)
        let start = try #require(dom.range(of: "<pre id=\"probe\">"), "the probe did not run; DOM starts: \(dom.prefix(300))")
        let end = try #require(dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex))
        let json = dom[start.upperBound..<end.lowerBound]
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
        let probe = try JSONDecoder().decode(Probe.self, from: Data(json.utf8))

        #expect(probe.errors.isEmpty)
        #expect(probe.scripts == 1, "only the probe runs")
        #expect(probe.headings == ["Summary", "Equity", "Drawdown", "Price and trades", "Monthly returns", "Trades"])
        // Equity, drawdown and price charts, laid out at their size (1,000 px + a 1 px border each
        // side) with their lines drawn.
        #expect(probe.charts.count == 3)
        #expect(probe.charts.allSatisfy { $0.width == 1002 && $0.height >= 142 && $0.points > 1000 }, "\(probe.charts)")
        // The price chart carries an entry marker for every trade and an exit marker for every closed one.
        let trades = result.trades.count + result.openTrades.count
        #expect(probe.charts.last?.shapes == 1 + trades + result.trades.count)
        // Tables: the summary, the monthly heat map (2004 … 2013: 10 years + header), the trade list.
        #expect(probe.tableRows.count == 3)
        #expect(probe.tableRows.first == BacktestReport.summaryRows(result).count)
        #expect(probe.tableRows.dropFirst().first == 11)
        #expect(probe.tableRows.last == result.trades.count + result.openTrades.count + 1)
        #expect(probe.negativeCells > 0, "losing months and trades are coloured")
    }
}
