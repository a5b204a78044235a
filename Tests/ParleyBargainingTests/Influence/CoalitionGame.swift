import ParleyBargaining
import ParleyCore

/// The game "run `model` with only the coalition at the table" over `scenario`, for tests: the
/// coalition's stakeholders are kept (scenario order), and an issue without a forecast (the empty
/// coalition, or nobody with weight) takes the reference point `reference[k]`.
struct CoalitionGame: Sendable {
    var scenario: Scenario
    var model: any BargainingModel
    var reference: [Double]

    init(_ scenario: Scenario, _ model: any BargainingModel, reference: [Double]? = nil) {
        self.scenario = scenario
        self.model = model
        self.reference = reference ?? scenario.issues.map { ($0.scale.min + $0.scale.max) / 2 }
    }

    func outcome(_ coalition: Coalition) throws(ModelError) -> [Double?] {
        let kept = scenario.stakeholders.enumerated().filter { coalition.contains($0.offset) }.map(\.element)
        guard !kept.isEmpty else { return scenario.issues.map { _ in nil } }
        let restricted: Scenario
        do {
            restricted = try scenario.with(stakeholders: kept)
        } catch {
            throw ModelError(model: model.name, message: "\(error)")
        }
        let run = try model.run(restricted)
        return scenario.issues.map { run.value(for: $0.id) }
    }

    func value(_ coalition: Coalition) throws(ModelError) -> [Double] {
        let outcomes = try outcome(coalition)
        return outcomes.enumerated().map { $0.element ?? reference[$0.offset] }
    }
}

/// A one-issue scenario on 0...100 from (position, capability) pairs, every salience 100.
func lineScenario(_ parties: [(position: Double, capability: Double)]) throws -> Scenario {
    let issue = try PolicyIssue(id: "line", name: "Line", scale: .percent)
    let stakeholders = try parties.enumerated().map { index, party in
        try Stakeholder(id: "p\(index)", name: "P\(index)", capability: party.capability,
                        stances: [Stance(issue: "line", position: party.position, salience: 100)])
    }
    return try Scenario(name: "line", issues: [issue], stakeholders: stakeholders)
}
