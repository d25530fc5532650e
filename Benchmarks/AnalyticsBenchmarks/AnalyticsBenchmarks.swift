import Benchmark
import BourseAnalytics

let benchmarks: @Sendable () -> Void = {
}
