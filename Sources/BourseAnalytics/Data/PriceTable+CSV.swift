/// Why a price CSV could not be read.
public struct PriceTableParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line number in the file.
    public let line: Int
    /// What is wrong.
    public let reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}

extension PriceTable {
    /// Reads a CSV: a header `date,ASSET1,ASSET2,…` (the date column's name is ignored), then one
    /// row per date. An empty cell is a missing price; anything else must be a positive number.
    /// Lines starting with `#` and blank lines are skipped.
    /// - Throws: `PriceTableParseError` with the line number and reason.
    public init(csv text: String) throws(PriceTableParseError) {
        var header: [String]?
        var dates = [String]()
        var rows = [[Double?]]()
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine[...]
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            guard let columns = header else {
                guard cells.count >= 2 else {
                    throw PriceTableParseError(line: lineNumber, reason: "header needs a date column and at least one asset")
                }
                header = cells.dropFirst().map { String($0) }
                continue
            }
            guard cells.count == columns.count + 1 else {
                throw PriceTableParseError(
                    line: lineNumber, reason: "expected \(columns.count + 1) fields, found \(cells.count)")
            }
            var row = [Double?]()
            row.reserveCapacity(columns.count)
            for (c, cell) in cells.dropFirst().enumerated() {
                if cell.isEmpty {
                    row.append(nil)
                    continue
                }
                guard let value = Double(cell), value.isFinite else {
                    throw PriceTableParseError(line: lineNumber, reason: "\(columns[c]): '\(cell)' is not a number")
                }
                guard value > 0 else {
                    throw PriceTableParseError(line: lineNumber, reason: "\(columns[c]): price \(value) is not positive")
                }
                row.append(value)
            }
            dates.append(String(cells[0]))
            rows.append(row)
        }
        guard let columns = header else { throw PriceTableParseError(line: lineNumber, reason: "no header line") }
        do throws(AnalyticsError) {
            try self.init(dates: dates, assets: columns, prices: rows)
        } catch {
            throw PriceTableParseError(line: lineNumber, reason: error.description)
        }
    }
}
