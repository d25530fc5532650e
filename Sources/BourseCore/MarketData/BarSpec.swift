/// How a bar was aggregated: every `step` units of `aggregation`, from `priceType` prices.
///
/// Written `1-MINUTE-LAST`, `5-MINUTE-MID`, `1-DAY-LAST`, `1000-VOLUME-LAST`.
public struct BarSpec: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What closes a bar.
    public enum Aggregation: String, Sendable, Hashable, Codable, CaseIterable {
        case second = "SECOND", minute = "MINUTE", hour = "HOUR", day = "DAY", week = "WEEK", month = "MONTH"
        /// Every `step` trades.
        case tick = "TICK"
        /// Every `step` units of traded quantity.
        case volume = "VOLUME"
        /// Every `step` units of traded notional.
        case value = "VALUE"

        /// The fixed length of one unit for time aggregations with a fixed length.
        public var fixedDuration: Nanoseconds? {
            switch self {
            case .second: .seconds(1)
            case .minute: .minutes(1)
            case .hour: .hours(1)
            case .day: .days(1)
            case .week: .days(7)
            case .month, .tick, .volume, .value: nil
            }
        }
    }

    /// Which price a bar is built from.
    public enum PriceType: String, Sendable, Hashable, Codable, CaseIterable {
        case bid = "BID", ask = "ASK", mid = "MID", last = "LAST"
    }

    public let step: Int
    public let aggregation: Aggregation
    public let priceType: PriceType

    public init(step: Int, aggregation: Aggregation, priceType: PriceType = .last) throws(MarketDataError) {
        guard step > 0 else { throw .invalid("bar step must be positive, got \(step)") }
        self.step = step
        self.aggregation = aggregation
        self.priceType = priceType
    }

    /// Parses `STEP-AGGREGATION-PRICETYPE` (the price type may be omitted: `LAST`).
    public init(_ text: String) throws(MarketDataError) {
        let parts = text.uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, let step = Int(parts[0]),
            let aggregation = Aggregation(rawValue: String(parts[1])),
            let priceType = parts.count == 3 ? PriceType(rawValue: String(parts[2])) : .last
        else { throw .invalid("bar spec '\(text)' is not STEP-AGGREGATION[-PRICETYPE], e.g. 1-MINUTE-LAST") }
        try self.init(step: step, aggregation: aggregation, priceType: priceType)
    }

    /// The bar length for fixed-length time bars (`nil` for months and activity bars).
    public var duration: Nanoseconds? { aggregation.fixedDuration.map { $0 * Int64(step) } }

    public var description: String { "\(step)-\(aggregation.rawValue)-\(priceType.rawValue)" }

    public static let oneMinute = try! BarSpec(step: 1, aggregation: .minute)
    public static let oneHour = try! BarSpec(step: 1, aggregation: .hour)
    public static let oneDay = try! BarSpec(step: 1, aggregation: .day)
}
