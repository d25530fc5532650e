extension XXHash64 {
    /// XXH64 computed incrementally: bytes fed in pieces of any size give the digest of
    /// their concatenation, so a writer can hash columns while it fills them.
    ///
    /// ```swift
    /// var state = XXHash64.State()
    /// state.update(first, count: 100)
    /// state.update(second, count: 28)
    /// state.digest   // == XXHash64.hash(first ‖ second, count: 128)
    /// ```
    struct State {
        private let seed: UInt64
        private var lanes: Lanes
        /// Bytes consumed so far, including the buffered ones.
        private var length = 0
        /// Bytes of an incomplete 32-byte stripe, waiting for the rest.
        private var buffer: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        private var buffered = 0

        init(seed: UInt64 = 0) {
            self.seed = seed
            lanes = Lanes(seed: seed)
        }

        /// Feeds `count` bytes at `data`.
        ///
        /// - Complexity: O(count), no allocation.
        mutating func update(_ data: UnsafeRawPointer, count: Int) {
            length += count
            var data = data
            var count = count
            if buffered > 0 {
                let taken = min(32 - buffered, count)
                withUnsafeMutableBytes(of: &buffer) { $0.baseAddress!.advanced(by: buffered).copyMemory(from: data, byteCount: taken) }
                buffered += taken
                guard buffered == 32 else { return }
                withUnsafeBytes(of: &buffer) { _ = lanes.consume($0.baseAddress!, count: 32) }
                buffered = 0
                data += taken
                count -= taken
            }
            let consumed = lanes.consume(data, count: count)
            if consumed < count {
                withUnsafeMutableBytes(of: &buffer) { $0.baseAddress!.copyMemory(from: data + consumed, byteCount: count - consumed) }
                buffered = count - consumed
            }
        }

        /// The hash of everything fed so far.
        var digest: UInt64 {
            var copy = buffer
            return withUnsafeBytes(of: &copy) { tail in
                XXHash64.finish(length >= 32 ? lanes.converged : seed &+ p5, length: length, tail: tail.baseAddress!, buffered)
            }
        }
    }
}
