public import BourseCore
public import BourseRisk

/// The pre-trade risk seam of the kernel: every order command (submit, modify, cancel) passes
/// ``check(_:portfolio:openOrders:)`` before the order manager and the venue see it; there is
/// no bypass. The kernel publishes every decision on ``Kernel/riskDecisions``.
///
/// - *approved*: the command goes on unchanged;
/// - *modified*: the command goes on with the decision's (smaller) quantity;
/// - *denied*: a submission becomes an `OrderDenied` event (the order never reaches the venue),
///   a modification an `OrderModifyRejected` event, both with the check's name and reason.
///
/// A risk engine that cannot decide throws ``RiskEngineFailure``: the kernel then denies the
/// command (fail safe) with that reason.
///
/// ``PreTradeRiskEngine`` enforces a BourseRisk ``RiskConfiguration``; ``PassThroughRiskEngine``
/// approves everything.
public protocol RiskGate {
    /// The decision on `request`. `openOrders` gives the quantities still to fill of the open
    /// buy and sell orders in the request's instrument (computed only when called).
    mutating func check(
        _ request: RiskRequest, portfolio: Portfolio, openOrders: () -> (buy: Quantity, sell: Quantity)
    ) throws(RiskEngineFailure) -> RiskDecision

    /// A bar of `instrumentID` (the kernel's instrument number `index`) closed at `close` at
    /// time `ts`, for engines that keep returns (the correlation check). Called on every bar the
    /// kernel processes (not on bars it aggregates); the default does nothing.
    mutating func observeClose(_ instrumentID: InstrumentID, index: Int, close: Price, at ts: Int64)
}

extension RiskGate {
    @inline(__always)
    public mutating func observeClose(_ instrumentID: InstrumentID, index: Int, close: Price, at ts: Int64) {}
}

/// Why a risk engine could not decide on a command (the kernel denies it).
public struct RiskEngineFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public let reason: String

    public init(reason: String) { self.reason = reason }

    public var description: String { "risk engine failure: \(reason)" }
}

extension RiskDecision {
    /// An approval of `request` as it is.
    public static func approve(_ request: RiskRequest) -> RiskDecision {
        RiskDecision(
            action: request.action, clientOrderID: request.clientOrderID, instrumentID: request.instrumentID,
            outcome: .approved, ts: request.ts)
    }
}

/// Approves every command (no limits configured).
public struct PassThroughRiskEngine: RiskGate {
    public init() {}

    @inline(__always)
    public mutating func check(
        _ request: RiskRequest, portfolio: Portfolio, openOrders: () -> (buy: Quantity, sell: Quantity)
    ) -> RiskDecision {
        .approve(request)
    }
}
