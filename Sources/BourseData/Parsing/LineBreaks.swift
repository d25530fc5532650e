/// Counting line breaks in a buffer ahead of a parse, to size its output exactly.
enum LineBreaks {
    /// How many line breaks `[start, end)` of `base` holds: LF, CRLF (one break) and a lone
    /// CR each count once, as ``CSVScanner`` ends rows at each. A buffer holds at most this
    /// many rows plus one (the last line may have no break); quoted breaks, empty and
    /// comment lines make it fewer.
    ///
    /// - Complexity: O(end − start), 32 bytes at a time.
    static func count(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        let lineFeed = SIMD32<UInt8>(repeating: 0x0A)
        let carriageReturn = SIMD32<UInt8>(repeating: 0x0D)
        let one = SIMD32<UInt8>(repeating: 1)
        var total = 0
        var i = start
        // Each lane counts at most 255 blocks before the lanes are summed.
        while i &+ 33 <= end {
            var lanes = SIMD32<UInt8>.zero
            var blocks = 0
            while blocks < 255 && i &+ 33 <= end {
                let bytes = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD32<UInt8>.self)
                let next = UnsafeRawPointer(base + (i &+ 1)).loadUnaligned(as: SIMD32<UInt8>.self)
                let breaks = (bytes .== lineFeed) .| ((bytes .== carriageReturn) .& (next .!= lineFeed))
                lanes &+= SIMD32<UInt8>.zero.replacing(with: one, where: breaks)
                i &+= 32
                blocks &+= 1
            }
            total &+= Int(SIMD32<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
        }
        while i < end {
            if base[i] == 0x0A || (base[i] == 0x0D && (i + 1 == end || base[i + 1] != 0x0A)) { total += 1 }
            i += 1
        }
        return total
    }

    /// The offset of the last LF in `[0, count)` of `base`, or -1.
    static func lastLineFeed(_ base: UnsafePointer<UInt8>, count: Int) -> Int {
        var i = count - 1
        while i >= 0 && base[i] != 0x0A { i -= 1 }
        return i
    }
}
