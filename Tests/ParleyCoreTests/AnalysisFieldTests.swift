import ParleyCore
import Testing

@Suite struct AnalysisFieldTests {
    func parties(_ ids: [String] = ["alpha", "beta", "gamma"]) throws(ScenarioErrors) -> [Stakeholder] {
        var result: [Stakeholder] = []
        for id in ids {
            result.append(try Stakeholder(id: id, name: id, capability: 1, stances: [Stance(issue: "x", position: 50, salience: 50)]))
        }
        return result
    }

    func issue(statusQuo: Double? = nil) throws(ScenarioErrors) -> PolicyIssue {
        try PolicyIssue(id: "x", name: "X", scale: .percent, statusQuo: statusQuo.map { StatusQuo(value: $0) })
    }

    func paths(_ body: () throws -> Void) -> [String] {
        do {
            try body()
            return []
        } catch let error as ScenarioErrors {
            return error.errors.map(\.path.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test(arguments: [
        // (rule, threshold, valid?)
        (Forum.Rule.consensus, nil as Double?, true), (.consensus, 0.6, false), (.unanimity, 1, false),
        (.majority, nil, true), (.majority, 0.5, true), (.majority, 0.6, true), (.majority, 0.4, false), (.majority, 1, false),
        (.qualifiedMajority, nil, false), (.qualifiedMajority, 0.5, false), (.qualifiedMajority, 0.65, true),
        (.qualifiedMajority, 1, true), (.qualifiedMajority, 1.2, false),
    ])
    func thresholdRules(rule: Forum.Rule, threshold: Double?, valid: Bool) {
        #expect(paths { _ = try Forum(rule: rule, threshold: threshold) } == (valid ? [] : ["threshold"]))
    }

    @Test func passingCountsStrictlyForMajorityAndInclusivelyForQualifiedMajority() throws {
        let majority = try Forum(rule: .majority)
        #expect(!majority.isPassing(supportShare: 0.5))  // exactly half is not a majority
        #expect(majority.isPassing(supportShare: 0.5001))
        #expect(majority.effectiveThreshold == 0.5)
        let qualified = try Forum(rule: .qualifiedMajority, threshold: 0.65)
        #expect(qualified.isPassing(supportShare: 0.65))
        #expect(!qualified.isPassing(supportShare: 0.6499))
        let consensus = try Forum(rule: .consensus)
        #expect(consensus.rule.isVetoRule && consensus.effectiveThreshold == nil)
        #expect(!consensus.isPassing(supportShare: 0.99) && consensus.isPassing(supportShare: 1))
    }

    @Test func forumCostAndMembersAreChecked() {
        #expect(paths { _ = try Forum(rule: .consensus, statusQuoCost: -1) } == ["status_quo_cost"])
        #expect(paths { _ = try Forum(rule: .consensus, members: []) } == ["members"])
        #expect(paths { _ = try Forum(rule: .consensus, members: ["a", "b", "a"]) } == ["members[2]"])
    }

    @Test func forumReferencesMustNameStakeholders() throws {
        let forum = try Forum(rule: .consensus, members: ["alpha", "betta"], setter: "gama")
        do {
            _ = try Scenario(name: "f", issues: [issue()], stakeholders: try parties(), forum: forum)
            Issue.record("accepted unknown members")
        } catch {
            #expect(error.errors.map(\.path.description) == ["forum.members[1]", "forum.setter"])
            #expect(error.errors.map(\.hint) == ["did you mean 'beta'?", "did you mean 'gamma'?"])
        }
    }

    @Test func forumMembersDefaultToEveryoneAndFollowStakeholders() throws {
        let scenario = try Scenario(name: "f", issues: [issue()], stakeholders: try parties(),
                                    forum: try Forum(rule: .majority, members: ["alpha", "beta"], setter: "beta"))
        #expect(scenario.forumMembers == ["alpha", "beta"])
        // A counterfactual without beta drops it as member and as setter.
        let without = try scenario.with(stakeholders: scenario.stakeholders.filter { $0.id != "beta" })
        #expect(without.forumMembers == ["alpha"])
        #expect(without.forum?.setter == nil)
        let open = try Scenario(name: "f", issues: [issue()], stakeholders: try parties(), forum: try Forum(rule: .consensus))
        #expect(open.forumMembers == ["alpha", "beta", "gamma"])
    }

    @Test func restrictingToSomeStakeholdersEqualsBuildingTheScenarioAnew() throws {
        // with(stakeholders:) skips the checks when it keeps some of the stakeholders unchanged;
        // the result must be the scenario the checking initialiser builds, for every subset.
        let forum = try Forum(rule: .majority, members: ["alpha", "beta"], setter: "beta")
        let scenario = try Scenario(name: "f", issues: [issue()], stakeholders: try parties(), forum: forum)
        let all = scenario.stakeholders
        for mask in 1..<(1 << all.count) {
            let kept = all.indices.filter { mask & (1 << $0) != 0 }.map { all[$0] }
            let members = forum.members?.filter { id in kept.contains { $0.id == id } } ?? []
            let setter = kept.contains { $0.id == "beta" } ? "beta" : nil
            let expected = try Scenario(name: "f", issues: [issue()], stakeholders: kept,
                                        forum: members.isEmpty ? nil : try Forum(rule: .majority, members: members, setter: setter))
            #expect(try scenario.with(stakeholders: kept) == expected)
        }
        // Reordered, changed or repeated stakeholders still go through every check.
        #expect(throws: ScenarioErrors.self) { try scenario.with(stakeholders: [all[0], all[0]]) }
        #expect(try scenario.with(stakeholders: all.reversed()).stakeholders.map(\.id) == all.reversed().map(\.id))
    }

    @Test func statusQuoMustLieOnTheScale() {
        #expect(paths { _ = try issue(statusQuo: 101) } == ["status_quo.value"])
        #expect(paths { _ = try issue(statusQuo: 0) } == [])
    }

    @Test func observedValueMustLieInItsRange() {
        #expect(paths {
            _ = try PolicyIssue(id: "x", name: "X", scale: .percent, observed: ObservedOutcome(value: 70, range: 55...65))
        } == ["observed.range"])
        #expect(paths {
            _ = try PolicyIssue(id: "x", name: "X", scale: .percent, observed: ObservedOutcome(value: 60, range: 55...105))
        } == ["observed.range"])
    }

    @Test func aSpreadsPointMustLieInItsRange() {
        #expect(paths {
            _ = try Stance(issue: "x", position: 80, salience: 50, positionSpread: .range(lower: 30, upper: 70))
        } == ["position.range"])
    }

    @Test func codingsAreChecked() throws {
        #expect(paths { _ = try Coding(coder: "c1", position: 5, salience: 120) } == ["salience"])
        #expect(paths { _ = try Coding(coder: "Coder 1", position: 5, salience: 20) } == ["coder"])
        let twice = [try Coding(coder: "c1", position: 5, salience: 20), try Coding(coder: "c1", position: 6, salience: 20)]
        #expect(paths { _ = try Stance(issue: "x", position: 5, salience: 5, codings: twice) } == ["codings[1].coder"])
        let off = try Stakeholder(id: "p", name: "P", capability: 1, stances: [
            Stance(issue: "x", position: 5, salience: 5, codings: [try Coding(coder: "c1", position: 150, salience: 20)]),
        ])
        #expect(paths { _ = try Scenario(name: "c", issues: [try issue()], stakeholders: [off]) }
            == ["stakeholders[0].stances.x.codings[0].position"])
    }

    @Test func notesAreCheckedAndUnique() throws {
        let notes = [try ScenarioNote(id: "why", about: "alpah", text: "t"), try ScenarioNote(id: "why", text: "u")]
        do {
            _ = try Scenario(name: "n", issues: [issue()], stakeholders: try parties(), notes: notes)
            Issue.record("accepted")
        } catch {
            #expect(error.errors.map(\.path.description) == ["notes[1].id", "notes[0].about"])
            #expect(error.errors.last?.hint == "did you mean 'alpha'?")
        }
        #expect(paths { _ = try ScenarioNote(id: "n", text: "  ") } == ["text"])
    }

    @Test(arguments: [
        // (date, as_of, after?)
        ("2002-01", "2001-11-26", true), ("2001-12-05", "2001-11-26", true), ("2001-11-26", "2001-11-26", false),
        ("2001-11", "2001-11-26", false), ("2001", "2001-11-26", false), ("2002", "2001-11-26", true),
        ("2001-11-27", "2001-11", false), ("2001-12-01", "2001-11", true), ("2014-06-24", "2001", true),
    ])
    func partialDatesCompareAsSpans(date: String, asOf: String, after: Bool) throws {
        let a = try #require(PartialDate(date))
        let b = try #require(PartialDate(asOf))
        #expect(a.isDefinitelyAfter(b) == after)
        #expect(a.description == date)
    }

    @Test(arguments: ["2001-13", "2001-11-32", "01-11-26", "2001/11/26", "2001-1", ""])
    func badDatesAreRefused(text: String) {
        #expect(PartialDate(text) == nil)
    }

    @Test func hindsightUsesTheEvidenceDateElseTheSourceDate() throws {
        let source = try Source(id: "memoir", title: "Memoir", date: "2014-06-24")
        let early = try Evidence(source: "memoir", quote: "said in November", date: "2001-11-20")
        let late = try Evidence(source: "memoir", quote: "said later", kind: .paraphrase)
        let party = try Stakeholder(id: "p", name: "P", capability: 1, evidence: [late], stances: [
            Stance(issue: "x", position: 5, salience: 5, evidence: [early, late]),
        ])
        let scenario = try Scenario(name: "h", sources: [source], issues: [issue()], stakeholders: [party], asOf: "2001-11-26")
        #expect(scenario.effectiveDate(of: early) == "2001-11-20")
        #expect(scenario.effectiveDate(of: late) == "2014-06-24")
        #expect(!scenario.isHindsight(early) && scenario.isHindsight(late))
        #expect(scenario.hindsightEvidence(stakeholder: "p", issue: "x") == [late])
        #expect(scenario.hindsightCapabilityEvidence(stakeholder: "p") == [late])
        let records = scenario.evidenceRecords
        #expect(records.map(\.path.description) == ["stakeholders[0].evidence[0]", "stakeholders[0].stances.x.evidence[0]", "stakeholders[0].stances.x.evidence[1]"])
        #expect(records.map(\.isHindsight) == [true, false, true])
        let counts = scenario.evidenceCounts
        #expect(counts.quotesVerified == 0 && counts.quotesUnverifiable == 1 && counts.paraphrases == 2 && counts.hindsight == 2)
        // Without as_of nothing is hindsight.
        let undated = try Scenario(name: "h", sources: [source], issues: [issue()], stakeholders: [party])
        #expect(undated.evidenceCounts.hindsight == 0)
    }

    @Test func onlyQuotesCanBeVerified() throws {
        #expect(try Evidence(source: "s", quote: "q", verified: true).verified)
        #expect(try !Evidence(source: "s", quote: "q", kind: .inference, verified: true).verified)
        #expect(try !Evidence(source: "s", quote: "q", kind: .paraphrase).with(verified: true).verified)
    }
}
