import ArgumentParser
import Foundation
import ParleyAnalysis
import ParleyBargaining
import ParleyCore
import ParleyGames
import ParleyReports
import ParleyStore

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
    /// unreadable, 65 for bad data.
    static func exitCode(for errors: ScenarioErrors) -> ExitCode {
        ExitCode(ExitStatus.of(errors).rawValue)
    }

    /// Runs `body`, mapping Parley's errors to printed messages and exit codes (``ExitStatus``).
    static func run(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch {
            throw handle(error)
        }
    }

    /// The async form of ``run(_:)``.
    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch {
            throw handle(error)
        }
    }

    /// Prints a Parley error and returns the exit code to throw; other errors (ArgumentParser's
    /// own, `ExitCode`) pass through unchanged.
    static func handle(_ error: any Error) -> any Error {
        guard let status = ExitStatus.of(error) else { return error }
        switch error {
        case let errors as ScenarioErrors: report(errors)
        case let error as ModelError: err(stderrStyle.red("error: ") + error.description.replacingOccurrences(of: "error: ", with: ""))
        case let error as AnalysisError: err(stderrStyle.red("error: ") + error.description.replacingOccurrences(of: "error: ", with: ""))
        case let error as StoreError: err(stderrStyle.red("error: ") + error.message)
        case let error as OutputError: err(stderrStyle.red("error: ") + error.message)
        case let error as GameError: err(stderrStyle.red("error: ") + error.message + (error.hint.map { "\n  hint: \($0)" } ?? ""))
        case let error as RepeatedGameError: err(stderrStyle.red("error: ") + error.message + (error.hint.map { "\n  hint: \($0)" } ?? ""))
        default: break
        }
        return ExitCode(status.rawValue)
    }
}

/// Parley's exit codes (sysexits), and the one map from each library's errors to them.
enum ExitStatus: Int32 {
    case ok = 0
    case usage = 64
    case dataError = 65
    case noInput = 66
    case internalError = 70
    case cannotCreate = 73
    /// A run stopped by its time limit: its partial result was printed (sysexits' EX_TEMPFAIL).
    case incomplete = 75
    case interrupted = 130

    /// The status for `error`, or `nil` when it is not one of Parley's errors.
    static func of(_ error: any Error) -> ExitStatus? {
        switch error {
        case let errors as ScenarioErrors: of(errors)
        case let error as ModelError:
            switch error.code {
            case .missingInput, .invalidParameters: .dataError
            case .cancelled: .interrupted
            default: .internalError
            }
        case let error as AnalysisError: error.code == .unsolvable ? .dataError : .usage
        case let error as StoreError: error.code == .notFound ? .dataError : .noInput
        case is GameError, is RepeatedGameError: .dataError
        case is OutputError: .cannotCreate
        case is CancellationError: .interrupted
        default: nil
        }
    }

    /// 66 when an input file is missing or unreadable, 65 for bad data.
    static func of(_ errors: ScenarioErrors) -> ExitStatus {
        let codes = Set(errors.errors.map(\.code))
        return codes.contains(.fileNotFound) || codes.contains(.io) ? .noInput : .dataError
    }
}

/// An output file that could not be written.
struct OutputError: Error {
    var message: String
}
