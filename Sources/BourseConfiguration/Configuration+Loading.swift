extension Configuration {
    /// Loads the configuration: each setting's default, overridden by the file, then by
    /// the environment, then by the command line.
    ///
    /// Every source is checked completely, including values that a higher source
    /// overrides, and all problems are reported together.
    ///
    /// - Parameters:
    ///   - file: The configuration file, if one is used (see ``filePath(explicit:environment:)``).
    ///   - environment: The process environment; variables starting with `BOURSE_` must
    ///     name a setting (or be `BOURSE_CONFIG`).
    ///   - overrides: Values from command-line flags.
    /// - Throws: ``ConfigurationError`` listing every issue.
    public static func load(
        schema: ConfigurationSchema,
        file: ConfigurationFile? = nil,
        environment: [String: String] = [:],
        overrides: [CommandLineOverride] = []
    ) throws(ConfigurationError) -> Configuration {
        var issues: [ConfigurationIssue] = []
        // Valid values per key, in increasing precedence: the last one wins.
        var layers: [String: [(value: any Sendable, text: String, source: SettingSource)]] = [:]
        func add(_ setting: AnySetting, _ text: String, _ source: SettingSource) {
            do {
                let (value, canonical) = try setting.resolve(text)
                layers[setting.key, default: []].append((value, canonical, source))
            } catch {
                issues.append(.invalidValue(key: setting.key, source: source, value: text, reason: error.reason))
            }
        }

        if let file {
            let (entries, fileIssues) = file.entries(in: schema)
            issues += fileIssues
            for entry in entries {
                if let setting = schema.setting(forKey: entry.key) { add(setting, entry.text, entry.source) }
            }
            issues.sort { $0.filePosition < $1.filePosition }
        }

        for variable in environment.keys.sorted() where variable.hasPrefix(ConfigurationSchema.environmentPrefix) {
            guard variable != ConfigurationSchema.fileEnvironmentVariable else { continue }
            let source = SettingSource.environment(variable: variable)
            guard let setting = schema.setting(forEnvironmentVariable: variable), let text = environment[variable]
            else {
                let suggestion = schema.suggestion(forEnvironmentVariable: variable)
                issues.append(.unknownKey(variable, source: source, suggestion: suggestion))
                continue
            }
            add(setting, text, source)
        }

        var flagByKey: [String: SettingSource] = [:]
        for override in overrides {
            let source = SettingSource.commandLine(flag: override.flag)
            guard let setting = schema.setting(forKey: override.key) else {
                let suggestion = schema.suggestion(forKey: override.key)
                issues.append(.unknownKey(override.key, source: source, suggestion: suggestion))
                continue
            }
            if let first = flagByKey.updateValue(source, forKey: override.key) {
                issues.append(.duplicateKey(override.key, source: source, first: first))
                continue
            }
            add(setting, override.value, source)
        }
        guard issues.isEmpty else { throw ConfigurationError(issues: issues) }

        let entries = schema.settings.map { setting in
            let layers = layers[setting.key] ?? []
            guard let top = layers.last else {
                return Entry(
                    setting: setting, text: setting.defaultText, source: .defaultValue, overridden: [],
                    value: setting.defaultValue)
            }
            let overridden = layers.dropLast().reversed().map(\.source)
            return Entry(setting: setting, text: top.text, source: top.source, overridden: overridden, value: top.value)
        }
        return Configuration(entries: entries, filePath: file?.path)
    }

    /// The configuration file to read: the `--config` flag's path if given, else the
    /// `BOURSE_CONFIG` environment variable's, else none.
    public static func filePath(explicit: String?, environment: [String: String]) -> String? {
        explicit ?? environment[ConfigurationSchema.fileEnvironmentVariable]
    }
}

extension ConfigurationIssue {
    /// The (line, column) of an issue in the configuration file, for sorting; (0, 0) for
    /// issues of other sources.
    fileprivate var filePosition: (line: Int, column: Int) {
        switch self {
        case .unknownKey(_, let source, _), .wrongType(_, let source, _, _), .invalidValue(_, let source, _, _),
            .duplicateKey(_, let source, _):
            if case .file(_, let line, let column) = source { return (line, column) }
            return (0, 0)
        case .malformedFile(_, let line, let column, _):
            return (line ?? 0, column ?? 0)
        case .unreadableFile:
            return (0, 0)
        }
    }
}
