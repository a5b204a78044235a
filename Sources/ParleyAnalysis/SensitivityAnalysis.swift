public import ParleyBargaining
public import ParleyCore
public import ParleySimulation

/// "How sure are we?": the Monte Carlo spread of every model's forecasts and the uncertain
/// inputs that drive them, from a sweep's replicates (one machine, or shards merged).
public struct SensitivityAnalysis: Sendable {
    public var plan: MonteCarloPlan
    public var summary: MonteCarloSummary
    /// The drivers of the ``ModelChoice/driverModel(in:)`` model's forecasts, at most `top` per issue.
    public var drivers: [Sensitivity.Driver]
    /// Against history: each stakeholder's odds of ranking first and in the top three over the
    /// same draws, with the observed outcomes drawn from their ranges; `nil` without observed outcomes.
    public var odds: WinnerOdds?

    /// Summarises `results` (in index order) and finds the drivers.
    /// - Parameters:
    ///   - scenario: the scenario the replicates were drawn from.
    ///   - plan: the sweep's plan.
    ///   - results: the replicates, in index order.
    ///   - models: the models that ran.
    ///   - top: drivers per issue; 0 skips the driver analysis.
    ///   - isCancelled: polled while the winners' odds are drawn.
    /// - Complexity: O(runs × models × issues) for the summary, plus the driver model's one-at-a-time runs.
    /// - Throws: what the driver model throws on a swung input.
    public init(
        scenario: Scenario, plan: MonteCarloPlan, results: [ReplicateResult], models: [any BargainingModel], top: Int,
        isCancelled: () -> Bool = { false }
    ) throws {
        self.plan = plan
        odds = try WinnerOdds(scenario: scenario, draws: plan.runs, seed: plan.seed, fromCodings: plan.fromCodings, isCancelled: isCancelled)
        summary = MonteCarloSummary(plan: plan, scenario: scenario, results: results)
        let driverModel = top == 0 ? nil : ModelChoice.driverModel(in: models)
        drivers = try driverModel.map {
            try Sensitivity.drivers(scenario: scenario, model: $0, plan: plan, replicates: results, top: top, models: models)
        } ?? []
    }

    /// The plan of a sweep of `runs` replicates of `models` on `scenario` from `seed`; with
    /// `fromCodings`, each stance with codings is also drawn from one of its coders.
    public static func plan(scenario: Scenario, runs: Int, seed: UInt64, models: [any BargainingModel], fromCodings: Bool = false) -> MonteCarloPlan {
        MonteCarloPlan(runs: runs, seed: seed, models: models.map(\.name), issues: scenario.issues.map(\.id), fromCodings: fromCodings)
    }

    /// The replicates `indices` of `plan`, one after the other on the calling thread, checking
    /// `isCancelled` between replicates (for a server worker that must stop at its deadline) and
    /// calling `progress` with the count of replicates finished after each one (1 to `indices.count`).
    /// - Throws: `CancellationError` when cancelled; what the models throw.
    public static func replicates(
        scenario: Scenario, models: [any BargainingModel], plan: MonteCarloPlan, indices: Range<Int>, isCancelled: () -> Bool,
        progress: (Int) -> Void = { _ in }
    ) throws -> [ReplicateResult] {
        let sampler = plan.sampler(for: scenario)
        var results: [ReplicateResult] = []
        results.reserveCapacity(indices.count)
        for index in indices {
            if isCancelled() { throw CancellationError() }
            results.append(try MonteCarloRunner.replicate(index, scenario: scenario, sampler: sampler, models: models, plan: plan))
            progress(results.count)
        }
        return results
    }

    /// The number of model evaluations a sweep costs, for servers that bound their work.
    /// Saturates at `Int.max` instead of overflowing.
    public static func work(runs: Int, models: Int, scenario: Scenario) -> Int {
        let factors = [runs, models, max(1, scenario.stakeholders.count), max(1, scenario.issues.count)]
        var product = 1
        for factor in factors {
            let (next, overflow) = product.multipliedReportingOverflow(by: max(0, factor))
            if overflow { return .max }
            product = next
        }
        return product
    }
}
