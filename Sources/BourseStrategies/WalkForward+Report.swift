import BourseEngine
import Foundation

extension WalkForward {
    /// The windows (ranges, chosen parameters, in-sample score, out-of-sample return, Sharpe and
    /// trades) and the stitched out-of-sample summary, as text.
    public static func table(_ report: Report) -> String {
        var lines = [
            "\(report.strategy): \(report.mode.rawValue) walk-forward, \(report.inSampleBars) bars in sample, "
                + "\(report.outOfSampleBars) out of sample, ranked by \(report.ranking)",
            "out of sample              parameters            in-sample score  return     sharpe  trades",
        ]
        for w in report.windows {
            // Dates of the first and last bars (their labels), as in the backtest summary's period.
            let range = "\((w.outOfSample?.startTime ?? w.outOfSampleStart).prefix(10))…\(w.outOfSample?.lastDay ?? String(w.outOfSampleEnd.prefix(10)))"
            let parameters = w.parameters.isEmpty ? "-" : w.parameters.joined(separator: " ")
            let tail = w.outOfSample.map {
                "\(Sweep.percent($0.totalReturn).padding(toLength: 9, withPad: " ", startingAt: 0))  "
                    + "\(Sweep.number($0.sharpeRatio).padding(toLength: 6, withPad: " ", startingAt: 0))  \($0.numberOfTrades)"
            } ?? (w.error ?? "")
            lines.append(
                range.padding(toLength: 27, withPad: " ", startingAt: 0) + parameters.padding(toLength: 22, withPad: " ", startingAt: 0)
                    + Sweep.number(w.inSampleScore).padding(toLength: 17, withPad: " ", startingAt: 0) + tail)
        }
        let s = report.stitched
        lines.append(
            "stitched out of sample: return \(Sweep.percent(s.totalReturn)), annual \(Sweep.percent(s.annualReturn)), "
                + "sharpe \(Sweep.number(s.sharpeRatio)), max drawdown \(Sweep.percent(s.maxDrawdown)), \(s.numberOfTrades) trades, "
                + String(format: "final equity %.2f", report.stitchedFinalEquity))
        return lines.joined(separator: "\n")
    }
}
