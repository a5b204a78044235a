import ParleyBargaining
import ParleyCore
import Testing

@Suite struct CoalitionRunsTests {
    /// Consensus among a (20), b (50), c (70) with the chair (90, not a member) drafting; q = 40, cost 5.
    func forum() throws -> Scenario {
        let issue = try PolicyIssue(id: "line", name: "Line", scale: .percent, statusQuo: StatusQuo(value: 40))
        let parties = try [("a", 20.0), ("b", 50), ("c", 70), ("chair", 90)].map { id, position in
            try Stakeholder(id: id, name: id, capability: 1, stances: [Stance(issue: "line", position: position, salience: 100)])
        }
        return try Scenario(name: "forum", issues: [issue], stakeholders: parties,
                            forum: Forum(rule: .consensus, members: ["a", "b", "c"], setter: "chair", statusQuoCost: 5))
    }

    @Test func theSetterAndThePivotAreInfluentialUnderTheProceduralModel() throws {
        // Everyone: intervals [-5, 45], [35, 65], [35, 105] -> [35, 45]; the chair at 90 gets 45.
        // Without a: [35, 65] -> 65. Without b: [-5, 45] and [35, 105] -> 45. Without c: [35, 45] -> 45.
        // Without the chair nobody proposes: the status quo 40 stands.
        // chair: distance 45, without 50, influence 5, gain |90-40| - 45 = 5.
        // a: distance 25, without |20-65| = 45, influence 20 (the pivot); b and c: influence 0.
        let result = try CoalitionRuns(scenario: forum(), model: ProceduralModel()).influence(jobs: 2)
        #expect(result.outcomes == [45])
        #expect(result.outcomesWithout == [[65], [45], [45], [40]])
        let influence = result.stakeholders.map { $0.influence ?? .nan }
        for (value, expected) in zip(influence, [20.0, 0, 0, 5]) { #expect(abs(value - expected) < 1e-9, "\(influence)") }
        #expect(abs((result.effect(of: "chair")?.gain ?? .nan) - 5) < 1e-9)
    }

    @Test func theEmptyTableIsTheStatusQuo() throws {
        // a (20) and the chair (90), equal weights, q = 40: v(empty) = 40, v(a) = 20, v(chair) = 90, v(both) = 55.
        // phi_a = (20 - 40)/2 + (55 - 90)/2 = -27.5; phi_chair = (90 - 40)/2 + (55 - 20)/2 = 42.5; sum 15 = 55 - 40.
        let full = try forum()
        let pair = try full.with(stakeholders: full.stakeholders.filter { $0.id == "a" || $0.id == "chair" })
        let shapley = try CoalitionRuns(scenario: pair, model: WeightedMeanModel()).shapley()
        #expect(shapley.empty == [40] && shapley.grand == [55])
        #expect(shapley.values == [[-27.5], [42.5]])
    }
}
