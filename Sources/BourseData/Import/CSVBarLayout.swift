/// Where the fields of a bar are in a CSV file.
///
/// By default the header names the columns (case-insensitive; `time`, `timestamp`,
/// `timestamp_utc`, `date`, `datetime`, `open_time`, an empty first cell for an unnamed
/// index column; `open`/`o`, `high`/`h`, `low`/`l`, `close`/`c`/`last`, `volume`/`vol`/`v`).
/// Without a header the order is timestamp, open, high, low, close[, volume].
public struct CSVBarLayout: Sendable, Hashable {
    /// A column by 0-based position or by header name.
    public enum Column: Sendable, Hashable {
        case index(Int)
        case name(String)
    }

    /// Whether the first row is a header.
    public enum Header: Sendable, Hashable {
        /// A header when the first row's first field is not a timestamp or its second is not a number.
        case auto
        case present, absent
    }

    public var delimiter: UInt8 = UInt8(ascii: ",")
    public var header: Header = .auto
    /// Lines starting with this byte are skipped.
    public var commentByte: UInt8? = UInt8(ascii: "#")
    public var timestamp: Column?
    public var open: Column?
    public var high: Column?
    public var low: Column?
    public var close: Column?
    /// `nil` with no matching header: volumes are zero (e.g. FX bid bars).
    public var volume: Column?
    /// An extra price column carried along (Yahoo's `Adj Close`).
    public var extraPrice: Column?

    public init() {}

    /// Binance klines: 12 fields without a header, open time in ms (µs since 2025), o h l c v.
    public static var binanceKlines: CSVBarLayout {
        var layout = CSVBarLayout()
        layout.header = .auto
        layout.timestamp = .index(0)
        layout.open = .index(1)
        layout.high = .index(2)
        layout.low = .index(3)
        layout.close = .index(4)
        layout.volume = .index(5)
        return layout
    }

    static let aliases: [[String]] = [
        ["timestamp", "time", "timestamp_utc", "date", "datetime", "open_time", "ts", "ts_event", ""],
        ["open", "o"], ["high", "h"], ["low", "l"], ["close", "c", "last"], ["volume", "vol", "v"],
    ]
}
