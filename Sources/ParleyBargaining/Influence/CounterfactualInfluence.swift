public import ParleyCore

/// Who won, and why: each stakeholder's success, its influence (a counterfactual run without it)
/// and its gain over the status quo, per issue and overall.
///
/// Barry (1980) and Schneider, Finke & Bailer (2010): being close to the outcome (success) can be
/// luck; influence is how far the stakeholder's presence pulled the outcome its way. For
/// stakeholder i with position x on an issue of width w (max − min), outcome o with everyone and
/// o₋ᵢ from the same model run without i, and status quo q, all on 0–100 (share of the scale):
///
///     distance         = |x − o| / w · 100
///     distance_without = |x − o₋ᵢ| / w · 100
///     influence        = distance_without − distance   (> 0: i pulled the outcome its way)
///     gain             = (|x − q| − |x − o|) / w · 100 (issues with a status quo)
///
/// Overall values are salience-weighted means over the stakeholder's issues, Σ s·v / Σ s, each
/// over the issues where the value exists (`gain`: those with a status quo). These are the
/// definitions of DESIGN.md's `--winners` JSON.
///
/// **Runs.** The model is run once with everyone and once without each stakeholder: n + 1 runs,
/// on up to `jobs` threads, reduced in stakeholder order. **Missing forecasts.** An issue on which
/// the run with everyone has no forecast is left out; when the run without i has none (nobody
/// left with weight), its outcome is taken as the issue's reference point: the status quo when
/// given, else the scale's midpoint (the Shapley convention of ``ShapleyValues``).
public struct CounterfactualInfluence: Sendable, Hashable {
    /// One stakeholder on one issue, all on 0–100.
    public struct IssueEffect: Sendable, Hashable {
        public var issue: String
        /// The stakeholder's salience on the issue, 0–100.
        public var salience: Double
        public var distance: Double
        public var distanceWithout: Double
        public var influence: Double
        /// `nil` when the issue has no status quo.
        public var gain: Double?
    }

    /// One stakeholder over its issues: salience-weighted means, `nil` when no issue with
    /// positive salience has the value.
    public struct StakeholderEffect: Sendable, Hashable {
        public var stakeholder: String
        public var distance: Double?
        public var distanceWithout: Double?
        public var influence: Double?
        public var gain: Double?
        /// In the order of the stakeholder's stances.
        public var issues: [IssueEffect]
    }

    /// The outcome with everyone, per scenario issue (`nil`: no forecast).
    public let outcomes: [Double?]
    /// outcomesWithout[i][k]: the outcome of issue k without stakeholder i, after the fallback above.
    public let outcomesWithout: [[Double?]]
    /// In scenario order.
    public let stakeholders: [StakeholderEffect]
    /// Model runs made: n + 1.
    public let runs: Int

    /// Runs `outcome` with everyone and without each stakeholder and measures the effects.
    ///
    /// - Parameters:
    ///   - scenario: stakeholders (positions, saliences) and issues (scales) in scenario order.
    ///   - statusQuo: per scenario issue, the status quo (`nil`: none); shorter arrays mean none for the rest.
    ///   - jobs: threads; the result never depends on it.
    ///   - shouldStop: polled between runs; returning true stops the work with an error.
    ///   - outcome: the model's forecast per scenario issue (in scenario order) with only the
    ///     coalition's stakeholders at the table.
    /// - Throws: ``ModelError`` from `outcome`, when it returns the wrong number of values, or when stopped.
    /// - Complexity: n + 1 calls of `outcome`; O(n · k) besides, for k issues.
    public init(
        scenario: Scenario, statusQuo: [Double?] = [], jobs: Int = 1, shouldStop: @escaping @Sendable () -> Bool = { false },
        outcome: @escaping @Sendable (Coalition) throws(ModelError) -> [Double?]
    ) throws(ModelError) {
        let n = scenario.stakeholders.count
        let issues = scenario.issues
        let stopped = ModelError(model: "influence", message: "the counterfactual runs were stopped before they finished")
        // Run 0: everyone; run i + 1: everyone but stakeholder i.
        let results = try ParallelRuns.map(count: n + 1, jobs: jobs, stopped: stopped, shouldStop: shouldStop) { run throws(ModelError) in
            let coalition = run == 0 ? Coalition.grand(n) : Coalition.without(run - 1, size: n)
            let values = try outcome(coalition)
            guard values.count == issues.count else {
                throw ModelError(model: "influence", message: "a run gave \(values.count) outcomes for \(issues.count) issues",
                                 hint: "return one value (or nil) per scenario issue, in scenario order")
            }
            return values.map { value in value.flatMap { $0.isFinite ? $0 : nil } }
        }
        let full = results.first ?? []
        let reference = issues.indices.map { k in
            (k < statusQuo.count ? statusQuo[k] : nil) ?? (issues[k].scale.min + issues[k].scale.max) / 2
        }
        let without = results.dropFirst().map { values in
            issues.indices.map { k -> Double? in full[k] == nil ? nil : values[k] ?? reference[k] }
        }
        self.outcomes = full
        self.outcomesWithout = Array(without)
        self.runs = n + 1
        self.stakeholders = scenario.stakeholders.enumerated().map { index, stakeholder in
            let effects = stakeholder.stances.compactMap { stance -> IssueEffect? in
                guard let k = issues.firstIndex(where: { $0.id == stance.issue }), let o = full[k],
                      index < without.count, let oWithout = without[index][k] else { return nil }
                let width = issues[k].scale.width
                let x = stance.position
                let distance = abs(x - o) / width * 100
                let distanceWithout = abs(x - oWithout) / width * 100
                let q = k < statusQuo.count ? statusQuo[k] : nil
                return IssueEffect(issue: stance.issue, salience: stance.salience, distance: distance, distanceWithout: distanceWithout,
                                   influence: distanceWithout - distance, gain: q.map { (abs(x - $0) - abs(x - o)) / width * 100 })
            }
            return StakeholderEffect(
                stakeholder: stakeholder.id,
                distance: SalienceWeightedMean.of(effects.map { ($0.salience, $0.distance) }),
                distanceWithout: SalienceWeightedMean.of(effects.map { ($0.salience, $0.distanceWithout) }),
                influence: SalienceWeightedMean.of(effects.map { ($0.salience, $0.influence) }),
                gain: SalienceWeightedMean.of(effects.compactMap { effect in effect.gain.map { (effect.salience, $0) } }),
                issues: effects)
        }
    }

    /// The effects of `stakeholder`, if present.
    public func effect(of stakeholder: String) -> StakeholderEffect? {
        stakeholders.first { $0.stakeholder == stakeholder }
    }
}
