public import ParleyCore

/// The (asymmetric) Nash bargaining solution on each issue's line.
///
/// Nash (1950, "The Bargaining Problem", *Econometrica* 18:155–162) picks the agreement that
/// maximises the product of the parties' utility gains over the disagreement point; Kalai
/// (1977, *Int. J. Game Theory* 6:129–133) and Roth (1979, *Axiomatic Models of Bargaining*)
/// weight each party's gain by its bargaining power. Parley applies the n-party weighted form
/// issue by issue:
///
///     maximise over x in [min, max]:  Π_i g_i(x)^(w_i)
///
/// - **Utility**: linear loss in distance, u_i(x) = −|x − x_i| (scale units).
/// - **Disagreement point**: each party's worst outcome on the scale, the far end from its
///   position, so g_i(x) = D_i − |x − x_i| with D_i = max(x_i − min, max − x_i). Without an
///   agreement anything can happen; each party's reservation value is the worst case.
/// - **Weights**: w_i = capability × salience, as in the compromise model.
///
/// The log of the objective is strictly concave where all gains are positive, so the solution
/// is unique; Parley finds it by bisection on the sign of the one-sided derivative (to a
/// relative 1e-13 of the scale width) and returns a stakeholder's position exactly when the
/// optimum sits on it. Unlike the weighted mean, the solution shifts toward parties near the
/// middle, whose worst case is mild, and away from parties at an end, who can lose the most.
///
/// - Complexity: O(n · k) per issue for n stakeholders and k ≈ 60 bisection steps.
public struct NashBargainingModel: BargainingModel {
    public let name = "nash"
    public let summary = "weighted Nash product of gains over each party's worst case"

    public init() {}

    public func run(_ scenario: Scenario) throws(ModelError) -> ModelRun {
        let outcomes = scenario.issues.map { issue in
            let weights = IssueWeights(scenario: scenario, issue: issue)
            guard weights.totalWeight > 0 else { return IssueOutcome(issue: issue.id, value: nil, note: weights.noWeightNote) }
            let value = Self.solve(weights.entries.map { ($0.position, $0.weight) }, scale: issue.scale)
            return IssueOutcome(issue: issue.id, value: value)
        }
        return ModelRun(model: name, outcomes: outcomes, trajectory: Trajectory(opening: scenario, forecast: outcomes.forecastValues),
                        stopReason: .closedForm)
    }

    /// The weighted Nash solution for (position, weight) pairs on `scale`.
    public static func solve(_ points: [(position: Double, weight: Double)], scale: Scale) -> Double {
        let parties = points.filter { $0.weight > 0 && $0.weight.isFinite }
        guard let first = parties.first else { return (scale.min + scale.max) / 2 }
        if parties.allSatisfy({ $0.position == first.position }) { return first.position }
        let reservation = parties.map { max($0.position - scale.min, scale.max - $0.position) }

        /// d/dx of Σ w log g at x, taken from the right (kinks count toward the right side).
        func rightDerivative(_ x: Double) -> Double {
            var sum = 0.0
            for (index, party) in parties.enumerated() {
                let gain = reservation[index] - abs(x - party.position)
                let direction: Double = x < party.position ? 1 : -1
                let term = direction * party.weight / gain
                if !term.isNaN { sum += term }
            }
            return sum
        }

        var low = scale.min
        var high = scale.max
        let tolerance = scale.width * 1e-13
        while high - low > tolerance {
            let mid = (low + high) / 2
            if mid <= low || mid >= high { break }
            if rightDerivative(mid) > 0 { low = mid } else { high = mid }
        }
        let solution = (low + high) / 2
        // The optimum often sits exactly on a party's position (a kink); return it exactly.
        if let kink = parties.map(\.position).min(by: { abs($0 - solution) < abs($1 - solution) }),
           abs(kink - solution) <= scale.width * 1e-9 {
            return kink
        }
        return scale.clamp(solution)
    }
}
