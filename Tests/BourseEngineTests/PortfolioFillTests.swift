import BourseCore
@testable import BourseEngine
import BourseTestKit
import Testing

@Suite struct PortfolioFillTests {
    /// A fill whose commission is in another currency than the account is refused before it
    /// touches anything: position, cash, marks and exposure stay as they were.
    @Test func fillWithCommissionInAnotherCurrencyThrowsAndChangesNothing() throws {
        let portfolio = try Portfolio(
            instruments: [TestDefaults.instrument], startingCash: Money(parsing: "10000", .USD), accountKind: .cash,
            strategyID: TestDefaults.strategyID)
        _ = try portfolio.apply(fill: FillBuilder().quantity("10").price("100.00").build(), index: 0)
        let position = portfolio.positions[0]
        let (cash, equity, exposure) = (portfolio.cash, portfolio.equity, portfolio.exposure)
        let (marks, prices) = (portfolio.markValues, portfolio.lastPrices)
        let foreign = try FillBuilder().quantity("5").price("90.00").trade(2).commission(Money(parsing: "1", .EUR)).build()
        #expect(throws: EngineError.self) { try portfolio.apply(fill: foreign, index: 0) }
        #expect(portfolio.positions[0] == position)
        #expect(portfolio.positions[0].signedQuantityRaw == 10)
        #expect(portfolio.cash == cash && portfolio.equity == equity && portfolio.exposure == exposure)
        #expect(portfolio.markValues == marks && portfolio.lastPrices == prices)
    }
}
