import ArgumentParser
import ParleyCore
import ParleyIO
import ParleyReports

struct ReliabilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reliability",
        abstract: "Intercoder reliability of the stances' codings: Krippendorff's alpha for positions and saliences.",
        discussion: """
            Reads the codings: lists of the scenario's stances (independent coders' positions and \
            saliences) and reports Krippendorff's alpha (interval metric) overall and per issue, and \
            each stance's spread between coders.

            Example:
              parley reliability Examples/bonn-2001.yaml --json
            """)

    @Argument(help: "The scenario file.")
    var file: String

    @Flag(help: "Write one JSON document to stdout and nothing else.")
    var json = false

    func run() throws {
        try Console.run {
            let scenario = try ScenarioInput.read(file)
            let reliability = CodingReliability(scenario: scenario)
            if json {
                Console.out(ResultJSON.reliability(scenario: scenario, reliability: reliability), terminator: "")
            } else {
                let text = ReliabilityTable.render(scenario: scenario, reliability: reliability, width: Console.width, style: Console.stdoutStyle)
                Console.out(String(text.dropLast()))
            }
        }
    }
}
