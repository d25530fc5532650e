import Foundation

/// Looks at the end of a journal's write-ahead log before SQLite opens it: a log whose length is
/// not a whole number of frames ends with a torn write, which SQLite will silently discard.
enum WriteAheadLogTail {
    /// The number of bytes of an incomplete frame at the end of `path`'s WAL, `nil` when it ends cleanly.
    static func tornBytes(journal path: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path + "-wal") else { return nil }
        defer { try? handle.close() }
        guard let size = try? handle.seekToEnd(), size > 32 else { return nil }
        try? handle.seek(toOffset: 0)
        guard let header = try? handle.read(upToCount: 32), header.count == 32 else { return nil }
        let pageSize = header[8..<12].reduce(0) { $0 << 8 | Int($1) }
        guard pageSize >= 512 else { return nil }
        let rest = (Int(size) - 32) % (24 + pageSize)
        return rest == 0 ? nil : rest
    }
}
