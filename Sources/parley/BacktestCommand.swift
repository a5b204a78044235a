import ArgumentParser
import Foundation
import ParleyAnalysis
import ParleyBargaining
import ParleyCore
import ParleyIO
import ParleyReports

struct BacktestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Score every model against history over many scenarios with observed outcomes.",
        discussion: """
            Errors are absolute, on a 0-100 version of each issue's scale; the anchor hit rate counts issues \
            whose forecast lands nearest the same anchor as history. CSV files are read as DEU III data \
            (semicolon-separated, p<code>/s<code> columns, 999 missing) when --capabilities gives the \
            actors' capabilities (a code;capability[;name] table).

            Example:
              parley backtest Examples/*.yaml
              parley backtest deu3.csv --capabilities council-weights.csv --json
              parley backtest Examples/*.yaml --runs 1000 --seed 7

            With --runs N, each scenario's uncertain inputs are drawn N times (the streams of `parley \
            sensitivity` with the same --seed) and every model is scored as a forecast distribution: the \
            CRPS (percent of scale; equal to the absolute error when nothing is uncertain) and the share of \
            observed outcomes inside the central 50% and 80% intervals.
            """)

    @Argument(help: "Scenario files (YAML/JSON, or DEU CSV with --capabilities).")
    var files: [String]

    @Option(help: ArgumentHelp("Capability table for DEU CSV files.", valueName: "file"))
    var capabilities: String?

    @OptionGroup var modelOptions: ModelOptions

    @Option(help: "Monte Carlo runs per scenario for the calibration scores (0: point forecasts only).")
    var runs = 0

    @Option(help: "Master seed for the calibration runs (0 to 2^64-1).")
    var seed: UInt64 = 1

    @Option(help: "Concurrent workers (default: the CPUs this process may use: cgroup cpu.max, affinity, SLURM_CPUS_PER_TASK).")
    var jobs: Int?

    @Flag(help: "Write one JSON document to stdout and nothing else.")
    var json = false

    func validate() throws {
        guard runs >= 0 else { throw ValidationError("--runs must be 0 or more") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() async throws {
        let workers = jobs ?? SensitivityCommand.defaultJobs(ProcessInfo.processInfo.environment)
        try await Console.run {
            var scenarios: [Scenario] = []
            for file in files {
                if let capabilities, file.lowercased().hasSuffix(".csv") {
                    scenarios += try DEUImporter.read(file, capabilities: capabilities)
                } else {
                    scenarios.append(try ScenarioFile.read(file))
                }
            }
            let options = modelOptions
            let backtest = try Backtest(scenarios: scenarios, modelsFor: options.models(for:))
            let calibration = runs > 0
                ? try await Calibration.run(scenarios: scenarios, modelsFor: options.models(for:), runs: runs, seed: seed, jobs: workers) : nil
            if json {
                Console.out(ResultJSON.backtest(backtest, scenarios: scenarios.count, calibration: calibration), terminator: "")
            } else {
                Console.out(BacktestTable.render(backtest, scenarios: scenarios.count, calibration: calibration, width: Console.width,
                                                 style: Console.stdoutStyle))
            }
        }
    }
}
