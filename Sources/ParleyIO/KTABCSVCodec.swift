import ParleyCore

/// Placeholder until the importer lands.
enum KTABCSVCodec {
    static func decode(_ text: String, file: String?) throws(ScenarioErrors) -> Scenario {
        throw ScenarioErrors([ScenarioError(.unsupportedFormat, "not implemented yet")])
    }

    static func encode(_ scenario: Scenario) throws(ScenarioErrors) -> EncodedScenario {
        throw ScenarioErrors([ScenarioError(.unsupportedFormat, "not implemented yet")])
    }
}
