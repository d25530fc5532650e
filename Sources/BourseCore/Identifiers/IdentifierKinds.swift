/// The kinds of identifier and their names. Each `typealias` is a distinct type.

/// A trading venue or data source (`NASDAQ`, `BINANCE`, `SIM`).
public typealias Venue = Identifier<VenueKind>
public enum VenueKind: IdentifierKind { public static var name: String { "venue" } }

/// A venue's ticker for an instrument (`GOOG`, `BTCUSDT`, `BRK.B`).
public typealias Symbol = Identifier<SymbolKind>
public enum SymbolKind: IdentifierKind { public static var name: String { "symbol" } }

/// The id Bourse gives an order: unique, and the key that makes resubmission idempotent.
public typealias ClientOrderID = Identifier<ClientOrderIDKind>
public enum ClientOrderIDKind: IdentifierKind { public static var name: String { "client order id" } }

/// The id a venue gives an accepted order.
public typealias VenueOrderID = Identifier<VenueOrderIDKind>
public enum VenueOrderIDKind: IdentifierKind { public static var name: String { "venue order id" } }

/// The id of one execution (fill) at a venue.
public typealias TradeID = Identifier<TradeIDKind>
public enum TradeIDKind: IdentifierKind { public static var name: String { "trade id" } }

/// The id of a position (one per instrument when netting, one per opening order when hedging).
public typealias PositionID = Identifier<PositionIDKind>
public enum PositionIDKind: IdentifierKind { public static var name: String { "position id" } }

/// The id of a running strategy instance (`sma-cross-001`).
public typealias StrategyID = Identifier<StrategyIDKind>
public enum StrategyIDKind: IdentifierKind { public static var name: String { "strategy id" } }

/// The id of an account at a venue (`SIM-001`).
public typealias AccountID = Identifier<AccountIDKind>
public enum AccountIDKind: IdentifierKind { public static var name: String { "account id" } }
