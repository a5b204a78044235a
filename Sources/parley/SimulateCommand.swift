import ArgumentParser
import ParleyBargaining
import ParleyIO
import ParleyReports

struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Run one model round by round and print its trajectory.",
        discussion: """
            Prints the forecast per round and the largest position change per round; --json adds every \
            stakeholder's position on every issue in every round, and why the model stopped.

            Example:
              parley simulate Examples/bonn-2001.yaml --model weighted-mean
              parley simulate Examples/ec-car-emissions.yaml --model weighted-median --json
            """)

    @Argument(help: "The scenario file.")
    var file: String

    @Option(help: ArgumentHelp("The model to run: \(ModelCatalog.names.joined(separator: ", ")).", valueName: "name"))
    var model: String

    @Flag(help: "Write one JSON document to stdout and nothing else.")
    var json = false

    func validate() throws {
        if ModelCatalog.model(named: model) == nil {
            throw ValidationError("unknown model '\(model)'; available: \(ModelCatalog.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        try Console.run {
            guard let chosen = ModelCatalog.model(named: model) else { return }
            let scenario = try ScenarioInput.read(file)
            let result = try chosen.run(scenario)
            if json {
                Console.out(ResultJSON.simulation(result, scenario: scenario), terminator: "")
            } else {
                Console.out(TrajectoryTable.render(result, scenario: scenario, width: Console.width, style: Console.stdoutStyle))
            }
        }
    }
}
