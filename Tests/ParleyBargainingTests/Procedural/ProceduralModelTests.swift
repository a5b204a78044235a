import ParleyBargaining
import ParleyCore
import Testing

@Suite struct ProceduralModelTests {
    /// One issue on 0...100 with status quo `q`; members (id, position, capability) and a setter at `setter` (not a member).
    func scenario(q: Double?, members: [(String, Double?, Double)], setter: Double, forum: Forum?) throws -> Scenario {
        let issue = try PolicyIssue(id: "line", name: "Line", scale: .percent, statusQuo: q.map { StatusQuo(value: $0) })
        let parties = try members.map { id, position, capability in
            try Stakeholder(id: id, name: id.uppercased(), capability: capability,
                            stances: position.map { [try Stance(issue: "line", position: $0, salience: 80)] } ?? [])
        }
        let chair = try Stakeholder(id: "chair", name: "Chair", capability: 1, stances: [Stance(issue: "line", position: setter, salience: 50)])
        return try Scenario(name: "forum", issues: [issue], stakeholders: parties + [chair], forum: forum)
    }

    @Test func consensusWithACostlyStatusQuo() throws {
        // q = 40, members at 20, 50, 70, c = 5: acceptance intervals [-5, 45], [35, 65], [35, 105];
        // intersection [35, 45]; the chair at 90 proposes 45.
        let forum = try Forum(rule: .consensus, members: ["a", "b", "c"], setter: "chair", statusQuoCost: 5)
        let s = try scenario(q: 40, members: [("a", 20, 1), ("b", 50, 1), ("c", 70, 1)], setter: 90, forum: forum)
        let run = try ProceduralModel().run(s)
        #expect(run.value(for: "line") == 45)
        #expect(run.stopReason == .closedForm)
        #expect(run.model == "procedural")
        // Without the cost: [0, 40], [40, 60], [40, 100]: gridlock at q = 40, with a note.
        let free = try ProceduralModel(parameters: .init(statusQuoCost: 0)).run(s)
        #expect(free.value(for: "line") == 40)
        #expect(free.outcomes.first?.note?.contains("gridlock") == true)
    }

    @Test func majorityAndQualifiedMajorityCountCapability() throws {
        // q = 50; a: 10 (capability 30) [-30, 50]; b: 40 (30) [30, 50]; c: 80 (40) [50, 110]; the chair at 0.
        // Majority (more than 0.5 of 100): left ends -30 (30), 30 (60 > 50) -> lower 30: the chair gets 30.
        let members: [(String, Double?, Double)] = [("a", 10, 30), ("b", 40, 30), ("c", 80, 40)]
        let majority = try scenario(q: 50, members: members, setter: 0, forum: Forum(rule: .majority, members: ["a", "b", "c"], setter: "chair"))
        #expect(try ProceduralModel().run(majority).value(for: "line") == 30)
        // Qualified majority 0.65 with c = 10: a [-40, 60], b [20, 60], c [40, 120];
        // left ends -40 (30), 20 (60), 40 (100 >= 65) -> lower 40: the chair gets 40.
        let qmv = try scenario(q: 50, members: members, setter: 0,
                               forum: Forum(rule: .qualifiedMajority, members: ["a", "b", "c"], threshold: 0.65, setter: "chair", statusQuoCost: 10))
        #expect(try ProceduralModel().run(qmv).value(for: "line") == 40)
    }

    @Test func everyStakeholderVotesWhenMembersAreNotListed() throws {
        // Members default to every stakeholder, the chair (at 60) included: q = 10, a at 30: [10, 50],
        // chair [-40, 60]; unanimity gives [10, 50] and the chair proposes 50. A member without a stance
        // ("x") is indifferent and blocks nothing.
        let s = try scenario(q: 10, members: [("a", 30, 1), ("x", nil, 5)], setter: 60, forum: Forum(rule: .unanimity, setter: "chair"))
        #expect(try ProceduralModel().run(s).value(for: "line") == 50)
    }

    @Test func missingForumSetterOrStatusQuoAreClearErrors() throws {
        let members: [(String, Double?, Double)] = [("a", 20, 1)]
        let noForum = try scenario(q: 40, members: members, setter: 90, forum: nil)
        let noSetter = try scenario(q: 40, members: members, setter: 90, forum: Forum(rule: .consensus))
        let noStatusQuo = try scenario(q: nil, members: members, setter: 90, forum: Forum(rule: .consensus, setter: "chair"))
        for (s, words) in [(noForum, "no forum"), (noSetter, "setter"), (noStatusQuo, "status quo")] {
            do {
                _ = try ProceduralModel().run(s)
                Issue.record("expected an error mentioning \(words)")
            } catch {
                #expect(error.model == "procedural")
                #expect(error.message.contains(words), "\(error.message)")
                #expect(error.hint != nil)
                #expect(error.code == .missingInput)
            }
        }
    }

    @Test func theCatalogKnowsItButDoesNotRunItByDefault() {
        #expect(ModelCatalog.model(named: "procedural") is ProceduralModel)
        #expect(!ModelCatalog.all.contains { $0.name == "procedural" })
        #expect(ModelCatalog.names.contains("procedural") == false)
    }
}
