import Foundation
import Testing

/// `parley reliability` and the evidence checks of `parley validate`, end to end.
@Suite(.serialized) struct ReliabilityCLITests {
    static let scenario = """
        format: parley/1
        name: Coded
        as_of: 2001-11-26
        sources:
          - {id: seed, title: Seed, date: 2014-06-24, text: sources/seed.txt}
        issues:
          - {id: share, name: Share, scale: {min: 0, max: 100}}
          - {id: force, name: Force, scale: {min: 0, max: 10}}
        stakeholders:
          - id: a
            name: A
            capability: 50
            stances:
              share:
                position: 75
                salience: 90
                evidence:
                  - {source: seed, quote: "war on terror", date: 2001-10}
                  - {source: seed, quote: "they wanted a lot", kind: paraphrase}
                codings: [{coder: c1, position: 0, salience: 90}, {coder: c2, position: 20, salience: 90}]
              force: {position: 3, salience: 40, codings: [{coder: c1, position: 4, salience: 40}, {coder: c2, position: 4, salience: 50}]}

        """

    func write(_ text: String) throws -> String {
        let directory = try ParleyProcess.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/sources", withIntermediateDirectories: true)
        try "They declared a “war on terror.”\n".write(toFile: directory + "/sources/seed.txt", atomically: true, encoding: .utf8)
        let path = directory + "/case.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func reliabilityJSONHasTheDesignKeys() throws {
        let path = try write(Self.scenario)
        let result = try ParleyProcess.run(["reliability", path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["units"] as? Int == 2)
        #expect(object["coders"] as? Int == 2)
        let alpha = try #require(object["alpha"] as? [String: Any])
        // Units in percent of scale: share [0, 20], force [40, 40]; n = 4, mean 25,
        // D_o = (2*400/1 + 0)/4 = 200, D_e = 2*4*(625+25+225+225)/(4*3) = 733.33, alpha = 1 - 200/733.33 = 0.72727.
        #expect(abs((alpha["position"] as? Double ?? 0) - (1 - 200 / (8800.0 / 12))) < 1e-9)
        // Saliences [90, 90], [40, 50]: n = 4, mean 67.5, squares 506.25*2 + 756.25 + 306.25 = 2075,
        // D_o = (0 + 2*100)/4 = 50, D_e = 8*2075/12 = 1383.33, alpha = 1 - 50/1383.33 = 0.963855.
        #expect(abs((alpha["salience"] as? Double ?? 0) - (1 - 50 / (8 * 2075 / 12.0))) < 1e-9)
        #expect((object["issues"] as? [Any])?.count == 2)
        #expect((object["stances"] as? [Any])?.count == 2)
    }

    @Test func validateCountsEvidenceAndWarnsOfHindsight() throws {
        let hindsight = Self.scenario.replacingOccurrences(of: "quote: \"war on terror\", date: 2001-10}", with: "quote: \"war on terror\"}")
        let path = try write(hindsight)
        let result = try ParleyProcess.run(["validate", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("quotes: 1 verified, 0 unverifiable (no text); 1 paraphrase, 0 inferences; 2 dated after as_of"))
        // Both undated items stand at their source's date (2014-06-24): the quote and the paraphrase.
        #expect(result.stderr.contains("case.yaml:18:13: warning: stakeholders[0].stances.share.evidence[0]: evidence dated 2014-06-24 (its source's date) is after as_of 2001-11-26"))
        let strict = try ParleyProcess.run(["validate", "--strict", path])
        #expect(strict.status == 65)
        #expect(strict.stderr.contains("case.yaml:18:13: error: stakeholders[0].stances.share.evidence[0]: evidence dated"))
    }

    @Test func aChangedQuoteFailsValidation() throws {
        let path = try write(Self.scenario.replacingOccurrences(of: "\"war on terror\"", with: "\"war of terror\""))
        let result = try ParleyProcess.run(["validate", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("case.yaml:18:35: error: stakeholders[0].stances.share.evidence[0].quote: this quote does not appear in the text of source 'seed'"))
        #expect(result.stderr.contains("hint: the nearest passage of the text reads: \"\"war on terror.\"\""), "\(result.stderr)")
    }

    @Test func initWritesATemplateThatValidatesAndNeverOverwrites() throws {
        let path = try ParleyProcess.temporaryDirectory() + "/new.yaml"
        let first = try ParleyProcess.run(["init", path])
        #expect(first.status == 0, "\(first.stderr)")
        let check = try ParleyProcess.run(["validate", path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("2 stakeholders, 1 issue, 1 source"))
        let again = try ParleyProcess.run(["init", path])
        #expect(again.status == 73)
    }
}
