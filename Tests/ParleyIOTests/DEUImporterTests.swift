import Foundation
import ParleyAnalysis
import ParleyBargaining
import ParleyCore
import ParleyIO
import Testing

/// A synthetic file in the DEU III layout: two proposals, three issues, three member states.
@Suite struct DEUImporterTests {
    let data = """
        proposal;issue;name;outcome;pDE;sDE;pFR;sFR;pUK;sUK
        COD-1;1;Emission limit;60;100;80;50;60;0;90
        COD-1;2;Phase-in years;999;20;50;999;999;80;40
        CNS-7;3;Budget share;30;10;70;40;50;25;100
        """
    let capabilities = """
        code;capability;name
        de;29;Germany
        fr;29;France
        uk;29;United Kingdom
        """

    func files(data: String? = nil, capabilities: String? = nil) throws -> (String, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("deu-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try (data ?? self.data).write(toFile: directory + "/deu.csv", atomically: true, encoding: .utf8)
        try (capabilities ?? self.capabilities).write(toFile: directory + "/caps.csv", atomically: true, encoding: .utf8)
        return (directory + "/deu.csv", directory + "/caps.csv")
    }

    @Test func readsProposalsIssuesAndMissingValues() throws {
        let (data, caps) = try files()
        let scenarios = try DEUImporter.read(data, capabilities: caps)
        #expect(scenarios.map(\.name) == ["DEU COD-1", "DEU CNS-7"])
        let first = scenarios[0]
        #expect(first.issues.map(\.id) == ["1", "2"])
        #expect(first.issue("1")?.observed?.value == 60)
        #expect(first.issue("2")?.observed == nil)  // 999
        #expect(first.stakeholder("fr")?.stances.map(\.issue) == ["1"])  // 999 on issue 2: no stance
        #expect(first.stakeholder("de")?.name == "Germany")
        #expect(first.stakeholder("uk")?.stance(on: "1")?.salience == 90)
    }

    @Test func backtestOnTheImportedData() throws {
        let (data, caps) = try files()
        let backtest = try Backtest(scenarios: try DEUImporter.read(data, capabilities: caps), models: [WeightedMeanModel()])
        // Issue 1: (29*80*100 + 29*60*50 + 29*90*0)/(29*230) = 11000/230 = 47.826; |err| vs 60 = 12.174.
        // Issue 3: (70*10 + 50*40 + 100*25)/220 = 5200/220 = 23.636; |err| vs 30 = 6.364. Issue 2 has no outcome.
        let score = try #require(backtest.scores.first)
        #expect(score.issues == 2)
        #expect(abs((score.meanAbsoluteError ?? 0) - (12.173913043478 + 6.363636363636) / 2) < 1e-9)
    }

    @Test func locatedErrors() throws {
        let (data, caps) = try files(data: data.replacingOccurrences(of: "60;100;80", with: "60;abc;80"))
        #expect(throws: ScenarioErrors.self) { try DEUImporter.read(data, capabilities: caps) }
        do {
            _ = try DEUImporter.read(data, capabilities: caps)
        } catch {
            #expect(error.errors.first?.description == "\(data):2:27: error: position of de on 1: expected a number 0-100 or 999 for missing, found 'abc'")
        }
        let (data2, caps2) = try files(capabilities: "code;capability\nde;29\nfr;29\n")
        do {
            _ = try DEUImporter.read(data2, capabilities: caps2)
            Issue.record("expected an error")
        } catch {
            #expect(error.errors.first?.message == "actor 'uk' has positions but no capability in \(caps2)")
        }
    }
}
