public import ParleyCore

/// The positions on one issue with their weights: capability on the issue × salience, the
/// weighting of the compromise model (Achen 2006; Stokman's "NBS"). Stakeholders without a
/// stance, or with zero weight, are left out.
public struct IssueWeights: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var stakeholder: String
        public var position: Double
        /// Capability × salience (salience on 0–100); only ratios matter.
        public var weight: Double
    }

    public let issue: PolicyIssue
    /// In scenario order.
    public let entries: [Entry]

    public init(scenario: Scenario, issue: PolicyIssue) {
        self.issue = issue
        entries = scenario.stakeholders.compactMap { stakeholder in
            guard let stance = stakeholder.stance(on: issue.id) else { return nil }
            let weight = stakeholder.capability(on: issue.id) * stance.salience
            guard weight > 0, weight.isFinite else { return nil }
            return Entry(stakeholder: stakeholder.id, position: stance.position, weight: weight)
        }
    }

    /// Sum of the weights (0 when nobody weighs in).
    public var totalWeight: Double { entries.reduce(0) { $0 + $1.weight } }

    /// The note for an issue on which nobody has positive weight.
    var noWeightNote: String {
        "no stakeholder has both capability and salience above 0 on '\(issue.id)'"
    }
}
