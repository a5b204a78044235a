import Foundation
import ParleyAnalysis
import Testing

@Suite struct RunParametersTests {
    // The key texts run stores have always held (they were written by hand in four places):
    // a store written before this type existed must still resume.
    @Test func forecastKeyKeepsTheStoredFormat() {
        let parameters = RunParameters.forecast(ForecastParameters(models: ["weighted-mean", "nash"]))
        #expect(parameters.key == #"{"models": ["weighted-mean", "nash"]}"#)
        #expect(parameters.command == "forecast")
        #expect(parameters.seed == nil)
    }

    @Test func sensitivityKeyKeepsTheStoredFormat() {
        let parameters = RunParameters.sensitivity(SensitivityParameters(runs: 2000, seed: 7, models: ["ensemble"], shardIndex: 3, shardCount: 16))
        #expect(parameters.key == #"{"runs": 2000, "seed": 7, "models": ["ensemble"], "shard": "3/16"}"#)
        #expect(parameters.command == "sensitivity")
        #expect(parameters.seed == 7)
        // The whole sweep on one machine is shard 0 of 1.
        #expect(RunParameters.sensitivity(SensitivityParameters(runs: 1, seed: UInt64.max, models: [])).key
            == #"{"runs": 1, "seed": 18446744073709551615, "models": [], "shard": "0/1"}"#)
    }

    @Test func keyEscapesWhatJSONNeeds() throws {
        let key = RunParameters.forecast(ForecastParameters(models: ["a\"b", "c\\d", "e\u{1}"])).key
        #expect(key == #"{"models": ["a\"b", "c\\d", "e\u0001"]}"#)
        // The key is valid JSON whatever the names.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(key.utf8)) as? [String: [String]])
        #expect(object["models"] == ["a\"b", "c\\d", "e\u{1}"])
    }

    @Test func parametersRoundTripThroughCodable() throws {
        let values: [RunParameters] = [
            .forecast(ForecastParameters(models: ["spatial"])),
            .sensitivity(SensitivityParameters(runs: 10, seed: 3, models: ["nash", "exchange"], shardIndex: 1, shardCount: 2)),
        ]
        for value in values {
            let data = try JSONEncoder().encode(value)
            #expect(try JSONDecoder().decode(RunParameters.self, from: data) == value)
        }
    }
}
