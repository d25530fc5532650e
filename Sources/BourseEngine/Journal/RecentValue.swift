/// A value decoded from a few bytes, kept with those bytes, so that the same bytes read again
/// give the value back without decoding it again.
///
/// The records of one journal repeat a few values (the instrument, the strategy, the account, an
/// order's id and signal across its events, the risk engine's reason): a ``ByteReader`` kept
/// across a replay remembers the last of each, and comparing a few words is cheaper than
/// validating and storing the value again. Bytes longer than ``capacity`` are decoded every time.
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
        if let value, bytes.count == count, withUnsafeBytes(of: &key, { Self.equal(bytes, $0) }) { return value }
        let decoded = try decode(bytes)
        withUnsafeMutableBytes(of: &key) { $0.copyMemory(from: bytes) }
        count = bytes.count
        value = decoded
        return decoded
    }

    /// Whether `bytes` are the first `bytes.count` bytes of `key`, compared a word at a time
    /// (loads only: comparing a copy just written would stall on the writes).
    @inline(__always)
    private static func equal(_ bytes: UnsafeRawBufferPointer, _ key: UnsafeRawBufferPointer) -> Bool {
        let count = bytes.count
        guard count >= 8 else {
            guard count >= 4 else {
                for at in 0..<count where bytes[at] != key[at] { return false }
                return true
            }
            // Two overlapping half-words.
            return bytes.loadUnaligned(as: UInt32.self) == key.loadUnaligned(as: UInt32.self)
                && bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                    == key.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        }
        var at = 0
        while at + 8 <= count {
            guard bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self) == key.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            else { return false }
            at += 8
        }
        // The last word overlaps the ones compared.
        return at == count
            || bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == key.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }
}
