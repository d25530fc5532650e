public import BourseCore

/// The kill switch: a pure state machine, *active* until a trigger trips it, then *triggered*
/// until an operator resets it. Its mutating methods return the ``KillSwitchAction``s for the
/// kernel to carry out (reduce-only, cancel all, flatten all; resume after a reset).
///
/// Fail safe: a configured trigger whose inputs are missing, or an input provider that throws,
/// trips the switch. While triggered, further triggers change nothing. A reset re-arms it:
/// if a condition still holds, the next evaluation trips it again.
///
/// ```swift
/// var killSwitch = KillSwitch(KillSwitchConfiguration(dailyLoss: LossLimit(maxFraction: Rate(parsing: "0.03"))), startedAt: clock.now)
/// for action in killSwitch.evaluate(KillSwitchInputs(now: clock.now, equity: e, startOfDayEquity: sod)) { kernel.execute(action) }
/// let resume = try killSwitch.reset(operatorName: "alice", reason: "limits reviewed", at: clock.now)
/// ```
public struct KillSwitch: Sendable {
    /// Active (trading allowed) or triggered.
    public enum State: Sendable, Hashable {
        case active
        case triggered(KillSwitchTrigger)
    }

    public let configuration: KillSwitchConfiguration
    public private(set) var state: State = .active
    /// Every trip and reset, in order.
    public private(set) var history: [KillSwitchEvent] = []
    private let startedAt: UnixNanos
    private var errors: SlidingWindow?

    public init(_ configuration: KillSwitchConfiguration, startedAt: UnixNanos) {
        self.configuration = configuration
        self.startedAt = startedAt
        errors = configuration.errorRate.map { SlidingWindow(capacity: $0.maxCount, window: $0.window) }
    }

    /// Whether new orders may be sent (the switch is active).
    public var allowsNewOrders: Bool { state == .active }

    /// Evaluates the loss, drawdown and stale-data triggers.
    public mutating func evaluate(_ inputs: KillSwitchInputs) -> [KillSwitchAction] {
        guard state == .active else { return [] }
        if let (trigger, reason) = Self.firstBreach(configuration, inputs, startedAt: startedAt) {
            return trip(trigger, reason, at: inputs.now)
        }
        return []
    }

    /// Evaluates with inputs from `provider`; if it throws, the switch trips (fail safe).
    public mutating func evaluate(at now: UnixNanos, _ provider: () throws -> KillSwitchInputs) -> [KillSwitchAction] {
        guard state == .active else { return [] }
        do {
            return evaluate(try provider())
        } catch {
            return trip(.evaluationFailure, "the kill switch inputs could not be read: \(error)", at: now)
        }
    }

    /// Records an error (rejected order, adapter failure…); trips when the error rate is reached.
    public mutating func recordError(at now: UnixNanos) -> [KillSwitchAction] {
        guard var window = errors else { return [] }
        window.record(now)
        errors = window
        guard state == .active, !window.allows(at: now) else { return [] }
        return trip(.errorRate, "\(window.exceededReason("errors"))", at: now)
    }

    /// A venue disconnected.
    public mutating func venueDisconnected(_ venue: Venue, at now: UnixNanos) -> [KillSwitchAction] {
        guard state == .active, configuration.tripOnVenueDisconnect else { return [] }
        return trip(.venueDisconnected(venue), "venue \(venue.value) disconnected at \(now)", at: now)
    }

    /// An operator pulls the switch.
    public mutating func trigger(operatorName: String, reason: String, at now: UnixNanos) -> [KillSwitchAction] {
        guard state == .active else { return [] }
        return trip(.manual, "pulled by \(operatorName): \(reason)", at: now)
    }

    /// The only way back to active: an operator, named, saying why.
    /// - Throws: ``KillSwitchError`` when not triggered or without operator or reason.
    public mutating func reset(operatorName: String, reason: String, at now: UnixNanos) throws(KillSwitchError) -> [KillSwitchAction] {
        guard case .triggered = state else { throw .notTriggered }
        guard !operatorName.allSatisfy(\.isWhitespace) else { throw .missingOperator }
        guard !reason.allSatisfy(\.isWhitespace) else { throw .missingReason }
        state = .active
        history.append(.reset(operatorName: operatorName, reason: reason, ts: now))
        return [.resumeTrading]
    }

    /// Replaces the state by the one `history` leads to.
    mutating func restore(_ history: [KillSwitchEvent]) {
        self.history = history
        if case .triggered(let trigger, _, _) = history.last { state = .triggered(trigger) } else { state = .active }
    }

    private mutating func trip(_ trigger: KillSwitchTrigger, _ reason: String, at now: UnixNanos) -> [KillSwitchAction] {
        state = .triggered(trigger)
        history.append(.triggered(trigger: trigger, reason: reason, ts: now))
        return [.stopNewOrders] + configuration.actions.filter { $0 != .stopNewOrders && $0 != .resumeTrading }
    }

    /// The first breached trigger, in the order daily loss, drawdown, stale data; missing or
    /// unusable inputs breach (no allocation unless a trigger breaches).
    private static func firstBreach(
        _ c: KillSwitchConfiguration, _ inputs: KillSwitchInputs, startedAt: UnixNanos
    ) -> (KillSwitchTrigger, String)? {
        if let breach = lossBreach(.dailyLoss, c.dailyLoss, inputs.startOfDayEquity, "start-of-day equity", inputs.equity) {
            return breach
        }
        if let breach = lossBreach(.drawdown, c.drawdown, inputs.peakEquity, "peak equity", inputs.equity) { return breach }
        if let stale = c.staleMarketDataAfter {
            let last = inputs.lastMarketData ?? startedAt
            let age = inputs.now - last
            if age >= stale {
                return (.staleMarketData, "no market data for \(age.text) (since \(last)), the limit is \(stale.text)")
            }
        }
        return nil
    }

    /// Whether `equity` lost `limit` from `reference`: `nil` when within it (or no limit); an
    /// ``KillSwitchTrigger/evaluationFailure`` when the figures cannot be compared, or when the
    /// limit cannot be applied (``LossLimit/Breach/unusableReference(_:)``).
    private static func lossBreach(
        _ trigger: KillSwitchTrigger, _ limit: LossLimit?, _ reference: Money?, _ name: String, _ equity: Money?
    ) -> (KillSwitchTrigger, String)? {
        guard let limit else { return nil }
        guard let reference, let equity else {
            return (.evaluationFailure, "\(trigger) limit configured but \(name) or equity is unavailable")
        }
        guard reference.currency == equity.currency else {
            return (.evaluationFailure, "\(name) \(reference) and equity \(equity) are in different currencies")
        }
        switch limit.breach(what: trigger.description, reference: reference, referenceName: name, current: equity) {
        case nil: return nil
        case .reached(let reason): return (trigger, reason)
        case .unusableReference(let reason): return (.evaluationFailure, reason)
        }
    }
}
