import Foundation
import Synchronization

/// A one-line progress bar on standard error, drawn only when standard error is a
/// terminal (never in pipes, logs or tests). Redraws only when the percentage changes.
final class ProgressBar: Sendable {
    private let label: String
    private let shown = Atomic<Int>(-1)

    /// A bar, or `nil` when standard error is not a terminal.
    init?(label: String) {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        self.label = label
    }

    /// Shows `done` of `total`.
    func update(done: Int, total: Int) {
        let percent = total > 0 ? min(100, done * 100 / total) : 100
        guard shown.exchange(percent, ordering: .relaxed) != percent else { return }
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent)%".utf8))
    }

    /// Ends the line.
    func finish() {
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
