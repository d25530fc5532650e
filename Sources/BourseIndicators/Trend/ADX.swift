/// Average directional movement index (TA-Lib `ADX`, default 14).
///
/// `DX = 100·|+DI − −DI| / (+DI + −DI)`; the first ADX (bar `2·period − 1`, the lookback)
/// is the mean of the first `period` DX values, then `(adx·(period − 1) + dx) / period`.
/// A DX is skipped (ADX unchanged) when TR or `+DI + −DI` is below 1e-8, as in TA-Lib.
/// - Complexity: O(1) per update, allocation-free.
public struct ADX: Indicator, Sendable {
    @usableFromInline var movement: DirectionalMovement
    /// DX values summed for the first ADX.
    @usableFromInline var dxCount = 0
    @usableFromInline var adx = 0.0
    @usableFromInline var current = Double.nan
    @inlinable public var value: Double { current }

    /// - Throws: ``IndicatorError/invalidPeriod(indicator:parameter:value:allowed:)`` unless `2...100_000`.
    public init(period: Int = 14) throws(IndicatorError) {
        try IndicatorError.check(period, of: "ADX")
        movement = DirectionalMovement(validPeriod: period)
    }

    public var period: Int { movement.period }
    public var lookback: Int { 2 * period - 1 }
    @inlinable public var isReady: Bool { dxCount >= movement.period }

    @inlinable
    public mutating func update(_ bar: HLCV) {
        movement.update(bar)
        guard movement.isReady else { return }
        let p = Double(movement.period)
        var dx = Double.nan
        if !taIsZero(movement.trueRange) {
            let minusDI = movement.minusDI
            let plusDI = movement.plusDI
            let sum = minusDI + plusDI
            if !taIsZero(sum) { dx = 100.0 * (abs(minusDI - plusDI) / sum) }
        }
        if dxCount < movement.period {
            if !dx.isNaN { adx += dx }
            dxCount += 1
            if dxCount == movement.period {
                adx /= p
                current = adx
            }
        } else {
            if !dx.isNaN { adx = ((adx * (p - 1)) + dx) / p }
            current = adx
        }
    }

    public mutating func reset() {
        movement.reset()
        dxCount = 0
        adx = 0
        current = .nan
    }
}
