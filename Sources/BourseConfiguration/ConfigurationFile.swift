internal import Foundation
internal import Yams

/// A YAML configuration file: nested sections, or dotted keys, or both.
///
/// ```yaml
/// home: /var/lib/bourse
/// log:
///   level: debug
/// backtest.starting-balance: 250000 USD
/// ```
public struct ConfigurationFile: Sendable {
    /// The path the file was read from, as given (used in messages).
    public let path: String
    /// The file's text.
    public let text: String

    /// A file with the given text (for tests and for text that is not on disk).
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Reads the file at `path`.
    public static func read(path: String) throws(ConfigurationError) -> ConfigurationFile {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let text = String(data: data, encoding: .utf8) else {
                throw ConfigurationError(issues: [.unreadableFile(path: path, reason: "not UTF-8 text")])
            }
            return ConfigurationFile(path: path, text: text)
        } catch let error as ConfigurationError {
            throw error
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
            throw ConfigurationError(issues: [.unreadableFile(path: path, reason: reason)])
        }
    }

    /// A value the file sets: its key, its text and where it is.
    struct Entry {
        let key: String
        let text: String
        let source: SettingSource
    }

    /// The values the file sets, in file order, and the problems found on the way.
    ///
    /// Keys are checked against `schema`: an unknown key, a list or section where a
    /// value belongs, a value where a section belongs and a key set twice are issues.
    func entries(in schema: ConfigurationSchema) -> (entries: [Entry], issues: [ConfigurationIssue]) {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            return ([], [malformed(error)])
        }
        guard let root else { return ([], []) }
        guard case .mapping(let mapping) = root else {
            let mark = root.mark
            let reason = "the top level must be a mapping of keys to values, found \(Self.shape(of: root))"
            return ([], [.malformedFile(path: path, line: mark?.line, column: mark?.column, reason: reason)])
        }
        var walk = Walk(file: self, schema: schema)
        walk.visit(mapping, section: nil)
        return (walk.entries, walk.issues)
    }

    /// The source of a node of this file.
    func source(of node: Node) -> SettingSource {
        .file(path: path, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    private func malformed(_ error: any Error) -> ConfigurationIssue {
        guard let yamlError = error as? YamlError else {
            return .malformedFile(path: path, line: nil, column: nil, reason: "\(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let reason = [context?.text, problem].compactMap { $0 }.joined(separator: " ")
            return .malformedFile(path: path, line: mark.line, column: mark.column, reason: reason)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().joined(separator: ", ")
            let reason = "the mapping that starts here sets \(keys) more than once"
            return .malformedFile(path: path, line: context.mark.line, column: context.mark.column, reason: reason)
        default:
            return .malformedFile(path: path, line: nil, column: nil, reason: "\(yamlError)")
        }
    }

    /// `a mapping`, `a list`, `an alias` or `a value`.
    static func shape(of node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case .scalar: "a value"
        }
    }
}

extension ConfigurationFile {
    /// The walk over a file's mappings that flattens them into dotted keys.
    private struct Walk {
        let file: ConfigurationFile
        let schema: ConfigurationSchema
        var entries: [Entry] = []
        var issues: [ConfigurationIssue] = []
        private var sourceByKey: [String: SettingSource] = [:]

        init(file: ConfigurationFile, schema: ConfigurationSchema) {
            self.file = file
            self.schema = schema
        }

        mutating func visit(_ mapping: Node.Mapping, section: String?) {
            for (keyNode, value) in mapping {
                let keySource = file.source(of: keyNode)
                guard case .scalar(let keyScalar) = keyNode, !keyScalar.string.isEmpty else {
                    let found = keyNode.scalar == nil ? Self.shape(keyNode) : "an empty key"
                    issues.append(
                        .wrongType(key: section ?? "(top level)", source: keySource, expected: "a key", found: found))
                    continue
                }
                let key = section.map { "\($0).\(keyScalar.string)" } ?? keyScalar.string
                if schema.setting(forKey: key) != nil {
                    visitValue(value, key: key, keySource: keySource)
                } else if schema.isSection(key) {
                    guard case .mapping(let inner) = value else {
                        let expected = "a section with " + schema.keys(inSection: key).joined(separator: ", ")
                        issues.append(
                            .wrongType(
                                key: key, source: file.source(of: value), expected: expected, found: Self.shape(value)))
                        continue
                    }
                    visit(inner, section: key)
                } else {
                    issues.append(.unknownKey(key, source: keySource, suggestion: schema.suggestion(forKey: key)))
                }
            }
        }

        private mutating func visitValue(_ value: Node, key: String, keySource: SettingSource) {
            if let first = sourceByKey.updateValue(keySource, forKey: key) {
                issues.append(.duplicateKey(key, source: keySource, first: first))
                return
            }
            let source = file.source(of: value)
            guard case .scalar(let scalar) = value else {
                issues.append(
                    .wrongType(key: key, source: source, expected: expectedType(key), found: Self.shape(value)))
                return
            }
            guard value.tag.rawValue != Tag.Name.null.rawValue else {
                issues.append(.wrongType(key: key, source: source, expected: expectedType(key), found: "no value"))
                return
            }
            entries.append(Entry(key: key, text: scalar.string, source: source))
        }

        private func expectedType(_ key: String) -> String {
            schema.setting(forKey: key)?.typeName ?? "a value"
        }

        private static func shape(_ node: Node) -> String {
            ConfigurationFile.shape(of: node)
        }
    }
}
