import BourseCore
import BourseRisk
import Testing

@Suite("Positions file: parsing, portfolio, bad input with file and line")
struct PositionsFileTests {
    @Test func parsesPositionsAndBuildsThePortfolio() throws {
        let text = """
            # a comment
            instrument,quantity,price,currency,tags
            GOOG.NASDAQ,100,150.00,,tech;growth
            SAP.XETRA,-50,120.50,EUR,tech
            """
        let file = try PositionsFile(text: text, path: "p.csv", baseCurrency: .USD)
        #expect(file.rows.map(\.line) == [3, 4])
        #expect(file.rows[0].instrument.tags == ["tech", "growth"])
        #expect(file.rows[1].signedQuantityRaw == -50)
        let p = try file.portfolio(equity: Money(parsing: "100000", .USD), exchangeRates: [(.EUR, Price(parsing: "1.1"))])
        #expect(p.grossExposureRaw == 15000_00 + 6627_50)
        #expect(p.openPositionCount == 2)
    }

    @Test(arguments: [
        ("instrument,price\nGOOG.NASDAQ,1", 1, "header"),
        ("instrument,quantity,price\nGOOG,1,1.00", 2, "SYMBOL.VENUE"),
        ("instrument,quantity,price\nGOOG.NASDAQ,x,1.00", 2, "quantity 'x'"),
        ("instrument,quantity,price\nGOOG.NASDAQ,1,-1", 2, "price '-1'"),
        ("instrument,quantity,price\nGOOG.NASDAQ,1", 2, "2 fields"),
        ("instrument,quantity,price,currency\nGOOG.NASDAQ,1,1.00,XYZ1", 2, "currency"),
        ("instrument,quantity,price\nAA.XNAS,1,1.00\n\nAA.XNAS,2,1.00", 4, "listed twice"),
    ])
    func badInputNamesTheLine(text: String, line: Int, reason: String) throws {
        let error = #expect(throws: PositionsFileError.self) {
            _ = try PositionsFile(text: text, path: "bad.csv", baseCurrency: .USD)
        }
        #expect(error?.path == "bad.csv")
        #expect(error?.line == line)
        #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
    }
}
