import Foundation

/// Reading whole files into memory for the byte-level parsers.
enum DataFile {
    /// The bytes of the file at `path` (memory-mapped when the system allows).
    static func bytes(_ path: String) throws(DataImportError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
    }

    /// The last path component, used to name the file in messages.
    static func name(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Calls `body` with the buffer's base address (a valid pointer even when empty).
    static func withBase<R>(_ data: Data, _ body: (UnsafePointer<UInt8>, Int) throws(DataImportError) -> R) throws(DataImportError) -> R {
        let result: Result<R, DataImportError> = data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            if let base = bytes.baseAddress {
                do throws(DataImportError) { return .success(try body(base, bytes.count)) } catch { return .failure(error) }
            }
            var empty: UInt8 = 0
            do throws(DataImportError) { return .success(try body(&empty, 0)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
