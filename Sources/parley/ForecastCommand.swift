import ArgumentParser
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

    func run() throws {
        try Console.run {
            let scenario = try ScenarioFile.read(file)
            let models = modelOptions.models
            let report = try ForecastReport(scenario: scenario, models: models)
            let recorded = RecordedRun(store: storeOptions.open(), command: "forecast", scenarioName: scenario.name,
                                       scenarioHash: ShardFile.hash(scenario),
                                       parameters: "{\"models\": [\(models.map { "\"\($0.name)\"" }.joined(separator: ", "))]}", seed: nil)
            defer { recorded.finish(.complete, result: ResultJSON.forecast(report, models: models)) }
            let standings = winners ? [WinnersAndLosers.history(scenario)].compactMap { $0 } + report.winners(scenario: scenario) : nil
            if json {
                Console.out(ResultJSON.forecast(report, models: models, winners: standings), terminator: "")
            } else {
                Console.out(ForecastTable.render(report, scenario: scenario, width: Console.width, style: Console.stdoutStyle))
                if let standings {
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
