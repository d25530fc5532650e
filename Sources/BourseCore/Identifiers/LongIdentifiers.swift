import Synchronization

/// The process-wide table of ids longer than ``IdentifierStorage/inlineCapacity`` that are not
/// UUIDs stored inline (see `IdentifierStorage`), bounded to ``capacity`` distinct texts. Its
/// entries are never freed.
enum LongIdentifiers {
    /// Most distinct long ids the process keeps (at most 64 bytes each: about 100 MB in all).
    static var capacity: Int { 1 << 20 }

    private static let table = Mutex(Table(capacity: capacity))

    /// The index of `text`, added to the table the first time; `nil` when the table is full.
    static func index(of text: String) -> UInt64? {
        table.withLock { $0.index(of: text) }
    }

    /// The text at `index` (an index this table returned).
    static func string(at index: UInt64) -> String {
        table.withLock { $0.strings[Int(index)] }
    }

    /// Deduplicated texts and their indices, up to a capacity.
    struct Table {
        let capacity: Int
        private(set) var strings: [String] = []
        private var indices: [String: UInt64] = [:]

        init(capacity: Int) {
            self.capacity = capacity
        }

        /// The index of `text`, added the first time; `nil` when the text is new and the table full.
        mutating func index(of text: String) -> UInt64? {
            if let index = indices[text] { return index }
            guard strings.count < capacity else { return nil }
            let index = UInt64(strings.count)
            strings.append(text)
            indices[text] = index
            return index
        }
    }
}
