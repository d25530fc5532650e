public import BourseCore
import OrderedCollections

/// For every tag of the order's instrument that has a limit (sector, `asset-class:…`), the tag's
/// gross exposure after the order at most `maxFraction × equity`; reduces when configured.
///
/// - Complexity: O(limited tags of the instrument), no lookup by name.
public struct ConcentrationCheck: PreTradeCheck {
    public static let name = RiskCheckName.concentration
    public let limits: [String: Rate]
    public let reduces: Bool

    public init(_ limits: [TagLimit], reduces: Bool) {
        self.limits = Dictionary(limits.map { ($0.tag, $0.maxFraction) }, uniquingKeysWith: { a, b in min(a, b) })
        self.reduces = reduces
    }

    public func evaluate(_ order: PreTradeOrder, portfolio: PortfolioSnapshot) -> CheckOutcome {
        guard order.increasesExposure else { return .pass }
        var tightest = CheckOutcome.pass
        var tightestMax = Int64.max
        for (index, fraction) in order.limits.tagLimits {
            let aggregateRaw = portfolio.tagExposureRaw.values[order.state.tagSlots[index]]
            let outcome = ExposureLimit(tag: order.state.riskTags[index], fraction: fraction)
                .evaluate(order, portfolio: portfolio, aggregateRaw: aggregateRaw, reduces: reduces)
            switch outcome {
            case .pass: continue
            case .deny: return outcome
            case .reduce(let maxRaw, _):
                if maxRaw < tightestMax { (tightest, tightestMax) = (outcome, maxRaw) }
            }
        }
        return tightest
    }
}
