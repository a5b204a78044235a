public import ParleyCore
public import ParleyBargaining

/// Models that give the same forecast are one piece of evidence, not several: the distinct
/// forecasts of each issue, with the models behind each.
///
/// Two forecasts are the same when they differ by at most `tolerance` percent of the issue's
/// scale (default 0.05, i.e. 0.05 on a 0–100 scale).
public struct ModelAgreement: Sendable, Hashable {
    /// One distinct forecast of one issue.
    public struct Group: Sendable, Hashable {
        /// The forecast (the first model's value in the group).
        public var value: Double
        /// The models that give it, in report order.
        public var models: [String]
    }

    /// One issue's distinct forecasts, in order of first appearance.
    public struct IssueAgreement: Sendable, Hashable {
        public var issue: String
        public var groups: [Group]
        /// The spread over distinct forecasts (max − min), in scale units; 0 with one group.
        public var spread: Double {
            guard let low = groups.map(\.value).min(), let high = groups.map(\.value).max() else { return 0 }
            return high - low
        }
    }

    public var issues: [IssueAgreement]

    /// Groups `report`'s forecasts by issue; the ensemble is left out (it is made of the others).
    /// - Complexity: O(issues × models²).
    public init(report: ForecastReport, scenario: Scenario, tolerance: Double = EnsembleModel.agreementTolerance) {
        issues = scenario.issues.map { issue in
            var groups: [Group] = []
            let limit = issue.scale.width * tolerance / 100
            for row in report.forecasts where row.issue == issue.id && row.model != "ensemble" {
                guard let value = row.value, value.isFinite else { continue }
                if let index = groups.firstIndex(where: { abs($0.value - value) <= limit }) {
                    groups[index].models.append(row.model)
                } else {
                    groups.append(Group(value: value, models: [row.model]))
                }
            }
            return IssueAgreement(issue: issue.id, groups: groups)
        }
    }

    /// The number of distinct forecasts of `issue`.
    public func distinctCount(_ issue: String) -> Int {
        issues.first { $0.issue == issue }?.groups.count ?? 0
    }
}
