import ArgumentParser

@main
struct Parley: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley",
        abstract: "Model, simulate and forecast negotiations between governments, factions and organisations.",
        discussion: """
            Scenarios are YAML or JSON files (format: parley/1); KTAB CSV/XML and decide TSV are imported.

            Exit codes: 0 ok; 64 usage; 65 bad input data; 66 missing or unreadable file; 70 internal error; 73 output not writable.

            Example:
              parley demo
              parley forecast Examples/bonn-2001.yaml
            """,
        version: ParleyVersion.current,
        subcommands: [DemoCommand.self, ValidateCommand.self, ForecastCommand.self, SimulateCommand.self, SensitivityCommand.self, MergeCommand.self, BacktestCommand.self, ReliabilityCommand.self, RunsCommand.self, ConvertCommand.self, TournamentCommand.self, EvolveCommand.self, GameCommand.self, ReportCommand.self, ServeCommand.self]
    )
}

enum ParleyVersion {
    static let current = "0.1.0"
}
