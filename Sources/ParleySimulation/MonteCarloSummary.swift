public import ParleyCore

/// The distribution of one model's forecast on one issue over the replicates.
public struct ForecastDistribution: Sendable, Hashable {
    public var model: String
    public var issue: String
    /// Replicates with a forecast (a model may have none when every salience was drawn to 0).
    public var count: Int
    public var mean: Double?
    /// Sample standard deviation (n − 1).
    public var sd: Double?
    /// Exact quantiles at ``MonteCarloSummary/quantileLevels``, by linear interpolation
    /// between order statistics (Hyndman & Fan type 7, numpy's default).
    public var quantiles: [Double]
    /// For each of the issue's anchors (in order), the share of replicates whose forecast is
    /// nearest to it.
    public var anchorShares: [(anchor: Anchor, share: Double)]
    /// Share of replicates in which the model converged.
    public var convergedShare: Double

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.model == rhs.model && lhs.issue == rhs.issue && lhs.count == rhs.count && lhs.mean == rhs.mean && lhs.sd == rhs.sd
            && lhs.quantiles == rhs.quantiles && lhs.convergedShare == rhs.convergedShare
            && lhs.anchorShares.map(\.anchor) == rhs.anchorShares.map(\.anchor) && lhs.anchorShares.map(\.share) == rhs.anchorShares.map(\.share)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(model)
        hasher.combine(issue)
        hasher.combine(quantiles)
    }
}

/// Summaries of a Monte Carlo run, exact: computed from every replicate's value, in index order.
public struct MonteCarloSummary: Sendable, Hashable {
    /// The quantile levels reported.
    public static let quantileLevels: [Double] = [0.05, 0.25, 0.5, 0.75, 0.95]

    public var plan: MonteCarloPlan
    /// Issue by issue, then model by model.
    public var distributions: [ForecastDistribution]

    /// Summarises `results` (every replicate of `plan`, in any order).
    public init(plan: MonteCarloPlan, scenario: Scenario, results: [ReplicateResult]) {
        self.plan = plan
        let ordered = results.sorted { $0.index < $1.index }
        var distributions: [ForecastDistribution] = []
        for (issueIndex, issueID) in plan.issues.enumerated() {
            let anchors = scenario.issue(issueID)?.anchors ?? []
            for (modelIndex, model) in plan.models.enumerated() {
                let values = ordered.compactMap { result -> Double? in
                    guard modelIndex < result.values.count, issueIndex < result.values[modelIndex].count else { return nil }
                    return result.values[modelIndex][issueIndex]
                }
                let converged = ordered.filter { modelIndex < $0.converged.count && $0.converged[modelIndex] }.count
                distributions.append(Self.distribution(
                    model: model, issue: issueID, values: values, anchors: anchors,
                    convergedShare: ordered.isEmpty ? 0 : Double(converged) / Double(ordered.count)))
            }
        }
        self.distributions = distributions
    }

    static func distribution(model: String, issue: String, values: [Double], anchors: [Anchor], convergedShare: Double) -> ForecastDistribution {
        guard !values.isEmpty else {
            return ForecastDistribution(model: model, issue: issue, count: 0, mean: nil, sd: nil, quantiles: [], anchorShares: [], convergedShare: convergedShare)
        }
        // Neumaier-compensated sums in index order: the same values give the same bytes.
        let mean = compensatedSum(values) / Double(values.count)
        let sd = values.count > 1 ? (compensatedSum(values.map { ($0 - mean) * ($0 - mean) }) / Double(values.count - 1)).squareRoot() : nil
        let sorted = values.sorted()
        let quantiles = quantileLevels.map { quantile(sorted, $0) }
        var counts = [Int](repeating: 0, count: anchors.count)
        for value in values {
            var best = 0
            for index in anchors.indices where abs(anchors[index].value - value) < abs(anchors[best].value - value) { best = index }
            if !anchors.isEmpty { counts[best] += 1 }
        }
        let shares = zip(anchors, counts).map { (anchor: $0, share: Double($1) / Double(values.count)) }
        return ForecastDistribution(model: model, issue: issue, count: values.count, mean: mean, sd: sd, quantiles: quantiles,
                                    anchorShares: shares, convergedShare: convergedShare)
    }

    /// Type-7 quantile of sorted values.
    static func quantile(_ sorted: [Double], _ level: Double) -> Double {
        let position = level * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }

    static func compensatedSum(_ values: [Double]) -> Double {
        var sum = 0.0
        var compensation = 0.0
        for value in values {
            let t = sum + value
            compensation += abs(sum) >= abs(value) ? (sum - t) + value : (value - t) + sum
            sum = t
        }
        return sum + compensation
    }

    /// The distribution for `model` on `issue`.
    public func distribution(model: String, issue: String) -> ForecastDistribution? {
        distributions.first { $0.model == model && $0.issue == issue }
    }
}
