import ArgumentParser
import Foundation
import ParleyAnalysis
import ParleyCore
import ParleyIO
import ParleyReports
import ParleyStore

/// `--store PATH` / `--no-store`: where runs are recorded.
struct StoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The run store (default: $PARLEY_STORE, else ~/.parley/runs.sqlite).", valueName: "path"))
    var store: String?

    @Flag(help: "Do not record this run in the store.")
    var noStore = false

    var path: String { store ?? RunStore.defaultPath(environment: ProcessInfo.processInfo.environment) }

    /// The store, or nil (with a warning) when it is disabled or cannot be opened: a missing
    /// store never stops a computation.
    func open() -> RunStore? {
        guard !noStore else { return nil }
        do {
            return try RunStore(path: path)
        } catch {
            Console.err(Console.stderrStyle.yellow("warning: ") + "\(error); the run is not recorded (use --store PATH or --no-store)")
            return nil
        }
    }
}

/// Records one command's run: begin before, finish after.
struct RecordedRun {
    let store: RunStore?
    let id: Int64?
    let started = Date()

    init(store: RunStore?, command: String, scenarioName: String, scenarioHash: String, parameters: String, seed: UInt64?) {
        self.store = store
        id = try? store?.begin(command: command, scenarioName: scenarioName, scenarioHash: scenarioHash, parameters: parameters,
                               seed: seed, version: ParleyVersion.current)
    }

    /// Begins recording a run of `parameters` on `scenario`.
    init(store: RunStore?, parameters: RunParameters, scenario: Scenario) {
        self.init(store: store, command: parameters.command, scenarioName: scenario.name, scenarioHash: ShardFile.hash(scenario),
                  parameters: parameters.key, seed: parameters.seed)
    }

    init(store: RunStore?, resuming id: Int64) {
        self.store = store
        self.id = id
    }

    func finish(_ status: RunRecord.Status, result: String?) {
        guard let store, let id else { return }
        try? store.finish(id, status: status, result: result, duration: Date().timeIntervalSince(started))
    }
}
