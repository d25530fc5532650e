/// A currency: its code, the number of decimals its amounts carry, and its kind.
///
/// The common fiat and crypto currencies are predefined; ``Currency/named(_:)``
/// looks a code up and throws for unknown ones.
public struct Currency: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Kind of currency.
    public enum Kind: String, Sendable, Hashable, Codable { case fiat, crypto, commodity }

    /// The code's ASCII bytes, zero-padded: plain data, so copying a currency (and every
    /// ``Money``) touches no reference count.
    let codeBytes: UInt128
    /// Decimal places of amounts in this currency.
    public let precision: UInt8
    public let kind: Kind

    /// ISO 4217 code for fiat, the exchange ticker for crypto (`USD`, `BTC`, `USDT`).
    public var code: String {
        withUnsafeBytes(of: codeBytes) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// A currency with a validated code (2…10 upper-case letters or digits) and precision.
    public init(code: String, precision: UInt8, kind: Kind) throws(CurrencyError) {
        guard (2...10).contains(code.utf8.count),
            code.utf8.allSatisfy({ (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        else { throw .invalidCode(code) }
        guard precision <= FixedPoint.maxPrecision else { throw .invalidPrecision(code, precision) }
        self.init(known: code, precision, kind)
    }

    /// A currency whose code is 2…10 ASCII letters or digits.
    private init(known code: String, _ precision: UInt8, _ kind: Kind) {
        var bytes: UInt128 = 0
        withUnsafeMutableBytes(of: &bytes) { $0.copyBytes(from: code.utf8) }
        codeBytes = bytes
        self.precision = precision
        self.kind = kind
    }

    private enum CodingKeys: String, CodingKey { case code, precision, kind }

    /// Decodes `{code, precision, kind}`, validating the code and precision.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            code: container.decode(String.self, forKey: .code), precision: container.decode(UInt8.self, forKey: .precision),
            kind: container.decode(Kind.self, forKey: .kind))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(precision, forKey: .precision)
        try container.encode(kind, forKey: .kind)
    }

    public var description: String { code }

    public static let USD = Currency(known: "USD", 2, .fiat)
    public static let EUR = Currency(known: "EUR", 2, .fiat)
    public static let GBP = Currency(known: "GBP", 2, .fiat)
    public static let JPY = Currency(known: "JPY", 0, .fiat)
    public static let CHF = Currency(known: "CHF", 2, .fiat)
    public static let CAD = Currency(known: "CAD", 2, .fiat)
    public static let AUD = Currency(known: "AUD", 2, .fiat)
    public static let NZD = Currency(known: "NZD", 2, .fiat)
    public static let HKD = Currency(known: "HKD", 2, .fiat)
    public static let SGD = Currency(known: "SGD", 2, .fiat)
    public static let SEK = Currency(known: "SEK", 2, .fiat)
    public static let NOK = Currency(known: "NOK", 2, .fiat)
    public static let CNY = Currency(known: "CNY", 2, .fiat)
    public static let BTC = Currency(known: "BTC", 8, .crypto)
    public static let ETH = Currency(known: "ETH", 8, .crypto)
    public static let USDT = Currency(known: "USDT", 8, .crypto)
    public static let USDC = Currency(known: "USDC", 6, .crypto)
    public static let BNB = Currency(known: "BNB", 8, .crypto)
    public static let SOL = Currency(known: "SOL", 9, .crypto)
    public static let XAU = Currency(known: "XAU", 2, .commodity)

    /// The predefined currencies, in a fixed order.
    public static let predefined: [Currency] = [
        .USD, .EUR, .GBP, .JPY, .CHF, .CAD, .AUD, .NZD, .HKD, .SGD, .SEK, .NOK, .CNY,
        .BTC, .ETH, .USDT, .USDC, .BNB, .SOL, .XAU,
    ]

    /// The predefined currency with this code.
    public static func named(_ code: String) throws(CurrencyError) -> Currency {
        guard let found = predefined.first(where: { $0.code == code }) else { throw .unknown(code) }
        return found
    }
}

/// Why a currency could not be found or built.
public enum CurrencyError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknown(String)
    case invalidCode(String)
    case invalidPrecision(String, UInt8)

    public var description: String {
        switch self {
        case .unknown(let code): "unknown currency code '\(code)'; known: \(Currency.predefined.map(\.code).joined(separator: ", "))"
        case .invalidCode(let code): "invalid currency code '\(code)': 2 to 10 upper-case letters or digits"
        case .invalidPrecision(let code, let p): "currency \(code): precision \(p) is outside 0...\(FixedPoint.maxPrecision)"
        }
    }
}
