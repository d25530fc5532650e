extension Int128 {
    /// `self / divisor` rounded half to even; `divisor` must be positive.
    func dividedHalfEven(by divisor: Int128) -> Int128 {
        var (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        let twice = remainder.magnitude * 2
        if twice > divisor.magnitude || (twice == divisor.magnitude && quotient % 2 != 0) {
            quotient += remainder < 0 ? -1 : 1
        }
        return quotient
    }
}
