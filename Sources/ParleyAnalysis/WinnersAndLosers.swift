public import ParleyCore
public import ParleyBargaining

/// Who won: how close each stakeholder's opening position is to an outcome, and how far it moved.
///
/// Distances are on a 0–100 version of each issue's scale (|opening − outcome| / width × 100),
/// so issues on different scales compare. A stakeholder's overall distance is the
/// salience-weighted mean of its issue distances, Σ s·d / Σ s: an outcome far from its position
/// on an issue it barely cares about costs it little. Rank 1 is the biggest winner (smallest
/// overall distance); ties keep scenario order.
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
    }

    /// The model (or `"history"`) whose outcomes were scored.
    public var source: String
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
                return IssueStanding(
                    issue: issue.id, distance: abs(stance.position - value) / issue.scale.width * 100, salience: stance.salience,
                    moved: moved(stakeholder.id, stance).map { $0 / issue.scale.width * 100 })
            }
            let weight = issues.reduce(0) { $0 + $1.salience }
            let distance = weight > 0 ? issues.reduce(0) { $0 + $1.salience * $1.distance } / weight : nil
            let movedValues = issues.compactMap { standing in standing.moved.map { (standing.salience, $0) } }
            let moved = weight > 0 && movedValues.count == issues.count
                ? movedValues.reduce(0) { $0 + $1.0 * $1.1 } / weight : nil
            return Standing(stakeholder: stakeholder.id, distance: distance, moved: moved, rank: 0, issues: issues)
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

    /// The standing of `stakeholder`, if present.
    public func standing(of stakeholder: String) -> Standing? {
        standings.first { $0.stakeholder == stakeholder }
    }
}
