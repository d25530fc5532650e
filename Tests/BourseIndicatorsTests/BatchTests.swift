import BourseIndicators
import Testing

/// The batch engine, ``Indicator/batch(into:input:)``, against streaming where the
/// contract suite does not reach (an indicator's own loop on non-finite data, a
/// preallocated output, an output large enough for the huge-page advice), and Wilder's
/// smoothing against its textbook form.
@Suite("Batch")
struct BatchTests {
    /// Streams `inputs` through a copy of `indicator`, one value per input.
    static func streamed<I: Indicator>(_ indicator: I, _ inputs: [I.Input]) -> [I.Output] {
        var indicator = indicator
        return inputs.map { input in
            indicator.update(input)
            return indicator.value
        }
    }

    static func bars(_ closes: [Double]) -> [HLCV] {
        closes.enumerated().map { i, c in
            HLCV(high: c * 1.004, low: c * 0.996, close: c * (i.isMultiple(of: 2) ? 1.001 : 0.999))
        }
    }

    @Test("SMA's own loop equals streaming with NaN and infinities in the data", arguments: [1, 2, 5, 30])
    func smaLoopOnNonFiniteData(period: Int) throws {
        var generator = SeededGenerator(state: UInt64(period))
        var closes = generator.walk(200)
        closes[50] = .nan
        closes[120] = .infinity
        closes[121] = -.infinity
        let sma = try SMA(period: period)
        #expect(identical(sma.batch(closes), Self.streamed(sma, closes)))
        #expect(identical(sma.batch(Array(closes.prefix(period - 1))), Array(repeating: .nan, count: period - 1)))
    }

    @Test("batch(into:) fills a preallocated buffer from a reset copy, the indicator untouched")
    func preallocatedOutput() throws {
        var generator = SeededGenerator(state: 7)
        let closes = generator.walk(500)
        var rsi = try RSI(period: 14)
        for x in closes.prefix(20) { rsi.update(x) }
        let before = rsi.value
        var output = [Double](repeating: 0, count: closes.count)
        output.withUnsafeMutableBufferPointer { out in
            closes.withUnsafeBufferPointer { c in rsi.batch(into: out) { c[$0] } }
        }
        #expect(identical(output, Self.streamed(try RSI(period: 14), closes)))
        #expect(rsi.value.bitPattern == before.bitPattern)
        #expect(rsi.isReady)
    }

    @Test("a batch over 600,000 values (a huge-page output) equals streaming")
    func largeOutput() throws {
        var generator = SeededGenerator(state: 11)
        let closes = generator.walk(600_000)
        let bars = Self.bars(closes)
        #expect(identical(try SMA(period: 20).batch(closes), Self.streamed(try SMA(period: 20), closes)))
        #expect(identical(try EMA(period: 20).batch(closes), Self.streamed(try EMA(period: 20), closes)))
        #expect(identical(try RSI(period: 14).batch(closes), Self.streamed(try RSI(period: 14), closes)))
        let atr = try ATR(period: 14).batch(high: bars.map(\.high), low: bars.map(\.low), close: bars.map(\.close))
        #expect(identical(atr, Self.streamed(try ATR(period: 14), bars)))
    }

    /// The bound of ``WilderSmoothing``'s doc: a few ulps, plus up to `period`·1.1e-16 from
    /// the rounding of its factors.
    @Test("ATR and RSI stay within period·2e-16 + 1e-14 of Wilder's textbook recurrence", arguments: [2, 14, 1_000])
    func wilderSmoothingAgainstTextbook(period: Int) throws {
        var generator = SeededGenerator(state: UInt64(period) + 100)
        let closes = generator.walk(100_000)
        let bars = Self.bars(closes)
        let p = Double(period)
        // ATR: mean of the first `period` true ranges, then (atr·(p − 1) + tr) / p.
        var ranges: [Double] = []
        for i in 1..<bars.count {
            let b = bars[i]
            let previous = bars[i - 1].close
            ranges.append(max(b.high - b.low, abs(previous - b.high), abs(previous - b.low)))
        }
        var textbookATR = ranges[..<period].reduce(0, +) / p
        let atr = try ATR(period: period).batch(bars)
        var worstATR = abs(atr[period] - textbookATR) / textbookATR
        // RSI: average gain and loss of the first `period` changes, then Wilder's step on each.
        let changes = zip(closes.dropFirst(), closes).map { $0 - $1 }
        var gain = changes[..<period].map { max($0, 0) }.reduce(0, +) / p
        var loss = changes[..<period].map { max(-$0, 0) }.reduce(0, +) / p
        let rsi = try RSI(period: period).batch(closes)
        var worstRSI = abs(rsi[period] - 100 * gain / (gain + loss)) / 100
        for i in (period + 1)..<bars.count {
            textbookATR = (textbookATR * (p - 1) + ranges[i - 1]) / p
            worstATR = max(worstATR, abs(atr[i] - textbookATR) / textbookATR)
            let change = changes[i - 1]
            gain = (gain * (p - 1) + max(change, 0)) / p
            loss = (loss * (p - 1) + max(-change, 0)) / p
            worstRSI = max(worstRSI, abs(rsi[i] - 100 * gain / (gain + loss)) / 100)
        }
        let bound = 2e-16 * p + 1e-14
        #expect(worstATR < bound, "ATR relative error \(worstATR)")
        #expect(worstRSI < bound, "RSI error \(worstRSI)")
    }
}
