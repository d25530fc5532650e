import BourseCore
import BourseData
@testable import BourseEngine
import Testing

/// The pieces of the kernel's per-bar path: runs of one stream from the data engine, the
/// compact columns of the equity curve.
@Suite struct BarPathTests {
    /// A SplitMix64 generator (seeded, reproducible).
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// Bar streams of random lengths and times (many ties within and across streams).
    static func randomEngine(_ random: inout Random) throws -> DataEngine {
        var engine = DataEngine()
        for s in 0..<(1 + random.below(4)) {
            let instrument = try Instrument.equity("S\(s).SIM")
            let barType = BarType(instrumentID: instrument.id, spec: .oneMinute)
            var series = BarSeries(barType: barType, pricePrecision: 2, sizePrecision: 0)
            var ts: Int64 = 60_000_000_000
            for _ in 0..<random.below(40) {
                ts += Int64(random.below(3)) * 60_000_000_000
                let price = Price(uncheckedRaw: 100, precision: 2)
                try series.append(
                    Bar(
                        barType: barType, open: price, high: price, low: price, close: price,
                        volume: Quantity(uncheckedRaw: 1, precision: 0), tsEvent: UnixNanos(ts)))
            }
            try engine.add(.bars(series))
        }
        return engine
    }

    @Test func runsOfOneStreamFollowTheMergeOrderIncludingGivenBackRows() throws {
        var random = Random(state: 7)
        for _ in 0..<300 {
            var reference = try Self.randomEngine(&random)
            var runs = reference
            var expected: [[Int]] = []
            while let (stream, row) = reference.next() { expected.append([stream, row]) }
            var seen: [[Int]] = []
            while let (stream, rows) = runs.nextRun() {
                // Process a random part of the run, give the rest back (as a subscription change does).
                let processed = rows.lowerBound + 1 + random.below(rows.count)
                for row in rows.lowerBound..<processed { seen.append([stream, row]) }
                if processed < rows.upperBound { runs.giveBack(stream: stream, from: processed) }
            }
            #expect(seen == expected)
            #expect(runs.nextTime == nil)
        }
    }

    @Test func gallopingFindsTheSameIndexAsALinearScan() {
        var random = Random(state: 5)
        for _ in 0..<500 {
            var value: Int64 = 0
            let values: [Int64] = (0..<random.below(70)).map { _ in
                value += Int64(random.below(3))
                return value
            }
            let start = random.below(values.count + 1)
            let limit = Int64(random.below(Int(value) + 3)) - 1
            for belongs in [{ (x: Int64) in x > limit }, { (x: Int64) in x >= limit }] {
                let linear = values[start...].firstIndex(where: belongs) ?? values.count
                #expect(values.gallopingIndex(from: start, where: belongs) == linear)
            }
        }
    }

    @Test func compactColumnKeepsEveryValueExactly() {
        var random = Random(state: 11)
        for quantum: Int64 in [1, 60_000_000_000, 7] {
            var column = CompactColumn(quantum: quantum, capacity: 10)
            var reference: [Int64] = []
            var value: Int64 = 1_700_000_000_000_000_000
            for i in 0..<5_000 {
                switch random.below(10) {
                case 0: value &+= Int64(bitPattern: random.next())  // anything, usually far: a wide block
                case 1: value &+= Int64(random.below(1_000)) * quantum + 1  // off the grid (unless quantum is 1)
                case 2: value &-= Int64(random.below(1_000_000)) * quantum
                default: value &+= quantum  // the regular step
                }
                if i > 0 && random.below(8) == 0 {
                    column.replaceLast(with: value)
                    reference[reference.count - 1] = value
                } else {
                    column.append(value)
                    reference.append(value)
                }
                #expect(column.lastValue == value)
            }
            #expect(column.count == reference.count)
            #expect(column.values == reference)
        }
    }

    @Test func compactColumnKeepsRepeatedValuesExactly() {
        // Runs of one value (a flat portfolio's equity) between changes, across block edges and
        // after replacements, narrow and wide blocks.
        var random = Random(state: 13)
        for quantum: Int64 in [1, 60_000_000_000] {
            var column = CompactColumn(quantum: quantum, capacity: 10)
            var reference: [Int64] = []
            var value: Int64 = 1_000_000_000
            for _ in 0..<3_000 {
                switch random.below(20) {
                case 0: value &+= Int64(random.below(1_000)) * quantum
                case 1: value &+= Int64(bitPattern: random.next())
                case 2 where !reference.isEmpty:
                    value &-= quantum
                    column.replaceLast(with: value)
                    reference[reference.count - 1] = value
                    continue
                default: break  // the same value again
                }
                column.append(value)
                reference.append(value)
            }
            #expect(column.values == reference)
        }
    }

    @Test func compactColumnOfARegularCurveNeedsFourBytesAPoint() {
        var column = CompactColumn(quantum: 60_000_000_000, capacity: 100_000)
        for i in 0..<100_000 { column.append(1_700_000_000_000_000_000 + Int64(i + 1) * 60_000_000_000) }
        // 4 bytes a value plus the block tables (an [Int64] takes 800,000 bytes).
        #expect(column.bytes < 100_000 * 4 + 16_384)
        #expect(column[99_999] == 1_700_000_000_000_000_000 + 100_000 * 60_000_000_000)
    }

    @Test func equityCurveKeepsOnePointPerTimeAndEachDaysLastPoint() {
        let curve = EquityCurve(capacity: 4, timeStep: Nanoseconds.perHour)
        let day = Nanoseconds.perDay
        let records: [(Int64, Int64, Int64)] = [
            (day + 1, 100, 0), (day + 1, 101, 5), (day + 3_600_000_000_000, 99, 5), (2 * day, 98, 7),
            (2 * day + 1, 97, 0), (5 * day, 120, 0), (5 * day, 121, 3),
        ]
        for (ts, equity, exposure) in records { curve.record(at: ts, equity: equity, exposure: exposure) }
        curve.finish()
        #expect((0..<curve.count).map(curve.time) == [day + 1, day + 3_600_000_000_000, 2 * day, 2 * day + 1, 5 * day])
        #expect((0..<curve.count).map(curve.equity) == [101, 99, 98, 97, 121])
        #expect((0..<curve.count).map(curve.exposure) == [5, 5, 7, 0, 3])
        #expect(curve.dailyIndices == [1, 3, 4])
    }
}
