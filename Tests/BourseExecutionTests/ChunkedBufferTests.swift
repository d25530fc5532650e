@testable import BourseExecution
import Testing

@Suite("Chunked buffer")
struct ChunkedBufferTests {
    /// A 3.5 KB element: 8 per 32 KB chunk, so a few hundred elements span many chunks.
    private struct Big: Equatable {
        /// 64 × 8 bytes (tuples, not `InlineArray`, which needs macOS 26 on Apple platforms).
        typealias Eight<T> = (T, T, T, T, T, T, T, T)
        typealias Block = Eight<Eight<Int64>>
        var value: Int
        var padding: (Block, Block, Block, Block, Block, Block, Block) = Self.zeros
        private static let zeros: (Block, Block, Block, Block, Block, Block, Block) = {
            let row: Eight<Int64> = (0, 0, 0, 0, 0, 0, 0, 0)
            let block = (row, row, row, row, row, row, row, row)
            return (block, block, block, block, block, block, block)
        }()
        init(_ value: Int) { self.value = value }
        static func == (lhs: Big, rhs: Big) -> Bool { lhs.value == rhs.value }
    }

    @Test func appendsReadsAndWritesInPlaceAcrossChunks() {
        var buffer = ChunkedBuffer<Int>()
        for i in 0..<20_000 { buffer.append(i) }
        #expect(buffer.count == 20_000)
        #expect(Array(buffer) == Array(0..<20_000))
        buffer[12_345] += 1
        #expect(buffer[12_345] == 12_346)
        #expect(buffer.last == 19_999)
    }

    @Test func droppingFromTheFrontKeepsIndicesAbsolute() {
        var buffer = ChunkedBuffer<Int>()
        for i in 0..<10_000 { buffer.append(i) }
        buffer.removeFirst(9_000)
        #expect(buffer.startIndex == 9_000 && buffer.endIndex == 10_000)
        #expect(buffer[9_000] == 9_000 && buffer[9_999] == 9_999)
        #expect(Array(buffer) == Array(9_000..<10_000))
        // Dropping everything, then appending again, continues the numbering.
        buffer.removeFirst(5_000)
        #expect(buffer.isEmpty && buffer.startIndex == 10_000)
        buffer.append(42)
        #expect(buffer.indices == 10_000..<10_001 && buffer[10_000] == 42)
    }

    @Test(arguments: [1, 7, 8, 9, 31])
    func droppingAtAndAcrossChunkBoundariesOfLargeElements(step: Int) {
        var buffer = ChunkedBuffer<Big>()
        var model: [Big] = []
        var firstKept = 0
        for i in 0..<200 {
            buffer.append(Big(i))
            model.append(Big(i))
            if i % step == 0 {
                buffer.removeFirst(step / 2 + 1)
                firstKept = min(model.count, firstKept + step / 2 + 1)
            }
            #expect(buffer.startIndex == firstKept && buffer.endIndex == model.count)
        }
        #expect(Array(buffer) == Array(model[firstKept...]))
    }
}
