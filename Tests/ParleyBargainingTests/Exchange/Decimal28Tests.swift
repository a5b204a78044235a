import Foundation
import ParleyBargaining
import Testing

/// Decimal28 against Python's decimal module (default context) on the cases of
/// scripts/decimal_reference.py, committed as Fixtures/decimal/decimal-reference.tsv.
@Suite struct Decimal28Tests {
    static let reference = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/decimal/decimal-reference.tsv")

    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
    @Test func agreesWithPythonDecimalOnTheReferenceCases() throws {
        let lines = try String(contentsOf: Self.reference, encoding: .utf8).split(separator: "\n")
        #expect(lines.count >= 650)
        var failures: [String] = []
        for line in lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, let a = Decimal28(text: fields[1]) else {
                failures.append("unreadable: \(line)")
                continue
            }
            let op = fields[0], expected = fields[3]
            let got: String
            switch op {
            case "round":
                got = a.description
            case "mulf", "subf":
                guard let d = Double(fields[2]) else { failures.append("unreadable: \(line)"); continue }
                got = (op == "mulf" ? a.times(exactly: d) : a.minus(exactly: d)).description
            default:
                guard let b = Decimal28(text: fields[2]) else { failures.append("unreadable: \(line)"); continue }
                switch op {
                case "add": got = (a + b).description
                case "sub": got = (a - b).description
                case "mul": got = (a * b).description
                case "div": got = (a / b).description
                case "cmp": got = a < b ? "-1" : (a == b ? "0" : "1")
                default: got = "unknown operation"
                }
            }
            // Values, not representations: Python may show 1.50 where Parley shows 1.5.
            let same = op == "cmp" ? got == expected : Decimal28(text: got).map { $0 == Decimal28(text: expected) } ?? false
            if !same { failures.append("\(op) \(fields[1]) \(fields[2]): Python \(expected), Parley \(got)") }
        }
        #expect(failures.isEmpty, "\(failures.count) differ, e.g. \(failures.prefix(5))")
    }

    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
    @Test func handComputedValues() throws {
        let third = Decimal28(1) / Decimal28(3)
        #expect(third.description == "0.3333333333333333333333333333")
        // 3 · 0.333…3 (28 threes) is exact at 28 digits: 0.999…9, not 1.
        #expect((third * Decimal28(3)).description == "0.9999999999999999999999999999")
        #expect(third * Decimal28(3) < Decimal28(1))
        // 0.1 + 0.2 is exactly 0.3 in decimal, unlike binary.
        let tenth = try #require(Decimal28(text: "0.1")), fifth = try #require(Decimal28(text: "0.2"))
        #expect(tenth + fifth == Decimal28(text: "0.3"))
        // Half-even: 2.5e-28 below 1 rounds to even.
        let one = Decimal28(1)
        let tiny = try #require(Decimal28(text: "0.00000000000000000000000000025"))
        #expect(one - tiny == Decimal28(text: "0.9999999999999999999999999998"))
        // Equal values, different representations, equal hashes.
        let a = try #require(Decimal28(text: "1.500")), b = try #require(Decimal28(text: "1.5"))
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(Decimal28(text: "1e") == nil && Decimal28(text: "x") == nil && Decimal28(text: "") == nil)
    }

    @available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
    @Test func readsDoublesAsTheirShortestTextAndConvertsBack() throws {
        // As Parley writes them into decide TSV and decide reads them.
        #expect(Decimal28(0.0801) == Decimal28(text: "0.0801"))
        #expect(Decimal28(24.81) == Decimal28(text: "24.81"))
        #expect(Decimal28(1e-300) == Decimal28(text: "1e-300"))
        #expect(Decimal28(Double.nan) == nil)
        for x in [0.1, 24.81, 1.0 / 3.0, -7.25e-12, 123456.789] {
            #expect(try #require(Decimal28(x)).double == x)
        }
        // Exact conversion of a float, as Python's Decimal(0.4).
        #expect(Decimal28(1).times(exactly: 0.4).description == "0.4000000000000000222044604925")
    }
}
