import ArgumentParser
import Foundation
import ParleyAnalysis
import ParleyBargaining
import ParleyIO
import ParleyReports
import ParleyStore
import ParleyCore

struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast each issue's outcome with each model, scored against history where known.",
        discussion: """
            Models: \(ModelCatalog.all.map { "\($0.name) (\($0.summary))" }.joined(separator: "; ")).

            Example:
              parley forecast Examples/bonn-2001.yaml
              parley forecast Examples/bonn-2001.yaml --model weighted-median --json
              parley forecast Examples/bonn-2001.yaml --winners
            """)

    @Argument(help: "The scenario file.")
    var file: String

    @OptionGroup var modelOptions: ModelOptions

    @Flag(help: "Also show who won: each stakeholder's salience-weighted distance from its opening position to each outcome.")
    var winners = false

    @Flag(help: "Write one JSON document to stdout and nothing else.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Threads for the counterfactual runs of --winners (default: SLURM_CPUS_PER_TASK, else the CPUs this process may use).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        try Console.run {
            let scenario = try ScenarioInput.read(file)
            let models = modelOptions.models(for: scenario)
            let workers = jobs ?? SensitivityCommand.defaultJobs(ProcessInfo.processInfo.environment)
            let forecast = try ScenarioForecast(scenario: scenario, models: models, winners: winners, jobs: workers)
            if !json, let skipped = ModelChoice.skipped(named: modelOptions.names, scenario: scenario) {
                Console.err(Console.stderrStyle.yellow("note: ") + skipped)
            }
            let recorded = RecordedRun(store: storeOptions.open(), parameters: forecast.parameters, scenario: scenario)
            defer { recorded.finish(.complete, result: ResultJSON.forecast(forecast.report, models: models)) }
            if json {
                Console.out(ResultJSON.forecast(forecast.report, models: models, winners: forecast.standings), terminator: "")
            } else {
                Console.out(ForecastTable.render(forecast.report, scenario: scenario, width: Console.width, style: Console.stdoutStyle))
                if let standings = forecast.standings {
                    Console.out("\n" + WinnersTable.render(standings, scenario: scenario, width: Console.width, style: Console.stdoutStyle))
                }
            }
        }
    }
}

extension Console {
    static func out(_ text: String, terminator: String) {
        out(terminator.isEmpty && text.hasSuffix("\n") ? String(text.dropLast()) : text)
    }
}
