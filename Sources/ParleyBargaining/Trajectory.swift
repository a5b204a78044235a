public import ParleyCore

/// Positions of every stakeholder on every issue, round by round.
public struct Trajectory: Sendable, Hashable {
    /// One round: the positions in force after it (round 0 = the opening positions).
    public struct Round: Sendable, Hashable {
        public var index: Int
        /// In scenario order; each stakeholder lists the issues it takes a stance on, in its order.
        public var positions: [StakeholderPositions]
        /// The model's forecast for each issue as of this round (empty when the model has no
        /// per-round forecast).
        public var forecast: [IssueValue]

        public init(index: Int, positions: [StakeholderPositions], forecast: [IssueValue] = []) {
            self.index = index
            self.positions = positions
            self.forecast = forecast
        }

        /// The position of `stakeholder` on `issue` in this round, if it has one.
        public func position(of stakeholder: String, on issue: String) -> Double? {
            positions.first { $0.stakeholder == stakeholder }?.values.first { $0.issue == issue }?.value
        }
    }

    /// One stakeholder's positions in one round.
    public struct StakeholderPositions: Sendable, Hashable {
        public var stakeholder: String
        public var values: [IssueValue]

        public init(stakeholder: String, values: [IssueValue]) {
            self.stakeholder = stakeholder
            self.values = values
        }
    }

    /// A value on one issue's scale.
    public struct IssueValue: Sendable, Hashable {
        public var issue: String
        public var value: Double

        public init(issue: String, value: Double) {
            self.issue = issue
            self.value = value
        }
    }

    public var rounds: [Round]

    public init(rounds: [Round]) {
        self.rounds = rounds
    }

    /// The single round of opening positions, for closed-form models, with `forecast` if given.
    public init(opening scenario: Scenario, forecast: [IssueValue] = []) {
        rounds = [Round(index: 0, positions: Self.openingPositions(scenario), forecast: forecast)]
    }

    /// Every stakeholder's opening positions, in scenario order.
    public static func openingPositions(_ scenario: Scenario) -> [StakeholderPositions] {
        scenario.stakeholders.map { stakeholder in
            StakeholderPositions(stakeholder: stakeholder.id, values: stakeholder.stances.map {
                IssueValue(issue: $0.issue, value: $0.position)
            })
        }
    }

    /// The last round (the opening positions when nothing moved).
    public var last: Round? { rounds.last }
}
