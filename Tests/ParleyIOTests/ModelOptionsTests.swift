import ParleyBargaining
import ParleyCore
@testable import ParleyIO
import Testing

@Suite struct ModelOptionsTests {
    @Test func expectedUtilityOptionsAreReadCheckedAndWrittenBack() throws {
        let yaml = minimalYAML() + "models:\n  expected-utility: {preset: dmasad, round-limit: 100, t: conditional}\n"
        let scenario = try ScenarioCodec.decode(yaml, format: .yaml, file: "m.yaml")
        let options = try #require(scenario.models.options(for: "expected-utility"))
        #expect(options.entries.map(\.key) == ["preset", "round-limit", "t"])
        let parameters = ExpectedUtilityModel.parameters(from: options, base: .textbook)
        var expected = ExpectedUtilityModel.Parameters.dmasad
        expected.roundLimit = 100
        expected.t = .conditional
        #expect(parameters == expected)
        for format in [ScenarioFormat.yaml, .json] {
            let again = try ScenarioCodec.decode(try ScenarioCodec.encode(scenario, format: format).text, format: format)
            #expect(again == scenario)
        }
    }

    @Test func badOptionsAreLocatedWithSuggestions() {
        let errors = yamlErrors(minimalYAML() + "models:\n  expected-utility: {preset: dmasd, roundlimit: 5, q: 2}\n")
        #expect(errors.map(\.description) == [
            "test.yaml:26:30: error: models.expected-utility.preset: 'dmasd' is not a valid preset: expected one of textbook, dmasad, jmckib, scholz\n  hint: did you mean 'dmasad'?",
            "test.yaml:26:37: error: models.expected-utility.roundlimit: unknown key 'roundlimit' in expected-utility options; expected one of: preset, vote-kernel, probability, median-voter, q, t, risk-reference, opponent-risk, offer-acceptance, capitulation, scale, round-limit, tolerance\n  hint: did you mean 'round-limit'?",
            "test.yaml:26:55: error: models.expected-utility.q: '2' is not a valid q: expected a number 0...1",
        ])
        #expect(yamlErrors(minimalYAML() + "models:\n  expected-utilty: {}\n").first?.hint == "did you mean 'expected-utility'?")
    }

    @Test func scenarioOptionsChangeTheModelsRun() throws {
        let ec = try ScenarioFile.read(examplePath("ec-car-emissions.yaml"))
        let plain = try ExpectedUtilityModel().run(ec)
        let text = try ScenarioCodec.encode(ec, format: .yaml).text + "models:\n  expected-utility: {preset: dmasad}\n"
        let configured = try ExpectedUtilityModel().run(try ScenarioCodec.decode(text, format: .yaml))
        let direct = try ExpectedUtilityModel(parameters: .dmasad).run(ec)
        #expect(configured.stopReason == direct.stopReason)
        #expect(configured.outcomes == direct.outcomes)
        #expect(configured.stopReason != plain.stopReason)  // textbook converges, dmasad cycles (bargaining-models.md)
    }
}
