import ArgumentParser
import BourseConfiguration
import BourseCore
import BourseRisk
import Foundation

/// `bourse risk check`: one order dry-run through every configured pre-trade check.
struct RiskCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Dry-run an order against the configured limits: approved, modified or denied, and why.",
        discussion: "Exits with status 2 when the order is denied."
    )

    @OptionGroup var config: ConfigurationOptions
    @OptionGroup var portfolio: PortfolioOptions
    @Option(help: "Instrument of the order (must be in the positions file, flat if need be).") var instrument: String
    @Option(help: "buy or sell.") var side: String
    @Option(help: "Order quantity.") var quantity: String
    @Option(help: "Limit price (default: a market order valued at the last price).") var price: String?

    /// The decision and its text for this process environment.
    func decide(environment: [String: String], at now: UnixNanos) throws -> (decision: RiskDecision, text: String) {
        let configuration = try config.load(environment: environment)
        let riskConfiguration = RiskSettings.riskConfiguration(configuration)
        var engine: RiskEngine
        do { engine = try RiskEngine(riskConfiguration) } catch { throw ValidationError("\(error) (check the risk. settings)") }
        let snapshot = try portfolio.portfolio(configuration)
        guard let side = OrderSide(rawValue: side) else { throw ValidationError("--side must be buy or sell, got '\(side)'") }
        let request = RiskRequest(
            action: .submit, clientOrderID: try ClientOrderID("DRY-RUN"), instrumentID: try InstrumentID(instrument), side: side,
            type: price == nil ? .market : .limit, quantity: try Quantity(parsing: quantity),
            price: try price.map { try Price(parsing: $0) }, ts: now)
        let decision = engine.evaluate(request, portfolio: snapshot)
        return (decision, Self.describe(decision, request))
    }

    static func describe(_ decision: RiskDecision, _ request: RiskRequest) -> String {
        let order = "\(request.side) \(request.quantity) \(request.instrumentID)\(request.price.map { " at \($0)" } ?? " at market")"
        switch decision.outcome {
        case .approved: return "APPROVED: \(order)"
        case .modified(let quantity, let adjustments):
            return (["MODIFIED: \(order) → \(quantity)"] + adjustments.map { "  \($0)" }).joined(separator: "\n")
        case .denied(let denial): return "DENIED: \(order)\n  \(denial)"
        }
    }

    func run() throws {
        let (decision, text) = try decide(environment: ProcessInfo.processInfo.environment, at: LiveClock().now)
        print(text)
        if !decision.isApproved { throw ExitCode(2) }
    }
}
