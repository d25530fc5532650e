import BourseCore

/// The simulated venue's memory of its latest fills, for ``SimulatedVenue/fills(since:after:)``.
///
/// Retention: the last ``capacity`` fills (``SimulatedVenueConfiguration/fillHistoryCapacity``);
/// appending past it drops the oldest, so a long-running venue holds at most that many. A query
/// reaching back into what was dropped is answered `nil` (the venue cannot tell), like a real
/// venue asked for fills older than it keeps — unless it names a trade still kept: then the
/// fills after that trade are all known.
///
/// Fills are kept in the order they happened, which is the order of their times and of their
/// trade numbers (the venue numbers every fill, 1, 2, …): a query finds its start by binary
/// search on the time, or directly by the trade number.
///
/// - Complexity: appending is O(1); a query is O(log n + the fills returned).
struct FillHistory {
    /// Most fills kept.
    let capacity: Int
    /// Fill `i` (0, 1, …) is the one of trade number `i + 1 + tradeOffset`; the dropped ones are
    /// before `fills.startIndex`.
    private var fills = ChunkedBuffer<OrderFilled>()
    /// Trade numbers before the first fill this history was started with (0, or the fills a
    /// restored venue no longer has).
    private var tradeOffset = 0
    /// When the newest dropped fill happened (`nil`: nothing dropped yet).
    private var droppedThrough: UnixNanos?

    init(capacity: Int) {
        self.capacity = max(capacity, 0)
    }

    /// A history restored from a snapshot: `kept` are the venue's latest fills, in order, the first
    /// one of trade number `firstTradeNumber`; the fills before it count as dropped.
    init(capacity: Int, restoring kept: [OrderFilled], firstTradeNumber: Int) {
        self.init(capacity: capacity)
        guard let first = kept.first else { return }
        tradeOffset = firstTradeNumber - 1
        droppedThrough = UnixNanos(max(first.tsEvent.rawValue, .min + 1) - 1)
        for fill in kept { append(fill) }
    }

    /// Appends the venue's next fill (its trade number is one more than the last one's), dropping
    /// the oldest past the capacity.
    mutating func append(_ fill: OrderFilled) {
        fills.append(fill)
        guard fills.count > capacity else { return }
        let drop = fills.count - capacity
        droppedThrough = fills[fills.startIndex + drop - 1].tsEvent
        fills.removeFirst(drop)
    }

    /// The fills at or after `time`, only those after trade number `tradeNumber` when it is given
    /// (``SimulatedVenue`` reads it from the trade id); `nil` when dropped fills may belong to the answer.
    func fills(since time: UnixNanos, afterTrade tradeNumber: Int?) -> [OrderFilled]? {
        var start = firstIndex(atOrAfter: time)
        if let tradeNumber, fills.indices.contains(tradeNumber - 1 - tradeOffset) {
            // The trade is kept: every fill after it is too.
            start = max(start, tradeNumber - tradeOffset)
        } else if let droppedThrough, time <= droppedThrough {
            return nil
        }
        return Array(fills[start...])
    }

    /// Whether the kept fill of trade number `number` has this trade id (`false` when not kept).
    func tradeNumber(_ number: Int, is tradeID: TradeID) -> Bool {
        fills.indices.contains(number - 1 - tradeOffset) && fills[number - 1 - tradeOffset].tradeID == tradeID
    }

    /// The kept fills at or after `time` (those a snapshot of the venue saves).
    func kept(since time: UnixNanos) -> [OrderFilled] {
        Array(fills[firstIndex(atOrAfter: time)...])
    }

    /// Index of the first kept fill at or after `time` (binary search: the fills are in time order).
    private func firstIndex(atOrAfter time: UnixNanos) -> Int {
        var low = fills.startIndex
        var high = fills.endIndex
        while low < high {
            let middle = (low + high) / 2
            if fills[middle].tsEvent < time { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
