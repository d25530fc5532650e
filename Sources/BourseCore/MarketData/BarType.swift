/// A bar series: an instrument and how its bars are aggregated (`GOOG.NASDAQ-1-DAY-LAST`).
public struct BarType: Sendable, Hashable, Codable, CustomStringConvertible {
    public let instrumentID: InstrumentID
    public let spec: BarSpec

    public init(instrumentID: InstrumentID, spec: BarSpec) {
        self.instrumentID = instrumentID
        self.spec = spec
    }

    public var description: String { "\(instrumentID)-\(spec)" }
}
