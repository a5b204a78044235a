import Foundation
import ParleyBargaining
import ParleyCore
import Testing

/// The Swift model against scripts/eum_reference.py, an independent plain-Python implementation
/// of the same equations and options, on the EC case: every preset and one option changed
/// from the textbook at a time. Regenerate with `python3 scripts/eum_reference.py`.
@Suite struct ExpectedUtilityFixtureTests {
    static let names: [String] = (try? EUTestSupport.fixtureNames()) ?? []

    @Test func everyPresetAndOptionHasAFixture() throws {
        // 4 presets + 12 single-option variants written by the script.
        #expect(Self.names.count == 16)
        for preset in ExpectedUtilityModel.Parameters.presets {
            #expect(Self.names.contains("ec-\(preset.name).json"))
        }
    }

    @Test(arguments: names)
    func matchesTheReferenceImplementation(_ name: String) throws {
        let fixture = try EUTestSupport.fixture(name)
        let parameters = try EUTestSupport.parameters(try #require(fixture["parameters"] as? [String: Any]))
        if let preset = ExpectedUtilityModel.Parameters.preset(named: try #require(fixture["name"] as? String)) {
            #expect(preset == parameters, "the preset differs from the script's combination")
        }
        let runs = try ExpectedUtilityModel(parameters: parameters).runIssues(try EUTestSupport.ec())
        let run = try #require(runs.first)
        #expect(run.stakeholders == fixture["stakeholders"] as? [String])
        #expect(abs((run.scaleWidth ?? .nan) - (fixture["scale_width"] as? Double ?? .nan)) < 1e-12)

        let round = try ExpectedUtilityModel(parameters: parameters).round(on: "standards-delay", of: try EUTestSupport.ec())
        let exponents = try #require(fixture["risk_exponents_round_1"] as? [Double])
        for (swift, python) in zip(round.riskExponents, exponents) {
            #expect(abs(swift - python) < 1e-9)
        }

        let rounds = try #require(fixture["rounds"] as? [[String: Any]])
        for entry in rounds {
            let t = try #require(entry["round"] as? Int)
            let expected = try #require(entry["positions"] as? [Double])
            try #require(t < run.positions.count, "Swift stopped before round \(t)")
            for (swift, python) in zip(run.positions[t], expected) {
                #expect(abs(swift - python) < 1e-9, "round \(t)")
            }
            let forecast = try #require(entry["forecast"] as? Double)
            #expect(abs((run.forecasts[t] ?? .nan) - forecast) < 1e-9, "forecast of round \(t)")
        }
        #expect(run.stopReason == (try EUTestSupport.stop(try #require(fixture["stop"] as? [String: Any]))))
        #expect(run.roundsRun == fixture["rounds_run"] as? Int)
        let final = try #require(fixture["final_positions"] as? [Double])
        for (swift, python) in zip(run.positions.last ?? [], final) {
            #expect(abs(swift - python) < 1e-9)
        }
        #expect(abs((run.finalForecast ?? .nan) - (fixture["final_forecast"] as? Double ?? .nan)) < 1e-9)
    }
}
