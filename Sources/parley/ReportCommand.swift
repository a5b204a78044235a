import ArgumentParser
import Foundation
import ParleyAnalysis
import ParleyBargaining
import ParleyCore
import ParleyGames
import ParleyIO
import ParleyReports
import ParleySimulation

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML briefing: scenario, evidence, forecasts against history, charts, uncertainty and strategic analysis.",
        discussion: """
            One file with inline CSS and SVG charts, no scripts and no external resources: open it in any \
            browser or mail it. The Monte Carlo section draws every uncertain number from its spread \
            (--runs, --seed; --runs 0 leaves it out). The same file, runs and seed give the same bytes. \
            The output appears atomically; nothing is written when the input is bad.

            After the scenario, or instead of it, give game files (Gambit .nfg/.efg, or parley-game/1 \
            .yaml/.json) and repeated-game cases (parley-repeated/1): each adds a strategic section (payoff \
            matrix, dominance, equilibria and their strategies, the dominance map with its evidence; for a \
            case, the replies to the scripted defection and a round robin with its payoff heat map). Files \
            are told apart by extension and by their 'format:' line; at most one scenario.

            Example:
              parley report Examples/bonn-2001.yaml -o bonn.html
              parley report Examples/bonn-2001.yaml -o bonn.html --runs 2000 --seed 7
              parley report Examples/bonn-2001.yaml Examples/iran-2001-cooperation.yaml Examples/axis-of-evil.yaml -o bonn.html
            """)

    @Argument(help: ArgumentHelp("The scenario file, then any game files and repeated-game cases (or only those).", valueName: "file"))
    var files: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The HTML file to write.", valueName: "file"))
    var output: String

    @Option(help: "Monte Carlo runs for the uncertainty section (0 leaves it out).")
    var runs = 500

    @Option(help: "Master seed for the Monte Carlo runs (0 to 2^64-1).")
    var seed: UInt64 = 1

    @Option(help: "Concurrent workers (default: the CPUs this process may use: cgroup cpu.max, affinity, SLURM_CPUS_PER_TASK).")
    var jobs: Int?

    @OptionGroup var modelOptions: ModelOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give a scenario, game or repeated-game case file, for example Examples/bonn-2001.yaml") }
        guard runs >= 0 else { throw ValidationError("--runs must be 0 or more") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        guard !output.isEmpty else { throw ValidationError("-o needs a file name, for example -o report.html") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationError("-o \(output) is a directory; give a file name, for example -o \(output)/report.html")
        }
    }

    func run() async throws {
        var loaded: ScenarioForecast?
        var strategic: [StrategicPart] = []
        let workers = jobs ?? SensitivityCommand.defaultJobs(ProcessInfo.processInfo.environment)
        let kinds = files.map(Self.kind(of:))
        let scenarios = zip(files, kinds).filter { $0.1 == .scenario }.map(\.0)
        if scenarios.count > 1 {
            throw ValidationError("give at most one scenario; \(scenarios.joined(separator: " and ")) are all scenarios "
                + "(game and case files say 'format: parley-game/1' or 'format: parley-repeated/1')")
        }
        try Console.run {
            for (file, kind) in zip(files, kinds) {
                switch kind {
                case .scenario:
                    let scenario = try ScenarioInput.read(file)
                    loaded = try ScenarioForecast(scenario: scenario, models: modelOptions.models(for: scenario), winners: true)
                case .game:
                    let document = try GameFile.read(file)
                    do throws(GameError) {
                        strategic.append(.game(try GameAnalysis.solve(file: file, document: document)))
                    } catch {
                        throw ScenarioErrors([ScenarioError(.invalidValue, error.message, hint: error.hint, location: SourceLocation(file: file, line: 1, column: 1))])
                    }
                case .repeated:
                    let study = try RepeatedGameFile.read(file)
                    do throws(RepeatedGameError) {
                        strategic.append(.repeated(try RepeatedAnalysis(study: study, jobs: workers)))
                    } catch {
                        throw ScenarioErrors([ScenarioError(.invalidValue, error.message, hint: error.hint, location: SourceLocation(file: file, line: 1, column: 1))])
                    }
                }
            }
        }
        guard loaded != nil || !strategic.isEmpty else { return }
        var uncertainty: HTMLReport.Uncertainty?
        if let scenario = loaded?.scenario, runs > 0 {
            let models = modelOptions.models(for: scenario)
            let plan = SensitivityAnalysis.plan(scenario: scenario, runs: runs, seed: seed, models: models)
            try await Console.run {
                let results = try await MonteCarloRunner.run(scenario: scenario, models: models, plan: plan, range: 0..<runs, jobs: workers)
                let analysis = try SensitivityAnalysis(scenario: scenario, plan: plan, results: results, models: models, top: 5)
                uncertainty = HTMLReport.Uncertainty(summary: analysis.summary, drivers: analysis.drivers, odds: analysis.odds)
            }
        }
        let html = HTMLReport.render(forecast: loaded, uncertainty: uncertainty, strategic: strategic)
        try Console.run {
            do {
                try Data(html.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw OutputError(message: "cannot write \(output): \(error.localizedDescription); check that its folder exists and is writable")
            }
            Console.err("wrote \(output)")
        }
    }

    /// What a file holds, told by extension and, for YAML or JSON, by its top-level `format:`.
    enum Kind: Equatable {
        case scenario, game, repeated
    }

    /// `.game` for .nfg/.efg and `format: parley-game/1`; `.repeated` for `format: parley-repeated/1`;
    /// else `.scenario`, whose reader then says precisely what is wrong (missing file, unknown format, ...).
    static func kind(of path: String) -> Kind {
        let format = GameFormat(path: path)
        if format == .nfg || format == .efg { return .game }
        guard format == .yaml || format == .json, let text = try? ScenarioFile.readText(path) else { return .scenario }
        switch declaredFormat(text) {
        case "parley-game/1"?: return .game
        case "parley-repeated/1"?: return .repeated
        default: return .scenario
        }
    }

    /// The value of the top-level `format` key: a YAML line `format: X` at column 0, or JSON's
    /// first `"format": "X"`. Only a hint for choosing the reader; the reader checks the file.
    static func declaredFormat(_ text: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == "{" || $0 == "," }
            for key in ["format:", "\"format\":", "\"format\" :"] where trimmed.hasPrefix(key) {
                if key == "format:", line.first == " " || line.first == "\t" { continue }
                var value = trimmed.dropFirst(key.count).drop { $0 == " " || $0 == "\t" }
                if let quote = value.first, quote == "\"" || quote == "'" {
                    value = value.dropFirst().prefix { $0 != quote }
                } else {
                    value = value.prefix { $0 != "#" && $0 != "," && $0 != "}" }
                }
                let cleaned = value.trimmingCharacters(in: .whitespacesAndNewlines)
                if !cleaned.isEmpty { return cleaned }
            }
        }
        // Minified JSON: the first "format" key anywhere.
        var rest = Substring(text)
        while let range = rest.range(of: "\"format\"") {
            let after = rest[range.upperBound...].drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
            if after.first == ":" {
                let value = after.dropFirst().drop { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
                if value.first == "\"" { return String(value.dropFirst().prefix { $0 != "\"" }) }
            }
            rest = rest[range.upperBound...]
        }
        return nil
    }
}
