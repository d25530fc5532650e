/// A dense convex QP solver: ADMM to find the active constraints, then an exact active-set
/// "polish" that solves the KKT system and verifies optimality.
///
/// The first phase is the operator-splitting method of OSQP (Stellato et al., "OSQP: an operator
/// splitting solver for quadratic programs", Math. Prog. Comp. 2020): the constraints are stacked
/// as `l ≤ [G; I] x ≤ u`, the linear system `(P + σI + Aᵀ R A) x = …` is factored once by
/// Cholesky (LAPACK `dpotrf`; refactored only when the step size ρ adapts), and each iteration
/// costs two triangular solves and two products with `G`. The second phase takes ADMM's active
/// set, solves the equality-constrained KKT system exactly (LAPACK `dsytrf`), and runs
/// primal–dual active-set corrections until every primal constraint holds and every multiplier
/// has the right sign to `polishTolerance`. A solution is returned only when that check passes,
/// so its accuracy does not depend on how far ADMM went. Primal infeasibility is detected with
/// OSQP's certificate on the dual iterates.
public struct QPSolver: Sendable {
    /// Tuning of the solver; the defaults suit annualized covariance matrices.
    public struct Settings: Sendable {
        /// Upper limit of ADMM iterations.
        public var maxIterations = 20_000
        /// ADMM first stops when residuals are below `tolerance · (1 + scale)`; if the polish
        /// fails from that point, ADMM continues with the tolerance divided by 100 (up to 3 times).
        public var tolerance = 1e-7
        /// KKT check of the polished solution: feasibility and multiplier signs.
        public var polishTolerance = 1e-9
        /// Initial ADMM step size.
        public var rho = 0.1
        /// Proximal regularization.
        public var sigma = 1e-6
        /// Over-relaxation.
        public var alpha = 1.6

        public init() {}
    }

    /// The settings in use.
    public var settings: Settings

    /// A solver with `settings`.
    public init(settings: Settings = Settings()) { self.settings = settings }

    /// Solves `program`.
    /// - Throws: `AnalyticsError.infeasible` when the constraints cannot all hold,
    ///   `notConverged` when no verified optimum was found.
    public func solve(_ program: QuadraticProgram) throws(AnalyticsError) -> QPSolution {
        var admm = ADMMState(program: program, settings: settings)
        let polish = Polish(program: program, tolerance: settings.polishTolerance)
        var tolerance = settings.tolerance
        var outcome = ADMMState.Outcome.iterationLimit
        // Polish from ADMM's active set; if that guess was too rough, continue ADMM tighter.
        for _ in 0..<4 {
            outcome = try admm.run(tolerance: tolerance)
            if case .infeasible = outcome {
                throw .infeasible("the constraints admit no solution (primal infeasibility certificate)")
            }
            if let polished = try polish.run(x: admm.x, z: admm.z, y: admm.y) {
                return QPSolution(
                    x: polished.x, objective: program.objective(polished.x), iterations: admm.iterations,
                    polishSteps: polished.steps)
            }
            tolerance *= 0.01
        }
        throw .notConverged(
            "active-set polish failed after \(admm.iterations) ADMM iterations (outcome \(outcome))")
    }
}
