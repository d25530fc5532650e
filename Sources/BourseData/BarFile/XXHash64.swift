/// XXH64 (Yann Collet's xxHash, 64-bit, seed 0), the bar file's checksum: fast enough
/// to verify gigabytes per second, written here to avoid a dependency. Checked against
/// the reference implementation (Python `xxhash`) in the tests.
struct XXHash64 {
    static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    @inline(__always)
    static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        var acc = acc &+ input &* p2
        acc = (acc << 31) | (acc >> 33)
        return acc &* p1
    }

    @inline(__always)
    static func merge(_ acc: UInt64, _ val: UInt64) -> UInt64 {
        (acc ^ round(0, val)) &* p1 &+ p4
    }

    @inline(__always)
    static func load64(_ p: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: p.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The hash of `count` bytes at `data`.
    ///
    /// - Complexity: O(count), no allocation.
    static func hash(_ data: UnsafeRawPointer, count: Int, seed: UInt64 = 0) -> UInt64 {
        guard count >= 32 else { return finish(seed &+ p5, length: count, tail: data, count) }
        var lanes = Lanes(seed: seed)
        let stripes = lanes.consume(data, count: count)
        return finish(lanes.converged, length: count, tail: data + stripes, count - stripes)
    }

    /// The four accumulators of the 32-byte stripe loop.
    struct Lanes {
        private var v1, v2, v3, v4: UInt64

        init(seed: UInt64) {
            v1 = seed &+ p1 &+ p2
            v2 = seed &+ p2
            v3 = seed
            v4 = seed &- p1
        }

        /// Consumes the whole 32-byte stripes of `count` bytes at `data`; returns how many bytes that was.
        @inline(__always)
        mutating func consume(_ data: UnsafeRawPointer, count: Int) -> Int {
            var i = 0
            while i &+ 32 <= count {
                v1 = round(v1, load64(data, i))
                v2 = round(v2, load64(data, i &+ 8))
                v3 = round(v3, load64(data, i &+ 16))
                v4 = round(v4, load64(data, i &+ 24))
                i &+= 32
            }
            return i
        }

        /// The accumulators folded into one value (for inputs of at least 32 bytes).
        var converged: UInt64 {
            var h = ((v1 << 1) | (v1 >> 63)) &+ ((v2 << 7) | (v2 >> 57)) &+ ((v3 << 12) | (v3 >> 52)) &+ ((v4 << 18) | (v4 >> 46))
            h = merge(h, v1)
            h = merge(h, v2)
            h = merge(h, v3)
            return merge(h, v4)
        }
    }

    /// The final steps: the total `length`, the last `count` (< 32) bytes at `tail`, the avalanche.
    static func finish(_ start: UInt64, length: Int, tail data: UnsafeRawPointer, _ count: Int) -> UInt64 {
        var h = start &+ UInt64(length)
        var i = 0
        while i + 8 <= count {
            h ^= round(0, load64(data, i))
            h = ((h << 27) | (h >> 37)) &* p1 &+ p4
            i += 8
        }
        if i + 4 <= count {
            h ^= UInt64(UInt32(littleEndian: data.loadUnaligned(fromByteOffset: i, as: UInt32.self))) &* p1
            h = ((h << 23) | (h >> 41)) &* p2 &+ p3
            i += 4
        }
        while i < count {
            h ^= UInt64(data.load(fromByteOffset: i, as: UInt8.self)) &* p5
            h = ((h << 11) | (h >> 53)) &* p1
            i += 1
        }
        h ^= h >> 33
        h = h &* p2
        h ^= h >> 29
        h = h &* p3
        h ^= h >> 32
        return h
    }
}
