import ArgumentParser
import Foundation
import ParleyBargaining
import ParleyCore
import ParleyIO
import ParleyReports
import ParleySimulation

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a self-contained HTML briefing: scenario, evidence, forecasts against history, charts and uncertainty.",
        discussion: """
            One file with inline CSS and SVG charts, no scripts and no external resources: open it in any \
            browser or mail it. The Monte Carlo section draws every uncertain number from its spread \
            (--runs, --seed; --runs 0 leaves it out). The same file, runs and seed give the same bytes. \
            The output appears atomically; nothing is written when the input is bad.

            Example:
              parley report Examples/bonn-2001.yaml -o bonn.html
              parley report Examples/bonn-2001.yaml -o bonn.html --runs 2000 --seed 7
            """)

    @Argument(help: "The scenario file.")
    var file: String

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("The HTML file to write.", valueName: "file"))
    var output: String

    @Option(help: "Monte Carlo runs for the uncertainty section (0 leaves it out).")
    var runs = 500

    @Option(help: "Master seed for the Monte Carlo runs (0 to 2^64-1).")
    var seed: UInt64 = 1

    @Option(help: "Concurrent workers (default: the number of cores).")
    var jobs: Int?

    @OptionGroup var modelOptions: ModelOptions

    func validate() throws {
        guard runs >= 0 else { throw ValidationError("--runs must be 0 or more") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        guard !output.isEmpty else { throw ValidationError("-o needs a file name, for example -o report.html") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue {
            throw ValidationError("-o \(output) is a directory; give a file name, for example -o \(output)/report.html")
        }
    }

    func run() async throws {
        var loaded: (scenario: Scenario, report: ForecastReport)?
        let models = modelOptions.models
        try Console.run {
            let scenario = try ScenarioFile.read(file)
            loaded = (scenario, try ForecastReport(scenario: scenario, models: models))
        }
        guard let (scenario, report) = loaded else { return }
        var uncertainty: HTMLReport.Uncertainty?
        if runs > 0 {
            let plan = MonteCarloPlan(runs: runs, seed: seed, models: models.map(\.name), issues: scenario.issues.map(\.id))
            do {
                let results = try await MonteCarloRunner.run(
                    scenario: scenario, models: models, plan: plan, range: 0..<runs,
                    jobs: jobs ?? SensitivityCommand.defaultJobs(ProcessInfo.processInfo.environment))
                let driverModel = models.last { $0.name == "ensemble" } ?? models.first
                let drivers = try driverModel.map {
                    try Sensitivity.drivers(scenario: scenario, model: $0, plan: plan, replicates: results, top: 5, models: models)
                } ?? []
                uncertainty = HTMLReport.Uncertainty(summary: MonteCarloSummary(plan: plan, scenario: scenario, results: results), drivers: drivers)
            } catch let errors as ScenarioErrors {
                Console.report(errors)
                throw Console.exitCode(for: errors)
            } catch let error as ModelError {
                Console.err(Console.stderrStyle.red("error: ") + error.description.replacingOccurrences(of: "error: ", with: ""))
                throw ExitCode(70)
            }
        }
        let html = HTMLReport.render(scenario: scenario, report: report, uncertainty: uncertainty)
        try Console.run {
            do {
                try Data(html.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                throw OutputError(message: "cannot write \(output): \(error.localizedDescription); check that its folder exists and is writable")
            }
            Console.err("wrote \(output)")
        }
    }
}
