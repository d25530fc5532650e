import BourseCore
import BourseEngine
import BourseIndicators

/// The rules shared by the moving-average crossovers (``SMACross``, ``EMACross``):
/// per subscribed bar type, a fast and a slow average of the closes; on a cross above,
/// reverse to long, on a cross below, reverse to short, with all available funds.
struct MovingAverageCrossRules<Average: Indicator> where Average.Input == Double, Average.Output == Double {
    let fastPeriod: Int
    let slowPeriod: Int
    /// Builds the average for a period.
    let makeAverage: (Int) throws -> Average
    /// The lines of each subscribed bar type, with the bar type's index (``StrategyContext/barTypeIndex(_:)``).
    private(set) var lines: [(barTypeIndex: Int, lines: CrossLines<Average, Average>)] = []

    /// Reads `fast` and `slow` from the parameters; `fast` must be below `slow`.
    init(parameters: ParameterValues, makeAverage: @escaping (Int) throws -> Average) throws(ParameterError) {
        fastPeriod = parameters.integer("fast")
        slowPeriod = parameters.integer("slow")
        self.makeAverage = makeAverage
        guard fastPeriod < slowPeriod else {
            throw .invalidCombination("fast (\(fastPeriod)) must be below slow (\(slowPeriod))")
        }
    }

    mutating func onStart(_ context: StrategyContext) throws {
        for barType in context.availableBarTypes {
            context.subscribe(bars: barType)
            lines.append((context.barTypeIndex(barType), CrossLines(
                fast: context.register(try makeAverage(fastPeriod), on: barType),
                slow: context.register(try makeAverage(slowPeriod), on: barType))))
        }
    }

    func onBar(_ bar: Bar, _ context: StrategyContext) throws {
        for (index, line) in lines where index == context.currentBarTypeIndex {
            if let side = line.cross { try context.reverse(to: side, bar.instrumentID) }
        }
    }
}
