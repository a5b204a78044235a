public import ArgumentParser
import ParleyIO
import ParleyReports

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a scenario between Parley YAML/JSON, KTAB CSV/XML and decide TSV.",
        discussion: """
            Formats follow the extensions (.yaml .yml .json .csv .xml .tsv) unless --from/--to say otherwise:
            \(ScenarioFormat.allCases.map(\.rawValue).joined(separator: ", ")). \
            The input is validated first; nothing is written when it is bad. The output is written \
            atomically. What a format cannot carry (evidence, anchors, ...) is listed as notes on stderr.

            Example:
              parley convert ../shared/reference/ktab/dummyData_3Dim.csv dummyData_3Dim.yaml
              parley convert Examples/bonn-2001.yaml bonn.xml
            """)

    @Argument(help: "The input file.")
    var input: String

    @Argument(help: "The output file.")
    var output: String

    @Option(help: ArgumentHelp("Input format, when the extension does not say.", valueName: "format"))
    var from: ScenarioFormat?

    @Option(help: ArgumentHelp("Output format, when the extension does not say.", valueName: "format"))
    var to: ScenarioFormat?

    func validate() throws {
        if to == nil, ScenarioFormat(path: output) == nil {
            throw ValidationError("cannot tell the output format from '\(output)'; use an extension (.yaml .json .csv .xml .tsv) or --to")
        }
    }

    func run() throws {
        try Console.run {
            let scenario = try ScenarioInput.read(input, format: from)
            let notes = try ScenarioFile.write(scenario, to: output, format: to)
            for note in notes {
                Console.err(Console.stderrStyle.yellow("note: ") + note)
            }
            Console.err("wrote \(output)")
        }
    }
}

extension ScenarioFormat: ExpressibleByArgument {}
