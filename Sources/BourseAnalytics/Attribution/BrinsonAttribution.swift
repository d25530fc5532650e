/// Brinson attribution of a portfolio's active return against a benchmark, by segment (sector).
///
/// For segment `i` with portfolio and benchmark weights `wᵢ`, `bᵢ` and returns `Rᵢ`, `Bᵢ`, and the
/// benchmark's total return `B = Σ bᵢBᵢ`:
///
///     allocation   (wᵢ − bᵢ) · Bᵢ            (Brinson–Hood–Beebower 1986)
///                  (wᵢ − bᵢ) · (Bᵢ − B)      (Brinson–Fachler 1985)
///     selection    bᵢ · (Rᵢ − Bᵢ)
///     interaction  (wᵢ − bᵢ) · (Rᵢ − Bᵢ)
///
/// The three effects sum, over the segments, to the active return `Σ wᵢRᵢ − Σ bᵢBᵢ` whenever
/// both weight sets sum to the same total (Brinson–Fachler's allocation only redistributes
/// BHB's across segments).
public struct BrinsonAttribution: Sendable, Equatable {
    /// Which allocation formula to use.
    public enum Method: Sendable, Equatable {
        case brinsonHoodBeebower
        case brinsonFachler
    }

    /// One segment's weights and returns over the period.
    public struct Segment: Sendable, Equatable {
        public var name: String
        public var portfolioWeight: Double
        public var benchmarkWeight: Double
        public var portfolioReturn: Double
        public var benchmarkReturn: Double

        public init(name: String, portfolioWeight: Double, benchmarkWeight: Double, portfolioReturn: Double, benchmarkReturn: Double) {
            self.name = name
            self.portfolioWeight = portfolioWeight
            self.benchmarkWeight = benchmarkWeight
            self.portfolioReturn = portfolioReturn
            self.benchmarkReturn = benchmarkReturn
        }
    }

    /// The effects of one segment (or their totals).
    public struct Effects: Sendable, Equatable {
        public let name: String
        public let allocation: Double
        public let selection: Double
        public let interaction: Double
        /// `allocation + selection + interaction`.
        public var total: Double { allocation + selection + interaction }
    }

    /// Per segment, in input order.
    public let segments: [Effects]
    /// Sums over the segments.
    public let totals: Effects
    /// `Σ wᵢRᵢ`.
    public let portfolioReturn: Double
    /// `Σ bᵢBᵢ`.
    public let benchmarkReturn: Double

    /// Attributes the active return of `segments`.
    /// - Throws: `invalidParameter` for no segments, a non-finite number, duplicate names, or
    ///   weight sets whose sums differ by more than 1e-9 (the effects would not add up).
    public init(segments input: [Segment], method: Method = .brinsonHoodBeebower) throws(AnalyticsError) {
        guard !input.isEmpty else { throw .invalidParameter("Brinson attribution needs at least one segment") }
        for (k, s) in input.enumerated() {
            let values = [s.portfolioWeight, s.benchmarkWeight, s.portfolioReturn, s.benchmarkReturn]
            guard values.allSatisfy(\.isFinite) else { throw .nonFiniteValue(what: "segment \(s.name)", index: k) }
        }
        guard Set(input.map(\.name)).count == input.count else { throw .invalidParameter("segment names must be unique") }
        let portfolioTotal = input.reduce(0) { $0 + $1.portfolioWeight }
        let benchmarkTotal = input.reduce(0) { $0 + $1.benchmarkWeight }
        guard abs(portfolioTotal - benchmarkTotal) <= 1e-9 else {
            throw .invalidParameter("portfolio weights sum to \(portfolioTotal), benchmark weights to \(benchmarkTotal)")
        }
        let b = input.reduce(0) { $0 + $1.benchmarkWeight * $1.benchmarkReturn }
        portfolioReturn = input.reduce(0) { $0 + $1.portfolioWeight * $1.portfolioReturn }
        benchmarkReturn = b
        segments = input.map { s in
            let activeWeight = s.portfolioWeight - s.benchmarkWeight
            let reference = method == .brinsonFachler ? s.benchmarkReturn - b : s.benchmarkReturn
            return Effects(
                name: s.name,
                allocation: activeWeight * reference,
                selection: s.benchmarkWeight * (s.portfolioReturn - s.benchmarkReturn),
                interaction: activeWeight * (s.portfolioReturn - s.benchmarkReturn))
        }
        totals = Effects(
            name: "total",
            allocation: segments.reduce(0) { $0 + $1.allocation },
            selection: segments.reduce(0) { $0 + $1.selection },
            interaction: segments.reduce(0) { $0 + $1.interaction })
    }

    /// `portfolioReturn − benchmarkReturn`.
    public var activeReturn: Double { portfolioReturn - benchmarkReturn }
}
