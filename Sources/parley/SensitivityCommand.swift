import ArgumentParser
import Foundation
import ParleyAnalysis
import ParleyBargaining
import ParleyCore
import ParleyIO
import ParleyReports
import ParleySimulation
import ParleyStore

struct SensitivityCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sensitivity",
        abstract: "Monte Carlo over the scenario's uncertainty: forecast spreads and the inputs that drive them.",
        discussion: """
            Each run draws every uncertain number from its spread (the scenario's uncertainty: section and \
            per-field overrides) with its own random stream, so results are identical for any --jobs and any \
            sharding. With --shard I/N (0-based; or SLURM_ARRAY_TASK_ID or \
            JOB_COMPLETION_INDEX as I with PARLEY_SHARD_COUNT as N) only that slice runs and is written to --out; \
            `parley merge` combines the shards exactly.

            Example:
              parley sensitivity Examples/bonn-2001.yaml --runs 2000 --seed 7
              parley sensitivity Examples/bonn-2001.yaml --runs 100000 --seed 7 --shard 3/16 --out sweep/
            """)

    @Argument(help: "The scenario file.")
    var file: String

    @Option(help: "Number of Monte Carlo runs.")
    var runs = 1000

    @Option(help: "Master seed (0 to 2^64-1).")
    var seed: UInt64 = 1

    @Option(help: "Concurrent workers (default: the CPUs this process may use: cgroup cpu.max, affinity, SLURM_CPUS_PER_TASK).")
    var jobs: Int?

    @Option(help: ArgumentHelp("Run only shard I of N (0-based), e.g. 3/16.", valueName: "I/N"))
    var shard: String?

    @Option(help: ArgumentHelp("Directory for shard files (required with --shard).", valueName: "dir"))
    var out: String?

    @OptionGroup var modelOptions: ModelOptions

    @Flag(help: "Also draw each stance that has codings from one of its coders, so that coders' disagreement flows into the answers.")
    var fromCodings = false

    @Option(help: "Drivers to list per issue.")
    var top = 5

    @Flag(help: "Write one JSON document to stdout and nothing else.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    @Flag(help: "Continue the latest unfinished sweep with the same scenario, seed, runs, models and shard from the store.")
    var resume = false

    func validate() throws {
        if resume, storeOptions.noStore { throw ValidationError("--resume needs the store; drop --no-store") }
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        guard top >= 0 else { throw ValidationError("--top must be 0 or more") }
        if let shard { _ = try Self.parseShard(shard) }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let slice = try shard.map(Self.parseShard) ?? Self.shardFromEnvironment(environment)
        if slice != nil, out == nil {
            throw ValidationError("--out DIR is required when running one shard")
        }
        let workers = jobs ?? Self.defaultJobs(environment)
        try await Console.run {
            let scenario = try ScenarioInput.read(file)
            let models = modelOptions.models(for: scenario)
            let plan = SensitivityAnalysis.plan(scenario: scenario, runs: runs, seed: seed, models: models, fromCodings: fromCodings)
            let (index, count) = slice ?? (0, 1)
            let range = plan.replicates(shard: index, of: count)
            let parameters = RunParameters.sensitivity(SensitivityParameters(runs: runs, seed: seed, models: plan.models, shardIndex: index, shardCount: count,
                                                                                   fromCodings: fromCodings))
            let store = storeOptions.open()
            let hash = ShardFile.hash(scenario)
            var recorded: RecordedRun
            var done: [ReplicateResult] = []
            if resume {
                guard let store, let previous = try Self.storeCall({ try store.resumable(command: parameters.command, scenarioHash: hash, parameters: parameters.key) }) else {
                    throw ValidationError("nothing to resume: no unfinished sweep of this scenario with these runs, seed, models and shard in \(storeOptions.path)")
                }
                recorded = RecordedRun(store: store, resuming: previous)
                done = try Self.storeCall { try store.replicates(run: previous) }.filter { range.contains($0.index) }
                Console.err("resuming run \(previous): \(done.count) of \(range.count) replicates already done")
            } else {
                recorded = RecordedRun(store: store, parameters: parameters, scenario: scenario)
            }
            let finishedIndices = Set(done.map(\.index))
            let todo = range.filter { !finishedIndices.contains($0) }
            let progress = ProgressReporter(total: todo.count, enabled: !json && isatty(STDERR_FILENO) == 1)
            let runID = recorded.id
            let task = Task {
                try await MonteCarloRunner.run(
                    scenario: scenario, models: models, plan: plan, indices: todo, jobs: workers,
                    progress: { progress.update($0) },
                    onChunk: { block in if let store, let runID { try store.save(block, run: runID) } })
            }
            // Ctrl-C: stop after the blocks in flight; what finished is already in the store.
            signal(SIGINT, SIG_IGN)
            let interrupt = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
            interrupt.setEventHandler { task.cancel() }
            interrupt.resume()
            let fresh: [ReplicateResult]
            do {
                fresh = try await task.value
            } catch is CancellationError {
                progress.finish()
                recorded.finish(.interrupted, result: nil)
                Console.err("interrupted: finished replicates are kept in \(storeOptions.path); rerun with --resume to continue")
                throw ExitCode(ExitStatus.interrupted.rawValue)
            }
            interrupt.cancel()
            progress.finish()
            let results = (done + fresh).sorted { $0.index < $1.index }
            if let out {
                let manifest = ShardFile.Manifest(version: ParleyVersion.current, scenarioHash: ShardFile.hash(scenario), plan: plan,
                                                  shardIndex: index, shardCount: count)
                let path = try ShardFile(manifest: manifest, scenario: scenario, results: results).write(to: out)
                Console.err("wrote \(path) (replicates \(range.lowerBound)..<\(range.upperBound) of \(runs))")
                if slice != nil {
                    recorded.finish(.complete, result: nil)
                    return
                }
            }
            let output = try Self.summary(scenario: scenario, plan: plan, results: results, models: models, top: top, json: true)
            recorded.finish(.complete, result: output)
            Console.out(json ? output : try Self.summary(scenario: scenario, plan: plan, results: results, models: models, top: top, json: false),
                        terminator: "")
        }
    }

    /// Prints the summaries and drivers of a whole run (shared with `parley merge`).
    static func printSummary(
        scenario: Scenario, plan: MonteCarloPlan, results: [ReplicateResult], models: [any BargainingModel], top: Int, json: Bool
    ) throws {
        Console.out(try summary(scenario: scenario, plan: plan, results: results, models: models, top: top, json: json), terminator: "")
    }

    /// The summaries and drivers of a whole run as JSON or as a table.
    static func summary(
        scenario: Scenario, plan: MonteCarloPlan, results: [ReplicateResult], models: [any BargainingModel], top: Int, json: Bool
    ) throws -> String {
        let analysis = try SensitivityAnalysis(scenario: scenario, plan: plan, results: results, models: models, top: top)
        if json {
            return ResultJSON.sensitivity(analysis, scenario: scenario)
        }
        return SensitivityTable.render(scenario: scenario, summary: analysis.summary, drivers: analysis.drivers, odds: analysis.odds,
                                       width: Console.width, style: Console.stdoutStyle)
    }

    /// Runs a store call, turning its error into a validation message.
    static func storeCall<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as StoreError {
            throw ValidationError(error.message)
        }
    }

    /// "3/16" → (3, 16), 0-based.
    static func parseShard(_ text: String) throws -> (Int, Int) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (0..<count).contains(index) else {
            throw ValidationError("--shard expects I/N with 0 <= I < N, for example 0/4; found '\(text)'")
        }
        return (index, count)
    }

    /// The shard a scheduler assigned: the index from a Slurm job array (`SLURM_ARRAY_TASK_ID`, the
    /// array index itself, so `--array=3` reruns shard 3 and `--array=0-15:2` runs the even shards) or
    /// a Kubernetes Indexed Job (`JOB_COMPLETION_INDEX`), the count always from `PARLEY_SHARD_COUNT`:
    /// an array's size says nothing about the sweep's when it reruns one task or has gaps.
    static func shardFromEnvironment(_ environment: [String: String]) throws -> (Int, Int)? {
        let source: String
        let indexText: String
        if let id = environment["SLURM_ARRAY_TASK_ID"] {
            (source, indexText) = ("SLURM_ARRAY_TASK_ID", id)
        } else if let index = environment["JOB_COMPLETION_INDEX"] {
            (source, indexText) = ("JOB_COMPLETION_INDEX", index)
        } else {
            return nil
        }
        guard let index = Int(indexText.trimmingCharacters(in: .whitespaces)) else {
            throw ValidationError("\(source) is '\(indexText)', not a shard index: run one array task per shard (0, 1, ...) or pass --shard I/N")
        }
        guard let countText = environment["PARLEY_SHARD_COUNT"] else {
            throw ValidationError("\(source) is set but PARLEY_SHARD_COUNT is not: set it to the sweep's number of shards "
                                  + "(the array's full size, e.g. 16 for --array=0-15, also when rerunning one index), or pass --shard I/N")
        }
        guard let count = Int(countText.trimmingCharacters(in: .whitespaces)), count >= 1, (0..<count).contains(index) else {
            throw ValidationError("\(source)=\(indexText) with PARLEY_SHARD_COUNT=\(countText) is not a shard: "
                                  + "the count must be a positive number and the index 0 to count-1 (use --array=0-N-1 with PARLEY_SHARD_COUNT=N)")
        }
        return (index, count)
    }

    /// The CPUs this process may use: affinity, cgroup `cpu.max` quota and SLURM_CPUS_PER_TASK
    /// (``ProcessorBudget``), at least 1.
    static func defaultJobs(_ environment: [String: String]) -> Int {
        ProcessorBudget.budget(environment: environment, root: "/", cores: ProcessInfo.processInfo.activeProcessorCount)
    }
}

/// A one-line progress bar with rate and ETA on stderr, only on a terminal.
final class ProgressReporter: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    private let start = Date()
    private let lock = NSLock()
    private var lastDraw = Date.distantPast

    init(total: Int, enabled: Bool) {
        self.total = total
        self.enabled = enabled
    }

    func update(_ done: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        let filled = total > 0 ? done * 30 / total : 30
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)  \(Int(rate))/s  ETA \(Int(remaining.rounded()))s ".utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
