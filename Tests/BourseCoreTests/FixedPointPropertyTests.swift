import BourseCore
import PropertyBased
import Testing

/// Property-based tests of the fixed-point engine. Inputs are random; on failure
/// PropertyBased prints the input and the seed to reproduce it (`.fixedSeed(...)`).
@Suite struct FixedPointPropertyTests {
    /// Raw values small enough that three of them add without overflow.
    static let raws = Gen.int64(in: -(Int64.max / 4)...(Int64.max / 4))
    static let precisions = Gen.uint8(in: 0...9)

    @Test func formatThenParseIsIdentity() async {
        await propertyCheck(input: Gen.int64(), Self.precisions) { raw, precision in
            let price = Price(uncheckedRaw: raw, precision: precision)
            let parsed = try Price(parsing: price.description)
            #expect(parsed.raw == raw && parsed.precision == precision)
        }
    }

    @Test func quantityFormatThenParseIsIdentity() async {
        await propertyCheck(input: Gen.int64(in: 0...Int64.max), Self.precisions) { raw, precision in
            let quantity = Quantity(uncheckedRaw: raw, precision: precision)
            let parsed = try Quantity(parsing: quantity.description, precision: precision)
            #expect(parsed == quantity)
        }
    }

    @Test func additionIsExactAndAssociative() async {
        await propertyCheck(input: Self.raws, Self.raws, Self.raws, Self.precisions) { a, b, c, p in
            let (x, y, z) = (Price(uncheckedRaw: a, precision: p), Price(uncheckedRaw: b, precision: p), Price(uncheckedRaw: c, precision: p))
            let left = try (x + y) + z
            let right = try x + (y + z)
            #expect(left.raw == right.raw)
            #expect(Int128(left.raw) == Int128(a) + Int128(b) + Int128(c))
        }
    }

    @Test func additionOverflowThrowsInsteadOfWrapping() async {
        await propertyCheck(input: Gen.int64(), Gen.int64()) { a, b in
            let sum = Int128(a) + Int128(b)
            let result = Result { try Price(uncheckedRaw: a, precision: 2) + Price(uncheckedRaw: b, precision: 2) }
            switch result {
            case .success(let price): #expect(Int128(price.raw) == sum)
            case .failure(let error):
                #expect(Int64(exactly: sum) == nil)
                #expect(error as? FixedPointError == .overflow(operation: "addition"))
            }
        }
    }

    @Test func subtractionIsExact() async {
        await propertyCheck(input: Self.raws, Self.raws) { a, b in
            let d = try Price(uncheckedRaw: a, precision: 3) - Price(uncheckedRaw: b, precision: 3)
            #expect(Int128(d.raw) == Int128(a) - Int128(b))
        }
    }

    /// Rounding to an increment lands on a multiple, moves by less than one increment, and
    /// in the rule's direction.
    @Test(arguments: [RoundingRule.down, .up, .towardZero, .awayFromZero, .halfEven, .halfUp])
    func roundingToIncrement(rule: RoundingRule) async {
        await propertyCheck(input: Gen.int64(in: -1_000_000_000...1_000_000_000), Gen.int64(in: 1...10_000)) { raw, step in
            let value = Price(uncheckedRaw: raw, precision: 4)
            let increment = Price(uncheckedRaw: step, precision: 4)
            let rounded = try value.rounded(toMultipleOf: increment, rule)
            #expect(rounded.isMultiple(of: increment))
            #expect(rounded.raw % step == 0)
            let moved = rounded.raw - raw
            #expect(abs(moved) < step)
            switch rule {
            case .down: #expect(moved <= 0)
            case .up: #expect(moved >= 0)
            case .towardZero: #expect(abs(rounded.raw) <= abs(raw))
            case .awayFromZero: #expect(abs(rounded.raw) >= abs(raw))
            case .halfEven, .halfUp:
                // Nearest multiple: never further than half an increment.
                #expect(2 * abs(moved) <= step)
                if 2 * abs(moved) == step && rule == .halfEven { #expect((rounded.raw / step) % 2 == 0) }
                if 2 * abs(moved) == step && rule == .halfUp { #expect(abs(rounded.raw) > abs(raw)) }
            }
        }
    }

    @Test func comparisonIsByValueAcrossPrecisions() async {
        await propertyCheck(input: Gen.int64(in: -1_000_000_000...1_000_000_000), Gen.uint8(in: 0...5)) { raw, extra in
            let a = Price(uncheckedRaw: raw, precision: 2)
            let b = try a.rescaled(to: 2 + extra)
            #expect(a == b)
            #expect(a.hashValue == b.hashValue)
            #expect(!(a < b) && !(b < a))
        }
    }
}
