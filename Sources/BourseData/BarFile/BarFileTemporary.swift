import Glibc

/// A bar file being written under `<path>.tmp`: synced and renamed into place by ``commit()``,
/// removed by ``discard()``, so readers never see half a file.
struct BarFileTemporary {
    let path: String
    let temporary: String
    let fd: Int32

    /// Creates (or truncates) `path + ".tmp"` for reading and writing.
    init(path: String) throws(BarFileError) {
        self.path = path
        temporary = path + ".tmp"
        fd = open(temporary, O_RDWR | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw Self.systemError(path) }
    }

    /// Syncs the file, closes it and renames it to `path`; removes it on failure.
    func commit() throws(BarFileError) {
        guard fsync(fd) == 0 else { throw fail() }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let error = Self.systemError(path)
            unlink(temporary)
            throw error
        }
    }

    /// The error of the last system call; the file is closed and removed.
    func fail() -> BarFileError {
        let error = Self.systemError(path)
        discard()
        return error
    }

    /// Closes and removes the file; nothing is written to `path`.
    func discard() {
        close(fd)
        unlink(temporary)
    }

    /// `path` and the error of the last system call (`errno`).
    static func systemError(_ path: String) -> BarFileError {
        .io(path: path, reason: String(cString: strerror(errno)))
    }
}
