/// What every order event carries: which order, whose, on what, and when — kept in the
/// payload's ``header`` and readable directly on the payload (`fill.clientOrderID`).
///
/// `tsEvent` is when the fact happened (at the venue for venue events);
/// `tsInit` is when Bourse created the event value.
public protocol OrderEventFields: Sendable {
    /// The fields every order event has.
    var header: OrderEventHeader { get }
}

extension OrderEventFields {
    @inlinable public var clientOrderID: ClientOrderID { header.clientOrderID }
    @inlinable public var strategyID: StrategyID { header.strategyID }
    @inlinable public var instrumentID: InstrumentID { header.instrumentID }
    @inlinable public var tsEvent: UnixNanos { header.tsEvent }
    @inlinable public var tsInit: UnixNanos { header.tsInit }
}
