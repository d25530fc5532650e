/// Lists of numbers as bytes, bit for bit: how a ``RestorableStrategy`` saves the state of its
/// registered indicators (``IndicatorRef/savedState``).
public enum SavedNumbers {
    /// The lists' count, then each list's count and values (IEEE 754 bit patterns).
    public static func encode(_ lists: [[Double]]) -> [UInt8] {
        var w = ByteWriter(capacity: 8 * (1 + lists.reduce(0) { $0 + 1 + $1.count }))
        w.writeLength(lists.count)
        for list in lists {
            w.writeLength(list.count)
            for value in list { w.write(value.bitPattern) }
        }
        return w.bytes
    }

    /// Decodes ``encode(_:)``'s bytes; throws ``JournalCodecError`` for truncated or trailing bytes.
    public static func decode(_ bytes: [UInt8]) throws(JournalCodecError) -> [[Double]] {
        try ByteReader.readWhole(bytes) { r throws(JournalCodecError) in
            var lists: [[Double]] = []
            for _ in 0..<(try r.readLength("list count")) {
                var list: [Double] = []
                for _ in 0..<(try r.readLength("number count")) { list.append(Double(bitPattern: try r.readUInt64("number"))) }
                lists.append(list)
            }
            return lists
        }
    }
}
