public import ParleyCore

/// The ensemble: on each issue, the **median** of the member models' forecasts.
///
/// The median rather than the mean because the members fail in different ways (the
/// expected-utility model can drift or cycle, the weighted median jumps between positions): one
/// outlying member moves a median little and a mean a lot. With an even number of forecasts the
/// median is the mean of the middle two. Members without a forecast on an issue are skipped;
/// the note gives the members' range, a rough measure of model disagreement.
///
/// - Complexity: the members' cost, plus O(m log m) per issue for m members.
public struct EnsembleModel: BargainingModel {
    public let name = "ensemble"
    public let summary = "median of the other models' forecasts, issue by issue"
    /// The models combined, in order.
    public let members: [any BargainingModel]

    public init(members: [any BargainingModel]) {
        self.members = members.filter { $0.name != "ensemble" }
    }

    public func run(_ scenario: Scenario) throws(ModelError) -> ModelRun {
        var runs: [ModelRun] = []
        for member in members {
            try ModelError.checkCancellation(member.name)
            runs.append(try member.run(scenario))
        }
        return combine(runs, scenario: scenario)
    }

    /// The ensemble of runs already made: by default only the members' runs among them; with
    /// `requireMembers` false, every run given (except another ensemble's).
    public func combine(_ runs: [ModelRun], scenario: Scenario, requireMembers: Bool = true) -> ModelRun {
        let memberNames = Set(members.map(\.name))
        let used = runs.filter { requireMembers ? memberNames.contains($0.model) : $0.model != name }
        let outcomes = scenario.issues.map { issue -> IssueOutcome in
            let values = used.compactMap { $0.value(for: issue.id) }
            guard let median = Self.median(values), let low = values.min(), let high = values.max() else {
                return IssueOutcome(issue: issue.id, value: nil, note: "no member model has a forecast")
            }
            let note = "median of \(values.count) models; they range \(NumberText.fixed(low, digits: 1))-\(NumberText.fixed(high, digits: 1))"
            return IssueOutcome(issue: issue.id, value: median, note: values.count == used.count ? nil : note)
        }
        return ModelRun(model: name, outcomes: outcomes, trajectory: Trajectory(opening: scenario, forecast: outcomes.forecastValues),
                        stopReason: .closedForm)
    }

    /// The median of `values` (mean of the middle two for an even count); `nil` when empty.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
