/// What ``CSVScanner/nextBarRow(limit:volume:into:_:)`` read.
enum BarRowRead: Equatable {
    /// A plain row, its fields found and its numbers parsed in one pass.
    case parsed
    /// Any other row, scanned field by field as ``CSVScanner/nextRow()`` does (the importer's general path).
    case scanned
    /// The end of the buffer.
    case end
}

extension CSVScanner {
    /// Whether a delimiter leaves the one-pass row reader unambiguous (not a digit, point,
    /// quote or line break).
    static func allowsOnePass(delimiter: UInt8) -> Bool {
        !(delimiter &- 0x30 < 10 || delimiter == 0x2E || delimiter == 0x22 || delimiter == 0x0A || delimiter == 0x0D)
    }

    /// Moves to the next row and reads it in one pass when it is plain: a timestamp field
    /// then open, high, low, close[, volume] as unsigned decimals (`digits[.digits]`, at most 18
    /// characters), no quotes, no spaces, ending with a line break at or before `limit` (the
    /// last LF in the buffer, which stops every digit loop). The row's fields go to `fields` and
    /// its numbers to `numbers`, exactly as ``DecimalText/parse(_:_:_:)`` reads them.
    /// Any other row is left to the general scanner (`.scanned`), so its errors and its
    /// repairs are the general path's.
    ///
    /// - Complexity: O(row length), one pass over the bytes, no allocation.
    @inline(__always)
    mutating func nextBarRow(limit: Int, volume: Bool, into fields: inout BarRowFields, _ numbers: inout BarRowNumbers) -> BarRowRead {
        guard skipToRow() else { return .end }
        if position < limit, let end = readPlainRow(volume: volume, &fields, &numbers) {
            line = nextLine
            nextLine &+= 1
            rowStart = position
            position = end
            fieldCount = volume ? 6 : 5
            terminated = true
            hasEscapedQuote = false
            return .parsed
        }
        scanRow()
        return .scanned
    }

    /// The offset just past the plain row at `position` (its line break included), or `nil`.
    @inline(__always)
    private func readPlainRow(volume: Bool, _ fields: inout BarRowFields, _ numbers: inout BarRowNumbers) -> Int? {
        let start = position
        guard base[start] != 0x22 else { return nil }
        let timestampEnd = fieldEnd(from: start)
        guard base[timestampEnd] == delimiter else { return nil }
        fields.timestamp = (start, timestampEnd)
        var i = timestampEnd &+ 1
        let o = i
        guard let open = number(&i), base[i] == delimiter else { return nil }
        fields.prices.0 = (o, i)
        i &+= 1
        let h = i
        guard let high = number(&i), base[i] == delimiter else { return nil }
        fields.prices.1 = (h, i)
        i &+= 1
        let l = i
        guard let low = number(&i), base[i] == delimiter else { return nil }
        fields.prices.2 = (l, i)
        i &+= 1
        let c = i
        guard let close = number(&i) else { return nil }
        fields.prices.3 = (c, i)
        var parsedVolume = DecimalText.absent
        if volume {
            guard base[i] == delimiter else { return nil }
            i &+= 1
            let v = i
            guard let value = number(&i) else { return nil }
            fields.volume = (v, i)
            parsedVolume = value
        }
        // Field by field: assigning a whole `BarRowNumbers` (144 bytes) is a `memmove` call.
        numbers.open = open
        numbers.high = high
        numbers.low = low
        numbers.close = close
        numbers.volume = parsedVolume
        if base[i] == 0x0A { return i &+ 1 }
        if base[i] == 0x0D && base[i &+ 1] == 0x0A { return i &+ 2 }
        return nil
    }

    /// Reads `digits[.digits]` at `i` (at most 18 characters, so no overflow), leaving `i` on
    /// the byte after it; `nil` for anything else. The caller guarantees a non-digit (an LF)
    /// ahead, which ends both loops within the buffer.
    @inline(__always)
    private func number(_ i: inout Int) -> DecimalText.Parsed? {
        let start = i
        var d = base[i] &- 0x30
        guard d < 10 else { return nil }
        var mantissa: Int64 = 0
        repeat {
            mantissa = mantissa &* 10 &+ Int64(d)
            i &+= 1
            d = base[i] &- 0x30
        } while d < 10
        var decimals = 0
        if base[i] == 0x2E {
            i &+= 1
            let fraction = i
            d = base[i] &- 0x30
            while d < 10 {
                mantissa = mantissa &* 10 &+ Int64(d)
                i &+= 1
                d = base[i] &- 0x30
            }
            decimals = i &- fraction
        }
        guard i &- start <= 18 else { return nil }
        return (.ok, mantissa, decimals)
    }
}
