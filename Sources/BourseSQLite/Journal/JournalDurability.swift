/// When appended journal records reach the disk.
public enum JournalDurability: Sendable, Hashable, CustomStringConvertible {
    /// Every record is committed (and fsynced) on its own: nothing appended is ever lost.
    case everyEvent
    /// Records are committed together once the oldest unwritten one is this many milliseconds
    /// old (checked on append), and on `sync()`: a crash loses at most that window, which is why
    /// commands are synced before they are sent.
    case groupCommit(milliseconds: Int)

    public var description: String {
        switch self {
        case .everyEvent: "fsync every event"
        case .groupCommit(let ms): "group commit every \(ms) ms"
        }
    }
}
