import ArgumentParser
import Foundation
import ParleyCore
import ParleyReports
import ParleyStore

struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List, show and export the runs recorded in the run store.",
        discussion: """
            Example:
              parley runs list
              parley runs show 12
              parley runs export 12 > run-12.json
            """,
        subcommands: [List.self, Show.self, Export.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The most recent runs, newest first.", discussion: "Example:\n  parley runs list --limit 20")

        @OptionGroup var storeOptions: StoreOptions

        @Option(help: "How many runs to list.")
        var limit = 30

        func run() throws {
            let store = try RunsCommand.open(storeOptions)
            var table = TextTable(columns: [
                .init("id", alignment: .right), .init("command"), .init("scenario", minimumWidth: 10), .init("status"),
                .init("replicates", alignment: .right), .init("started (UTC)"),
            ])
            for record in try RunsCommand.call({ try store.list(limit: limit) }) {
                table.append(["\(record.id)", record.command, record.scenarioName, record.status.rawValue,
                              record.replicateCount > 0 ? "\(record.replicateCount)" : "", record.startedAt])
            }
            Console.out(table.render(width: Console.width, style: Console.stdoutStyle))
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One run's record and parameters.", discussion: "Example:\n  parley runs show 12")

        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: "The run id.")
        var id: Int64

        func run() throws {
            let record = try RunsCommand.find(id, storeOptions)
            var lines = [
                "run \(record.id): parley \(record.command) (\(record.status.rawValue))",
                "scenario: \(record.scenarioName) (sha256 \(record.scenarioHash.prefix(16))...)",
                "parameters: \(record.parameters)",
                "parley version: \(record.version)",
                "started: \(record.startedAt)" + (record.finishedAt.map { ", finished: \($0)" } ?? ""),
            ]
            if let duration = record.durationSeconds { lines.append("duration: \(NumberText.fixed(duration, digits: 2)) s") }
            if record.replicateCount > 0 { lines.append("replicates checkpointed: \(record.replicateCount)") }
            lines.append(record.result == nil ? "result: none recorded" : "result: \(record.result?.count ?? 0) bytes of JSON (parley runs export \(record.id))")
            Console.out(lines.joined(separator: "\n"))
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A run's result, as the command's --json output.", discussion: "Example:\n  parley runs export 12 > run-12.json")

        @OptionGroup var storeOptions: StoreOptions

        @Argument(help: "The run id.")
        var id: Int64

        func run() throws {
            let record = try RunsCommand.find(id, storeOptions)
            guard let result = record.result else {
                throw ValidationError("run \(id) has no result (status: \(record.status.rawValue))")
            }
            Console.out(result, terminator: "")
        }
    }

    static func open(_ options: StoreOptions) throws -> RunStore {
        guard FileManager.default.fileExists(atPath: options.path) else {
            throw Console.handle(StoreError(.cannotOpen, message: "no run store at \(options.path); runs are recorded there by forecast, simulate, sensitivity and backtest", path: options.path))
        }
        return try call { try RunStore(path: options.path) }
    }

    static func find(_ id: Int64, _ options: StoreOptions) throws -> RunRecord {
        let store = try open(options)
        guard let record = try call({ try store.record(id) }) else {
            throw Console.handle(StoreError(.notFound, message: "no run \(id) in \(options.path); `parley runs list` shows the ids", path: options.path))
        }
        return record
    }

    /// Runs a store call; a ``StoreError`` is printed and becomes its exit code.
    static func call<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Console.handle(error)
        }
    }
}
