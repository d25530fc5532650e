public import BourseCore

/// The journal's record that one bar of the session's input was delivered (to the venue and
/// then the strategy). It holds the bar's position in the input, not the bar: replaying the
/// same input up to the mark rebuilds what the bar did (see ``PaperSession``).
public struct MarketDataMark: Sendable, Hashable {
    public let instrumentID: InstrumentID
    /// The bar's index in the session's input series.
    public let index: Int64
    /// The bar's close time.
    public let tsEvent: UnixNanos

    public init(instrumentID: InstrumentID, index: Int64, tsEvent: UnixNanos) {
        self.instrumentID = instrumentID
        self.index = index
        self.tsEvent = tsEvent
    }
}
