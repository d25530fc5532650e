import Foundation
import GRDB

extension Row {
    // Journal columns read without trusting the file: a damaged page or a tampered row can hold
    // NULL or a value of another type, which GRDB's typed subscripts trap on.

    /// The column's bytes; `nil` when it is NULL or not a blob.
    func bytes(_ column: String) -> [UInt8]? { Data.fromDatabaseValue(self[column] as DatabaseValue).map { Array($0) } }

    /// The column's integer; `nil` when it is NULL or not an integer.
    func integer(_ column: String) -> Int64? { Int64.fromDatabaseValue(self[column] as DatabaseValue) }

    /// The column's text; `nil` when it is NULL or not text.
    func text(_ column: String) -> String? { String.fromDatabaseValue(self[column] as DatabaseValue) }
}
