import ArgumentParser
import ParleyCore
import ParleyIO
import ParleyReports

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files; print every problem with its file, line, column and key path.",
        discussion: """
            Reads YAML or JSON (format: parley/1), KTAB CSV/XML or decide TSV, by extension.
            Exit 0 when every file is valid, 65 when one holds bad data, 66 when one is missing.

            Example:
              parley validate Examples/*.yaml
            """)

    @Argument(help: "Scenario files to check.")
    var files: [String]

    @Flag(help: "Print the errors as JSON on stdout.")
    var json = false

    func run() throws {
        var failures: [ScenarioErrors] = []
        for file in files {
            do {
                let scenario = try ScenarioFile.read(file)
                if !json { Console.out(Console.stdoutStyle.green("ok") + ": \(file): " + Self.summary(scenario)) }
            } catch {
                failures.append(error)
                if !json { Console.report(error) }
            }
        }
        if json {
            Console.out(ResultJSON.errors(failures.flatMap(\.errors)))
        }
        guard failures.isEmpty else {
            throw failures.map(Console.exitCode(for:)).contains(ExitCode(66)) ? ExitCode(66) : ExitCode(65)
        }
    }

    /// "10 stakeholders, 3 issues, 27 sources; evidence for 30 of 30 stances and 10 of 10 capabilities".
    static func summary(_ scenario: Scenario) -> String {
        let stances = scenario.stakeholders.flatMap(\.stances)
        let backed = stances.filter { !$0.evidence.isEmpty }.count
        let capabilities = scenario.stakeholders.filter { !$0.evidence.isEmpty }.count
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        return "\(count(scenario.stakeholders.count, "stakeholder")), \(count(scenario.issues.count, "issue")), \(count(scenario.sources.count, "source")); "
            + "evidence for \(backed) of \(stances.count) stances and \(capabilities) of \(scenario.stakeholders.count) capabilities"
    }
}
