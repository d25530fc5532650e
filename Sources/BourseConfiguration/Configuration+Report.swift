internal import Foundation

extension Configuration {
    /// What reports show instead of a secret value.
    public static let redacted = "<redacted>"

    /// The effective configuration as a table: key, value and source of every setting.
    ///
    /// ```text
    /// configuration file: none (use --config FILE or BOURSE_CONFIG)
    /// KEY        VALUE      SOURCE
    /// home       ./.bourse  default
    /// log.level  debug      flag --log-level (overrides env BOURSE_LOG_LEVEL)
    /// ```
    public func table() -> String {
        let header = ["KEY", "VALUE", "SOURCE"]
        let rows = entries.map { entry in
            let overrides =
                entry.overridden.isEmpty
                ? "" : " (overrides \(entry.overridden.map(\.description).joined(separator: ", ")))"
            return [entry.setting.key, entry.shownText, entry.source.description + overrides]
        }
        let widths = (0..<header.count).map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        let lines = ([header] + rows).map { row in
            zip(row, widths).enumerated().map { column, cell in
                column == row.count - 1 ? cell.0 : cell.0.padding(toLength: cell.1, withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }
        let file = filePath ?? "none (use --config FILE or \(ConfigurationSchema.fileEnvironmentVariable))"
        return (["configuration file: \(file)"] + lines).joined(separator: "\n")
    }

    /// The effective configuration on one line for audit records: `key=value (source)` per
    /// setting, separated by `; `, secrets redacted.
    public func line() -> String {
        let file = filePath.map { "configuration file \($0); " } ?? ""
        return file + entries.map { "\($0.setting.key)=\($0.shownText) (\($0.source))" }.joined(separator: "; ")
    }

    /// The effective configuration as JSON (keys sorted, settings in schema order), with
    /// each setting's type, default, environment variable, flag and summary.
    public func json() throws -> String {
        let report = Report(
            file: filePath,
            settings: entries.map { entry in
                Report.Setting(
                    key: entry.setting.key,
                    value: entry.shownText,
                    source: Report.Source(entry.source),
                    overrides: entry.overridden.map(Report.Source.init),
                    type: entry.setting.typeName,
                    default: entry.setting.isSecret ? Self.redacted : entry.setting.defaultText,
                    environmentVariable: entry.setting.environmentVariable,
                    flag: entry.setting.flag,
                    summary: entry.setting.summary
                )
            }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}

extension Configuration.Entry {
    /// The value's text, or ``Configuration/redacted`` for a secret.
    var shownText: String { setting.isSecret ? Configuration.redacted : text }
}

/// The JSON form of a configuration report.
private struct Report: Encodable {
    struct Setting: Encodable {
        let key: String
        let value: String
        let source: Source
        let overrides: [Source]
        let type: String
        let `default`: String
        let environmentVariable: String
        let flag: String?
        let summary: String
    }

    struct Source: Encodable {
        let kind: String
        var path: String?
        var line: Int?
        var column: Int?
        var variable: String?
        var flag: String?

        init(_ source: SettingSource) {
            switch source {
            case .defaultValue:
                kind = "default"
            case .file(let path, let line, let column):
                kind = "file"
                (self.path, self.line, self.column) = (path, line, column)
            case .environment(let variable):
                kind = "environment"
                self.variable = variable
            case .commandLine(let flag):
                kind = "flag"
                self.flag = flag
            }
        }
    }

    let file: String?
    let settings: [Setting]
}
