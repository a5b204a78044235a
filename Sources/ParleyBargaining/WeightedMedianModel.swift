public import ParleyCore

/// The weighted median of positions, with capability × salience weights: the position that
/// no coalition holding more than half the weight can pull away from (the median voter of
/// Black 1948, weighted as in Bueno de Mesquita's models).
///
/// Definition: sort positions; the median is the smallest position whose cumulative weight
/// reaches half the total. **Tie rule:** when the cumulative weight is exactly half at a
/// position (within a relative 1e-12), every point between it and the next position is a
/// weighted median; Parley then picks, of those two positions, the one nearer the weighted
/// mean, and the lower one if both are equally near. The rule treats both ends of the scale
/// alike, and the forecast is always one of the stakeholders' positions.
///
/// - Complexity: O(n log n) per issue for n stakeholders.
public struct WeightedMedianModel: BargainingModel {
    public let name = "weighted-median"
    public let summary = "median position, capability x salience weights"

    public init() {}

    public func run(_ scenario: Scenario) throws(ModelError) -> ModelRun {
        let outcomes = scenario.issues.map { issue in
            let weights = IssueWeights(scenario: scenario, issue: issue)
            guard let value = Self.median(weights.entries.map { ($0.position, $0.weight) }) else {
                return IssueOutcome(issue: issue.id, value: nil, note: weights.noWeightNote)
            }
            return IssueOutcome(issue: issue.id, value: value)
        }
        return ModelRun(model: name, outcomes: outcomes, trajectory: Trajectory(opening: scenario, forecast: outcomes.forecastValues),
                        stopReason: .closedForm)
    }

    /// The weighted median of (position, weight) pairs with the tie rule above; `nil` when
    /// the total weight is not positive.
    public static func median(_ points: [(position: Double, weight: Double)]) -> Double? {
        let valid = points.filter { $0.weight > 0 && $0.weight.isFinite && $0.position.isFinite }
        let total = valid.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        let mean = valid.reduce(0) { $0 + $1.weight * $1.position } / total
        // Merge equal positions so a tie can only fall between distinct positions.
        var merged: [(position: Double, weight: Double)] = []
        for point in valid.sorted(by: { $0.position < $1.position }) {
            if let last = merged.last, last.position == point.position {
                merged[merged.count - 1].weight += point.weight
            } else {
                merged.append(point)
            }
        }
        let half = total / 2
        let tolerance = total * 1e-12
        var cumulative = 0.0
        for (index, point) in merged.enumerated() {
            cumulative += point.weight
            if abs(cumulative - half) <= tolerance, index + 1 < merged.count {
                let lower = point.position
                let upper = merged[index + 1].position
                return abs(upper - mean) < abs(lower - mean) ? upper : lower
            }
            if cumulative >= half { return point.position }
        }
        return merged.last?.position
    }
}
