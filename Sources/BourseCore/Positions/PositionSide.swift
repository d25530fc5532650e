/// Which way a position is exposed.
public enum PositionSide: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    case flat
    case long
    case short

    public var description: String { rawValue.uppercased() }
}
