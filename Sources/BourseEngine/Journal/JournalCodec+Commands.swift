import BourseCore
import BourseExecution

extension JournalCodec {
    static func encode(_ command: JournalCommand, into w: inout ByteWriter) {
        switch command {
        case .submit(let c):
            encode(c.order, into: &w)
            w.writeOptional(c.positionID) { $0.write($1) }
            w.write(c.tsInit)
        case .submitList(let c):
            w.write(c.orderListID)
            w.writeLength(c.orders.count)
            for order in c.orders { encode(order, into: &w) }
            w.write(c.tsInit)
        case .modify(let c):
            w.write(c.clientOrderID)
            w.write(c.strategyID)
            w.write(c.instrumentID)
            w.writeOptional(c.quantity) { $0.write($1) }
            w.writeOptional(c.price) { $0.write($1) }
            w.writeOptional(c.triggerPrice) { $0.write($1) }
            w.write(c.tsInit)
        case .cancel(let c):
            w.write(c.clientOrderID)
            w.write(c.strategyID)
            w.write(c.instrumentID)
            w.write(c.tsInit)
        case .cancelAll(let c):
            w.write(c.strategyID)
            w.write(c.instrumentID)
            w.writeOptional(c.side) { $0.writeCase($1) }
            w.write(c.tsInit)
        }
    }

    static func decodeCommand(_ kind: JournalEntryKind, _ r: inout ByteReader) throws(JournalCodecError) -> JournalCommand {
        switch kind {
        case .submitOrder:
            let order = try decodeOrder(&r)
            let positionID: PositionID? = try r.readOptional("position id") { r throws(JournalCodecError) in try r.readIdentifier("position id") }
            return .submit(SubmitOrder(order: order, positionID: positionID, tsInit: try r.readUnixNanos("ts init")))
        case .submitOrderList:
            let listID: OrderListID = try r.readIdentifier("order list id")
            let count = try r.readLength("order count")
            var orders: [OrderInitialized] = []
            for _ in 0..<count { orders.append(try decodeOrder(&r)) }
            let tsInit = try r.readUnixNanos("ts init")
            do { return .submitList(try SubmitOrderList(orderListID: listID, orders: orders, tsInit: tsInit)) } catch {
                throw .invalidValue(field: "order list", reason: "\(error)")
            }
        case .modifyOrder:
            return .modify(BourseExecution.ModifyOrder(
                clientOrderID: try r.readClientOrderID("client order id"), strategyID: try r.readStrategyID("strategy id"),
                instrumentID: try r.readInstrumentID("instrument id"),
                quantity: try r.readOptional("quantity") { r throws(JournalCodecError) in try r.readQuantity("quantity") },
                price: try r.readOptional("price") { r throws(JournalCodecError) in try r.readPrice("price") },
                triggerPrice: try r.readOptional("trigger price") { r throws(JournalCodecError) in try r.readPrice("trigger price") },
                tsInit: try r.readUnixNanos("ts init")))
        case .cancelOrder:
            return .cancel(CancelOrder(
                clientOrderID: try r.readClientOrderID("client order id"), strategyID: try r.readStrategyID("strategy id"),
                instrumentID: try r.readInstrumentID("instrument id"), tsInit: try r.readUnixNanos("ts init")))
        case .cancelAllOrders:
            return .cancelAll(CancelAllOrders(
                strategyID: try r.readStrategyID("strategy id"), instrumentID: try r.readInstrumentID("instrument id"),
                side: try r.readOptional("side") { r throws(JournalCodecError) in try r.readCase("side") },
                tsInit: try r.readUnixNanos("ts init")))
        default:
            throw .unknownKind(kind.rawValue)
        }
    }

    static func encode(_ o: OrderInitialized, into w: inout ByteWriter) {
        w.write(o.clientOrderID)
        w.write(o.strategyID)
        w.write(o.instrumentID)
        w.writeCase(o.side)
        w.writeCase(o.type)
        w.write(o.quantity)
        w.writeOptional(o.price) { $0.write($1) }
        w.writeOptional(o.triggerPrice) { $0.write($1) }
        w.writeOptional(o.trailingOffset) { w, t in
            w.write(t.offset)
            w.writeOptional(t.limitOffset) { $0.write($1) }
            w.writeCase(t.type)
        }
        switch o.timeInForce {
        case .day: w.write(UInt8(0))
        case .gtc: w.write(UInt8(1))
        case .ioc: w.write(UInt8(2))
        case .fok: w.write(UInt8(3))
        case .gtd(let expiry):
            w.write(UInt8(4))
            w.write(expiry)
        case .atTheOpen: w.write(UInt8(5))
        case .atTheClose: w.write(UInt8(6))
        }
        w.write(o.postOnly)
        w.write(o.reduceOnly)
        w.writeCase(o.links.contingency)
        w.writeLength(o.links.linkedOrderIDs.count)
        for id in o.links.linkedOrderIDs { w.write(id) }
        w.writeOptional(o.links.parentOrderID) { $0.write($1) }
        w.writeOptional(o.links.orderListID) { $0.write($1) }
        w.write(o.tsInit)
    }

    static func decodeOrder(_ r: inout ByteReader) throws(JournalCodecError) -> OrderInitialized {
        let clientOrderID: ClientOrderID = try r.readClientOrderID("client order id")
        let strategyID: StrategyID = try r.readStrategyID("strategy id")
        let instrumentID = try r.readInstrumentID("instrument id")
        let side: OrderSide = try r.readCase("side")
        let type: OrderType = try r.readCase("order type")
        let quantity = try r.readQuantity("quantity")
        let price = try r.readOptional("price") { r throws(JournalCodecError) in try r.readPrice("price") }
        let triggerPrice = try r.readOptional("trigger price") { r throws(JournalCodecError) in try r.readPrice("trigger price") }
        let trailing = try r.readOptional("trailing offset") { r throws(JournalCodecError) -> TrailingOffset in
            let offset = try r.readPrice("trailing offset")
            let limit = try r.readOptional("limit offset") { r throws(JournalCodecError) in try r.readPrice("limit offset") }
            let type: TrailingOffsetType = try r.readCase("trailing offset type")
            do { return try TrailingOffset(offset, limitOffset: limit, type: type) } catch {
                throw .invalidValue(field: "trailing offset", reason: "\(error)")
            }
        }
        let timeInForce: TimeInForce
        switch try r.readUInt8("time in force") {
        case 0: timeInForce = .day
        case 1: timeInForce = .gtc
        case 2: timeInForce = .ioc
        case 3: timeInForce = .fok
        case 4: timeInForce = .gtd(expiry: try r.readUnixNanos("expiry"))
        case 5: timeInForce = .atTheOpen
        case 6: timeInForce = .atTheClose
        case let other: throw .invalidValue(field: "time in force", reason: "unknown code \(other)")
        }
        let postOnly = try r.readBool("post only")
        let reduceOnly = try r.readBool("reduce only")
        let contingency: ContingencyType = try r.readCase("contingency")
        let linkCount = try r.readLength("linked order count")
        var linked: [ClientOrderID] = []
        for _ in 0..<linkCount { linked.append(try r.readIdentifier("linked order id")) }
        let parent: ClientOrderID? = try r.readOptional("parent order id") { r throws(JournalCodecError) in try r.readIdentifier("parent order id") }
        let listID: OrderListID? = try r.readOptional("order list id") { r throws(JournalCodecError) in try r.readIdentifier("order list id") }
        let tsInit = try r.readUnixNanos("ts init")
        do {
            return try OrderInitialized(
                clientOrderID: clientOrderID, strategyID: strategyID, instrumentID: instrumentID, side: side, type: type,
                quantity: quantity, price: price, triggerPrice: triggerPrice, trailingOffset: trailing,
                timeInForce: timeInForce, postOnly: postOnly, reduceOnly: reduceOnly,
                links: OrderLinks(contingency: contingency, linkedOrderIDs: linked, parentOrderID: parent, orderListID: listID),
                tsInit: tsInit)
        } catch {
            throw .invalidValue(field: "order \(clientOrderID)", reason: "\(error)")
        }
    }
}
