import BourseCore
import BourseTestKit
import OrderedCollections
import Testing

@Suite struct AccountTests {
    let goog = TestDefaults.instrument
    let orderID = TestDefaults.clientOrderID(1)

    func usd(_ text: String) throws -> Money { try Money(parsing: text, .USD) }

    func account(_ deposit: String = "10000.00") throws -> Account {
        try Account(id: TestDefaults.accountID, deposits: [usd(deposit)])
    }

    @Test func depositsWithdrawalsAndBalances() throws {
        var account = try account()
        #expect(account.type == .cash)
        #expect(account.balance(.USD).total == (try usd("10000.00")))
        try account.withdraw(usd("2500.00"))
        #expect(account.balance(.USD).free == (try usd("7500.00")))
        #expect(account.balance(.EUR).total.isZero)
        #expect(throws: AccountError.nonPositiveAmount(account.id, try usd("0.00"))) { try account.deposit(usd("0")) }
    }

    /// A saved account is restored exactly, zero balances included and in order; a negative
    /// balance or a currency given twice is refused.
    @Test func restoringExactBalances() throws {
        let balances = [try usd("0.00"), try Money(parsing: "1.5", .BTC), try Money(parsing: "0", .USDT)]
        let account = try Account(id: TestDefaults.accountID, balances: balances)
        #expect(Array(account.balances.keys) == [.USD, .BTC, .USDT])
        #expect(account.balances.values.map(\.total) == balances)
        #expect(account.balances.values.allSatisfy { $0.locked.isZero })
        #expect(account.locks.isEmpty)
        #expect(throws: AccountError.negativeBalance(account.id, try usd("-0.01"))) {
            try Account(id: TestDefaults.accountID, balances: [usd("-0.01")])
        }
        #expect(throws: AccountError.duplicateCurrency(account.id, .USD)) {
            try Account(id: TestDefaults.accountID, balances: [usd("1.00"), usd("0.00")])
        }
    }

    @Test func lockingReservesFreeMoney() throws {
        var account = try account()
        try account.lock(usd("4000.00"), for: orderID)
        try account.lock(usd("1000.00"), for: orderID)
        #expect(account.balance(.USD).locked == (try usd("5000.00")))
        #expect(account.balance(.USD).free == (try usd("5000.00")))
        #expect(account.locks[orderID] == (try usd("5000.00")))
        let before = account
        #expect(throws: AccountError.insufficientFunds(account.id, required: try usd("5000.01"), free: try usd("5000.00"))) {
            try account.lock(usd("5000.01"), for: TestDefaults.clientOrderID(2))
        }
        #expect(throws: AccountError.insufficientFunds(account.id, required: try usd("6000.00"), free: try usd("5000.00"))) {
            try account.withdraw(usd("6000.00"))
        }
        #expect(account == before)
        #expect(account.unlock(for: orderID) == (try usd("5000.00")))
        #expect(account.balance(.USD).locked.isZero)
        #expect(account.unlock(for: orderID) == nil)
    }

    @Test func buyAndSellFillsMoveCash() throws {
        var account = try account()
        let buy = try FillBuilder().quantity("10").price("101.25").commission(usd("1.00")).build()
        let lock = try #require(try account.requiredLock(side: .buy, quantity: buy.lastQuantity, price: buy.lastPrice, instrument: goog))
        #expect(lock == (try usd("1012.50")))
        try account.lock(lock, for: buy.clientOrderID)
        try account.apply(fill: buy, instrument: goog)
        // 10000 − 1012.50 − 1.00; the fill consumed the order's lock up to its debit.
        #expect(account.balance(.USD).total == (try usd("8986.50")))
        #expect(account.balance(.USD).locked.isZero)
        #expect(account.locks[buy.clientOrderID] == nil)
        let sell = try FillBuilder().side(.sell).quantity("10").price("102.00").commission(usd("1.00")).trade(2).build()
        try account.apply(fill: sell, instrument: goog)
        // 8986.50 + 1020.00 − 1.00
        #expect(account.balance(.USD).total == (try usd("10005.50")))
    }

    @Test func partialFillKeepsTheRestOfTheLock() throws {
        var account = try account()
        try account.lock(usd("1000.00"), for: orderID)
        try account.apply(fill: FillBuilder().quantity("4").price("100.00").build(), instrument: goog)
        #expect(account.locks[orderID] == (try usd("600.00")))
        #expect(account.balance(.USD).locked == (try usd("600.00")))
        #expect(account.balance(.USD).free == (try usd("9000.00")))
    }

    @Test func insufficientFundsLeavesStateUnchanged() throws {
        var account = try account("1000.00")
        try account.lock(usd("500.00"), for: TestDefaults.clientOrderID(2))
        let before = account
        let fill = try FillBuilder().quantity("6").price("100.00").commission(usd("1.00")).build()
        #expect(throws: AccountError.insufficientFunds(account.id, required: try usd("601.00"), free: try usd("500.00"))) {
            try account.apply(fill: fill, instrument: goog)
        }
        #expect(account == before)
    }

    @Test func cryptoSpotMovesBaseAndQuote() throws {
        let btc = TestDefaults.crypto
        var account = try Account(id: TestDefaults.accountID, deposits: [Money(parsing: "50000", .USDT)])
        let buy = try FillBuilder().instrument(btc.id).quantity("0.5").price("40000.00")
            .commission(Money(parsing: "0.0005", .BTC)).build()
        try account.apply(fill: buy, instrument: btc)
        #expect(account.balance(.USDT).total == (try Money(parsing: "30000", .USDT)))
        #expect(account.balance(.BTC).total == (try Money(parsing: "0.4995", .BTC)))
        #expect(Array(account.balances.keys) == [.USDT, .BTC])
        let before = account
        let sell = try FillBuilder().instrument(btc.id).side(.sell).quantity("0.5").price("41000.00").trade(2)
            .commission(Money.zero(.USDT)).build()
        #expect(throws: AccountError.insufficientFunds(account.id, required: try Money(parsing: "0.5", .BTC), free: try Money(parsing: "0.4995", .BTC))) {
            try account.apply(fill: sell, instrument: btc)
        }
        #expect(account == before)
        #expect(try account.requiredLock(side: .sell, quantity: Quantity(parsing: "0.1"), price: Price(parsing: "1.00"), instrument: btc) == Money(parsing: "0.1", .BTC))
    }

    @Test func fillForAnotherInstrumentIsRefused() throws {
        var account = try account()
        #expect(throws: AccountError.instrumentMismatch(account.id, expected: TestDefaults.future.id, got: goog.id)) {
            try account.apply(fill: FillBuilder().build(), instrument: TestDefaults.future)
        }
    }
}
