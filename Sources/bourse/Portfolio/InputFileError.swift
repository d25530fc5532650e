/// A bad input file or value for the portfolio and analytics commands: where, and why.
struct InputFileError: Error, CustomStringConvertible {
    /// `FILE:LINE`, `FILE`, or an option name.
    let location: String
    let reason: String

    var description: String { "\(location): \(reason)" }
}
