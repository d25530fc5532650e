import BourseCore

/// The outcome of a backtest: orders, fills, round-trip trades, positions, the equity curve
/// (per bar and per day) and summary metrics. Encodes to JSON deterministically (sorted keys),
/// so two runs of one configuration give byte-identical output.
public struct BacktestResult: Sendable, Codable, Equatable {
    public struct Parameter: Sendable, Codable, Equatable {
        public let name: String
        public let value: String
    }

    public struct OrderRecord: Sendable, Codable, Equatable {
        public let id: String
        public let instrument: String
        public let side: String
        public let type: String
        public let quantity: String
        public let price: String?
        public let triggerPrice: String?
        public let status: String
        public let filledQuantity: String
        public let averageFillPrice: String?
        public let created: String
    }

    public struct FillRecord: Sendable, Codable, Equatable {
        public let time: String
        public let order: String
        public let trade: String
        public let instrument: String
        public let side: String
        public let quantity: String
        public let price: String
        public let commission: String
    }

    public struct TradeRecord: Sendable, Codable, Equatable {
        public let instrument: String
        public let side: String
        public let quantity: Double
        public let entryTime: String
        public let entryPrice: Double
        public let exitTime: String?
        public let exitPrice: Double?
        public let pnl: String
        public let returnFraction: Double
        public let durationDays: Double?
        public let mae: Double
        public let mfe: Double
    }

    public struct PositionRecord: Sendable, Codable, Equatable {
        public let instrument: String
        public let side: String
        public let quantity: String
        public let averageOpenPrice: String?
        public let realizedPnL: String
        public let unrealizedPnL: String?
        public let lastPrice: String?
    }

    public struct EquityPoint: Sendable, Codable, Equatable {
        public let time: String
        public let equity: Double
        public let exposure: Double
    }

    public let strategy: String
    public let parameters: [Parameter]
    public let currency: String
    public let startingCash: String
    public let finalEquity: String
    public let finalCash: String
    public let metrics: SummaryMetrics
    public let orders: [OrderRecord]
    public let fills: [FillRecord]
    public let trades: [TradeRecord]
    /// Trades still open at the end (valued at the last marks).
    public let openTrades: [TradeRecord]
    public let positions: [PositionRecord]
    public let equityCurve: [EquityPoint]
    public let dailyEquity: [EquityPoint]
    public let logs: [LogLine]
}

extension BacktestResult.TradeRecord {
    init(_ trip: RoundTrip) {
        instrument = trip.instrumentID.description
        side = trip.side.description
        quantity = trip.quantity
        entryTime = trip.entryTime.description
        entryPrice = trip.entryPrice
        exitTime = trip.exitTime?.description
        exitPrice = trip.exitPrice
        pnl = trip.pnl.amountText
        returnFraction = trip.returnFraction
        durationDays = trip.duration.map { Double($0.rawValue) / Double(Nanoseconds.perDay) }
        mae = trip.mae
        mfe = trip.mfe
    }
}
