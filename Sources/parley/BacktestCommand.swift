import ArgumentParser
import ParleyAnalysis
import ParleyBargaining
import ParleyCore
import ParleyIO
import ParleyReports

struct BacktestCommand: ParsableCommand {
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
            """)

    @Argument(help: "Scenario files (YAML/JSON, or DEU CSV with --capabilities).")
    var files: [String]

    @Option(help: ArgumentHelp("Capability table for DEU CSV files.", valueName: "file"))
    var capabilities: String?

    @OptionGroup var modelOptions: ModelOptions

    @Flag(help: "Write one JSON document to stdout and nothing else.")
    var json = false

    func run() throws {
        try Console.run {
            var scenarios: [Scenario] = []
            for file in files {
                if let capabilities, file.lowercased().hasSuffix(".csv") {
                    scenarios += try DEUImporter.read(file, capabilities: capabilities)
                } else {
                    scenarios.append(try ScenarioFile.read(file))
                }
            }
            let models = modelOptions.models
            let backtest = try Backtest(scenarios: scenarios, models: models)
            if json {
                Console.out(ResultJSON.backtest(backtest, scenarios: scenarios.count), terminator: "")
            } else {
                Console.out(BacktestTable.render(backtest, scenarios: scenarios.count, width: Console.width, style: Console.stdoutStyle))
            }
        }
    }
}
