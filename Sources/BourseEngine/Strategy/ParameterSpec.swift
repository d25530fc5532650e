/// A strategy parameter as declared by the strategy: name, type, default and allowed range,
/// so that the CLI (`--param fast=10`), configuration files and sweeps can set it.
public struct ParameterSpec: Sendable, Hashable, Codable {
    /// The kind of value a parameter holds.
    public enum Kind: String, Sendable, Hashable, Codable {
        case integer, decimal, text
    }

    public let name: String
    public let kind: Kind
    public let defaultValue: ParameterValue
    /// Inclusive bounds for numbers (`nil`: unbounded).
    public let range: ClosedRange<Double>?
    public let summary: String

    /// An integer parameter.
    public static func integer(_ name: String, default value: Int, range: ClosedRange<Int>? = nil, _ summary: String) -> ParameterSpec {
        ParameterSpec(
            name: name, kind: .integer, defaultValue: .integer(value),
            range: range.map { Double($0.lowerBound)...Double($0.upperBound) }, summary: summary)
    }

    /// A decimal parameter.
    public static func decimal(_ name: String, default value: Double, range: ClosedRange<Double>? = nil, _ summary: String) -> ParameterSpec {
        ParameterSpec(name: name, kind: .decimal, defaultValue: .decimal(value), range: range, summary: summary)
    }

    /// A text parameter (e.g. a list of symbols).
    public static func text(_ name: String, default value: String, _ summary: String) -> ParameterSpec {
        ParameterSpec(name: name, kind: .text, defaultValue: .text(value), range: nil, summary: summary)
    }

    /// Parses `text` as this parameter's kind and checks the range.
    public func parse(_ text: String) throws(ParameterError) -> ParameterValue {
        let value: ParameterValue
        switch kind {
        case .integer:
            guard let v = Int(text) else { throw .invalidValue(name, text, "expected an integer") }
            value = .integer(v)
        case .decimal:
            guard let v = Double(text), v.isFinite else { throw .invalidValue(name, text, "expected a number") }
            value = .decimal(v)
        case .text:
            value = .text(text)
        }
        try check(value)
        return value
    }

    /// Checks kind and range.
    public func check(_ value: ParameterValue) throws(ParameterError) {
        switch (kind, value) {
        case (.integer, .integer), (.decimal, .decimal), (.decimal, .integer), (.text, .text): break
        default: throw .invalidValue(name, value.description, "expected \(kind.rawValue)")
        }
        if let range, let number = value.number, !range.contains(number) {
            throw .outOfRange(name, value.description, range)
        }
    }
}

/// A parameter value.
public enum ParameterValue: Sendable, Hashable, Codable, CustomStringConvertible {
    case integer(Int)
    case decimal(Double)
    case text(String)

    /// The numeric value, `nil` for text.
    public var number: Double? {
        switch self {
        case .integer(let v): Double(v)
        case .decimal(let v): v
        case .text: nil
        }
    }

    public var description: String {
        switch self {
        case .integer(let v): String(v)
        case .decimal(let v): String(v)
        case .text(let v): v
        }
    }
}

/// Why a parameter could not be set.
public enum ParameterError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknown(String, known: [String])
    case invalidValue(String, String, String)
    case outOfRange(String, String, ClosedRange<Double>)
    case malformed(String)
    case invalidCombination(String)

    public var description: String {
        switch self {
        case .unknown(let name, let known): "unknown parameter '\(name)'; known: \(known.joined(separator: ", "))"
        case .invalidValue(let name, let text, let reason): "parameter \(name)='\(text)': \(reason)"
        case .outOfRange(let name, let text, let range): "parameter \(name)=\(text) is outside \(range.lowerBound)...\(range.upperBound)"
        case .malformed(let text): "'\(text)' is not NAME=VALUE"
        case .invalidCombination(let reason): "invalid parameters: \(reason)"
        }
    }
}
