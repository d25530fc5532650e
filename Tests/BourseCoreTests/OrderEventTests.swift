import BourseCore
import BourseTestKit
import Testing

@Suite struct OrderEventTests {
    /// The order path reads `headerAndKind` (one switch) where other code reads `header` and
    /// `kind`: both must agree for every kind.
    @Test(arguments: OrderEventKind.allCases)
    func headerAndKindEqualsHeaderThenKind(kind: OrderEventKind) throws {
        let order = try OrderBuilder().limit("100.00").quantity("100").build()
        let event = try OrderEventFactory().event(kind, for: order)
        let (header, readKind) = event.headerAndKind
        #expect(readKind == kind)
        #expect(readKind == event.kind)
        #expect(header == event.header)
        #expect(header.clientOrderID == order.clientOrderID)
    }

    /// Debug output (`dump`, `debugPrint`, the debugger) shows an order's parameters, not the
    /// reference they are stored behind.
    @Test func orderInitializedReflectsItsFields() throws {
        let order = try OrderBuilder().limit("100.00").quantity("100").build()
        let initialized = order.initialized
        let mirror = Mirror(reflecting: initialized)
        #expect(mirror.children.map(\.label) == [
            "header", "side", "type", "quantity", "price", "triggerPrice", "trailingOffset", "timeInForce",
            "postOnly", "reduceOnly", "links",
        ])
        #expect(mirror.descendant("quantity") as? Quantity == initialized.quantity)
        #expect(mirror.descendant("price") as? Price == initialized.price)
        #expect(mirror.descendant("header") as? OrderEventHeader == initialized.header)
        #expect(!String(reflecting: initialized).contains("storage"))
    }
}
