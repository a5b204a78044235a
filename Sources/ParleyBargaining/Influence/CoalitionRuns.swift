public import ParleyCore

/// A model run on coalitions of a scenario's stakeholders: the game behind
/// ``CounterfactualInfluence`` and ``ShapleyValues`` for a ``BargainingModel``.
///
/// A coalition's run is the model on the scenario with only the coalition's stakeholders
/// (`Scenario.with(stakeholders:)`, which also drops absent forum members and an absent setter).
/// The **reference point** of an issue, the outcome when nobody (or nobody with weight) is at the
/// table, is its status quo when the scenario gives one, else the middle of its scale. A run that
/// is impossible for want of input (`ModelError.Code.missingInput`, such as the procedural
/// model without its setter: nobody proposes) counts as no forecast, so the reference point
/// stands; any other model error is thrown.
public struct CoalitionRuns: Sendable {
    public let scenario: Scenario
    public let model: any BargainingModel
    /// Per scenario issue: the status quo, else the scale's midpoint.
    public let reference: [Double]

    public init(scenario: Scenario, model: any BargainingModel) {
        self.scenario = scenario
        self.model = model
        reference = scenario.issues.map { $0.statusQuo?.value ?? ($0.scale.min + $0.scale.max) / 2 }
    }

    /// The model's forecast per scenario issue with only `coalition` at the table; `nil` where it
    /// has none (always for the empty coalition).
    /// - Throws: ``ModelError`` from the model (other than missing input), or when the scenario
    ///   cannot be restricted to the coalition (spatial `ideal-adjustments` naming an absent stakeholder).
    public func outcomes(_ coalition: Coalition) throws(ModelError) -> [Double?] {
        let none = [Double?](repeating: nil, count: scenario.issues.count)
        let kept = scenario.stakeholders.indices.filter { coalition.contains($0) }.map { scenario.stakeholders[$0] }
        guard !kept.isEmpty else { return none }
        let restricted: Scenario
        if kept.count == scenario.stakeholders.count {
            restricted = scenario
        } else {
            do {
                restricted = try scenario.with(stakeholders: kept)
            } catch {
                throw ModelError(model: model.name, message: "cannot run without \(Self.absent(coalition, in: scenario)): \(error.errors.first?.message ?? "\(error)")",
                                 hint: "counterfactual runs remove stakeholders; settings that name a stakeholder (spatial ideal-adjustments) prevent that")
            }
        }
        do {
            let run = try model.run(restricted)
            return scenario.issues.map { run.value(for: $0.id) }
        } catch where error.code == .missingInput && kept.count < scenario.stakeholders.count {
            return none
        }
    }

    /// ``outcomes(_:)`` with the reference point where the model has no forecast.
    public func values(_ coalition: Coalition) throws(ModelError) -> [Double] {
        try outcomes(coalition).enumerated().map { $0.element ?? reference[$0.offset] }
    }

    /// Success, influence and gain per stakeholder: n + 1 runs on up to `jobs` threads.
    /// - Throws: ``ModelError`` as ``CounterfactualInfluence/init(scenario:statusQuo:jobs:shouldStop:outcome:)``.
    public func influence(jobs: Int = 1, shouldStop: @escaping @Sendable () -> Bool = { false }) throws(ModelError) -> CounterfactualInfluence {
        let runs = self
        return try CounterfactualInfluence(scenario: scenario, statusQuo: scenario.issues.map { $0.statusQuo?.value }, jobs: jobs,
                                           shouldStop: shouldStop) { coalition throws(ModelError) in try runs.outcomes(coalition) }
    }

    /// Shapley values of the movement from the reference points to the full table's outcome,
    /// per stakeholder and issue, in scale units.
    /// - Throws: ``ModelError`` as ``ShapleyValues/compute(players:exactLimit:permutations:seed:jobs:shouldStop:value:)``.
    public func shapley(
        exactLimit: Int = ShapleyValues.defaultExactLimit, permutations: Int = 1000, seed: UInt64 = 0, jobs: Int = 1,
        shouldStop: @escaping @Sendable () -> Bool = { false }
    ) throws(ModelError) -> ShapleyValues {
        let runs = self
        return try ShapleyValues.compute(players: scenario.stakeholders.count, exactLimit: exactLimit, permutations: permutations, seed: seed,
                                         jobs: jobs, shouldStop: shouldStop) { coalition throws(ModelError) in try runs.values(coalition) }
    }

    private static func absent(_ coalition: Coalition, in scenario: Scenario) -> String {
        let ids = scenario.stakeholders.indices.filter { !coalition.contains($0) }.map { "'\(scenario.stakeholders[$0].id)'" }
        return ids.prefix(3).joined(separator: ", ") + (ids.count > 3 ? " and \(ids.count - 3) more" : "")
    }
}
