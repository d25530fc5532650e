/// Hierarchical risk parity (López de Prado 2016), as PyPortfolioOpt's `HRPOpt` with single linkage.
///
/// 1. Distance `dᵢⱼ = √(clip((1 − ρᵢⱼ) / 2, 0, 1))` from the correlation matrix.
/// 2. Single-linkage clustering, built exactly as SciPy's `linkage(method: "single")` does: Prim's
///    minimum spanning tree from asset 0, edges stably sorted by distance, clusters labelled by
///    union–find with the smaller label on the left.
/// 3. Quasi-diagonal order: the leaves of that tree in pre-order.
/// 4. Recursive bisection of the ordered list into halves; each half gets weight in inverse
///    proportion to its inverse-variance portfolio's variance.
public enum HierarchicalRiskParity {
    /// HRP weights for a covariance matrix (the correlations are derived from it).
    /// - Throws: `lengthMismatch`, `nonFiniteValue`, or `singularCovariance` for a zero variance.
    public static func weights(covariance: Matrix) throws(AnalyticsError) -> Vector {
        let n = covariance.rows
        guard n > 0, covariance.isSquare else {
            throw .lengthMismatch("HRP needs a non-empty square covariance, got \(covariance.rows)×\(covariance.columns)")
        }
        guard covariance.isFinite else { throw .nonFiniteValue(what: "covariance", index: 0) }
        let sd = covariance.diagonalElements.map { $0.squareRoot() }
        if let i = sd.firstIndex(where: { !($0 > 0) }) {
            throw .singularCovariance("asset \(i) has zero variance")
        }
        var distance = Matrix(rows: n, columns: n)
        for i in 0..<n {
            for j in 0..<n {
                let rho = covariance[i, j] / (sd[i] * sd[j])
                distance[i, j] = min(max((1 - rho) / 2, 0), 1).squareRoot()
            }
        }
        let order = quasiDiagonalOrder(distance)
        var weights = Vector(repeating: 1, count: n)
        var clusters = [order]
        while !clusters.isEmpty {
            clusters = clusters.filter { $0.count > 1 }.flatMap { c in [Array(c[..<(c.count / 2)]), Array(c[(c.count / 2)...])] }
            for k in stride(from: 0, to: clusters.count, by: 2) {
                let first = clusterVariance(covariance, clusters[k])
                let second = clusterVariance(covariance, clusters[k + 1])
                let alpha = 1 - first / (first + second)
                for i in clusters[k] { weights[i] *= alpha }
                for i in clusters[k + 1] { weights[i] *= 1 - alpha }
            }
        }
        return weights
    }

    /// Leaves of the single-linkage tree in pre-order.
    static func quasiDiagonalOrder(_ distance: Matrix) -> [Int] {
        let n = distance.rows
        guard n > 1 else { return Array(0..<n) }
        // Prim's algorithm, as SciPy's mst_single_linkage.
        var merged = [Bool](repeating: false, count: n)
        var best = Vector(repeating: .infinity, count: n)
        var edges = [(distance: Double, a: Int, b: Int)]()
        var x = 0
        merged[0] = true
        for _ in 0..<(n - 1) {
            var y = -1
            var current = Double.infinity
            for i in 0..<n where !merged[i] {
                best[i] = min(best[i], distance[x, i])
                if best[i] < current || y < 0 {
                    y = i
                    current = best[i]
                }
            }
            edges.append((current, x, y))
            merged[y] = true
            x = y
        }
        // Stable sort by distance, then union–find labelling.
        let sorted = edges.enumerated().sorted {
            $0.element.distance != $1.element.distance ? $0.element.distance < $1.element.distance : $0.offset < $1.offset
        }.map(\.element)
        var parent = Array(0..<(2 * n - 1))
        func find(_ v: Int) -> Int {
            var r = v
            while parent[r] != r { r = parent[r] }
            return r
        }
        var children = [(Int, Int)](repeating: (0, 0), count: n - 1)
        for (k, edge) in sorted.enumerated() {
            let ra = find(edge.a)
            let rb = find(edge.b)
            children[k] = (min(ra, rb), max(ra, rb))
            parent[ra] = n + k
            parent[rb] = n + k
        }
        var order = [Int]()
        var stack = [2 * n - 2]
        while let node = stack.popLast() {
            if node < n {
                order.append(node)
            } else {
                let (left, right) = children[node - n]
                stack.append(right)
                stack.append(left)
            }
        }
        return order
    }

    /// Variance of the inverse-variance portfolio of `members`.
    static func clusterVariance(_ covariance: Matrix, _ members: [Int]) -> Double {
        let inverse = members.map { 1 / covariance[$0, $0] }
        let total = inverse.reduce(0, +)
        var variance = 0.0
        for (a, i) in members.enumerated() {
            for (b, j) in members.enumerated() { variance += inverse[a] * covariance[i, j] * inverse[b] }
        }
        return variance / (total * total)
    }
}
