import BourseCore

extension JournalCodec {
    static func encode(_ start: SessionStart, into w: inout ByteWriter) {
        w.writeLength(start.instruments.count)
        for instrument in start.instruments { encode(instrument, into: &w) }
        w.write(start.accountID)
        w.writeLength(start.startingBalances.count)
        for balance in start.startingBalances { w.write(balance) }
        w.write(start.tracksCash)
    }

    static func decodeSessionStart(_ r: inout ByteReader) throws(JournalCodecError) -> SessionStart {
        var instruments: [Instrument] = []
        for _ in 0..<(try r.readLength("instrument count")) { instruments.append(try decodeInstrument(&r)) }
        let accountID: AccountID = try r.readIdentifier("account id")
        var balances: [Money] = []
        for _ in 0..<(try r.readLength("balance count")) { balances.append(try r.readMoney("starting balance")) }
        return SessionStart(
            instruments: instruments, accountID: accountID, startingBalances: balances, tracksCash: try r.readBool("tracks cash"))
    }

    private static func encode(_ i: Instrument, into w: inout ByteWriter) {
        w.write(i.id)
        w.writeCase(i.assetClass)
        w.writeOptional(i.baseCurrency) { $0.write($1) }
        w.write(i.quoteCurrency)
        w.write(i.tickSize)
        w.write(i.lotSize)
        w.writeOptional(i.minQuantity) { $0.write($1) }
        w.writeOptional(i.maxQuantity) { $0.write($1) }
        w.writeOptional(i.minNotional) { $0.write($1) }
        w.write(i.multiplier)
        w.write(i.makerFee)
        w.write(i.takerFee)
        w.writeOptional(i.expiry) { $0.write($1) }
        w.writeLength(i.tags.count)
        for tag in i.tags { w.write(tag) }
    }

    private static func decodeInstrument(_ r: inout ByteReader) throws(JournalCodecError) -> Instrument {
        let id = try r.readInstrumentID("instrument id")
        let assetClass: AssetClass = try r.readCase("asset class")
        let base = try r.readOptional("base currency") { r throws(JournalCodecError) in try r.readCurrency("base currency") }
        let quote = try r.readCurrency("quote currency")
        let tick: Price = try r.readFixedPoint("tick size")
        let lot: Quantity = try r.readFixedPoint("lot size")
        let minQuantity = try r.readOptional("min quantity") { r throws(JournalCodecError) -> Quantity in try r.readFixedPoint("min quantity") }
        let maxQuantity = try r.readOptional("max quantity") { r throws(JournalCodecError) -> Quantity in try r.readFixedPoint("max quantity") }
        let minNotional = try r.readOptional("min notional") { r throws(JournalCodecError) in try r.readMoney("min notional") }
        let multiplier: Quantity = try r.readFixedPoint("multiplier")
        let maker: Rate = try r.readFixedPoint("maker fee")
        let taker: Rate = try r.readFixedPoint("taker fee")
        let expiry = try r.readOptional("expiry") { r throws(JournalCodecError) in try r.readUnixNanos("expiry") }
        var tags: [String] = []
        for _ in 0..<(try r.readLength("tag count")) { tags.append(try r.readString("tag")) }
        do {
            return try Instrument(
                id: id, assetClass: assetClass, baseCurrency: base, quoteCurrency: quote, tickSize: tick, lotSize: lot,
                minQuantity: minQuantity, maxQuantity: maxQuantity, minNotional: minNotional, multiplier: multiplier, makerFee: maker,
                takerFee: taker, expiry: expiry, tags: tags)
        } catch { throw .invalidValue(field: "instrument", reason: error.description) }
    }
}
