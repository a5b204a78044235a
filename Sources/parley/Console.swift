import ArgumentParser
import Foundation
import ParleyBargaining
import ParleyCore
import ParleyReports

/// Where the commands write, and how the CLI turns errors into exit codes (one place).
enum Console {
    static var stdoutStyle: TerminalStyle {
        TerminalStyle(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
    }

    static var stderrStyle: TerminalStyle {
        TerminalStyle(isTerminal: isatty(STDERR_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
    }

    /// The terminal's width when stdout is a terminal and `COLUMNS` says so, else 80.
    static var width: Int {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns >= 40 { return min(columns, 160) }
        return 80
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Prints `errors` to stderr, compiler style, with "error:" in red on a terminal.
    static func report(_ errors: ScenarioErrors) {
        let style = stderrStyle
        for error in errors.errors {
            let text = error.description.replacingOccurrences(of: "error: ", with: style.red("error: "), options: [], range: nil)
                .replacingOccurrences(of: "warning: ", with: style.yellow("warning: "), options: [], range: nil)
            err(text)
        }
    }

    /// The exit code for a set of scenario errors: 66 when an input file is missing or
    /// unreadable, 73 when an output cannot be written, 65 for bad data.
    static func exitCode(for errors: ScenarioErrors) -> ExitCode {
        let codes = Set(errors.errors.map(\.code))
        if codes.contains(.fileNotFound) { return ExitCode(66) }
        if codes.contains(.io) { return ExitCode(66) }
        return ExitCode(65)
    }

    /// Runs `body`, mapping Parley's errors to printed messages and exit codes.
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let errors as ScenarioErrors {
            report(errors)
            throw exitCode(for: errors)
        } catch let error as ModelError {
            err(stderrStyle.red("error: ") + error.description.replacingOccurrences(of: "error: ", with: ""))
            throw ExitCode(error.kind == .invalidInput ? 65 : 70)
        } catch let error as OutputError {
            err(stderrStyle.red("error: ") + error.message)
            throw ExitCode(73)
        }
    }
}

/// An output file that could not be written.
struct OutputError: Error {
    var message: String
}
