/// The optimum of a `QuadraticProgram`.
public struct QPSolution: Sendable {
    /// The minimizer.
    public let x: Vector
    /// `½ xᵀ P x + qᵀ x` at `x`.
    public let objective: Double
    /// ADMM iterations used to identify the active set.
    public let iterations: Int
    /// Active-set refinement steps of the polish.
    public let polishSteps: Int
}
