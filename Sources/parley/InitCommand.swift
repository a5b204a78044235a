import ArgumentParser
import Foundation
import ParleyIO

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented scenario template to start a new case.",
        discussion: """
            Writes every field of format parley/1 with a placeholder and a comment, to FILE (never \
            overwriting one) or to stdout. Edit it, then check it with parley validate.

            With --from TABLE.csv the stakeholders, issues, positions, saliences and capabilities \
            come from a table with one row per stakeholder and issue and the columns stakeholder, \
            issue, position, salience and capability (optional: min and max, the issue's scale), \
            separated by commas, semicolons or tabs. Sources and evidence stay placeholders.

            Examples:
              parley init my-case.yaml
              parley init my-case.yaml --from positions.csv
            """)

    @Argument(help: "Where to write the template (default: stdout).")
    var file: String?

    @Option(help: ArgumentHelp("Fill stakeholders and issues from a table: stakeholder,issue,position,salience,capability[,min,max].",
                               valueName: "table.csv"))
    var from: String?

    func run() throws {
        var text = ScenarioTemplate.yaml
        if let from {
            try Console.run {
                text = try ScenarioTable.yaml(fromCSV: try ScenarioFile.readText(from), file: from)
                // What we write must read back as a scenario.
                _ = try ScenarioCodec.decode(text, format: .yaml, file: file ?? "template")
            }
        }
        guard let file else {
            Console.out(String(text.dropLast()))
            return
        }
        guard !FileManager.default.fileExists(atPath: file) else {
            Console.err("error: \(file) already exists; choose another name or remove it first")
            throw ExitCode(73)
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: file), options: .withoutOverwriting)
        } catch {
            Console.err("error: cannot write \(file): \(error.localizedDescription)")
            throw ExitCode(73)
        }
        Console.err("wrote \(file); check it with: parley validate \(file)")
    }
}
