import Crypto

/// The hash chain: each record's hash is SHA-256(previous record's hash ‖ record bytes).
enum JournalChain {
    /// The "previous hash" of the first record: 32 zero bytes.
    static let genesis = [UInt8](repeating: 0, count: 32)

    static func hash(previous: [UInt8], payload: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: previous)
        hasher.update(data: payload)
        return Array(hasher.finalize())
    }
}
