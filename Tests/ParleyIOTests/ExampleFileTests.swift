import Foundation
import ParleyCore
import ParleyIO
import Testing

@Suite struct ExampleFileTests {
    @Test(arguments: ["bonn-2001.yaml", "ec-car-emissions.yaml"])
    func exampleReadsAndRoundTrips(name: String) throws {
        let scenario = try ScenarioFile.read(examplePath(name))
        for format in [ScenarioFormat.yaml, .json] {
            let text = try ScenarioCodec.encode(scenario, format: format).text
            let again = try ScenarioCodec.decode(text, format: format, file: "roundtrip.\(format)")
            #expect(again == scenario, "round trip through \(format) changed the scenario")
        }
    }

    @Test func bonnHasTheFoundingCase() throws {
        let bonn = try ScenarioFile.read(examplePath("bonn-2001.yaml"))
        #expect(bonn.issues.map(\.id) == ["na-share", "chair", "security-force"])
        #expect(bonn.stakeholders.count == 10)
        #expect(bonn.issue("na-share")?.observed?.value == 60)
        #expect(bonn.issue("chair")?.nearestAnchor(to: 64)?.label.contains("Karzai") == true)
        // Evidence behind every number: each capability and each stance cites at least one quote.
        for stakeholder in bonn.stakeholders {
            #expect(!stakeholder.evidence.isEmpty, "\(stakeholder.id) capability has no evidence")
            #expect(stakeholder.stances.count == 3)
            for stance in stakeholder.stances {
                #expect(!stance.evidence.isEmpty, "\(stakeholder.id) on \(stance.issue) has no evidence")
            }
        }
        #expect(bonn.uncertainty?.position == .sd(8))
    }
}
