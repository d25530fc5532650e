import BourseCore
import Testing

@Test func priceParsesExactly() throws {
    let p = try Price(parsing: "101.2500")
    #expect(p.raw == 1_012_500)
    #expect(p.precision == 4)
    #expect(p.description == "101.2500")
}
