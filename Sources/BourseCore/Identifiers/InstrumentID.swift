/// An instrument's identity: its symbol at a venue, written `SYMBOL.VENUE`
/// (`GOOG.NASDAQ`, `BTCUSDT.BINANCE`, `BRK.B.NYSE` — the venue follows the last dot).
public struct InstrumentID: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let symbol: Symbol
    public let venue: Venue

    public init(symbol: Symbol, venue: Venue) {
        self.symbol = symbol
        self.venue = venue
    }

    /// Parses `SYMBOL.VENUE`.
    public init(_ text: String) throws(IdentifierError) {
        guard let dot = text.lastIndex(of: ".") else {
            throw .malformed(kind: "instrument id", value: text, reason: "expected SYMBOL.VENUE, e.g. GOOG.NASDAQ")
        }
        symbol = try Symbol(String(text[..<dot]))
        venue = try Venue(String(text[text.index(after: dot)...]))
    }

    public var description: String { "\(symbol.value).\(venue.value)" }

    public static func < (lhs: InstrumentID, rhs: InstrumentID) -> Bool { lhs.description < rhs.description }

    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
