public import ParleyCore
public import ParleyBargaining

/// Who won: how close each stakeholder's opening position is to an outcome (success), how far
/// it moved, what it gained over the status quo, and, for a model, how much its presence pulled
/// the outcome its way (influence).
///
/// All values are on a 0–100 version of each issue's scale (share of the scale's width), so
/// issues on different scales compare; overall values are salience-weighted means over the
/// stakeholder's issues, Σ s·v / Σ s: an outcome far from its position on an issue it barely
/// cares about costs it little. For position x, outcome o and status quo q:
/// - `distance` = |x − o| (success: smaller is better);
/// - `gain` = |x − q| − |x − o| (issues with a status quo; positive: the outcome moved its way);
/// - `distanceWithout` = |x − o₋ᵢ| with o₋ᵢ the same model's outcome without the stakeholder, and
///   `influence` = `distanceWithout` − `distance` (models only; see ``withInfluence(_:scenario:)``).
///
/// A stakeholder that sits where the outcome would have fallen anyway has a small distance
/// and no influence: it was lucky, not powerful (Barry 1980). Rank 1 is the smallest overall
/// distance; ties keep scenario order.
public struct WinnersAndLosers: Sendable, Hashable {
    /// One stakeholder on one issue.
    public struct IssueStanding: Sendable, Hashable {
        public var issue: String
        /// |opening − outcome| on 0–100.
        public var distance: Double
        /// The stakeholder's salience on the issue, 0–100.
        public var salience: Double
        /// |final position − opening| on 0–100, for models with a trajectory; `nil` for history.
        public var moved: Double?
        /// |opening − status quo| − |opening − outcome| on 0–100; `nil` without a status quo.
        public var gain: Double?
        /// |opening − outcome without this stakeholder| on 0–100; `nil` for history or before ``withInfluence(_:scenario:)``.
        public var distanceWithout: Double?
        /// `distanceWithout − distance` on 0–100: positive when its presence pulled the outcome its way.
        public var influence: Double? { distanceWithout.map { $0 - distance } }
        /// The stakeholder's Shapley share of the issue's movement from its reference point (status
        /// quo, else the scale's middle) to the outcome, in percent (shares of all stakeholders sum
        /// to 100; negative: it held the outcome back); `nil` when not computed or nothing moved.
        public var shapley: Double?
    }

    /// One stakeholder across issues.
    public struct Standing: Sendable, Hashable {
        public var stakeholder: String
        /// Salience-weighted mean distance, 0–100; `nil` when the stakeholder has no salience on any scored issue.
        public var distance: Double?
        /// Salience-weighted mean of how far it moved, 0–100.
        public var moved: Double?
        /// 1 = closest to the outcome.
        public var rank: Int
        public var issues: [IssueStanding]
        /// Salience-weighted mean gain over its issues with a status quo, 0–100.
        public var gain: Double?
        /// Salience-weighted mean of ``IssueStanding/distanceWithout``, 0–100.
        public var distanceWithout: Double?
        /// Salience-weighted mean influence, 0–100: `distanceWithout − distance`.
        public var influence: Double?
        /// Shapley share of the outcome's whole movement, all issues pooled in points of their
        /// scales (0–100 each), in percent; shares of all stakeholders sum to 100. See ``withShapley(_:scenario:)``.
        public var shapley: Double?
        /// Monte Carlo standard error of ``shapley`` in percentage points when sampled (a
        /// conservative bound: the sum of the issues' errors); `nil` when exact.
        public var shapleyError: Double?
    }

    /// How Shapley values were computed: `nil` when they were not.
    public enum ShapleyMethod: Sendable, Hashable {
        /// Every coalition.
        case exact
        /// Random orders of the stakeholders.
        case sampled(permutations: Int)
    }

    /// The model (or `"history"`) whose outcomes were scored.
    public var source: String
    /// How ``Standing/shapley`` was computed; `nil` when it was not (history, costly models).
    public var shapleyMethod: ShapleyMethod?
    /// In scenario order.
    public var standings: [Standing]

    /// Standings against `run`'s forecasts (and its trajectory for how far each party moved).
    public init(scenario: Scenario, run: ModelRun) {
        let finalRound = run.trajectory.last
        self.init(scenario: scenario, source: run.model, outcome: { run.value(for: $0) }, moved: { stakeholder, stance in
            guard run.trajectory.rounds.count > 1, let final = finalRound?.position(of: stakeholder, on: stance.issue) else { return 0 }
            return abs(final - stance.position)
        })
    }

    /// Standings against the observed outcomes; `nil` when the scenario records none.
    public static func history(_ scenario: Scenario) -> WinnersAndLosers? {
        guard scenario.issues.contains(where: { $0.observed != nil }) else { return nil }
        return WinnersAndLosers(scenario: scenario, source: "history", outcome: { scenario.issue($0)?.observed?.value }, moved: { _, _ in nil })
    }

    private init(scenario: Scenario, source: String, outcome: (String) -> Double?, moved: (String, Stance) -> Double?) {
        self.source = source
        var standings = scenario.stakeholders.map { stakeholder -> Standing in
            let issues = stakeholder.stances.compactMap { stance -> IssueStanding? in
                guard let issue = scenario.issue(stance.issue), let value = outcome(issue.id) else { return nil }
                let width = issue.scale.width
                return IssueStanding(
                    issue: issue.id, distance: abs(stance.position - value) / width * 100, salience: stance.salience,
                    moved: moved(stakeholder.id, stance).map { $0 / width * 100 },
                    gain: issue.statusQuo.map { (abs(stance.position - $0.value) - abs(stance.position - value)) / width * 100 })
            }
            let weight = issues.reduce(0) { $0 + $1.salience }
            let distance = weight > 0 ? issues.reduce(0) { $0 + $1.salience * $1.distance } / weight : nil
            let movedValues = issues.compactMap { standing in standing.moved.map { (standing.salience, $0) } }
            let moved = weight > 0 && movedValues.count == issues.count
                ? movedValues.reduce(0) { $0 + $1.0 * $1.1 } / weight : nil
            return Standing(stakeholder: stakeholder.id, distance: distance, moved: moved, rank: 0, issues: issues,
                            gain: SalienceWeightedMean.of(issues.compactMap { standing in standing.gain.map { (standing.salience, $0) } }))
        }
        let order = standings.indices.sorted { a, b in
            switch (standings[a].distance, standings[b].distance) {
            case let (x?, y?): return x < y || (x == y && a < b)
            case (.some, .none): return true
            case (.none, .some): return false
            case (.none, .none): return a < b
            }
        }
        for (rank, index) in order.enumerated() { standings[index].rank = rank + 1 }
        self.standings = standings
    }

    /// These standings with each stakeholder's outcome-without-it: `without[stakeholder][issue]`
    /// is the same model's forecast of `issue` with that stakeholder absent (`nil` where there is
    /// none). Fills ``IssueStanding/distanceWithout`` and the overall means.
    public func withInfluence(_ without: [String: [String: Double]], scenario: Scenario) -> WinnersAndLosers {
        var copy = self
        for index in copy.standings.indices {
            let id = copy.standings[index].stakeholder
            guard let outcomes = without[id], let stakeholder = scenario.stakeholder(id) else { continue }
            for k in copy.standings[index].issues.indices {
                let issueID = copy.standings[index].issues[k].issue
                guard let value = outcomes[issueID], let issue = scenario.issue(issueID),
                      let position = stakeholder.stance(on: issueID)?.position else { continue }
                copy.standings[index].issues[k].distanceWithout = abs(position - value) / issue.scale.width * 100
            }
            let issues = copy.standings[index].issues
            let complete = issues.allSatisfy { $0.distanceWithout != nil }
            copy.standings[index].distanceWithout = complete
                ? SalienceWeightedMean.of(issues.compactMap { standing in standing.distanceWithout.map { (standing.salience, $0) } }) : nil
            copy.standings[index].influence = complete
                ? SalienceWeightedMean.of(issues.compactMap { standing in standing.influence.map { (standing.salience, $0) } }) : nil
        }
        return copy
    }

    /// These standings with Shapley shares of the outcome's movement (``Standing/shapley``,
    /// ``IssueStanding/shapley``). `values` is over the scenario's stakeholders and issues, in
    /// scenario order, in scale units. Per issue k with movement Δₖ = v(N) − v(∅) (scale units):
    /// the share is φᵢₖ / Δₖ · 100, `nil` when |Δₖ| is below 10⁻⁹ of the scale. Overall, movements
    /// are put on 0–100 (÷ width × 100) and pooled: Σₖ φᵢₖ · sign(Δₖ) / Σₖ |Δₖ| · 100, so a
    /// stakeholder that pushed every issue the way it went has a positive share.
    public func withShapley(_ values: ShapleyValues, scenario: Scenario) -> WinnersAndLosers {
        var copy = self
        let issues = scenario.issues
        guard values.values.count == scenario.stakeholders.count, values.grand.count == issues.count, values.empty.count == issues.count else {
            return copy
        }
        if case .sampled(let permutations, _) = values.method {
            copy.shapleyMethod = .sampled(permutations: permutations)
        } else {
            copy.shapleyMethod = .exact
        }
        let movement = issues.indices.map { k in (values.grand[k] - values.empty[k]) / issues[k].scale.width * 100 }
        let total = movement.reduce(0) { $0 + abs($1) }
        for (i, stakeholder) in scenario.stakeholders.enumerated() {
            guard let index = copy.standings.firstIndex(where: { $0.stakeholder == stakeholder.id }),
                  i < values.values.count, values.values[i].count == issues.count else { continue }
            let points = issues.indices.map { k in values.values[i][k] / issues[k].scale.width * 100 }
            for j in copy.standings[index].issues.indices {
                guard let k = issues.firstIndex(where: { $0.id == copy.standings[index].issues[j].issue }), abs(movement[k]) > 1e-7 else { continue }
                copy.standings[index].issues[j].shapley = points[k] / movement[k] * 100
            }
            guard total > 1e-7 else { continue }
            copy.standings[index].shapley = issues.indices.reduce(0) { $0 + points[$1] * (movement[$1] < 0 ? -1 : 1) } / total * 100
            if copy.shapleyMethod != .exact, i < values.standardErrors.count, values.standardErrors[i].count == issues.count {
                copy.standings[index].shapleyError = issues.indices.reduce(0) { $0 + values.standardErrors[i][$1] / issues[$1].scale.width * 100 } / total * 100
            }
        }
        return copy
    }

    /// The standing of `stakeholder`, if present.
    public func standing(of stakeholder: String) -> Standing? {
        standings.first { $0.stakeholder == stakeholder }
    }
}
