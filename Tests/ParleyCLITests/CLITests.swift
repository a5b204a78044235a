import Foundation
import Testing

/// The `parley` executable, run as a user runs it.
struct ParleyProcess {
    static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Next to the test bundle (`swift test` builds `parley` into the same folder).
    static let executable: String? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent().appendingPathComponent("parley").path,
            Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("parley").path,
            packageRoot + "/.build/debug/parley",
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// One store for the whole test run, in a temporary folder.
    static let storePath = FileManager.default.temporaryDirectory.appendingPathComponent("parley-cli-store-\(UUID().uuidString)/runs.sqlite").path

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], directory: String = packageRoot) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(executable, "parley executable not found"))
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "COLUMNS")
        env["PARLEY_STORE"] = storePath  // never the user's own store
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-cli-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Copies the founding case's local source texts (`Examples/sources/`) into `directory`, so a
    /// copy of `Examples/bonn-2001.yaml` written there finds the text its `text:` names.
    static func copySourceTexts(to directory: String) throws {
        try FileManager.default.copyItem(atPath: packageRoot + "/Examples/sources", toPath: directory + "/sources")
    }
}

@Suite(.serialized) struct CLITests {
    @Test func validateAcceptsTheExamples() throws {
        let result = try ParleyProcess.run(["validate", "Examples/bonn-2001.yaml", "Examples/ec-car-emissions.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("ok: Examples/bonn-2001.yaml: 11 stakeholders, 3 issues"))
        #expect(result.stderr.isEmpty)
    }

    @Test func validateAcceptsEveryExampleWhateverItsKind() throws {
        let examples = try FileManager.default.contentsOfDirectory(atPath: ParleyProcess.packageRoot + "/Examples")
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "Examples/" + $0 }
        #expect(examples.count >= 5)
        let result = try ParleyProcess.run(["validate"] + examples)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == examples.count)
        #expect(result.stdout.contains("a strategic game (format parley-game/1)"))
        #expect(result.stdout.contains("a repeated-game case (format parley-repeated/1)"))
        // axis-of-evil.yaml, counted by hand: 6 seed quotes in evidence + 4 behind parameters, all in the seed's text;
        // Crocker's op-ed and the AP report have no stored text; us-cost rests on an inference.
        #expect(result.stdout.contains("5 replies; a stage game from 6 parameters, evidence for 6 of them; quotes: 10 verified, 2 unverifiable (no text); 0 paraphrases, 1 inference"))
    }

    @Test func validateReportsLocatedErrorsAndExits65() throws {
        let directory = try ParleyProcess.temporaryDirectory()
        let bad = directory + "/bad.yaml"
        try ParleyProcess.copySourceTexts(to: directory)
        let text = try String(contentsOfFile: ParleyProcess.packageRoot + "/Examples/bonn-2001.yaml", encoding: .utf8)
            .replacingOccurrences(of: "    capability: {value: 55, range: [40, 70]}\n", with: "    capabilty: {value: 55, range: [40, 70]}\n")
        try text.write(toFile: bad, atomically: true, encoding: .utf8)
        let result = try ParleyProcess.run(["validate", bad])
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.yaml:142:5: error: stakeholders[0].capabilty: unknown key 'capabilty' in a stakeholder"))
        #expect(result.stderr.contains("hint: did you mean 'capability'?"))
        #expect(!result.stderr.contains("\u{1B}["), "no colour when stderr is not a terminal")
    }

    @Test func missingFileExits66() throws {
        let result = try ParleyProcess.run(["validate", "no-such-file.yaml"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("error: no such file: no-such-file.yaml"))
    }

    @Test func unknownModelIsAUsageError() throws {
        let result = try ParleyProcess.run(["forecast", "Examples/bonn-2001.yaml", "--model", "nsh"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown model 'nsh'"))
    }

    @Test func forecastTableMatchesTheGoldenFile() throws {
        let result = try ParleyProcess.run(["forecast", "Examples/bonn-2001.yaml"])
        #expect(result.status == 0)
        let golden = try String(contentsOfFile: ParleyProcess.packageRoot + "/Tests/ParleyCLITests/Golden/forecast-bonn.txt", encoding: .utf8)
        #expect(result.stdout == golden, "regenerate with scripts/update-golden.sh if the change is intended")
        let widest = result.stdout.split(separator: "\n").map(\.count).max() ?? 0
        #expect(widest <= 80)
    }

    @Test func forecastJSONHasTheContractKeys() throws {
        let result = try ParleyProcess.run(["forecast", "Examples/bonn-2001.yaml", "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["scenario"] as? String == "Bonn Conference 2001")
        let forecasts = try #require(object["forecasts"] as? [[String: Any]])
        let models = try #require(object["models"] as? [[String: Any]])
        #expect(models.last?["name"] as? String == "ensemble")
        #expect(forecasts.count == 3 * models.count)  // 3 issues x every model
        let mean = try #require(forecasts.first { $0["model"] as? String == "weighted-mean" && $0["issue"] as? String == "na-share" })
        // Compromise on the NA share, by hand from Examples/bonn-2001.yaml (weight = capability × salience):
        // Σ w·x = 1,285,375 over Σ w = 24,375 gives 52.733; observed 60, so the error is -7.267.
        #expect(abs((mean["value"] as? Double ?? 0) - 52.733) < 0.01)
        #expect(mean["observed"] as? Double == 60)
        #expect(abs((mean["error"] as? Double ?? 0) - (-7.267)) < 0.01)
    }

    @Test func winnersJSONRanksEveryStakeholderForHistoryAndEachModel() throws {
        let result = try ParleyProcess.run(["forecast", "Examples/bonn-2001.yaml", "--winners", "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let winners = try #require(object["winners"] as? [[String: Any]])
        #expect(winners.first?["source"] as? String == "history")
        for table in winners {
            let ranks = (table["stakeholders"] as? [[String: Any]] ?? []).compactMap { $0["rank"] as? Int }
            #expect(ranks.sorted() == Array(1...11))
        }
    }

    @Test func simulateJSONHasTheContractKeys() throws {
        let result = try ParleyProcess.run(["simulate", "Examples/ec-car-emissions.yaml", "--model", "weighted-median", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["model"] as? String == "weighted-median")
        #expect(object["converged"] as? Bool == true)
        #expect(object["stop_reason"] as? String == "closed_form")
        let rounds = try #require(object["rounds"] as? [[String: Any]])
        let first = try #require(rounds.first)
        #expect(first["round"] as? Int == 0)
        let positions = try #require(first["positions"] as? [String: [String: Double]])
        #expect(positions["netherlands"]?["standards-delay"] == 4)
        #expect((first["forecast"] as? [String: Double])?["standards-delay"] == 7)  // the published weighted median
        #expect(try ParleyProcess.run(["simulate", "Examples/ec-car-emissions.yaml", "--model", "nope"]).status == 64)
    }

    @Test func demoRunsTheFoundingCaseAndFits80Columns() throws {
        let result = try ParleyProcess.run(["demo"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Parley demo: Bonn Conference 2001"))
        let prose = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // The introduction and readings come from the files and the results.
        #expect(prose.contains("11 stakeholders bargain over 3 issues"))
        #expect(prose.contains("Against history, ranking the 11 stakeholders by how close the outcome came"))
        #expect(prose.contains("Models that agree count once"))
        // The companions: the game's and the case's own names head their parts.
        #expect(prose.contains("Iran's choice, autumn 2001"))
        #expect(prose.contains("After the scripted defection by"))
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test func demoReadsAnyScenarioWithoutTheFoundingCase() throws {
        let result = try ParleyProcess.run(["demo", "--file", "Examples/ec-car-emissions.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        let prose = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(prose.contains("Parley demo:"))
        #expect(!prose.contains("Iran"))
        #expect(!prose.contains("Bonn"))
        #expect(!prose.contains("Northern Alliance"))
    }

    @Test func demoFindsTheExampleFromAnotherDirectory() throws {
        let result = try ParleyProcess.run(["demo"], directory: try ParleyProcess.temporaryDirectory())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Bonn Conference 2001"))
    }

    @Test func convertRoundTripsAndWritesNothingOnBadInput() throws {
        let directory = try ParleyProcess.temporaryDirectory()
        let json = directory + "/bonn.json"
        let back = directory + "/bonn.yaml"
        try ParleyProcess.copySourceTexts(to: directory)
        #expect(try ParleyProcess.run(["convert", "Examples/bonn-2001.yaml", json]).status == 0)
        #expect(try ParleyProcess.run(["convert", json, back]).status == 0)
        let again = try ParleyProcess.run(["forecast", back, "--json"])
        let original = try ParleyProcess.run(["forecast", "Examples/bonn-2001.yaml", "--json"])
        #expect(again.stdout == original.stdout)

        let bad = directory + "/bad.json"
        try "{\"format\": \"parley/1\"}".write(toFile: bad, atomically: true, encoding: .utf8)
        let output = directory + "/never.yaml"
        let result = try ParleyProcess.run(["convert", bad, output])
        #expect(result.status == 65)
        #expect(result.stderr.contains("missing required field 'name'"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test(arguments: ["validate", "forecast", "simulate", "convert", "demo"])
    func everyCommandHasHelpWithAnExample(command: String) throws {
        let result = try ParleyProcess.run([command, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Example:"))
        #expect(result.stdout.contains("parley \(command)") || command == "demo")
    }
}
