import BourseConfiguration
import BourseCore
import BourseData
import BourseEngine
import BourseStrategies

/// The settings of `bourse backtest`, `sweep` and `walk-forward`: what a `--config FILE` may
/// set (below the environment and the flags, see `bourse config`). The starting cash is
/// ``BacktestSettings/startingBalance``.
///
/// ```yaml
/// backtest:
///   strategy: sma-cross
///   data: data/demo/GOOG.csv
///   commission: 0.002
/// strategy:
///   sma-cross: { fast: 10, slow: 20 }
/// sweep:
///   sma-cross: { fast: "5, 10, 20", slow: "30, 50" }
///   ranking: sharpe
/// ```
enum RunSettings {
    static let strategy = Setting(
        "backtest.strategy", type: .text, default: "sma-cross", summary: "Built-in strategy to run."
    ) { name throws(SettingValueError) in
        guard StrategyCatalog.all.contains(where: { $0.name == name }) else {
            throw SettingValueError("unknown strategy; built in: \(StrategyCatalog.all.map(\.name).joined(separator: ", "))")
        }
    }
    static let data = Setting(
        "backtest.data", type: .list, default: [], summary: "OHLCV CSV files, comma-separated, one instrument each.")
    static let closeTable = Setting(
        "backtest.close-table", type: .optionalText, default: nil,
        summary: "A close-only wide table (date, one column per instrument) instead of backtest.data.")
    static let instruments = Setting(
        "backtest.instruments", type: .list, default: [],
        summary: "Instrument ids, one per data file (default FILESTEM.SIM); with a close table, the columns to use.")
    static let barSpec = Setting(
        "backtest.bar-spec", type: .barSpec, default: .oneDay, summary: "Bar spec of the data, such as 1-DAY-LAST or 5-MINUTE-LAST.")
    static let labels = Setting(
        "backtest.labels", type: .choice(TimestampLabel.self), default: .open,
        summary: "Whether the data's timestamps label bar opens or closes.")
    static let commission = Setting(
        "backtest.commission", type: .rate, default: Rate(uncheckedRaw: 2, precision: 3),
        summary: "Commission as a fraction of notional per fill (0.002 = 0.2 %).")
    static let account = Setting(
        "backtest.account", type: .choice(AccountChoice.self), default: .margin, summary: "Account kind: margin or cash.")
    static let leverage = Setting(
        "backtest.leverage", type: .rate, default: Rate(uncheckedRaw: 1, precision: 0), summary: "Leverage of a margin account.")
    static let fill = Setting(
        "backtest.fill", type: .choice(FillTiming.self), default: .nextBarOpen, summary: "Market order fills: next-open or close.")
    static let from = Setting(
        "backtest.from", type: .date, default: nil, summary: "First date to use (YYYY-MM-DD, inclusive).")
    static let to = Setting("backtest.to", type: .date, default: nil, summary: "Last date to use (YYYY-MM-DD, inclusive).")

    static let ranking = Setting(
        "sweep.ranking", type: .choice(Sweep.Ranking.self), default: .sharpe, summary: "Metric that ranks a sweep (higher is better).")
    static let samples = Setting(
        "sweep.samples", type: .integer(in: 0...1_000_000), default: 0,
        summary: "Random sweep: this many combinations drawn from the grid (0: the whole grid).")
    static let seed = Setting("sweep.seed", type: .integer(in: 0...Int.max), default: 1, summary: "Seed of a random sweep.")
    static let parallelism = Setting(
        "sweep.parallelism", type: .integer(in: 0...1_024), default: 0, summary: "Backtests run at a time (0: one per core).")

    static let inSample = Setting(
        "walk-forward.in-sample", type: .integer(in: 1...100_000_000), default: 504, summary: "In-sample window (bars).")
    static let outOfSample = Setting(
        "walk-forward.out-of-sample", type: .integer(in: 1...100_000_000), default: 126, summary: "Out-of-sample window and step (bars).")
    static let mode = Setting(
        "walk-forward.mode", type: .choice(WalkForward.Mode.self), default: .rolling, summary: "rolling or anchored windows.")

    /// `strategy.NAME.PARAM`: a parameter of a built-in strategy, checked against its declaration.
    static func parameter(_ spec: ParameterSpec, of strategy: String) -> Setting<String> {
        Setting(
            "strategy.\(strategy).\(key(spec.name))", type: .parameter(spec), default: spec.defaultValue.description,
            summary: "\(strategy): \(spec.summary)")
    }

    /// `sweep.NAME.PARAM`: the values a sweep tries for a parameter, comma-separated.
    static func sweepValues(_ spec: ParameterSpec, of strategy: String) -> Setting<[String]> {
        Setting(
            "sweep.\(strategy).\(key(spec.name))", type: .parameterList(spec), default: [],
            summary: "\(strategy): values of \(spec.name) to sweep, comma-separated")
    }

    /// A parameter name as a setting key word: `stopATR` → `stop-atr`.
    static func key(_ parameter: some StringProtocol) -> String {
        var out = ""
        var previousLower = false
        for character in parameter {
            if character.isUppercase && previousLower { out += "-" }
            previousLower = character.isLowercase || character.isNumber
            out += character.lowercased()
        }
        return out
    }

    /// This table, in the order reports list it.
    static var all: [AnySetting] {
        let run: [AnySetting] = [
            strategy.erased, data.erased, closeTable.erased, instruments.erased, barSpec.erased, labels.erased,
            commission.erased, account.erased, leverage.erased, fill.erased, from.erased, to.erased, ranking.erased,
            samples.erased, seed.erased, parallelism.erased, inSample.erased, outOfSample.erased, mode.erased,
        ]
        let parameters = StrategyCatalog.all.flatMap { entry in
            entry.parameters.flatMap { [parameter($0, of: entry.name).erased, sweepValues($0, of: entry.name).erased] }
        }
        return run + parameters
    }
}

/// The account kinds a configuration names.
enum AccountChoice: String, CaseIterable, Sendable {
    case margin, cash
}

