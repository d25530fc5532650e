/// The settings a program knows: the union of the tables of the modules it links.
///
/// The executable composes it once, at the edge:
///
/// ```swift
/// let schema = try ConfigurationSchema(PlatformSettings.all + BacktestSettings.all)
/// ```
///
/// Building it checks the declarations: keys well formed and unique, no key that is
/// also a section of another, environment variables and flags unique, every default
/// valid.
public struct ConfigurationSchema: Sendable {
    /// The environment variable that names the configuration file; no setting may use it.
    public static let fileEnvironmentVariable = "BOURSE_CONFIG"
    /// The prefix of the environment variables Bourse reads.
    public static let environmentPrefix = "BOURSE_"

    /// The settings, in declaration order (the order of reports).
    public let settings: [AnySetting]
    private let indexByKey: [String: Int]
    private let indexByEnvironmentVariable: [String: Int]
    private let sections: Set<String>

    public init(_ settings: [AnySetting]) throws(ConfigurationSchemaError) {
        var indexByKey: [String: Int] = [:]
        var indexByVariable: [String: Int] = [:]
        var keyByFlag: [String: String] = [:]
        var sections: Set<String> = []
        for (index, setting) in settings.enumerated() {
            guard Self.isValidKey(setting.key) else { throw .invalidKey(setting.key) }
            if indexByKey.updateValue(index, forKey: setting.key) != nil { throw .duplicateKey(setting.key) }
            let variable = setting.environmentVariable
            if variable == Self.fileEnvironmentVariable {
                throw .duplicateEnvironmentVariable(variable, keys: [setting.key, "the configuration file"])
            }
            if let other = indexByVariable.updateValue(index, forKey: variable) {
                throw .duplicateEnvironmentVariable(variable, keys: [settings[other].key, setting.key])
            }
            if let flag = setting.flag, let other = keyByFlag.updateValue(setting.key, forKey: flag) {
                throw .duplicateFlag(flag, keys: [other, setting.key])
            }
            do {
                _ = try setting.resolve(setting.defaultText)
            } catch {
                throw .invalidDefault(key: setting.key, reason: error.reason)
            }
            var section = setting.key
            while let dot = section.lastIndex(of: ".") {
                section = String(section[..<dot])
                sections.insert(section)
            }
        }
        for setting in settings where sections.contains(setting.key) {
            let child = settings.first { $0.key.hasPrefix(setting.key + ".") }?.key ?? setting.key
            throw .keyIsSection(key: setting.key, child: child)
        }
        self.settings = settings
        self.indexByKey = indexByKey
        self.indexByEnvironmentVariable = indexByVariable
        self.sections = sections
    }

    /// The setting with this key.
    public func setting(forKey key: String) -> AnySetting? {
        indexByKey[key].map { settings[$0] }
    }

    /// The setting read from this environment variable.
    public func setting(forEnvironmentVariable variable: String) -> AnySetting? {
        indexByEnvironmentVariable[variable].map { settings[$0] }
    }

    /// Whether `key` is a section holding settings (`backtest` for `backtest.base-currency`).
    public func isSection(_ key: String) -> Bool {
        sections.contains(key)
    }

    /// The keys directly or indirectly inside `section`, in declaration order.
    public func keys(inSection section: String) -> [String] {
        settings.map(\.key).filter { $0.hasPrefix(section + ".") }
    }

    /// The known key nearest to an unknown one, if it is close enough to be a typo.
    public func suggestion(forKey key: String) -> String? {
        Self.nearest(to: key, among: settings.map(\.key))
    }

    /// The known environment variable nearest to an unknown one, if close enough.
    public func suggestion(forEnvironmentVariable variable: String) -> String? {
        Self.nearest(to: variable, among: settings.map(\.environmentVariable))
    }

    private static func isValidKey(_ key: String) -> Bool {
        let segments = key.split(separator: ".", omittingEmptySubsequences: false)
        return segments.allSatisfy { segment in
            guard let first = segment.first, first.isASCII, first.isLowercase, segment.last != "-" else {
                return false
            }
            return segment.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }
        }
    }

    /// The candidate within edit distance 2 (or a third of the name) of `name`; the first
    /// of equally near ones.
    private static func nearest(to name: String, among candidates: [String]) -> String? {
        let limit = max(2, name.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(Array(name), Array(candidate))
            if distance <= limit, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1]
            for (j, cb) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
