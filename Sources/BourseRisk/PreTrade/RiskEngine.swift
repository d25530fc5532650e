public import BourseCore
import OrderedCollections

/// The pre-trade risk engine: every submit and modify passes each enabled check in the fixed
/// order of ``RiskCheckName``; cancels always pass. Returns a ``RiskDecision`` for the kernel to
/// publish and journal.
///
/// A check that exceeds its limit either denies the order or, when the configuration sets
/// ``RiskConfiguration/reduceQuantityToLimits`` and the check allows it, reduces the quantity
/// (rounded down to the lot size) — later checks then see the reduced order. A reduction below
/// one lot, or below the instrument's minimum quantity, is a denial.
///
/// The engine keeps the state the throttles and the correlation check need, and the limits of
/// each instrument of the portfolio resolved once (no lookup by name on a pre-trade pass); the
/// kernel owns the ``PortfolioSnapshot``. It is a value: one engine per kernel, no locks.
///
/// Money limits are in the portfolio's base currency: a limit in another currency denies every
/// order (``RiskCheckName/orderValidity``) rather than guess a rate.
///
/// ```swift
/// var risk = try RiskEngine(RiskConfiguration(orderSize: SizeLimits(maxQuantity: Quantity(parsing: "1000"))))
/// let decision = risk.evaluate(.submit(order), portfolio: portfolio)
/// if decision.isApproved { ... send to the venue ... }
/// ```
public struct RiskEngine: Sendable {
    public let configuration: RiskConfiguration
    private var restricted: RestrictedListCheck
    private var session: TradingSessionCheck?
    private var reduceOnly: ReduceOnlyCheck
    private var orderRate: OrderRateCheck?
    private var messageRate: MessageRateCheck?
    private var priceBand: PriceBandCheck?
    private var orderQuantity: MaxOrderQuantityCheck?
    private var orderNotional: MaxOrderNotionalCheck?
    private var positionQuantity: MaxPositionQuantityCheck?
    private var positionNotional: MaxPositionNotionalCheck?
    private var openPositions: MaxOpenPositionsCheck?
    private var grossExposure: GrossExposureCheck?
    private var netExposure: NetExposureCheck?
    private var concentration: ConcentrationCheck?
    private var correlation: CorrelationCheck?
    private var dailyLoss: DailyLossCheck?
    private var drawdown: DrawdownCheck?
    private var buyingPower: BuyingPowerCheck?
    /// The limits of each instrument of the portfolio they were resolved for, in its order.
    private var instrumentLimits: [InstrumentLimits] = []
    /// The portfolio registration ``instrumentLimits`` were resolved for.
    private var resolvedFor: PortfolioSnapshot.Generation?
    /// A money limit in another currency than the portfolio's (found when resolving).
    private var currencyDenial: RiskDenial?

    /// An engine enforcing `configuration`.
    /// - Throws: ``RiskConfigurationError`` for limits that make no sense (negative, zero windows…).
    public init(_ configuration: RiskConfiguration) throws(RiskConfigurationError) {
        try configuration.validate()
        self.configuration = configuration
        let reduces = configuration.reduceQuantityToLimits
        restricted = RestrictedListCheck(configuration.restrictedInstruments)
        session = configuration.tradingSession.map(TradingSessionCheck.init)
        reduceOnly = ReduceOnlyCheck(isActive: configuration.reduceOnly, reduces: reduces)
        orderRate = configuration.orderRate.map(OrderRateCheck.init)
        messageRate = configuration.messageRate.map(MessageRateCheck.init)
        priceBand = configuration.priceBand.map(PriceBandCheck.init)
        orderQuantity = configuration.orderSize.map { MaxOrderQuantityCheck($0, reduces: reduces) }
        orderNotional = configuration.orderSize.map { MaxOrderNotionalCheck($0, reduces: reduces) }
        positionQuantity = configuration.positionSize.map { MaxPositionQuantityCheck($0, reduces: reduces) }
        positionNotional = configuration.positionSize.map { MaxPositionNotionalCheck($0, reduces: reduces) }
        openPositions = configuration.maxOpenPositions.map(MaxOpenPositionsCheck.init)
        grossExposure = configuration.maxGrossExposure.map { GrossExposureCheck(maxFraction: $0, reduces: reduces) }
        netExposure = configuration.maxNetExposure.map(NetExposureCheck.init)
        concentration = configuration.tagLimits.isEmpty ? nil : ConcentrationCheck(configuration.tagLimits, reduces: reduces)
        correlation = configuration.correlation.map(CorrelationCheck.init)
        dailyLoss = configuration.dailyLoss.map(DailyLossCheck.init)
        drawdown = configuration.drawdown.map(DrawdownCheck.init)
        buyingPower = configuration.buyingPower.map { BuyingPowerCheck($0, reduces: reduces) }
    }

    /// Whether reduce-only mode is on (from the configuration or ``setReduceOnly(_:)``).
    public var isReduceOnly: Bool { reduceOnly.isActive }

    /// Turns reduce-only mode on or off (the kill switch's first action).
    public mutating func setReduceOnly(_ active: Bool) { reduceOnly.isActive = active }

    /// Feeds one periodic return of an instrument to the correlation check (no-op when disabled).
    /// With `time` (the return's bar time), series are paired by time; without, by count (the
    /// newest of each): record all returns with times or all without.
    public mutating func recordReturn(_ instrumentID: InstrumentID, _ value: Double, at time: UnixNanos? = nil) {
        correlation?.record(instrumentID, value, at: time?.rawValue ?? .max)
    }

    /// The decision on one order command. Approved commands count towards the throttles.
    ///
    /// - Complexity: O(1) per check (see each check's notes), no allocation when approved.
    public mutating func evaluate(_ request: RiskRequest, portfolio: PortfolioSnapshot) -> RiskDecision {
        let outcome: RiskDecision.Outcome
        if request.action == .cancel {
            outcome = .approved
        } else {
            if resolvedFor !== portfolio.generation || correlation?.needsBinding == true { resolve(for: portfolio) }
            outcome = check(request, portfolio)
        }
        if case .denied = outcome {} else {
            messageRate?.window.record(request.ts)
            if request.action != .cancel { orderRate?.window.record(request.ts) }
        }
        return RiskDecision(
            action: request.action, clientOrderID: request.clientOrderID, instrumentID: request.instrumentID,
            outcome: outcome, ts: request.ts)
    }

    /// Resolves the limits of every instrument of `portfolio`.
    private mutating func resolve(for portfolio: PortfolioSnapshot) {
        instrumentLimits = portfolio.instruments.values.map {
            InstrumentLimits(
                $0, restricted: restricted.restricted, orderSize: orderQuantity?.limits, positionSize: positionQuantity?.limits,
                tagLimits: concentration?.limits ?? [:])
        }
        correlation?.bind(to: portfolio)
        resolvedFor = portfolio.generation
        currencyDenial = configuration.moneyLimits.first { $0.money.currency != portfolio.baseCurrency }.map {
            RiskDenial(
                check: .orderValidity,
                reason: "risk limit \($0.setting) is \($0.money), not in the portfolio's base currency \(portfolio.baseCurrency.code)")
        }
    }

    /// Runs every check in order; a reduction restarts the run after the check that reduced.
    private mutating func check(_ request: RiskRequest, _ portfolio: PortfolioSnapshot) -> RiskDecision.Outcome {
        if let currencyDenial { return .denied(currencyDenial) }
        var order: PreTradeOrder
        do { order = try PreTradeOrder(resolving: request, portfolio, limits: instrumentLimits) } catch { return .denied(error) }
        let original = order.quantityRaw
        var adjustments: [RiskAdjustment] = []
        var next = Self.checkOrder.startIndex
        run: while true {
            switch checks(order, from: next, portfolio, &adjustments) {
            case .next: break run
            case .reduce(let raw, let position):
                order.quantityRaw = raw
                next = position + 1
            case .deny(let denial): return .denied(denial)
            }
        }
        guard order.quantityRaw != original else { return .approved }
        // For a modify, the decision carries the order's new total quantity.
        let approvedRaw = order.quantityRaw + (request.action == .modify ? order.filledRaw : 0)
        return .modified(
            quantity: Quantity(uncheckedRaw: approvedRaw, precision: order.instrument.sizePrecision), adjustments: adjustments)
    }

    /// Every check name, in the fixed order of ``RiskCheckName``.
    private static let checkOrder = RiskCheckName.allCases

    /// Runs the checks from position `start` of ``checkOrder`` until one reduces or denies
    /// `order`. The order is a parameter here, not a variable, so each check reads it in place
    /// (no copy per check).
    private mutating func checks(
        _ order: PreTradeOrder, from start: Int, _ portfolio: PortfolioSnapshot, _ adjustments: inout [RiskAdjustment]
    ) -> Step {
        for position in start..<Self.checkOrder.endIndex {
            switch run(Self.checkOrder[position], order, portfolio, &adjustments) {
            case nil: continue
            case .reduce(let raw)?: return .reduce(toRaw: raw, position: position)
            case .deny(let denial)?: return .deny(denial)
            }
        }
        return .next
    }

    /// What the checks let the engine do next.
    private enum Step {
        case next
        /// Reduce the order to `toRaw`; the check at `position` of ``checkOrder`` reduced it.
        case reduce(toRaw: Int64, position: Int)
        case deny(RiskDenial)
    }

    /// What one check says beyond passing.
    private enum Verdict {
        case reduce(toRaw: Int64)
        case deny(RiskDenial)
    }

    /// The verdict of the check `name` (`nil`: passed, or not configured).
    @inline(__always)
    private mutating func run(
        _ name: RiskCheckName, _ order: PreTradeOrder, _ portfolio: PortfolioSnapshot, _ adjustments: inout [RiskAdjustment]
    ) -> Verdict? {
        switch name {
        case .orderValidity, .killSwitch: return nil  // decided before the checks (resolving, the kernel)
        case .restrictedList: return run(restricted, order, portfolio, &adjustments)
        case .tradingSession: return run(session, order, portfolio, &adjustments)
        case .reduceOnly: return run(reduceOnly, order, portfolio, &adjustments)
        case .orderRate: return run(orderRate, order, portfolio, &adjustments)
        case .messageRate: return run(messageRate, order, portfolio, &adjustments)
        case .priceBand: return run(priceBand, order, portfolio, &adjustments)
        case .maxOrderQuantity: return run(orderQuantity, order, portfolio, &adjustments)
        case .maxOrderNotional: return run(orderNotional, order, portfolio, &adjustments)
        case .maxPositionQuantity: return run(positionQuantity, order, portfolio, &adjustments)
        case .maxPositionNotional: return run(positionNotional, order, portfolio, &adjustments)
        case .maxOpenPositions: return run(openPositions, order, portfolio, &adjustments)
        case .grossExposure: return run(grossExposure, order, portfolio, &adjustments)
        case .netExposure: return run(netExposure, order, portfolio, &adjustments)
        case .concentration: return run(concentration, order, portfolio, &adjustments)
        case .correlation:
            correlation?.refresh(for: order, portfolio: portfolio)
            return run(correlation, order, portfolio, &adjustments)
        case .dailyLoss: return run(dailyLoss, order, portfolio, &adjustments)
        case .drawdown: return run(drawdown, order, portfolio, &adjustments)
        case .buyingPower: return run(buyingPower, order, portfolio, &adjustments)
        }
    }

    /// The verdict of `check`, `nil` to go on. A reduction is recorded in `adjustments`.
    @inline(__always)
    private func run<Check: PreTradeCheck>(
        _ check: Check?, _ order: PreTradeOrder, _ portfolio: PortfolioSnapshot, _ adjustments: inout [RiskAdjustment]
    ) -> Verdict? {
        guard let check else { return nil }
        switch check.evaluate(order, portfolio: portfolio) {
        case .pass:
            return nil
        case .deny(let reason):
            return .deny(RiskDenial(check: Check.name, reason: reason))
        case .reduce(let maxRaw, let reason):
            let instrument = order.instrument
            let lot = instrument.lotSize.raw
            let reduced = maxRaw - maxRaw % lot
            let minimum = (try? instrument.minQuantity?.rescaled(to: instrument.sizePrecision, rule: .up).raw) ?? nil
            guard reduced > 0, reduced >= (minimum ?? 0) else {
                return .deny(
                    RiskDenial(
                        check: Check.name,
                        reason: "\(reason); the most it allows, \(order.text(quantityRaw: maxRaw)), is below one lot "
                            + "\(instrument.lotSize)\(instrument.minQuantity.map { " or the minimum quantity \($0)" } ?? "")"))
            }
            adjustments.append(
                RiskAdjustment(
                    check: Check.name, from: order.quantity,
                    to: Quantity(uncheckedRaw: reduced, precision: instrument.sizePrecision), reason: reason))
            return .reduce(toRaw: reduced)
        }
    }
}
