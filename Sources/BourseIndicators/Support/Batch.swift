#if canImport(Glibc)
    import Glibc
#endif

extension Indicator {
    /// The streaming loop behind ``Indicator/batch(into:input:)``: a reset copy of this
    /// indicator fed `input(0)`, `input(1)`, …, its value written after each update.
    ///
    /// The loop runs on a second local copy: the first escapes into `reset()` (not
    /// inlined) and so lives in memory, where every update would reload it; the second
    /// stays in registers.
    @inlinable
    public func batch(into output: UnsafeMutableBufferPointer<Output>, input: (Int) -> Input) {
        var fresh = self
        fresh.reset()
        var indicator = fresh
        for i in output.indices {
            indicator.update(input(i))
            output.initializeElement(at: i, to: indicator.value)
        }
    }

    /// The value after each of `count` inputs, from a reset copy, in a new array.
    @inlinable
    func outputs(count: Int, input: (Int) -> Input) -> [Output] {
        [Output](unsafeUninitializedCapacity: count) { buffer, initialized in
            let output = UnsafeMutableBufferPointer(rebasing: buffer[..<count])
            adviseHugePages(UnsafeMutableRawBufferPointer(output))
            batch(into: output, input: input)
            initialized = count
        }
    }

    /// Runs a fresh copy of this indicator (its state reset, parameters kept) over
    /// `count` inputs and returns `transform(value)` after each update.
    ///
    /// Every batch API goes through ``Indicator/batch(into:input:)``, the streaming loop
    /// or an indicator's own loop proven (by the contract tests) to give the same bits.
    /// - Complexity: O(count) for O(1) indicators; allocates the result.
    @inlinable
    public func batch<Result>(
        count: Int, input: (Int) -> Input, transform: (Output) -> Result
    ) -> [Result] {
        outputs(count: count, input: input).map(transform)
    }

    /// The value after each input, starting from a reset copy (NaN components before the lookback).
    @inlinable
    public func batch(_ inputs: some Collection<Input>) -> [Output] {
        ContiguousArray(inputs).withUnsafeBufferPointer { inputs in outputs(count: inputs.count) { inputs[$0] } }
    }
}

extension Indicator where Input == Double, Output == Double {
    /// The indicator over a price series: one output per input, NaN before the lookback.
    ///
    /// ```swift
    /// let sma = try SMA(period: 20).batch(closes)   // [Double], 19 NaNs then values
    /// ```
    @inlinable
    public func batch(_ values: UnsafeBufferPointer<Double>) -> [Double] {
        outputs(count: values.count) { values[$0] }
    }

    /// The indicator over a price series: one output per input, NaN before the lookback.
    @inlinable
    public func batch(_ values: [Double]) -> [Double] {
        values.withUnsafeBufferPointer { batch($0) }
    }
}

extension Indicator where Input == HLCV, Output == Double {
    /// The indicator over bar columns of equal length (`volume` may be empty for
    /// indicators that ignore it): one output per bar, NaN before the lookback.
    @inlinable
    public func batch(
        high: [Double], low: [Double], close: [Double], volume: [Double] = []
    ) throws(IndicatorError) -> [Double] {
        try checkColumns(high: high, low: low, close: close, volume: volume)
        return high.withUnsafeBufferPointer { h in
            low.withUnsafeBufferPointer { l in
                close.withUnsafeBufferPointer { c in
                    volume.withUnsafeBufferPointer { v in
                        v.isEmpty
                            ? outputs(count: c.count) { HLCV(high: h[$0], low: l[$0], close: c[$0]) }
                            : outputs(count: c.count) { HLCV(high: h[$0], low: l[$0], close: c[$0], volume: v[$0]) }
                    }
                }
            }
        }
    }
}

extension Indicator where Input == Pair, Output == Double {
    /// The indicator over two aligned series: one output per pair, NaN before the lookback.
    @inlinable
    public func batch(x: [Double], y: [Double]) throws(IndicatorError) -> [Double] {
        guard x.count == y.count else { throw .lengthMismatch(expected: x.count, actual: y.count) }
        return x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in outputs(count: x.count) { Pair(x: x[$0], y: y[$0]) } }
        }
    }
}

/// Checks that bar columns have equal lengths (an empty `volume` is allowed).
@usableFromInline
func checkColumns(high: [Double], low: [Double], close: [Double], volume: [Double]) throws(IndicatorError) {
    for column in [high, low] where column.count != close.count {
        throw .lengthMismatch(expected: close.count, actual: column.count)
    }
    if !volume.isEmpty, volume.count != close.count {
        throw .lengthMismatch(expected: close.count, actual: volume.count)
    }
}

/// Asks Linux to back a large new output buffer with transparent huge pages (as NumPy
/// does for its arrays): a 10-million-value result otherwise takes ~20,000 page faults,
/// which cost more than computing it. No effect elsewhere or on small buffers.
@usableFromInline
func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
    #if canImport(Glibc)
        let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
        guard buffer.count >= 1 << 22, page > 0, let base = buffer.baseAddress else { return }
        let start = (UInt(bitPattern: base) + page - 1) & ~(page - 1)
        let end = (UInt(bitPattern: base) + UInt(buffer.count)) & ~(page - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, Int(end - start), MADV_HUGEPAGE)
    #endif
}
