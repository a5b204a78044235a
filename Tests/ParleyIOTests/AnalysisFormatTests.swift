import Foundation
import ParleyCore
@testable import ParleyIO
import Testing

/// The analysis fields of parley/1: status quo, forum, notes, codings, evidence kinds and
/// dates, source texts. Line numbers refer to `minimalYAML()` (TestSupport.swift): line 9 is
/// the issue's `observed:`, line 19 the evidence item, line 24 beta's stance; appended
/// top-level keys start at line 25.
@Suite struct AnalysisFormatTests {
    func located(_ errors: [ScenarioError]) -> [String] {
        errors.map { "\($0.location?.line ?? 0): \($0.path): \($0.code)" }
    }

    @Test func forumReferencesAreLocatedWithSuggestions() {
        let errors = yamlErrors(minimalYAML() + "forum:\n  rule: consensus\n  members: [alpha, betta]\n  setter: alpah\n")
        #expect(located(errors) == ["27: forum.members[1]: unknown-reference", "28: forum.setter: unknown-reference"])
        #expect(errors.map(\.hint) == ["did you mean 'beta'?", "did you mean 'alpha'?"])
    }

    @Test(arguments: [
        ("forum:\n  rule: consensus\n  threshold: 0.6\n", "27: forum.threshold: invalid-value"),
        ("forum:\n  rule: qualified-majority\n", "26: forum.threshold: missing-field"),
        ("forum:\n  rule: majority\n  threshold: 0.3\n", "27: forum.threshold: out-of-range"),
        ("forum:\n  rule: majorty\n", "26: forum.rule: invalid-value"),
        ("forum:\n  rule: consensus\n  status_quo_cost: -2\n", "27: forum.status_quo_cost: out-of-range"),
        ("forum:\n  rule: consensus\n  members: []\n", "27: forum.members: empty"),
        ("forum:\n  rule: consensus\n  quorum: 3\n", "27: forum.quorum: unknown-key"),
        ("as_of: 2001-13-01\n", "25: as_of: invalid-value"),
        ("notes:\n  - {id: why, about: alpah, text: Because}\n", "26: notes[0].about: unknown-reference"),
        ("notes:\n  - {id: Why, text: Because}\n", "26: notes[0].id: invalid-value"),
        ("notes:\n  - {id: why}\n", "26: notes[0].text: missing-field"),
    ])
    func badAnalysisFieldsAreLocated(appended: String, expected: String) {
        #expect(located(yamlErrors(minimalYAML() + appended)) == [expected])
    }

    @Test(arguments: [
        ("observed: {value: 60, source: src}", "observed: {value: 60, source: src}\n    status_quo: {value: 120}", "10: issues[0].status_quo.value: out-of-range"),
        ("observed: {value: 60, source: src}", "observed: {value: 70, range: [55, 65], source: src}", "9: issues[0].observed.range: out-of-range"),
        ("observed: {value: 60, source: src}", "observed: {value: 60, range: [55, 105], source: src}", "9: issues[0].observed.range: out-of-range"),
        ("observed: {value: 60, source: src}", "observed: {value: 60, range: [65, 55], source: src}", "9: issues[0].observed.range: invalid-value"),
        ("quote: \"we want most\"}", "quote: \"we want most\", kind: quoet}", "19: stakeholders[0].stances.share.evidence[0].kind: invalid-value"),
        ("quote: \"we want most\"}", "quote: \"we want most\", date: 2001-11-31-2}", "19: stakeholders[0].stances.share.evidence[0].date: invalid-value"),
        ("share: {position: 35, salience: 75}", "share: {position: 35, salience: 75, codings: [{coder: c1, position: 130, salience: 5}]}", "24: stakeholders[1].stances.share.codings[0].position: out-of-range"),
        ("share: {position: 35, salience: 75}", "share: {position: 35, salience: 75, codings: [{coder: c1, position: 30, salience: 5}, {coder: c1, position: 40, salience: 5}]}", "24: stakeholders[1].stances.share.codings[1].coder: duplicate"),
        ("share: {position: 35, salience: 75}", "share: {position: {value: 35, range: [40, 60]}, salience: 75}", "24: stakeholders[1].stances.share.position.range: out-of-range"),
    ])
    func badFieldValuesAreLocated(old: String, new: String, expected: String) {
        #expect(located(yamlErrors(minimalYAML([(old, new)]))) == [expected])
    }

    @Test func kindTypoSuggestsTheKind() {
        let errors = yamlErrors(minimalYAML([("quote: \"we want most\"}", "quote: \"we want most\", kind: quoet}")]))
        #expect(errors.first?.hint == "did you mean 'quote'?")
    }

    @Test func analysisFieldsDecodeAndRoundTrip() throws {
        let yaml = minimalYAML([
            ("observed: {value: 60, source: src}",
             "status_quo:\n      value: 20\n      evidence:\n        - {source: src, quote: \"they hold Kabul\", kind: inference, date: 2001-11-13}\n    observed: {value: 60, range: [55, 65], source: src}"),
            ("share: {position: 35, salience: 75}", "share: {position: 35, salience: 75, codings: [{coder: c1, position: 30, salience: 70}, {coder: c2, position: 40, salience: 80}]}"),
        ]) + "as_of: 2001-11-26\nforum: {rule: qualified-majority, members: [alpha, beta], threshold: 0.6, setter: beta, status_quo_cost: 5}\nnotes:\n  - {id: why, about: beta, title: Why, text: \"Because: it is so\", evidence: [{source: src, quote: \"so\", kind: paraphrase}]}\n"
        let scenario = try ScenarioCodec.decode(yaml, format: .yaml, file: "t.yaml")
        let issue = try #require(scenario.issues.first)
        #expect(issue.statusQuo?.value == 20)
        #expect(issue.statusQuo?.evidence.first?.kind == .inference)
        #expect(issue.observed?.range == 55...65)
        #expect(scenario.asOf == "2001-11-26")
        #expect(scenario.forum == (try Forum(rule: .qualifiedMajority, members: ["alpha", "beta"], threshold: 0.6, setter: "beta", statusQuoCost: 5)))
        #expect(scenario.notes.first?.about == "beta" && scenario.notes.first?.evidence.first?.kind == .paraphrase)
        #expect(scenario.stakeholder("beta")?.stance(on: "share")?.codings.map(\.coder) == ["c1", "c2"])
        for format in [ScenarioFormat.yaml, .json] {
            let text = try ScenarioCodec.encode(scenario, format: format).text
            #expect(try ScenarioCodec.decode(text, format: format, file: "again") == scenario, "\(format):\n\(text)")
        }
    }

    // MARK: - Source texts

    /// A scenario file in a fresh directory with its source text in `sources/src.txt`.
    func scenarioWithText(quote: String, text: String, extra: String = "", evidenceExtra: String = "") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-quotes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sources"), withIntermediateDirectories: true)
        try text.write(to: directory.appendingPathComponent("sources/src.txt"), atomically: true, encoding: .utf8)
        let yaml = minimalYAML([
            ("- {id: src, title: A source}", "- {id: src, title: A source, date: 2014-06-24, text: sources/src.txt}"),
            ("quote: \"we want most\"}", "quote: \"\(quote)\"\(evidenceExtra)}"),
        ]) + extra
        let path = directory.appendingPathComponent("case.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let sourceText = """
        In November the delegation said: “We want most of the posts — and the Interior
        Ministry.” Later, after the deal… nobody   recalled it.
        """

    @Test(arguments: [
        "We want most of the posts - and the Interior Ministry.",
        "We want most of the posts—and the Interior Ministry.",
        "We want most of the posts -- and the Interior Ministry.",
        "We want most ... the Interior Ministry.",
        "We want most … Ministry",
        "after the deal... nobody recalled it",
        "\\\"We want most of the posts",
    ])
    func quotesAreFoundDespiteTypography(quote: String) throws {
        let path = try scenarioWithText(quote: quote, text: Self.sourceText)
        let scenario = try ScenarioFile.read(path)
        #expect(scenario.stakeholders[0].stances[0].evidence[0].verified)
        #expect(scenario.evidenceCounts.quotesVerified == 1)
    }

    @Test(arguments: ["We want all of the posts", "we want most of the posts", "Interior Ministry ... We want most"])
    func aChangedQuoteFailsAtItsLineWithTheNearestPassage(quote: String) throws {
        let path = try scenarioWithText(quote: quote, text: Self.sourceText)
        do {
            _ = try ScenarioFile.read(path)
            Issue.record("'\(quote)' was accepted")
        } catch {
            #expect(error.errors.count == 1)
            #expect(error.errors.first?.code == .quoteNotFound)
            #expect(error.errors.first?.location?.line == 19)
            #expect(error.errors.first?.path.description == "stakeholders[0].stances.share.evidence[0].quote")
            #expect(error.errors.first?.hint?.contains("We want most") == true, "\(error)")
        }
    }

    @Test func paraphrasesAreNotChecked() throws {
        let path = try scenarioWithText(quote: "They wanted the lion's share", text: Self.sourceText, evidenceExtra: ", kind: paraphrase")
        let scenario = try ScenarioFile.read(path)
        #expect(scenario.evidenceCounts.paraphrases == 1 && scenario.evidenceCounts.quotesVerified == 0)
    }

    @Test func aMissingTextFileIsLocated() throws {
        let path = try scenarioWithText(quote: "We want most", text: Self.sourceText)
        try FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("sources/src.txt").path)
        do {
            _ = try ScenarioFile.read(path)
            Issue.record("accepted a missing text")
        } catch {
            #expect(error.errors.map { "\($0.location?.line ?? 0): \($0.path)" } == ["4: sources[0].text"])
        }
    }

    @Test func textsAreNeverReadForTextWithoutAFile() throws {
        // As the web server decodes request bodies: the text: path is kept but never opened.
        let yaml = minimalYAML([("- {id: src, title: A source}", "- {id: src, title: A source, text: /etc/passwd}"),
                                ("quote: \"we want most\"}", "quote: \"root\"}")])
        let scenario = try ScenarioCodec.decode(yaml, format: .yaml, file: "request")
        #expect(scenario.sources[0].text == "/etc/passwd")
        #expect(scenario.evidenceCounts.quotesUnverifiable == 1)
    }

    @Test func hindsightIsAWarningAtTheEvidenceLine() throws {
        let path = try scenarioWithText(quote: "We want most", text: Self.sourceText, extra: "as_of: 2001-11-26\n")
        let reading = try ScenarioFile.readWithWarnings(path)
        // The evidence has no date of its own: the source's (2014-06-24) is after as_of.
        #expect(reading.warnings.map { "\($0.location?.line ?? 0): \($0.path): \($0.code) \($0.severity)" }
            == ["19: stakeholders[0].stances.share.evidence[0]: hindsight warning"])
        #expect(reading.scenario.evidenceCounts.hindsight == 1)
        let dated = try scenarioWithText(quote: "We want most", text: Self.sourceText, extra: "as_of: 2001-11-26\n", evidenceExtra: ", date: 2001-11-20")
        #expect(try ScenarioFile.readWithWarnings(dated).warnings.isEmpty)
    }
}

@Suite struct ScenarioTemplateTests {
    @Test func theTemplateIsAValidScenarioUsingTheAnalysisFields() throws {
        let scenario = try ScenarioCodec.decode(ScenarioTemplate.yaml, format: .yaml, file: "template.yaml")
        #expect(scenario.forum?.setter == "party-a")
        #expect(scenario.issues.first?.statusQuo?.value == 20)
        #expect(scenario.asOf == "2001-11-26" && scenario.notes.count == 1)
        #expect(scenario.stakeholders.count == 2)
    }
}
