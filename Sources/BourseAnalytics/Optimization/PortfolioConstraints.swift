/// Constraints on portfolio weights: per-asset bounds and group (e.g. sector) bounds. The
/// weights always sum to 1.
public struct PortfolioConstraints: Sendable, Equatable {
    /// A bound on the total weight of a set of assets.
    public struct Group: Sendable, Equatable {
        /// Label for messages (e.g. the sector).
        public var name: String
        /// Indices of the member assets.
        public var members: [Int]
        /// Minimum total weight.
        public var lower: Double
        /// Maximum total weight.
        public var upper: Double

        public init(name: String, members: [Int], lower: Double, upper: Double) {
            self.name = name
            self.members = members
            self.lower = lower
            self.upper = upper
        }
    }

    /// Minimum weight of each asset.
    public var lower: Vector
    /// Maximum weight of each asset.
    public var upper: Vector
    /// Group bounds.
    public var groups: [Group]

    /// Per-asset bounds and groups.
    public init(lower: Vector, upper: Vector, groups: [Group] = []) {
        self.lower = lower
        self.upper = upper
        self.groups = groups
    }

    /// Weights in [0, 1] (PyPortfolioOpt's default).
    public static func longOnly(assets: Int) -> PortfolioConstraints {
        PortfolioConstraints(lower: .init(repeating: 0, count: assets), upper: .init(repeating: 1, count: assets))
    }

    /// Weights in [−1, 1].
    public static func longShort(assets: Int) -> PortfolioConstraints {
        PortfolioConstraints(lower: .init(repeating: -1, count: assets), upper: .init(repeating: 1, count: assets))
    }

    /// Checks the shapes and the obvious infeasibilities (bounds that cannot sum to 1).
    func validate(assets n: Int) throws(AnalyticsError) {
        guard lower.count == n, upper.count == n else {
            throw .lengthMismatch("weight bounds for \(lower.count)/\(upper.count) assets, expected \(n)")
        }
        for i in 0..<n where !(lower[i] <= upper[i]) || !lower[i].isFinite || !upper[i].isFinite {
            throw .infeasible("asset \(i): weight bounds [\(lower[i]), \(upper[i])] are empty or not finite")
        }
        guard lower.reduce(0, +) <= 1 + 1e-12, upper.reduce(0, +) >= 1 - 1e-12 else {
            throw .infeasible("weight bounds cannot sum to 1 (lower sum \(lower.reduce(0, +)), upper sum \(upper.reduce(0, +)))")
        }
        for group in groups {
            guard group.lower <= group.upper, group.members.allSatisfy({ (0..<n).contains($0) }) else {
                throw .infeasible("group \(group.name): empty bounds or unknown member")
            }
            let most = group.members.reduce(0) { $0 + upper[$1] }
            let least = group.members.reduce(0) { $0 + lower[$1] }
            guard most >= group.lower - 1e-12, least <= group.upper + 1e-12 else {
                throw .infeasible("group \(group.name): member bounds cannot meet [\(group.lower), \(group.upper)]")
            }
        }
    }
}
