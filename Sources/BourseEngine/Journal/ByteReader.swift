import BourseCore

/// Reads what ``ByteWriter`` wrote, checking every length and value: a short or malformed
/// buffer throws ``JournalCodecError`` instead of trapping.
///
/// It reads bytes it does not own: use it only inside the `withUnsafeBytes` call that lends them.
///
/// A reader kept across the records of a replay (``readRecord(_:)``) remembers the last
/// instrument, strategy, account and client order id, correlation id and audit actor and reason
/// it read (``RecentValue``), and gives them back without validating them again when the same
/// bytes come again.
public struct ByteReader {
    private var buffer: UnsafeRawBufferPointer
    /// The offset of the next byte to read.
    public private(set) var offset = 0
    private var recentInstrument = RecentValue<InstrumentID>()
    private var recentStrategy = RecentValue<StrategyID>()
    private var recentAccount = RecentValue<AccountID>()
    private var recentOrder = RecentValue<ClientOrderID>()
    private var recentCorrelation = RecentValue<String>()
    private var recentActor = RecentValue<String>()
    private var recentReason = RecentValue<String>()

    public init(_ buffer: UnsafeRawBufferPointer) { self.buffer = buffer }

    /// A reader with nothing to read yet (see ``readRecord(_:)``).
    public init() { buffer = UnsafeRawBufferPointer(start: nil, count: 0) }

    /// Reads `buffer` from its start next, remembering the ids read so far.
    mutating func restart(_ buffer: UnsafeRawBufferPointer) {
        self.buffer = buffer
        offset = 0
    }

    /// Whether every byte was read.
    public var isAtEnd: Bool { offset == buffer.count }

    // Inlined, as are the reads below: a call that takes the reader by value copies it (its
    // remembered ids too, some 400 bytes).

    /// Throws ``JournalCodecError/trailingBytes(_:)`` unless every byte was read.
    @inline(__always)
    func expectEnd() throws(JournalCodecError) {
        guard isAtEnd else { throw .trailingBytes(buffer.count - offset) }
    }

    // The primitive reads are forced inline: replay decodes millions of records a second, and a
    // call per byte read was a tenth of its time.

    @inline(__always)
    private mutating func take(_ count: Int, _ field: StaticString) throws(JournalCodecError) -> Int {
        guard count >= 0, buffer.count - offset >= count else { throw Self.truncated(field, at: offset) }
        defer { offset += count }
        return offset
    }

    /// The error for a field cut short (kept out of line: it is the cold path).
    @inline(never)
    private static func truncated(_ field: StaticString, at offset: Int) -> JournalCodecError {
        .truncated(field: "\(field)", offset: offset)
    }

    @inline(__always)
    mutating func readUInt8(_ field: StaticString) throws(JournalCodecError) -> UInt8 {
        buffer[try take(1, field)]
    }

    @inline(__always)
    mutating func readBool(_ field: StaticString) throws(JournalCodecError) -> Bool {
        switch try readUInt8(field) {
        case 0: false
        case 1: true
        case let other: throw .invalidValue(field: "\(field)", reason: "boolean byte \(other)")
        }
    }

    @inline(__always)
    mutating func readInt64(_ field: StaticString) throws(JournalCodecError) -> Int64 {
        let at = try take(8, field)
        return Int64(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: Int64.self))
    }

    @inline(__always)
    mutating func readUInt64(_ field: StaticString) throws(JournalCodecError) -> UInt64 {
        let at = try take(8, field)
        return UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    @inline(__always)
    mutating func readLength(_ field: StaticString) throws(JournalCodecError) -> Int {
        // Nearly every length is under 128: one byte.
        let first = try readUInt8(field)
        return first < 0x80 ? Int(first) : try readLongLength(first, field)
    }

    /// The rest of a length of two bytes or more, after its `first` byte.
    private mutating func readLongLength(_ first: UInt8, _ field: StaticString) throws(JournalCodecError) -> Int {
        var result = Int(first & 0x7F)
        var shift = 7
        while true {
            let byte = try readUInt8(field)
            result |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
            guard shift < 35 else { throw .invalidValue(field: "\(field)", reason: "length is too long") }
        }
    }

    mutating func readString(_ field: StaticString) throws(JournalCodecError) -> String {
        try Self.string(try readSpan(field), field)
    }

    /// The text whose UTF-8 is `bytes`, checked.
    private static func string(_ bytes: UnsafeRawBufferPointer, _ field: StaticString) throws(JournalCodecError) -> String {
        // Most correlation ids are empty.
        guard !bytes.isEmpty else { return "" }
        // ASCII (ids, most texts) is valid UTF-8: no validation pass needed.
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        guard let text = String(validating: bytes.bindMemory(to: UInt8.self), as: UTF8.self) else {
            throw .invalidValue(field: "\(field)", reason: "not UTF-8")
        }
        return text
    }

    // The texts a journal repeats, remembered (see ``RecentValue``): a record's correlation id
    // (an order's records share their signal's), an audit entry's actor and reason.

    mutating func readCorrelationID() throws(JournalCodecError) -> String {
        try recentCorrelation.value(of: try readSpan("correlation id")) { bytes throws(JournalCodecError) in
            try Self.string(bytes, "correlation id")
        }
    }

    mutating func readAuditActor() throws(JournalCodecError) -> String {
        try recentActor.value(of: try readSpan("actor")) { bytes throws(JournalCodecError) in try Self.string(bytes, "actor") }
    }

    mutating func readAuditReason() throws(JournalCodecError) -> String {
        try recentReason.value(of: try readSpan("reason")) { bytes throws(JournalCodecError) in try Self.string(bytes, "reason") }
    }

    @inline(__always)
    mutating func readUnixNanos(_ field: StaticString) throws(JournalCodecError) -> UnixNanos {
        UnixNanos(try readInt64(field))
    }

    /// The bytes of a length-prefixed field.
    @inline(__always)
    private mutating func readSpan(_ field: StaticString) throws(JournalCodecError) -> UnsafeRawBufferPointer {
        let count = try readLength(field)
        let at = try take(count, field)
        return UnsafeRawBufferPointer(rebasing: buffer[at..<(at + count)])
    }

    mutating func readIdentifier<Kind>(_ field: StaticString, as _: Identifier<Kind>.Type = Identifier<Kind>.self)
        throws(JournalCodecError) -> Identifier<Kind>
    {
        try Self.identifier(try readSpan(field), field)
    }

    /// The identifier whose text is `bytes`, checked.
    private static func identifier<Kind>(_ bytes: UnsafeRawBufferPointer, _ field: StaticString) throws(JournalCodecError) -> Identifier<Kind> {
        do { return try Identifier<Kind>(utf8: bytes) } catch { throw .invalidValue(field: "\(field)", reason: error.description) }
    }

    // The ids a journal repeats, remembered (see ``RecentValue``).

    mutating func readClientOrderID(_ field: StaticString) throws(JournalCodecError) -> ClientOrderID {
        try recentOrder.value(of: try readSpan(field)) { bytes throws(JournalCodecError) in try Self.identifier(bytes, field) }
    }

    mutating func readStrategyID(_ field: StaticString) throws(JournalCodecError) -> StrategyID {
        try recentStrategy.value(of: try readSpan(field)) { bytes throws(JournalCodecError) in try Self.identifier(bytes, field) }
    }

    mutating func readAccountID(_ field: StaticString) throws(JournalCodecError) -> AccountID {
        try recentAccount.value(of: try readSpan(field)) { bytes throws(JournalCodecError) in try Self.identifier(bytes, field) }
    }

    /// An instrument id: its symbol, then its venue.
    mutating func readInstrumentID(_ field: StaticString) throws(JournalCodecError) -> InstrumentID {
        let start = offset
        let symbol = try readSpan(field)
        let venue = try readSpan(field)
        return try recentInstrument.value(of: UnsafeRawBufferPointer(rebasing: buffer[start..<offset])) { _ throws(JournalCodecError) in
            InstrumentID(symbol: try Self.identifier(symbol, field), venue: try Self.identifier(venue, field))
        }
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
                try reader.expectEnd()
                return value
            }
        }
        return try result.get()
    }
}
