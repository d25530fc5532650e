import BourseCore

/// The parts of an ``InstrumentRiskState`` fixed once the instrument is registered: its
/// definition and where its risk tags aggregate. A reference, so that copying a state (every
/// pre-trade pass copies one into its ``PreTradeOrder``) copies one pointer, not the instrument.
final class InstrumentRiskProfile: Sendable {
    let instrument: Instrument
    /// The tags concentration limits group by: the instrument's tags and `asset-class:<class>`.
    let riskTags: [String]
    /// The position of each of ``riskTags`` in the portfolio's ``PortfolioSnapshot/tagExposureRaw``.
    let tagSlots: [Int]
    /// Prices × quantities to quote-currency units without 128-bit arithmetic in the common case.
    let scale: NotionalScale

    init(instrument: Instrument, riskTags: [String], tagSlots: [Int]) {
        self.instrument = instrument
        self.riskTags = riskTags
        self.tagSlots = tagSlots
        scale = NotionalScale(instrument: instrument)
    }
}
