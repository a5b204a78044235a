public import ParleyBargaining
public import ParleyCore

/// One Monte Carlo replicate's results: each model's forecast on each issue.
public struct ReplicateResult: Sendable, Hashable {
    /// The replicate's index; its inputs come from `RandomStream(seed:index:purpose: "monte-carlo")`.
    public var index: Int
    /// `values[model][issue]`, in the plan's model and issue order; `nil` where a model has no forecast.
    public var values: [[Double?]]
    /// Whether each model converged (closed-form models always do).
    public var converged: [Bool]

    public init(index: Int, values: [[Double?]], converged: [Bool]) {
        self.index = index
        self.values = values
        self.converged = converged
    }
}

/// What a Monte Carlo run does: which models, how many replicates, which seed.
public struct MonteCarloPlan: Sendable, Hashable {
    public let runs: Int
    public let seed: UInt64
    /// Model names, in output order.
    public let models: [String]
    /// Issue ids of the scenario, in output order.
    public let issues: [String]
    /// Whether each replicate also draws every stance with codings from one of its coders
    /// (`--from-codings`), so that disagreement between coders flows into the answers.
    public let fromCodings: Bool

    public init(runs: Int, seed: UInt64, models: [String], issues: [String], fromCodings: Bool = false) {
        self.runs = runs
        self.seed = seed
        self.models = models
        self.issues = issues
        self.fromCodings = fromCodings
    }

    /// The sampler of this plan's replicates for `scenario`.
    public func sampler(for scenario: Scenario) -> InputSampler {
        InputSampler(scenario: scenario, drawsFromCodings: fromCodings)
    }

    /// The replicates of shard `index` (0-based) of `count`: a contiguous block, so that the
    /// shards in order are the whole run in order.
    public func replicates(shard index: Int, of count: Int) -> Range<Int> {
        guard count > 0, runs >= 0, (0..<count).contains(index) else { return 0..<0 }
        // runs × index / count without overflow: the full-width product, then the quotient
        // (at most runs, since index < count).
        func share(_ k: Int) -> Int {
            let (product, overflow) = runs.multipliedReportingOverflow(by: k)
            if !overflow { return product / count }
            return count.dividingFullWidth(runs.multipliedFullWidth(by: k)).quotient
        }
        return share(index)..<share(index + 1)
    }
}

/// Runs Monte Carlo replicates on every core, reproducibly.
///
/// Replicate `i` draws its inputs with ``InputSampler`` from `RandomStream(seed: plan.seed,
/// index: i, purpose: "monte-carlo")`, so its result depends only on the seed and `i`, never on
/// which thread ran it or which shard it fell in. Work is split into chunks handed to at most
/// `jobs` concurrent tasks; results are put back in index order.
public enum MonteCarloRunner {
    /// Runs the replicates in `range` (a whole run, or one shard's block).
    /// - Parameters:
    ///   - scenario: the scenario whose uncertain inputs each replicate draws.
    ///   - models: the models to run on each replicate, in the plan's model order.
    ///   - plan: the run's models, issues, replicate count and seed.
    ///   - range: the replicate indices to run.
    ///   - jobs: concurrent tasks, at least 1.
    ///   - progress: called with the number of replicates finished so far (from any thread).
    /// - Throws: `ModelError` if a model cannot run; `CancellationError` when cancelled.
    public static func run(
        scenario: Scenario, models: [any BargainingModel], plan: MonteCarloPlan, range: Range<Int>, jobs: Int,
        progress: (@Sendable (Int) -> Void)? = nil
    ) async throws -> [ReplicateResult] {
        try await run(scenario: scenario, models: models, plan: plan, indices: Array(range), jobs: jobs, progress: progress)
    }

    /// Runs the replicates with the given indices (for example those a resumed sweep still
    /// lacks), returning them in the order of `indices`.
    /// - Parameters:
    ///   - scenario: the scenario whose uncertain inputs each replicate draws.
    ///   - models: the models to run on each replicate, in the plan's model order.
    ///   - plan: the run's models, issues, replicate count and seed.
    ///   - indices: the replicate indices to run.
    ///   - jobs: concurrent tasks, at least 1.
    ///   - progress: called with the number of replicates finished so far (from any thread).
    ///   - onChunk: called with each finished block of results, one call at a time
    ///     (for checkpointing); the whole run stops if it throws.
    public static func run(
        scenario: Scenario, models: [any BargainingModel], plan: MonteCarloPlan, indices: [Int], jobs: Int,
        progress: (@Sendable (Int) -> Void)? = nil, onChunk: (([ReplicateResult]) throws -> Void)? = nil
    ) async throws -> [ReplicateResult] {
        let sampler = plan.sampler(for: scenario)
        let chunk = max(1, min(256, indices.count / max(1, jobs * 8)))
        let chunks = stride(from: 0, to: indices.count, by: chunk).map { indices[$0..<min($0 + chunk, indices.count)] }
        var position: [Int: Int] = [:]
        for (offset, index) in indices.enumerated() { position[index] = offset }
        var results = [ReplicateResult?](repeating: nil, count: indices.count)
        var finished = 0
        try await withThrowingTaskGroup(of: [ReplicateResult].self) { group in
            var next = 0
            func submit() {
                guard next < chunks.count else { return }
                let block = chunks[next]
                next += 1
                group.addTask {
                    try Task.checkCancellation()
                    return try block.map { try replicate($0, scenario: scenario, sampler: sampler, models: models, plan: plan) }
                }
            }
            for _ in 0..<max(1, jobs) { submit() }
            while let block = try await group.next() {
                for result in block {
                    if let offset = position[result.index] { results[offset] = result }
                }
                try onChunk?(block)
                finished += block.count
                progress?(finished)
                submit()
            }
        }
        return results.compactMap { $0 }
    }

    /// One replicate, computed on the calling thread.
    public static func replicate(
        _ index: Int, scenario: Scenario, sampler: InputSampler, models: [any BargainingModel], plan: MonteCarloPlan
    ) throws -> ReplicateResult {
        var stream = RandomStream(seed: plan.seed, index: UInt64(index), purpose: "monte-carlo")
        let drawn = try sampler.draw(using: &stream)
        let runs = try ModelRunner.runAll(models, on: drawn)
        return ReplicateResult(
            index: index,
            values: runs.map { run in plan.issues.map { run.value(for: $0) } },
            converged: runs.map(\.stopReason.isConverged))
    }
}
