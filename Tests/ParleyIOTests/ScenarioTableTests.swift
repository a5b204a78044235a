import ParleyCore
@testable import ParleyIO
import Testing

/// `parley init --from table.csv`: a table of stances becomes a valid, commented scenario.
@Suite struct ScenarioTableTests {
    static let table = """
        Stakeholder,Issue,Position,Salience,Capability,Min,Max,comment
        "Northern Alliance, delegation",Share of posts,75,95,60,0,100,their opening demand
        Rome group,Share of posts,40,80,30,,,
        Northern Alliance; delegation,Troops,3,50,10,0,10,
        "Northern Alliance, delegation",Troops,8,60,60,,,

        """

    @Test func aTableBecomesAScenarioThatReadsBack() throws {
        let yaml = try ScenarioTable.yaml(fromCSV: Self.table, file: "positions.csv")
        let scenario = try ScenarioCodec.decode(yaml, format: .yaml, file: "out.yaml")
        #expect(scenario.name == "positions")
        #expect(scenario.issues.map(\.id) == ["share-of-posts", "troops"])
        #expect(scenario.issues.last?.scale.max == 10)
        // Three stakeholders in first-seen order; the quoted comma stays in the name.
        #expect(scenario.stakeholders.map(\.name) == ["Northern Alliance, delegation", "Rome group", "Northern Alliance; delegation"])
        let first = try #require(scenario.stakeholders.first)
        #expect(first.capability == 60)
        #expect(first.stance(on: "troops")?.position == 8)
        #expect(first.stance(on: "share-of-posts")?.salience == 95)
        #expect(scenario.stakeholders[1].stances.count == 1)
        #expect(yaml.contains("# evidence: [{source: ..."))
    }

    @Test func semicolonsAndTabsAreDelimitersToo() throws {
        let semicolons = "stakeholder;issue;position;salience;capability\nA;X;10;50;1\nB;X;90;50;2\n"
        #expect(try ScenarioCodec.decode(try ScenarioTable.yaml(fromCSV: semicolons, file: nil), format: .yaml).stakeholders.count == 2)
        let tabs = "stakeholder\tissue\tposition\tsalience\tcapability\nA\tX\t10\t50\t1\n"
        #expect(try ScenarioCodec.decode(try ScenarioTable.yaml(fromCSV: tabs, file: nil), format: .yaml).issues.first?.id == "x")
    }

    @Test func badRowsAreLocated() throws {
        let bad = """
            stakeholder,issue,position,salience,capability
            A,X,ten,50,1
            A,Y,10,150,1
            A,Z,10,50,2
            B,X,120,50,1

            """
        do {
            _ = try ScenarioTable.yaml(fromCSV: bad, file: "t.csv")
            Issue.record("expected errors")
        } catch {
            let found = error.errors.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" }
            #expect(found.contains("2:5 column position: expected a number, found 'ten'"))
            #expect(found.contains("3:8 column salience: 150 is outside 0-100"))
            #expect(found.contains { $0.hasPrefix("4:") && $0.contains("capability 2 here but 1 on line 3") })
            // Line 2 failed, so A's capability is first read on line 3. B's 120 is off the default 0-100 scale of X (first seen on line 2).
            #expect(found.contains { $0.hasPrefix("2:") && $0.contains("position 120 is outside its scale 0-100") })
        }
        #expect(throws: ScenarioErrors.self) { try ScenarioTable.yaml(fromCSV: "stakeholder,issue,position\nA,X,1\n", file: nil) }
        #expect(throws: ScenarioErrors.self) { try ScenarioTable.yaml(fromCSV: "", file: nil) }
    }
}
