public import ParleyBargaining
public import ParleyCore

/// One uncertain input: a stakeholder's capability, or its position or salience on an issue.
public struct UncertainInput: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case capability
        case position(issue: String)
        case salience(issue: String)
    }

    public var stakeholder: String
    public var kind: Kind
    public var base: Double
    public var spread: Spread

    /// `party-a.position[budget-share]`, `party-b.capability`.
    public var description: String {
        switch kind {
        case .capability: "\(stakeholder).capability"
        case .position(let issue): "\(stakeholder).position[\(issue)]"
        case .salience(let issue): "\(stakeholder).salience[\(issue)]"
        }
    }

    /// The value of this input in `scenario` (for a drawn replicate), if present.
    public func value(in scenario: Scenario) -> Double? {
        guard let party = scenario.stakeholder(stakeholder) else { return nil }
        switch kind {
        case .capability: return party.capability
        case .position(let issue): return party.stance(on: issue)?.position
        case .salience(let issue): return party.stance(on: issue)?.salience
        }
    }
}

/// Which inputs move each issue's forecast most.
///
/// Two measures, both documented in docs/cli.md:
/// - **One-at-a-time swing**: the input set to the low and the high end of its spread (the 10th
///   and 90th percentiles of its truncated normal, or the bounds of its range), everything else
///   at its base value; the swing is |forecast(high) − forecast(low)| in the issue's units. These
///   are the bars of a tornado chart.
/// - **First-order index** (variance-based): the share of the forecast's Monte Carlo variance
///   explained by the input alone, Var(E[Y | X]) / Var(Y), estimated by the correlation ratio
///   with ⌊√N⌋ equal-count bins of the replicates sorted by the input (Sobol's S₁). Values near 0
///   mean the input barely matters given the others' uncertainty; the indices of independent
///   inputs sum to at most about 1 (less when inputs interact).
public struct Sensitivity: Sendable {
    /// One input's effect on one issue's forecast under one model.
    public struct Driver: Sendable, Hashable {
        public var issue: String
        public var model: String
        public var input: String
        public var low: Double
        public var high: Double
        /// Forecast with the input at `low` and at `high`.
        public var forecastAtLow: Double?
        public var forecastAtHigh: Double?
        public var swing: Double
        public var firstOrderIndex: Double?
    }

    /// Every input that has a spread (its own or the scenario's default), in scenario order.
    public static func inputs(of scenario: Scenario) -> [UncertainInput] {
        let defaults = scenario.uncertainty ?? Uncertainty()
        var inputs: [UncertainInput] = []
        for party in scenario.stakeholders {
            if let spread = party.capabilitySpread ?? defaults.capability {
                inputs.append(UncertainInput(stakeholder: party.id, kind: .capability, base: party.capability, spread: spread))
            }
            for stance in party.stances {
                if let spread = stance.positionSpread ?? defaults.position {
                    inputs.append(UncertainInput(stakeholder: party.id, kind: .position(issue: stance.issue), base: stance.position, spread: spread))
                }
                if let spread = stance.salienceSpread ?? defaults.salience {
                    inputs.append(UncertainInput(stakeholder: party.id, kind: .salience(issue: stance.issue), base: stance.salience, spread: spread))
                }
            }
        }
        return inputs
    }

    /// The drivers of each issue's forecast under `model`, largest swing first, at most `top` per issue.
    /// - Parameters:
    ///   - scenario: the scenario whose uncertain inputs are swung.
    ///   - model: the model whose forecasts are explained.
    ///   - plan: the Monte Carlo plan the replicates came from.
    ///   - replicates: the Monte Carlo results for the first-order indices (optional).
    ///   - top: the most drivers reported per issue.
    ///   - models: the run's models, which an ensemble `model` combines (default: `model` alone).
    public static func drivers(
        scenario: Scenario, model: any BargainingModel, plan: MonteCarloPlan, replicates: [ReplicateResult], top: Int,
        models: [any BargainingModel]? = nil
    ) throws -> [Driver] {
        let inputs = inputs(of: scenario)
        // The ensemble combines the models of the run; a single model is run alone.
        let used: [any BargainingModel] = model is EnsembleModel ? (models ?? [model]) : [model]
        let modelIndex = plan.models.firstIndex(of: model.name)
        // The drawn value of every input in every replicate, regenerated from the seed.
        let sampler = plan.sampler(for: scenario)
        let ordered = replicates.sorted { $0.index < $1.index }
        var drawn: [[Double]] = Array(repeating: [], count: inputs.count)
        if modelIndex != nil {
            for result in ordered {
                var stream = RandomStream(seed: plan.seed, index: UInt64(result.index), purpose: "monte-carlo")
                let replicate = try sampler.draw(using: &stream)
                for (k, input) in inputs.enumerated() { drawn[k].append(input.value(in: replicate) ?? input.base) }
            }
        }
        var drivers: [Driver] = []
        var swings: [(low: Double, high: Double, lowRun: ModelRun?, highRun: ModelRun?)] = []
        for input in inputs {
            let (low, high) = bounds(of: input, in: scenario)
            swings.append((low, high, try run(model, among: used, scenario: scenario, setting: input, to: low),
                           try run(model, among: used, scenario: scenario, setting: input, to: high)))
        }
        for (issueIndex, issue) in scenario.issues.enumerated() {
            let outputs = modelIndex.map { index in ordered.map { $0.values[index][issueIndex] } } ?? []
            var issueDrivers: [Driver] = []
            for (k, input) in inputs.enumerated() {
                let a = swings[k].lowRun?.value(for: issue.id)
                let b = swings[k].highRun?.value(for: issue.id)
                let swing = (a != nil && b != nil) ? abs((b ?? 0) - (a ?? 0)) : 0
                issueDrivers.append(Driver(
                    issue: issue.id, model: model.name, input: input.description, low: swings[k].low, high: swings[k].high,
                    forecastAtLow: a, forecastAtHigh: b, swing: swing,
                    firstOrderIndex: outputs.isEmpty ? nil : correlationRatio(x: drawn[k], y: outputs)))
            }
            let ranked = issueDrivers.enumerated().sorted { lhs, rhs in
                lhs.element.swing != rhs.element.swing ? lhs.element.swing > rhs.element.swing : lhs.offset < rhs.offset
            }.map(\.element)
            drivers += ranked.prefix(top)
        }
        return drivers
    }

    /// The 10th and 90th percentiles of the input's spread, kept in its valid range.
    static func bounds(of input: UncertainInput, in scenario: Scenario) -> (Double, Double) {
        let (lower, upper): (Double, Double)
        switch input.kind {
        case .capability: (lower, upper) = (0, .infinity)
        case .position(let issue):
            let scale = scenario.issue(issue)?.scale ?? .percent
            (lower, upper) = (scale.min, scale.max)
        case .salience: (lower, upper) = (0, 100)
        }
        switch input.spread {
        case .range(let low, let high):
            return (max(low, lower), min(high, upper))
        case .sd(let sd):
            return (NormalDistribution.truncatedQuantile(0.1, mean: input.base, sd: sd, lower: lower, upper: upper),
                    NormalDistribution.truncatedQuantile(0.9, mean: input.base, sd: sd, lower: lower, upper: upper))
        case .relativeSD(let fraction):
            let sd = abs(input.base) * fraction
            return (NormalDistribution.truncatedQuantile(0.1, mean: input.base, sd: sd, lower: lower, upper: upper),
                    NormalDistribution.truncatedQuantile(0.9, mean: input.base, sd: sd, lower: lower, upper: upper))
        }
    }

    /// `model`'s run with one input changed; the ensemble combines the other `models`, as in the Monte Carlo runs.
    private static func run(
        _ model: any BargainingModel, among models: [any BargainingModel], scenario: Scenario, setting input: UncertainInput, to value: Double
    ) throws -> ModelRun? {
        let stakeholders = try scenario.stakeholders.map { party -> Stakeholder in
            guard party.id == input.stakeholder else { return party }
            var capability = party.capability
            var stances = party.stances
            switch input.kind {
            case .capability: capability = value
            case .position(let issue): stances = try stances.map { $0.issue == issue ? try $0.with(position: value) : $0 }
            case .salience(let issue): stances = try stances.map { $0.issue == issue ? try $0.with(salience: value) : $0 }
            }
            return try Stakeholder(id: party.id, name: party.name, description: party.description, capability: capability,
                                   capabilitySpread: party.capabilitySpread, evidence: party.evidence, stances: stances)
        }
        let changed = try scenario.with(stakeholders: stakeholders)
        return try ModelRunner.runAll(models, on: changed).first { $0.model == model.name }
    }

    /// Var(E[Y|X]) / Var(Y) with ⌊√n⌋ equal-count bins over X (pairs with a missing Y dropped).
    static func correlationRatio(x: [Double], y: [Double?]) -> Double? {
        let pairs = zip(x, y).compactMap { a, b in b.map { (a, $0) } }.sorted { $0.0 < $1.0 }
        guard pairs.count >= 4 else { return nil }
        let mean = pairs.reduce(0) { $0 + $1.1 } / Double(pairs.count)
        let total = pairs.reduce(0) { $0 + ($1.1 - mean) * ($1.1 - mean) }
        guard total > 0 else { return nil }
        let bins = max(2, Int(Double(pairs.count).squareRoot()))
        var between = 0.0
        for bin in 0..<bins {
            let slice = pairs[(pairs.count * bin / bins)..<(pairs.count * (bin + 1) / bins)]
            guard !slice.isEmpty else { continue }
            let binMean = slice.reduce(0) { $0 + $1.1 } / Double(slice.count)
            between += Double(slice.count) * (binMean - mean) * (binMean - mean)
        }
        return min(1, max(0, between / total))
    }
}

extension Sensitivity {
    /// The first-order index estimator on raw samples (for tests and tools).
    public static func correlationRatioForTesting(x: [Double], y: [Double?]) -> Double? {
        correlationRatio(x: x, y: y)
    }
}
