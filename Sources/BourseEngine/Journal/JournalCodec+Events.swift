import BourseCore

extension JournalCodec {
    static func encode(_ event: OrderEvent, into w: inout ByteWriter) {
        if case .initialized(let e) = event { return encode(e, into: &w) }
        w.write(event.clientOrderID)
        w.write(event.strategyID)
        w.write(event.instrumentID)
        w.write(event.tsEvent)
        w.write(event.tsInit)
        switch event {
        case .initialized: break
        case .denied(let e): w.write(e.reason)
        case .submitted(let e): w.write(e.accountID)
        case .accepted(let e):
            w.write(e.venueOrderID)
            w.write(e.accountID)
        case .rejected(let e):
            w.write(e.accountID)
            w.write(e.reason)
        case .canceled(let e): writeVenueIDs(e.venueOrderID, e.accountID, &w)
        case .expired(let e): writeVenueIDs(e.venueOrderID, e.accountID, &w)
        case .triggered(let e): writeVenueIDs(e.venueOrderID, e.accountID, &w)
        case .pendingUpdate(let e): writeVenueIDs(e.venueOrderID, e.accountID, &w)
        case .pendingCancel(let e): writeVenueIDs(e.venueOrderID, e.accountID, &w)
        case .modifyRejected(let e):
            writeVenueIDs(e.venueOrderID, e.accountID, &w)
            w.write(e.reason)
        case .cancelRejected(let e):
            writeVenueIDs(e.venueOrderID, e.accountID, &w)
            w.write(e.reason)
        case .updated(let e):
            writeVenueIDs(e.venueOrderID, e.accountID, &w)
            w.write(e.quantity)
            w.writeOptional(e.price) { $0.write($1) }
            w.writeOptional(e.triggerPrice) { $0.write($1) }
        case .filled(let e):
            w.write(e.accountID)
            w.write(e.venueOrderID)
            w.write(e.tradeID)
            w.writeOptional(e.positionID) { $0.write($1) }
            w.writeCase(e.side)
            w.writeCase(e.orderType)
            w.write(e.lastQuantity)
            w.write(e.lastPrice)
            w.write(e.commission)
            w.writeCase(e.liquiditySide)
        }
    }

    private static func writeVenueIDs(_ venueOrderID: VenueOrderID?, _ accountID: AccountID?, _ w: inout ByteWriter) {
        w.writeOptional(venueOrderID) { $0.write($1) }
        w.writeOptional(accountID) { $0.write($1) }
    }

    static func decodeEvent(_ kind: JournalEntryKind, _ r: inout ByteReader) throws(JournalCodecError) -> OrderEvent {
        if kind == .orderInitialized { return .initialized(try decodeOrder(&r)) }
        let id: ClientOrderID = try r.readClientOrderID("client order id")
        let strategy: StrategyID = try r.readStrategyID("strategy id")
        let instrument = try r.readInstrumentID("instrument id")
        let tsEvent = try r.readUnixNanos("ts event")
        let tsInit = try r.readUnixNanos("ts init")
        switch kind {
        case .orderDenied:
            return .denied(OrderDenied(
                clientOrderID: id, strategyID: strategy, instrumentID: instrument, reason: try r.readString("reason"),
                tsEvent: tsEvent, tsInit: tsInit))
        case .orderSubmitted:
            return .submitted(OrderSubmitted(
                clientOrderID: id, strategyID: strategy, instrumentID: instrument,
                accountID: try r.readAccountID("account id"), tsEvent: tsEvent, tsInit: tsInit))
        case .orderAccepted:
            return .accepted(OrderAccepted(
                clientOrderID: id, strategyID: strategy, instrumentID: instrument,
                venueOrderID: try r.readIdentifier("venue order id"), accountID: try r.readAccountID("account id"),
                tsEvent: tsEvent, tsInit: tsInit))
        case .orderRejected:
            return .rejected(OrderRejected(
                clientOrderID: id, strategyID: strategy, instrumentID: instrument,
                accountID: try r.readAccountID("account id"), reason: try r.readString("reason"), tsEvent: tsEvent,
                tsInit: tsInit))
        case .orderCanceled:
            let (v, a) = try readVenueIDs(&r)
            return .canceled(OrderCanceled(
                clientOrderID: id, strategyID: strategy, instrumentID: instrument, venueOrderID: v, accountID: a,
                tsEvent: tsEvent, tsInit: tsInit))
        case .orderExpired:
            let (v, a) = try readVenueIDs(&r)
            return .expired(OrderExpired(
                clientOrderID: id, strategyID: strategy, instrumentID: instrument, venueOrderID: v, accountID: a,
                tsEvent: tsEvent, tsInit: tsInit))
        case .orderTriggered:
            let (v, a) = try readVenueIDs(&r)
            return .triggered(OrderTriggered(
                clientOrderID: id, strategyID: strategy, instrumentID: instrument, venueOrderID: v, accountID: a,
                tsEvent: tsEvent, tsInit: tsInit))
        case .orderPendingUpdate:
            let (v, a) = try readVenueIDs(&r)
            return .pendingUpdate(OrderPendingUpdate(
                clientOrderID: id, strategyID: strategy, instrumentID: instrument, venueOrderID: v, accountID: a,
                tsEvent: tsEvent, tsInit: tsInit))
        case .orderPendingCancel:
            let (v, a) = try readVenueIDs(&r)
            return .pendingCancel(OrderPendingCancel(
                clientOrderID: id, strategyID: strategy, instrumentID: instrument, venueOrderID: v, accountID: a,
                tsEvent: tsEvent, tsInit: tsInit))
        case .orderModifyRejected:
            let (v, a) = try readVenueIDs(&r)
            return .modifyRejected(OrderModifyRejected(
                clientOrderID: id, strategyID: strategy, instrumentID: instrument, venueOrderID: v, accountID: a,
                reason: try r.readString("reason"), tsEvent: tsEvent, tsInit: tsInit))
        case .orderCancelRejected:
            let (v, a) = try readVenueIDs(&r)
            return .cancelRejected(OrderCancelRejected(
                clientOrderID: id, strategyID: strategy, instrumentID: instrument, venueOrderID: v, accountID: a,
                reason: try r.readString("reason"), tsEvent: tsEvent, tsInit: tsInit))
        case .orderUpdated:
            let (v, a) = try readVenueIDs(&r)
            return .updated(OrderUpdated(
                clientOrderID: id, strategyID: strategy, instrumentID: instrument, venueOrderID: v, accountID: a,
                quantity: try r.readQuantity("quantity"),
                price: try r.readOptional("price") { r throws(JournalCodecError) in try r.readPrice("price") },
                triggerPrice: try r.readOptional("trigger price") { r throws(JournalCodecError) in try r.readPrice("trigger price") },
                tsEvent: tsEvent, tsInit: tsInit))
        case .orderFilled:
            let account: AccountID = try r.readAccountID("account id")
            let venueOrderID: VenueOrderID = try r.readIdentifier("venue order id")
            let tradeID: TradeID = try r.readIdentifier("trade id")
            let positionID: PositionID? = try r.readOptional("position id") { r throws(JournalCodecError) in try r.readIdentifier("position id") }
            let side: OrderSide = try r.readCase("side")
            let orderType: OrderType = try r.readCase("order type")
            let quantity = try r.readQuantity("last quantity")
            let price = try r.readPrice("last price")
            let commission = try r.readMoney("commission")
            let liquidity: LiquiditySide = try r.readCase("liquidity side")
            do {
                return .filled(try OrderFilled(
                    clientOrderID: id, strategyID: strategy, instrumentID: instrument, accountID: account,
                    venueOrderID: venueOrderID, tradeID: tradeID, positionID: positionID, side: side, orderType: orderType,
                    lastQuantity: quantity, lastPrice: price, commission: commission, liquiditySide: liquidity,
                    tsEvent: tsEvent, tsInit: tsInit))
            } catch {
                throw .invalidValue(field: "fill \(tradeID)", reason: error.description)
            }
        default:
            throw .unknownKind(kind.rawValue)
        }
    }

    private static func readVenueIDs(_ r: inout ByteReader) throws(JournalCodecError) -> (VenueOrderID?, AccountID?) {
        let venueOrderID: VenueOrderID? = try r.readOptional("venue order id") { r throws(JournalCodecError) in try r.readIdentifier("venue order id") }
        let accountID: AccountID? = try r.readOptional("account id") { r throws(JournalCodecError) in try r.readAccountID("account id") }
        return (venueOrderID, accountID)
    }
}
