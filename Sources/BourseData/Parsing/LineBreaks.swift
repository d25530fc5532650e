import Glibc

/// Counting line breaks in a buffer ahead of a parse, to size its output exactly.
enum LineBreaks {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// How many line breaks `[start, end)` of `base` holds: LF, CRLF (one break) and a lone
    /// CR each count once, as ``CSVScanner`` ends rows at each. A buffer holds at most this
    /// many rows plus one (the last line may have no break); quoted breaks, empty and
    /// comment lines make it fewer.
    ///
    /// - Complexity: O(end − start): LF and CR bytes counted eight at a time; CRLF pairs found
    ///   with `memchr` only when the buffer has CRs.
    static func count(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int {
        let (lineFeeds, carriageReturns) = countBytes(base, from: start, to: end)
        guard carriageReturns > 0 else { return lineFeeds }
        var pairs = 0
        var p = start
        while p < end, let hit = memchr(base + p, 0x0D, end - p) {
            let k = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
            if k + 1 < end && base[k + 1] == 0x0A { pairs += 1 }
            p = k + 1
        }
        return lineFeeds + carriageReturns - pairs
    }

    /// The LF and CR bytes of `[start, end)`: each byte compared in SWAR (exact per byte, no
    /// borrow between bytes), matches summed in byte lanes, the lanes folded every 255 words.
    private static func countBytes(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> (Int, Int) {
        let lineFeed = 0x0A &* ones
        let carriageReturn = 0x0D &* ones
        var lineFeeds = 0
        var carriageReturns = 0
        var i = start
        while i &+ 8 <= end {
            let words = min((end &- i) >> 3, 255)
            var lf: UInt64 = 0
            var cr: UInt64 = 0
            for k in 0..<words {
                let w = UnsafeRawPointer(base + (i &+ k &* 8)).loadUnaligned(as: UInt64.self)
                lf &+= matches(w ^ lineFeed) >> 7
                cr &+= matches(w ^ carriageReturn) >> 7
            }
            lineFeeds &+= laneSum(lf)
            carriageReturns &+= laneSum(cr)
            i &+= words &* 8
        }
        while i < end {
            if base[i] == 0x0A { lineFeeds += 1 } else if base[i] == 0x0D { carriageReturns += 1 }
            i += 1
        }
        return (lineFeeds, carriageReturns)
    }

    /// `0x80` in each byte of `x` that is zero, `0` elsewhere.
    @inline(__always)
    private static func matches(_ x: UInt64) -> UInt64 {
        ~(((x & low7) &+ low7) | x | low7)
    }

    /// The sum of the eight byte lanes of `x`.
    @inline(__always)
    private static func laneSum(_ x: UInt64) -> Int {
        let pairs = (x & 0x00FF_00FF_00FF_00FF) &+ ((x >> 8) & 0x00FF_00FF_00FF_00FF)
        return Int((pairs &* 0x0001_0001_0001_0001) >> 48)
    }

    /// The offset of the last LF in `[0, count)` of `base`, or -1.
    static func lastLineFeed(_ base: UnsafePointer<UInt8>, count: Int) -> Int {
        var i = count - 1
        while i >= 0 && base[i] != 0x0A { i -= 1 }
        return i
    }
}
