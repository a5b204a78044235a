import ParleyCore
import Testing

@Suite struct ScenarioInvariantTests {
    @Test func valueTypesRefuseBrokenInvariants() {
        #expect(throws: ScenarioErrors.self) { try Scale(min: 5, max: 5) }
        #expect(throws: ScenarioErrors.self) { try Scale(min: 0, max: .infinity) }
        #expect(throws: ScenarioErrors.self) { try Stance(issue: "x", position: 1, salience: 101) }
        #expect(throws: ScenarioErrors.self) { try Stance(issue: "x", position: .nan, salience: 50) }
        #expect(throws: ScenarioErrors.self) { try Stakeholder(id: "Bad Id", name: "x", capability: 1, stances: []) }
        #expect(throws: ScenarioErrors.self) { try Source(id: "s", title: "t", date: "2001-13-01") }
        #expect(throws: ScenarioErrors.self) { try Evidence(source: "s", quote: "  ") }
    }

    @Test func scenarioChecksCrossReferencesAndReportsAllAtOnce() throws {
        let issue = try PolicyIssue(id: "share", name: "Share", scale: .percent)
        let a = try Stakeholder(id: "a", name: "A", capability: 1, stances: [
            Stance(issue: "share", position: 150, salience: 10),
            Stance(issue: "chair", position: 1, salience: 10, evidence: [Evidence(source: "nowhere", quote: "q")]),
        ])
        let b = try Stakeholder(id: "a", name: "B", capability: 1, stances: [])
        do {
            _ = try Scenario(name: "x", issues: [issue], stakeholders: [a, b])
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.map(\.path.description) == [
                "stakeholders[1].id", "stakeholders[0].stances.share.position", "stakeholders[0].stances.chair",
            ])
            #expect(error.errors.map(\.code) == [.duplicate, .outOfRange, .unknownReference])
        }
    }

    @Test func nearestAnchorBreaksTiesDownward() throws {
        let issue = try PolicyIssue(id: "c", name: "C", scale: .percent, anchors: [Anchor(value: 65, label: "Karzai"), Anchor(value: 30, label: "Sirat")])
        #expect(issue.anchors.map(\.value) == [30, 65])  // sorted
        #expect(issue.nearestAnchor(to: 47.5)?.label == "Sirat")  // equidistant: the lower
        #expect(issue.nearestAnchor(to: 48)?.label == "Karzai")
    }

    @Test(arguments: [
        ("Northern Alliance (United Front)", "northern-alliance-united-front"), ("SActor-00", "sactor-00"),
        ("  --  ", "item"), ("Café Zürich", "caf-z-rich"),
    ])
    func slugsAreValidIDs(text: String, slug: String) {
        #expect(Identifier.slug(from: text) == slug)
        #expect(Identifier.isValid(Identifier.slug(from: text)))
    }

    @Test func suggestionsFindTyposOnly() {
        #expect(Suggestion.closest(to: "salince", in: ["position", "salience"]) == "salience")
        #expect(Suggestion.closest(to: "capabilty", in: ["capability", "stances"]) == "capability")
        #expect(Suggestion.closest(to: "xyz", in: ["position", "salience"]) == nil)
    }

    @Test func numbersPrintPlainly() {
        #expect(NumberText.plain(140) == "140")
        #expect(NumberText.plain(51.5) == "51.5")
        #expect(NumberText.plain(-0.25) == "-0.25")
        #expect(NumberText.fixed(51.51, digits: 1) == "51.5")
        #expect(NumberText.fixed(-8.49, digits: 1) == "-8.5")
        #expect(NumberText.fixed(-0.04, digits: 1) == "0.0")
        #expect(NumberText.fixed(0.05, digits: 1) == "0.1")
    }
}
