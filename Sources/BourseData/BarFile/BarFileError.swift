/// Why a bar file cannot be read or written. A damaged file is always one of these,
/// never garbage bars.
public enum BarFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case io(path: String, reason: String)
    /// Shorter than a header, or not a bar file at all.
    case notABarFile(path: String)
    case unsupportedVersion(path: String, version: UInt16)
    /// The header's fields contradict each other or the file size (e.g. a header that
    /// claims 2 GB of rows in a file of a few bytes).
    case corruptHeader(path: String, reason: String)
    /// The column bytes do not match the header's checksum.
    case checksumMismatch(path: String, expected: UInt64, actual: UInt64)

    public var description: String {
        switch self {
        case .io(let path, let reason): "\(path): \(reason)"
        case .notABarFile(let path): "\(path) is not a Bourse bar file (bad magic or too short)"
        case .unsupportedVersion(let path, let version): "\(path): bar file version \(version) is not supported"
        case .corruptHeader(let path, let reason): "\(path): corrupt header: \(reason)"
        case .checksumMismatch(let path, let expected, let actual):
            "\(path): checksum mismatch (header \(String(expected, radix: 16)), data \(String(actual, radix: 16))): the file is damaged"
        }
    }
}
