public import ParleyCore

/// The compromise model: the capability × salience weighted mean of positions,
/// Σ cᵢ sᵢ xᵢ / Σ cᵢ sᵢ, issue by issue.
///
/// The forecast of Achen's (2006) "compromise model" and the "Nash bargaining solution" of
/// Stokman's exchange model (decide's NBS); in the DEU studies it forecasts about as well as
/// far more elaborate models. It always lies within the range of the positions.
///
/// - Complexity: O(n) per issue for n stakeholders.
public struct WeightedMeanModel: BargainingModel {
    public let name = "weighted-mean"
    public let summary = "compromise: capability x salience weighted mean of positions"

    public init() {}

    public func run(_ scenario: Scenario) throws(ModelError) -> ModelRun {
        let outcomes = scenario.issues.map { issue in
            let weights = IssueWeights(scenario: scenario, issue: issue)
            let total = weights.totalWeight
            guard total > 0 else { return IssueOutcome(issue: issue.id, value: nil, note: weights.noWeightNote) }
            let sum = weights.entries.reduce(0) { $0 + $1.weight * $1.position }
            return IssueOutcome(issue: issue.id, value: issue.scale.clamp(sum / total))
        }
        return ModelRun(model: name, outcomes: outcomes, trajectory: Trajectory(opening: scenario, forecast: outcomes.forecastValues),
                        stopReason: .closedForm)
    }
}
