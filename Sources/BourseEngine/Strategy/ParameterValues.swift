public import OrderedCollections

/// The parameter values a strategy instance runs with: every declared parameter, defaults
/// filled in, overrides checked against the declarations.
///
/// ```swift
/// let values = try ParameterValues(SMACross.parameters, overrides: ["fast=10", "slow=20"])
/// values.integer("fast")   // 10
/// ```
public struct ParameterValues: Sendable, Hashable, CustomStringConvertible {
    /// Values by name, in declaration order.
    public private(set) var values: OrderedDictionary<String, ParameterValue>

    /// Defaults of `specs`, with `overrides` (`NAME=VALUE` texts) applied.
    public init(_ specs: [ParameterSpec], overrides: [String] = []) throws(ParameterError) {
        var parsed: [(String, String)] = []
        for text in overrides {
            guard let eq = text.firstIndex(of: "="), eq != text.startIndex else { throw .malformed(text) }
            parsed.append((String(text[..<eq]), String(text[text.index(after: eq)...])))
        }
        try self.init(specs, pairs: parsed)
    }

    /// Defaults of `specs`, with `(name, text)` overrides applied.
    public init(_ specs: [ParameterSpec], pairs: [(String, String)]) throws(ParameterError) {
        values = [:]
        for spec in specs { values[spec.name] = spec.defaultValue }
        for (name, text) in pairs {
            guard let spec = specs.first(where: { $0.name == name }) else { throw .unknown(name, known: specs.map(\.name)) }
            values[name] = try spec.parse(text)
        }
    }

    /// Defaults of `specs`, with typed overrides.
    public init(_ specs: [ParameterSpec], typed: [String: ParameterValue]) throws(ParameterError) {
        values = [:]
        for spec in specs { values[spec.name] = spec.defaultValue }
        for name in typed.keys.sorted() {
            guard let spec = specs.first(where: { $0.name == name }), let value = typed[name] else {
                throw .unknown(name, known: specs.map(\.name))
            }
            try spec.check(value)
            values[name] = value
        }
    }

    /// An integer parameter (0 if undeclared: declarations are checked when the values are built).
    public func integer(_ name: String) -> Int {
        switch values[name] {
        case .integer(let v): v
        case .decimal(let v): Int(v)
        default: 0
        }
    }

    /// A decimal parameter.
    public func decimal(_ name: String) -> Double { values[name]?.number ?? 0 }

    /// A text parameter.
    public func text(_ name: String) -> String { values[name]?.description ?? "" }

    /// `fast=10 slow=20`.
    public var description: String { values.map { "\($0.key)=\($0.value)" }.joined(separator: " ") }
}
