import BourseCore
import BourseIndicators

/// Every indicator under test, configured; the TA-Lib ones are named like the fixture
/// cases written by scripts/generate_indicator_fixtures.py.
enum IndicatorCatalog {
    static let one: @Sendable (Double) -> [Double] = { [$0] }
    static let stochastic: @Sendable (StochasticValue) -> [Double] = { [$0.k, $0.d] }
    static let channel: @Sendable (ChannelValue) -> [Double] = { [$0.upper, $0.middle, $0.lower] }

    static let talib: [IndicatorCase] = [
        .price("SMA_30", { try SMA(period: 30) }, components: one),
        .price("SMA_5", { try SMA(period: 5) }, components: one),
        .price("EMA_30", { try EMA(period: 30) }, components: one),
        .price("EMA_9", { try EMA(period: 9) }, components: one),
        .price("WMA_30", { try WMA(period: 30) }, components: one),
        .price("DEMA_30", { try DEMA(period: 30) }, components: one),
        .price("TEMA_30", { try TEMA(period: 30) }, components: one),
        .price("KAMA_30", { try KAMA(period: 30) }, components: one),
        .price("KAMA_10", { try KAMA(period: 10) }, components: one),
        .price("TRIX_30", { try TRIX(period: 30) }, components: one),
        .price("RSI_14", { try RSI(period: 14) }, components: one),
        .price("RSI_2", { try RSI(period: 2) }, components: one),
        .price("MACD_12_26_9", { try MACD() }, components: { [$0.macd, $0.signal, $0.histogram] }),
        .price("MACD_5_35_5", { try MACD(fastPeriod: 5, slowPeriod: 35, signalPeriod: 5) },
               components: { [$0.macd, $0.signal, $0.histogram] }),
        .bar("STOCH_5_3_3", { try Stochastic() }, components: stochastic),
        .bar("STOCH_14_3_3", { try Stochastic(fastKPeriod: 14) }, components: stochastic),
        .bar("STOCHF_5_3", { try FastStochastic() }, components: stochastic),
        .price("STOCHRSI_14_5_3", { try StochasticRSI() }, components: stochastic),
        .bar("CCI_14", { try CCI(period: 14) }, components: one),
        .bar("WILLR_14", { try WilliamsR(period: 14) }, components: one),
        .price("ROC_10", { try ROC(period: 10) }, components: one),
        .price("MOM_10", { try Momentum(period: 10) }, components: one),
        .bar("TRANGE", { TrueRange() }, components: one),
        .bar("ATR_14", { try ATR(period: 14) }, components: one),
        .bar("ATR_1", { try ATR(period: 1) }, components: one),
        .bar("NATR_14", { try NATR(period: 14) }, components: one),
        .price("BBANDS_5_2_2", { try BollingerBands() }, components: { [$0.upper, $0.middle, $0.lower] }),
        .price("BBANDS_20_2_1.5", { try BollingerBands(period: 20, deviationsUp: 2, deviationsDown: 1.5) },
               components: { [$0.upper, $0.middle, $0.lower] }),
        .bar("ADX_14", { try ADX(period: 14) }, components: one),
        .bar("PLUS_DI_14", { try DirectionalIndicator(period: 14) }, components: { [$0.plus] }),
        .bar("MINUS_DI_14", { try DirectionalIndicator(period: 14) }, components: { [$0.minus] }),
        .bar("AROON_14", { try Aroon(period: 14) }, components: { [$0.down, $0.up] }),
        .bar("AROON_25", { try Aroon(period: 25) }, components: { [$0.down, $0.up] }),
        .bar("OBV", { OBV() }, components: one),
        .bar("MFI_14", { try MFI(period: 14) }, components: one),
        .bar("AD", { AccumulationDistribution() }, components: one),
        .bar("SAR_0.02_0.2", { try ParabolicSAR() }, components: one),
        .price("LINEARREG_SLOPE_14", { try LinearRegressionSlope(period: 14) }, components: one),
        .price("VAR_5", { try Variance(period: 5) }, components: one),
        .price("VAR_30", { try Variance(period: 30) }, components: one),
        .price("STDDEV_5_1", { try StandardDeviation(period: 5) }, components: one),
        .price("STDDEV_20_2", { try StandardDeviation(period: 20, deviations: 2) }, components: one),
        .pair("CORREL_30_high_low", { try Correlation(period: 30) }, x: { $0.high }, y: { $0.low }),
        .pair("BETA_5_high_low", { try Beta(period: 5) }, x: { $0.high }, y: { $0.low }),
        .pair("BETA_20_open_close", { try Beta(period: 20) }, x: { $0.open }, y: { $0.close }),
    ]

    /// Indicators TA-Lib lacks (checked by hand and against naive recomputation elsewhere).
    static let others: [IndicatorCase] = [
        .price("HMA_20", { try HMA(period: 20) }, components: one),
        .bar("KELTNER_20_10_2", { try KeltnerChannels() }, components: channel),
        .bar("DONCHIAN_20", { try DonchianChannels(period: 20) }, components: channel),
        .price("ZSCORE_20", { try ZScore(period: 20) }, components: one),
        .pair("ROLLING_BETA_30", { try RollingBeta(period: 30) }, x: { $0.open }, y: { $0.close }),
        IndicatorCase(
            "VWAP_UTC_DAY", { VWAP(sessions: .utcDay) },
            input: { s, i, c in
                VWAP.Sample(
                    HLCV(high: c(s.high[i]), low: c(s.low[i]), close: c(s.close[i]), volume: s.volume[i]),
                    time: UnixNanos(Int64(i) * Nanoseconds.perHour))
            }, components: one),
    ]

    static let all = talib + others
}
