import BourseCore

/// Reads what ``ByteWriter`` wrote, checking every length and value: a short or malformed
/// buffer throws ``JournalCodecError`` instead of trapping.
///
/// It reads bytes it does not own: use it only inside the `withUnsafeBytes` call that lends them.
public struct ByteReader {
    private let buffer: UnsafeRawBufferPointer
    /// The offset of the next byte to read.
    public private(set) var offset = 0

    public init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    /// Whether every byte was read.
    public var isAtEnd: Bool { offset == buffer.count }

    private mutating func take(_ count: Int, _ field: StaticString) throws(JournalCodecError) -> Int {
        guard count >= 0, buffer.count - offset >= count else { throw .truncated(field: "\(field)", offset: offset) }
        defer { offset += count }
        return offset
    }

    mutating func readUInt8(_ field: StaticString) throws(JournalCodecError) -> UInt8 {
        buffer[try take(1, field)]
    }

    mutating func readBool(_ field: StaticString) throws(JournalCodecError) -> Bool {
        switch try readUInt8(field) {
        case 0: false
        case 1: true
        case let other: throw .invalidValue(field: "\(field)", reason: "boolean byte \(other)")
        }
    }

    mutating func readInt64(_ field: StaticString) throws(JournalCodecError) -> Int64 {
        let at = try take(8, field)
        return Int64(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: Int64.self))
    }

    mutating func readUInt64(_ field: StaticString) throws(JournalCodecError) -> UInt64 {
        let at = try take(8, field)
        return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    mutating func readLength(_ field: StaticString) throws(JournalCodecError) -> Int {
        var result = 0
        var shift = 0
        while true {
            let byte = try readUInt8(field)
            result |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
            guard shift < 35 else { throw .invalidValue(field: "\(field)", reason: "length is too long") }
        }
    }

    mutating func readString(_ field: StaticString) throws(JournalCodecError) -> String {
        let count = try readLength(field)
        let at = try take(count, field)
        let slice = UnsafeRawBufferPointer(rebasing: buffer[at..<(at + count)])
        // ASCII (ids, most texts) is valid UTF-8: no validation pass needed.
        if slice.allSatisfy({ $0 < 0x80 }) { return String(decoding: slice, as: UTF8.self) }
        guard let text = String(validating: slice.bindMemory(to: UInt8.self), as: UTF8.self) else {
            throw .invalidValue(field: "\(field)", reason: "not UTF-8")
        }
        return text
    }

    mutating func readUnixNanos(_ field: StaticString) throws(JournalCodecError) -> UnixNanos {
        UnixNanos(try readInt64(field))
    }

    mutating func readIdentifier<Kind>(_ field: StaticString, as _: Identifier<Kind>.Type = Identifier<Kind>.self)
        throws(JournalCodecError) -> Identifier<Kind>
    {
        let count = try readLength(field)
        let at = try take(count, field)
        do { return try Identifier<Kind>(utf8: UnsafeRawBufferPointer(rebasing: buffer[at..<(at + count)])) } catch {
            throw .invalidValue(field: "\(field)", reason: error.description)
        }
    }

    mutating func readInstrumentID(_ field: StaticString) throws(JournalCodecError) -> InstrumentID {
        let symbol: Symbol = try readIdentifier(field)
        let venue: Venue = try readIdentifier(field)
        return InstrumentID(symbol: symbol, venue: venue)
    }

    mutating func readPrice(_ field: StaticString) throws(JournalCodecError) -> Price { try readFixedPoint(field) }

    mutating func readQuantity(_ field: StaticString) throws(JournalCodecError) -> Quantity { try readFixedPoint(field) }

    /// A fixed-point value written as its raw `Int64` and precision, checked.
    mutating func readFixedPoint<Value: FixedPointValue>(_ field: StaticString) throws(JournalCodecError) -> Value {
        let raw = try readInt64(field)
        let precision = try readUInt8(field)
        do { return try Value(raw: raw, precision: precision) } catch {
            throw .invalidValue(field: "\(field)", reason: error.description)
        }
    }

    mutating func readCurrency(_ field: StaticString) throws(JournalCodecError) -> Currency {
        let code = try readString(field)
        let precision = try readUInt8(field)
        let kind: Currency.Kind
        switch try readUInt8(field) {
        case 0: kind = .fiat
        case 1: kind = .crypto
        case 2: kind = .commodity
        case let other: throw .invalidValue(field: "\(field)", reason: "currency kind \(other)")
        }
        do { return try Currency(code: code, precision: precision, kind: kind) } catch {
            throw .invalidValue(field: "\(field)", reason: error.description)
        }
    }

    mutating func readMoney(_ field: StaticString) throws(JournalCodecError) -> Money {
        let raw = try readInt64(field)
        return Money(uncheckedRaw: raw, currency: try readCurrency(field))
    }

    /// Reads a case of an enum written as its position in `allCases` (see ``ByteWriter``).
    mutating func readCase<E: CaseIterable>(_ field: StaticString, as _: E.Type = E.self) throws(JournalCodecError) -> E
    where E.AllCases == [E] {
        let index = Int(try readUInt8(field))
        guard index < E.allCases.count else { throw .invalidValue(field: "\(field)", reason: "unknown case number \(index)") }
        return E.allCases[index]
    }

    mutating func readOptional<T>(_ field: StaticString, _ body: (inout ByteReader) throws(JournalCodecError) -> T)
        throws(JournalCodecError) -> T?
    {
        try readBool(field) ? try body(&self) : nil
    }

    /// Reads all of `bytes` with `body`; throws ``JournalCodecError/trailingBytes(_:)`` when bytes are left over.
    static func readWhole<T>(_ bytes: [UInt8], _ body: (inout ByteReader) throws(JournalCodecError) -> T) throws(JournalCodecError) -> T {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(JournalCodecError) -> T in
                var reader = ByteReader(buffer)
                let value = try body(&reader)
                guard reader.isAtEnd else { throw .trailingBytes(buffer.count - reader.offset) }
                return value
            }
        }
        return try result.get()
    }
}
