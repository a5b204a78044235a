import ParleyCore
@testable import ParleyIO
import PropertyBased
import Testing

@Suite struct RoundTripPropertyTests {
    @Test(arguments: [ScenarioFormat.yaml, .json])
    func writingThenReadingIsTheIdentity(format: ScenarioFormat) async {
        await propertyCheck(count: 300, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            var generator = ScenarioGenerator(seed: seed)
            let scenario: Scenario
            do {
                scenario = try generator.scenario()
            } catch {
                Issue.record("the generator made an invalid scenario for seed \(seed): \(error)")
                return
            }
            do {
                let text = try ScenarioCodec.encode(scenario, format: format).text
                let again = try ScenarioCodec.decode(text, format: format, file: "generated")
                #expect(again == scenario, "seed \(seed) did not survive \(format):\n\(text)")
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }

    /// Arbitrary numbers in the three numeric fields of a stance: the scenario decodes exactly
    /// when all are valid, and otherwise every error is located on the bad field, one per field.
    @Test func invalidNumbersAreRejectedWithLocatedErrors() async {
        await propertyCheck(count: 500, input: Gen.double(in: -300...300), Gen.double(in: -100...250), Gen.double(in: -100...100)) {
            position, salience, capability in
            let yaml = minimalYAML([
                ("position: 75", "position: \(position)"), ("salience: 95", "salience: \(salience)"),
                ("capability: 90", "capability: \(capability)"),
            ])
            let errors = yamlErrors(yaml)
            let expected: [(line: Int, field: String)] =
                (capability >= 0 ? [] : [(13, "stakeholders[0].capability")])
                + ((0...100).contains(position) ? [] : [(16, "stakeholders[0].stances.share.position")])
                + ((0...100).contains(salience) ? [] : [(17, "stakeholders[0].stances.share.salience")])
            #expect(errors.map { $0.location?.line ?? -1 } == expected.map(\.line), "\(errors)")
            #expect(errors.map(\.path.description) == expected.map(\.field))
        }
    }

    /// Junk in a number's place is one located error, never a crash.
    @Test func junkIsRejectedWithALocatedError() async {
        let junk = [".nan", "-.inf", "abc", "[1, 2]", "{a: 1}", "\"5\"", "", "~", "true", "0x", "1e", "--5", "5 5", "'7'", "*x"]
        let fields = ["position: 75", "salience: 95", "capability: 90"]
        await propertyCheck(count: 200, input: Gen.int(in: 0...junk.count - 1), Gen.int(in: 0...2)) { tokenIndex, fieldIndex in
            let token = junk[tokenIndex]
            let field = fields[fieldIndex]
            let key = String(field.prefix { $0 != ":" })
            let errors = yamlErrors(minimalYAML([(field, "\(key): \(token)")]))
            #expect(!errors.isEmpty, "\(token) in \(key) was accepted")
            #expect(errors.allSatisfy { ($0.location?.line ?? 0) == (key == "capability" ? 13 : key == "position" ? 16 : 17) }, "\(errors)")
        }
    }
}
