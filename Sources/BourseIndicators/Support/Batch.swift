extension Indicator {
    /// Runs a fresh copy of this indicator (its state reset, parameters kept) over
    /// `count` inputs and returns `transform(value)` after each update.
    ///
    /// This is the single code path behind every batch API: a batch result is, by
    /// construction, the sequence of streaming values.
    /// - Complexity: O(count) for O(1) indicators; allocates the result only.
    @inlinable
    public func batch<Result>(
        count: Int, input: (Int) -> Input, transform: (Output) -> Result
    ) -> [Result] {
        var indicator = self
        indicator.reset()
        var results: [Result] = []
        results.reserveCapacity(count)
        for i in 0..<count {
            indicator.update(input(i))
            results.append(transform(indicator.value))
        }
        return results
    }

    /// The value after each input, starting from a reset copy (NaN components before the lookback).
    @inlinable
    public func batch(_ inputs: some Collection<Input>) -> [Output] {
        var indicator = self
        indicator.reset()
        var results: [Output] = []
        results.reserveCapacity(inputs.count)
        for input in inputs {
            indicator.update(input)
            results.append(indicator.value)
        }
        return results
    }
}

extension Indicator where Output == Double {
    /// Streams `count` inputs through a reset copy into a new array (NaN before the lookback).
    @inlinable
    func column(count: Int, input: (Int) -> Input) -> [Double] {
        var indicator = self
        indicator.reset()
        return [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            for i in 0..<count {
                indicator.update(input(i))
                buffer.initializeElement(at: i, to: indicator.value)
            }
            initialized = count
        }
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
        column(count: values.count) { values[$0] }
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
    public func batch(
        high: [Double], low: [Double], close: [Double], volume: [Double] = []
    ) throws(IndicatorError) -> [Double] {
        try checkColumns(high: high, low: low, close: close, volume: volume)
        let volume = volume.isEmpty ? [Double](repeating: 0, count: close.count) : volume
        return high.withUnsafeBufferPointer { h in
            low.withUnsafeBufferPointer { l in
                close.withUnsafeBufferPointer { c in
                    volume.withUnsafeBufferPointer { v in
                        column(count: c.count) { HLCV(high: h[$0], low: l[$0], close: c[$0], volume: v[$0]) }
                    }
                }
            }
        }
    }
}

extension Indicator where Input == Pair, Output == Double {
    /// The indicator over two aligned series: one output per pair, NaN before the lookback.
    public func batch(x: [Double], y: [Double]) throws(IndicatorError) -> [Double] {
        guard x.count == y.count else { throw .lengthMismatch(expected: x.count, actual: y.count) }
        return column(count: x.count) { Pair(x: x[$0], y: y[$0]) }
    }
}

/// Checks that bar columns have equal lengths (an empty `volume` is allowed).
func checkColumns(high: [Double], low: [Double], close: [Double], volume: [Double]) throws(IndicatorError) {
    for column in [high, low] where column.count != close.count {
        throw .lengthMismatch(expected: close.count, actual: column.count)
    }
    if !volume.isEmpty, volume.count != close.count {
        throw .lengthMismatch(expected: close.count, actual: volume.count)
    }
}
