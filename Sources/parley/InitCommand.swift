import ArgumentParser
import Foundation
import ParleyIO

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented scenario template to start a new case.",
        discussion: """
            Writes every field of format parley/1 with a placeholder and a comment, to FILE (never \\
            overwriting one) or to stdout. Edit it, then check it with parley validate.

            Example:
              parley init my-case.yaml
            """)

    @Argument(help: "Where to write the template (default: stdout).")
    var file: String?

    func run() throws {
        guard let file else {
            Console.out(String(ScenarioTemplate.yaml.dropLast()))
            return
        }
        guard !FileManager.default.fileExists(atPath: file) else {
            Console.err("error: \(file) already exists; choose another name or remove it first")
            throw ExitCode(73)
        }
        do {
            try Data(ScenarioTemplate.yaml.utf8).write(to: URL(fileURLWithPath: file), options: .withoutOverwriting)
        } catch {
            Console.err("error: cannot write \(file): \(error.localizedDescription)")
            throw ExitCode(73)
        }
        Console.err("wrote \(file); check it with: parley validate \(file)")
    }
}
