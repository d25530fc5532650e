/// The numbers of a ``Position``: quantities and amounts in raw units, all trivial
/// values, so the hot path copies and commits them without reference counting.
/// See ``Position`` for the accounting rules.
@usableFromInline
struct PositionLedger: Sendable, Hashable {
    /// Open quantity in raw size units: positive long, negative short.
    @usableFromInline var signedQuantityRaw: Int64 = 0
    /// Signed cost of the open quantity in raw quote-currency units.
    var costBasisRaw: Int64 = 0
    /// Realized P&L before commissions, raw quote-currency units.
    var grossRealizedRaw: Int64 = 0
    /// Commissions paid in the quote currency, raw.
    var commissionRaw: Int64 = 0
    /// Σ price raw × quantity raw of the fills that opened the current side.
    var openPriceQuantitySum: Int128 = 0
    /// Σ quantity raw of those fills.
    var openedQuantityRaw: Int64 = 0
    var fillCount = 0
    var tsOpened: UnixNanos?
    var tsClosed: UnixNanos?
    var tsLast: UnixNanos?

    /// Applies one execution; `false` on overflow (the ledger is then undefined: callers work on a copy).
    ///
    /// - Complexity: O(1), no allocation.
    @usableFromInline
    mutating func apply(sign: Int64, quantityRaw q: Int64, priceRaw: Int64, ts: UnixNanos, scale: NotionalScale) -> Bool {
        guard let notional = scale.notional(priceRaw: priceRaw, quantityRaw: q) else { return false }
        fillCount += 1
        tsLast = ts
        if signedQuantityRaw == 0 || (signedQuantityRaw > 0) == (sign > 0) {
            if signedQuantityRaw == 0 { tsOpened = ts }
            return open(sign: sign, quantityRaw: q, priceRaw: priceRaw, notional: notional)
        }
        let held = Int64(signedQuantityRaw.magnitude)
        let closing = min(q, held)
        let closingNotional: Int64
        if closing == q {
            closingNotional = notional
        } else {
            guard let n = scale.notional(priceRaw: priceRaw, quantityRaw: closing) else { return false }
            closingNotional = n
        }
        let released = closing == held ? costBasisRaw : Self.proRata(costBasisRaw, closing, held)
        // Cash flow of the closing part: −sign × notional (a sell receives, a buy pays).
        let (realized, o1) = (-sign * closingNotional).subtractingReportingOverflow(released)
        let (gross, o2) = grossRealizedRaw.addingReportingOverflow(realized)
        guard !o1, !o2, !gross.subtractingReportingOverflow(commissionRaw).overflow else { return false }
        grossRealizedRaw = gross
        costBasisRaw -= released
        signedQuantityRaw += sign * closing
        if signedQuantityRaw == 0 {
            openPriceQuantitySum = 0
            openedQuantityRaw = 0
            tsClosed = ts
        }
        guard closing < q else { return true }
        tsOpened = ts
        return open(sign: sign, quantityRaw: q - closing, priceRaw: priceRaw, notional: notional - closingNotional)
    }

    /// Adds a quote-currency commission; `false` if it or the net realized P&L would overflow.
    @usableFromInline
    mutating func addCommission(_ raw: Int64) -> Bool {
        let (sum, overflow) = commissionRaw.addingReportingOverflow(raw)
        guard !overflow, !grossRealizedRaw.subtractingReportingOverflow(sum).overflow else { return false }
        commissionRaw = sum
        return true
    }

    /// Opens or increases the position on `sign`'s side.
    @inline(__always)
    private mutating func open(sign: Int64, quantityRaw q: Int64, priceRaw: Int64, notional: Int64) -> Bool {
        let (cost, o1) = costBasisRaw.addingReportingOverflow(sign * notional)
        let (quantity, o2) = signedQuantityRaw.addingReportingOverflow(sign * q)
        let (opened, o3) = openedQuantityRaw.addingReportingOverflow(q)
        guard !o1, !o2, !o3 else { return false }
        costBasisRaw = cost
        signedQuantityRaw = quantity
        openedQuantityRaw = opened
        openPriceQuantitySum += Int128(priceRaw) * Int128(q)
        return true
    }

    /// `amount × part / whole`, rounded half-even (`0 < part < whole`), so the result fits `Int64`.
    private static func proRata(_ amount: Int64, _ part: Int64, _ whole: Int64) -> Int64 {
        let (high, low) = amount.multipliedFullWidth(by: part)
        if (high == 0 && low <= UInt64(Int64.max)) || (high == -1 && low > UInt64(Int64.max)) {
            return FixedPoint.divide(Int64(truncatingIfNeeded: low), by: whole, rule: .halfEven)
        }
        return (try? FixedPoint.divide(Int128(amount) * Int128(part), by: Int128(whole), rule: .halfEven)) ?? amount
    }
}
