/// Whether a fill added liquidity (maker, resting order) or took it (taker).
public enum LiquiditySide: String, Sendable, Hashable, Codable, CaseIterable {
    case maker
    case taker
}
