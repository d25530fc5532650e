/// What every order event carries: which order, whose, on what, and when.
///
/// `tsEvent` is when the fact happened (at the venue for venue events);
/// `tsInit` is when Bourse created the event value.
public protocol OrderEventFields: Sendable {
    var clientOrderID: ClientOrderID { get }
    var strategyID: StrategyID { get }
    var instrumentID: InstrumentID { get }
    var tsEvent: UnixNanos { get }
    var tsInit: UnixNanos { get }
}
