import BourseCore
import BourseData
import BourseEngine

/// Seeded random walks of one-minute bars (SplitMix64), one per instrument, all on the same
/// minutes, in a margin account of 1,000,000 USD with a commission of 0.05 %. The first
/// instrument is `RW.SIM`, the others `RW<k>.SIM`; the walks are drawn one after the other from
/// one generator, so the first is the same whatever the number of instruments.
func randomWalkConfig(bars: Int, seed: UInt64, instruments count: Int = 1) throws -> BacktestConfig {
    var state = seed
    func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    let start = try CivilDateTime(year: 2020, month: 1, day: 1).unixNanos
    var instruments: [Instrument] = []
    var allSeries: [BarSeries] = []
    for k in 0..<count {
        let instrument = try Instrument.equity(k == 0 ? "RW.SIM" : "RW\(k).SIM")
        let barType = BarType(instrumentID: instrument.id, spec: .oneMinute)
        var series = BarSeries(barType: barType, pricePrecision: 2, sizePrecision: 0)
        var close: Int64 = 100_00
        for i in 0..<bars {
            let open = close
            close = max(1_00, open + Int64(next() % 21) - 10)
            let high = max(open, close) + Int64(next() % 5)
            let low = max(1, min(open, close) - Int64(next() % 5))
            func price(_ raw: Int64) -> Price { Price(uncheckedRaw: raw, precision: 2) }
            try series.append(
                Bar(
                    barType: barType, open: price(open), high: price(high), low: price(low), close: price(close),
                    volume: Quantity(uncheckedRaw: 100, precision: 0), tsEvent: start + .minutes(Int64(i + 1))))
        }
        instruments.append(instrument)
        allSeries.append(series)
    }
    var config = try BacktestConfig(instruments: instruments, bars: allSeries, startingCash: Money(parsing: "1000000", .USD))
    config.commissionRate = try Rate(parsing: "0.0005")
    return config
}
