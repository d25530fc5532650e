/// Small vector operations on `Vector` (`[Double]`).
public enum Vectors {
    /// Dot product; the shorter length wins if they differ (callers check shapes).
    public static func dot(_ a: Vector, _ b: Vector) -> Double {
        var s = 0.0
        for i in 0..<min(a.count, b.count) { s += a[i] * b[i] }
        return s
    }

    /// Sum of the elements.
    public static func sum(_ a: Vector) -> Double { a.reduce(0, +) }

    /// Largest absolute difference between two equally long vectors.
    public static func maxAbsDifference(_ a: Vector, _ b: Vector) -> Double {
        zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }
}
