internal import Foundation

/// Descriptive statistics on plain `Double` samples; the callers validate finiteness and length.
/// Shared with the package (BourseRisk's return risk uses the same moments).
package enum Descriptive {
    package static func mean(_ x: some Collection<Double>) -> Double {
        x.reduce(0, +) / Double(x.count)
    }

    /// Standard deviation with `ddof` delta degrees of freedom (1 = sample).
    package static func standardDeviation(_ x: some Collection<Double>, ddof: Int = 1) -> Double {
        let m = mean(x)
        let ss = x.reduce(0) { $0 + ($1 - m) * ($1 - m) }
        return (ss / Double(x.count - ddof)).squareRoot()
    }

    /// Percentile with linear interpolation between order statistics (NumPy's default).
    package static func percentile(sorted x: [Double], _ q: Double) -> Double {
        let position = q / 100 * Double(x.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, x.count - 1)
        let t = position - Double(lower)
        let a = x[lower]
        let b = x[upper]
        // NumPy's lerp form, exact at both ends.
        return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t
    }

    /// Adjusted Fisher–Pearson sample skewness (pandas `Series.skew`).
    package static func skewness(_ x: some Collection<Double>) -> Double {
        let n = Double(x.count)
        let m = mean(x)
        var m2 = 0.0
        var m3 = 0.0
        for v in x {
            let d = v - m
            m2 += d * d
            m3 += d * d * d
        }
        m2 /= n
        m3 /= n
        return (n * (n - 1)).squareRoot() / (n - 2) * m3 / pow(m2, 1.5)
    }

    /// Unbiased sample excess kurtosis (pandas `Series.kurtosis`).
    package static func excessKurtosis(_ x: some Collection<Double>) -> Double {
        let n = Double(x.count)
        let m = mean(x)
        var s2 = 0.0
        var s4 = 0.0
        for v in x {
            let d2 = (v - m) * (v - m)
            s2 += d2
            s4 += d2 * d2
        }
        let numerator = n * (n + 1) * (n - 1) * s4
        let denominator = (n - 2) * (n - 3) * s2 * s2
        return numerator / denominator - 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3))
    }

    /// Population covariance (divided by n) of two equally long samples.
    package static func covariance(_ x: ArraySlice<Double>, _ y: ArraySlice<Double>) -> Double {
        let mx = mean(x)
        let my = mean(y)
        var s = 0.0
        for (a, b) in zip(x, y) { s += (a - mx) * (b - my) }
        return s / Double(x.count)
    }

    /// Pearson correlation's square (R²) of `y` against `x`.
    static func rSquared(_ x: [Double], _ y: [Double]) -> Double {
        let c = covariance(x[...], y[...])
        return c * c / (covariance(x[...], x[...]) * covariance(y[...], y[...]))
    }

    /// pandas' adjusted `ewm(...).mean()` at the last of `count` observations: `Σ w x / Σ w` with
    /// `w = decay^(count − 1 − t)` over the observations whose value is not NaN.
    static func exponentiallyWeightedMean(count: Int, decay: Double, value: (Int) -> Double) -> Double {
        var weighted = 0.0
        var weights = 0.0
        var w = 1.0
        for t in stride(from: count - 1, through: 0, by: -1) {
            let x = value(t)
            if !x.isNaN {
                weighted += w * x
                weights += w
            }
            w *= decay
        }
        return weighted / weights
    }
}
