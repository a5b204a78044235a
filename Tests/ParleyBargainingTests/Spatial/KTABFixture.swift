import Foundation
import ParleyCore

/// KTAB's reference run of dummyData_3Dim (MIT, KAPSARC), extracted by
/// `scripts/ktab_fixtures.py` into `Fixtures/ktab/dummyData_3Dim.json`. Positions and
/// coordinates are on KTAB's 0–100 scale.
struct KTABFixture: Decodable {
    struct Actor: Decodable {
        var name: String
        var capability: Double
        var positions: [Double]
        var saliences: [Double]
    }

    struct Log: Decodable {
        var states: Int
        var fractional_change: [Double]
        var positions: [[[Double]]]
        var win_probabilities: [[Double]]
        var risk_attitudes: [[Double]]
    }

    struct Challenge: Decodable {
        var initiator: Int
        var receiver: Int
        var probability: Double
        var gain: Double
    }

    struct Bargain: Decodable {
        var turn: Int
        var initiator: Int
        var receiver: Int
        var value: Double
        var initiator_probability: Double
        var initiator_selected: Bool
        var receiver_probability: Double?
        var receiver_selected: Bool?
        var initiator_position: [Double]?
        var receiver_position: [Double]?
    }

    struct SQLite: Decodable {
        var positions: [[[Double]]]
        var turn0_utilities: [[[Double]]]
        var turn0_challenges: [Challenge]
        var bargains: [Bargain]
    }

    var scenario: String
    var dimensions: [String]
    var actors: [Actor]
    var log: Log
    var sqlite: SQLite

    static func load() throws -> KTABFixture {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/ktab/dummyData_3Dim.json")
        return try JSONDecoder().decode(KTABFixture.self, from: Data(contentsOf: url))
    }

    /// The CSV's scenario as Parley reads it: issues on 0–100, positions and saliences as given.
    func makeScenario(scale: Scale = .percent, settings: SpatialSettings? = nil) throws -> Scenario {
        let issues = try dimensions.map { try PolicyIssue(id: $0.lowercased(), name: $0, scale: scale) }
        let stakeholders = try actors.map { actor in
            try Stakeholder(
                id: actor.name.lowercased(), name: actor.name, capability: actor.capability,
                stances: zip(issues, zip(actor.positions, actor.saliences)).map { issue, value in
                    try Stance(issue: issue.id, position: scale.fromPercent(value.0), salience: value.1)
                })
        }
        return try Scenario(name: scenario, issues: issues, stakeholders: stakeholders,
                            models: ModelSettings(spatial: settings))
    }
}
