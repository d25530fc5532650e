import BourseCore

/// Appends little-endian primitives to a reusable byte buffer: the journal codec's output.
///
/// `reset()` keeps the capacity, so encoding one record after another allocates nothing
/// once the buffer has grown.
public struct ByteWriter: Sendable {
    /// The bytes written since the last ``reset()``.
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    /// Empties the buffer, keeping its capacity.
    public mutating func reset() { bytes.removeAll(keepingCapacity: true) }

    /// Appends raw bytes (no length prefix): for stores that keep other data beside encoded records.
    public mutating func append(raw: some Collection<UInt8>) { bytes.append(contentsOf: raw) }

    /// Appends raw bytes (no length prefix) from a buffer.
    public mutating func append(raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }

    mutating func write(_ value: UInt8) { bytes.append(value) }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ value: Int64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// An unsigned LEB128 length.
    mutating func writeLength(_ value: Int) {
        var v = UInt(value)
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            writeLength(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write(_ value: UnixNanos) { write(value.rawValue) }

    mutating func write<Kind>(_ value: Identifier<Kind>) { write(value.value) }

    mutating func write(_ value: InstrumentID) {
        write(value.symbol.value)
        write(value.venue.value)
    }

    /// A fixed-point value (price, quantity, rate) as its raw `Int64` and precision.
    mutating func write(_ value: some FixedPointValue) {
        write(value.raw)
        write(value.precision)
    }

    mutating func write(_ value: Currency) {
        write(value.code)
        write(value.precision)
        write(Self.kindCode(value.kind))
    }

    mutating func write(_ value: Money) {
        write(value.raw)
        write(value.currency)
    }

    /// A case of a small enum as its position in `allCases` (the golden-bytes test pins the order).
    mutating func writeCase<E: CaseIterable & Equatable>(_ value: E) where E.AllCases == [E] {
        write(UInt8(truncatingIfNeeded: E.allCases.firstIndex(of: value) ?? 0))
    }

    /// `nil` as a 0 byte, a value as a 1 byte followed by the value.
    mutating func writeOptional<T>(_ value: T?, _ body: (inout ByteWriter, T) -> Void) {
        guard let value else { return write(UInt8(0)) }
        write(UInt8(1))
        body(&self, value)
    }

    static func kindCode(_ kind: Currency.Kind) -> UInt8 {
        switch kind {
        case .fiat: 0
        case .crypto: 1
        case .commodity: 2
        }
    }
}
