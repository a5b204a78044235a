import Foundation
import ParleyCore
@testable import ParleyIO
import Testing

/// Every kind of bad input gets one located message. Line and column numbers are counted by
/// hand on `minimalYAML()` (TestSupport.swift), whose line 16 is `        position: 75`.
@Suite struct LocatedErrorTests {
    /// The single error `yaml` raises, as printed.
    func message(_ yaml: String) -> String {
        let errors = yamlErrors(yaml)
        #expect(errors.count == 1, "expected one error, got \(errors.map(\.description))")
        return errors.first?.description ?? "(no error)"
    }

    @Test func validMinimalScenarioDecodes() {
        #expect(yamlErrors(minimalYAML()).isEmpty)
    }

    @Test func malformedYAML() {
        // "    name: Share: of posts": the second ': ' is at column 16 of line 7.
        #expect(message(minimalYAML([("name: Share of posts", "name: Share: of posts")])) == """
            test.yaml:7:16: error: malformed YAML: mapping values are not allowed in this context
              hint: check the indentation (spaces, not tabs) and put text containing ': ' or ' #' in quotes
            """)
    }

    @Test func wrongType() {
        #expect(message(minimalYAML([("capability: 90", "capability: [90]")]))
            == "test.yaml:13:17: error: stakeholders[0].capability: expected a capability (a number >= 0), found a list")
        #expect(message(minimalYAML([("position: 75", "position: \"75\"")])) == """
            test.yaml:16:19: error: stakeholders[0].stances.share.position: expected a position on the issue's scale, found the quoted text "75"
              hint: remove the quotes
            """)
    }

    @Test func missingRequiredField() {
        // Line 12 ("    name: Alpha") removed: the stakeholder mapping starts at line 11, column 5.
        #expect(message(minimalYAML([("    name: Alpha\n", "")]))
            == "test.yaml:11:5: error: stakeholders[0].name: missing required field 'name' in a stakeholder: expected a name")
    }

    @Test func unknownKeyWithSuggestion() {
        #expect(message(minimalYAML([("salience: 95", "salince: 95")])) == """
            test.yaml:17:9: error: stakeholders[0].stances.share.salince: unknown key 'salince' in a stance; expected one of: position, salience, capability, evidence, codings
              hint: did you mean 'salience'?
            """)
    }

    @Test func duplicateID() {
        #expect(message(minimalYAML([("id: beta", "id: alpha")])) == """
            test.yaml:20:9: error: stakeholders[1].id: duplicate stakeholder id 'alpha', already used by stakeholders[0]
              hint: ids must be unique; rename one of them
            """)
    }

    @Test func duplicateKeyInAMapping() {
        let text = minimalYAML([("capability: 45", "capability: 45\n    capability: 50")])
        let errors = yamlErrors(text)
        #expect(errors.count == 1)
        #expect(errors.first?.code == .duplicate)
        #expect(errors.first?.message.contains("'capability' appears twice") == true)
    }

    @Test func stanceOnUnknownIssue() {
        #expect(message(minimalYAML([("      share:\n        position: 75", "      shar:\n        position: 75")])) == """
            test.yaml:15:7: error: stakeholders[0].stances.shar: stance on unknown issue 'shar'; the issues are 'share'
              hint: did you mean 'share'?
            """)
    }

    @Test func positionOutsideTheScale() {
        #expect(message(minimalYAML([("position: 75", "position: 140")]))
            == "test.yaml:16:19: error: stakeholders[0].stances.share.position: 140 is outside the scale 0...100 of issue 'share'")
    }

    @Test func salienceOutsideZeroToHundred() {
        #expect(message(minimalYAML([("salience: 95", "salience: 120")])) == """
            test.yaml:17:19: error: stakeholders[0].stances.share.salience: salience 120 is outside 0...100
              hint: salience is 0 (indifferent) to 100 (the issue matters above all); a 0-1 value x is written 100x
            """)
    }

    @Test func negativeCapability() {
        #expect(message(minimalYAML([("capability: 90", "capability: -5")])) == """
            test.yaml:13:17: error: stakeholders[0].capability: capability -5 is negative: expected a number >= 0
              hint: capability is relative power; use 0 for a party with no influence
            """)
    }

    @Test func scaleMinNotBelowMax() {
        #expect(message(minimalYAML([("{min: 0, max: 100", "{min: 100, max: 100")])) == """
            test.yaml:8:18: error: issues[0].scale.min: scale min 100 must be below max 100
              hint: a scale needs two different ends, for example {min: 0, max: 100}
            """)
    }

    @Test(arguments: [".nan", ".inf", "-.inf", "NaN"])
    func notANumberOrInfinity(literal: String) {
        #expect(message(minimalYAML([("position: 75", "position: \(literal)")])) == """
            test.yaml:16:19: error: stakeholders[0].stances.share.position: expected a position on the issue's scale, found \(literal): NaN and infinity are not allowed
              hint: write a finite number; for an unknown value, give your best estimate and an uncertainty range
            """)
    }

    @Test func hugeJSONNumberIsInfinity() throws {
        let errors: [ScenarioError]
        do {
            _ = try ScenarioCodec.decode(#"{"format": "parley/1", "name": "x", "issues": [], "stakeholders": [], "uncertainty": {"position": {"sd": 1e400}}}"#, format: .json, file: "x.json")
            errors = []
        } catch {
            errors = error.errors
        }
        #expect(errors.map(\.description) == [
            "x.json:1:106: error: uncertainty.position.sd: expected a standard deviation >= 0, found 1e400: NaN and infinity are not allowed\n  hint: write a finite number; for an unknown value, give your best estimate and an uncertainty range",
        ])
    }

    @Test func noStakeholders() {
        let text = minimalYAML().components(separatedBy: "stakeholders:")[0] + "stakeholders: []\n"
        #expect(message(text) == """
            test.yaml:10:15: error: stakeholders: a scenario needs at least one stakeholder
              hint: add an entry under stakeholders: with id, name, capability and stances
            """)
    }

    @Test func evidenceCitingAnUnknownSource() {
        #expect(message(minimalYAML([("{source: src, quote", "{source: srd, quote")])) == """
            test.yaml:19:22: error: stakeholders[0].stances.share.evidence[0].source: cites unknown source 'srd'
              hint: did you mean 'src'?
            """)
    }

    @Test func observedOutcomeOutsideTheScale() {
        #expect(message(minimalYAML([("value: 60", "value: 160")]))
            == "test.yaml:9:23: error: issues[0].observed.value: observed outcome 160 is outside the scale 0...100 of issue 'share'")
    }

    @Test func unsupportedFormatTag() {
        #expect(message(minimalYAML([("format: parley/1", "format: parley/2")])) == """
            test.yaml:1:9: error: format: unsupported format 'parley/2': expected 'parley/1'
              hint: this version of Parley reads format: parley/1
            """)
    }

    @Test func everyErrorIsReportedAtOnceInFileOrder() {
        let errors = yamlErrors(minimalYAML([
            ("capability: 90", "capability: -5"), ("salience: 75}", "salience: 175}"), ("name: Beta", "nme: Beta"),
        ]))
        // Line 13: capability; line 21: the misspelt key; line 24, column 39: the salience in the flow mapping.
        #expect(errors.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code)" } == [
            "13:17 out-of-range", "21:5 unknown-key", "24:39 out-of-range",
        ])
    }

    @Test func malformedJSONIsLocated() {
        let text = "{\n  \"format\": \"parley/1\",\n  \"name\": \"x\",\n  \"issues\": [1, 2,]\n}"
        do {
            _ = try ScenarioCodec.decode(text, format: .json, file: "bad.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.map(\.description) == [
                "bad.json:4:19: error: malformed JSON: expected a value (object, array, string, number, true, false or null), found ']'",
            ])
        }
    }

    @Test func jsonSchemaErrorsAreLocatedToo() {
        let text = """
            {"format": "parley/1", "name": "x",
             "issues": [{"id": "a", "name": "A", "scale": {"min": 0, "max": 10}}],
             "stakeholders": [{"id": "s", "name": "S", "capability": 1, "stances": {"a": {"position": 11, "salience": 5}}}]}
            """
        do {
            _ = try ScenarioCodec.decode(text, format: .json, file: "x.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.map(\.description) == [
                "x.json:3:91: error: stakeholders[0].stances.a.position: 11 is outside the scale 0...10 of issue 'a'",
            ])
        }
    }
}

@Suite struct FileErrorTests {
    func temporaryFile(_ name: String, bytes: [UInt8]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func errors(reading path: String) -> [ScenarioError] {
        do {
            _ = try ScenarioFile.read(path)
            return []
        } catch {
            return error.errors
        }
    }

    @Test func missingFile() {
        let found = errors(reading: "/nonexistent/bonn.yaml")
        #expect(found.map(\.code) == [.fileNotFound])
        #expect(found.first?.description == "error: no such file: /nonexistent/bonn.yaml\n  hint: check the path; the examples are in Examples/")
    }

    @Test func emptyFile() throws {
        let path = try temporaryFile("empty.yaml", bytes: [])
        #expect(errors(reading: path).map(\.description) == [
            "\(path):1:1: error: the file is empty\n  hint: a scenario starts with 'format: parley/1'; see Examples/bonn-2001.yaml",
        ])
        let comments = try temporaryFile("comments.yaml", bytes: Array("# nothing here\n".utf8))
        #expect(errors(reading: comments).map(\.code) == [.emptyFile])
    }

    @Test func fiftyMegabyteFileIsRefusedQuickly() throws {
        let path = try temporaryFile("huge.yaml", bytes: [])
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        let line = Array("# padding padding padding padding padding padding padding padding padding\n".utf8)
        let chunk = Data((0..<(1 << 20) / line.count).flatMap { _ in line })
        for _ in 0..<50 { handle.write(chunk) }
        try handle.close()
        let started = Date()
        let found = errors(reading: path)
        #expect(Date().timeIntervalSince(started) < 2, "refusal must not read the file")
        #expect(found.map(\.code) == [.fileTooLarge])
        // 50 chunks of 1 MiB less a partial line: 49.9 or 50.0 MB.
        #expect(found.first?.message.hasPrefix("the file is 49.9 MB") == true || found.first?.message.hasPrefix("the file is 50.0 MB") == true)
        #expect(found.first?.message.hasSuffix("MB; Parley reads scenario files of at most 16 MB") == true)
    }

    @Test func bytesThatAreNotUTF8() throws {
        // "name: Caf" then 0xE9 (é in Latin-1): line 2, column 10, byte offset 26.
        let path = try temporaryFile("latin1.yaml", bytes: Array("format: parley/1\nname: Caf".utf8) + [0xE9, 0x0A])
        #expect(errors(reading: path).map(\.description) == [
            "\(path):2:10: error: the file is not UTF-8 text: byte 0xE9 at offset 26 cannot start or continue a UTF-8 character\n  hint: save the file as UTF-8 (it may be Latin-1 or Windows-1252)",
        ])
    }

    @Test func aliasBombIsRefused() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...7 {
            text += "l\(level): &l\(level) [" + Array(repeating: "*\(level == 1 ? "a" : "l\(level - 1)")", count: 10).joined(separator: ", ") + "]\n"
        }
        let errors = yamlErrors(text)
        #expect(errors.map(\.code) == [.fileTooLarge])
    }

    @Test func nothingIsWrittenWhenTheInputIsBad() throws {
        let bad = try temporaryFile("bad.yaml", bytes: Array(minimalYAML([("position: 75", "position: 140")]).utf8))
        let output = (bad as NSString).deletingLastPathComponent + "/out.json"
        #expect(throws: ScenarioErrors.self) {
            let scenario = try ScenarioFile.read(bad)
            try ScenarioFile.write(scenario, to: output)
        }
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
