/// A value decoded from a few bytes, kept with those bytes, so that the same bytes read again
/// give the value back without decoding it again.
///
/// The records of one journal repeat a few identifiers (the instrument, the strategy, the account,
/// an order's id across its events): a ``ByteReader`` kept across a replay remembers the last of
/// each, and comparing six words is cheaper than validating and storing an id again. Bytes longer
/// than ``capacity`` are decoded every time.
struct RecentValue<Value> {
    private typealias Key = (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)

    /// The longest bytes remembered.
    static var capacity: Int { MemoryLayout<Key>.size }

    private var key: Key = (0, 0, 0, 0, 0, 0)
    private var count = 0
    private var value: Value?

    /// The value of `bytes`: the remembered one when they are the remembered bytes, otherwise
    /// `decode(bytes)`, then remembered.
    @inline(__always)
    mutating func value(
        of bytes: UnsafeRawBufferPointer, _ decode: (UnsafeRawBufferPointer) throws(JournalCodecError) -> Value
    ) throws(JournalCodecError) -> Value {
        guard bytes.count <= Self.capacity else { return try decode(bytes) }
        var probe: Key = (0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &probe) { $0.copyMemory(from: bytes) }
        if let value, bytes.count == count, probe == key { return value }
        let decoded = try decode(bytes)
        (key, count, value) = (probe, bytes.count, decoded)
        return decoded
    }
}
