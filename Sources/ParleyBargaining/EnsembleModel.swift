public import ParleyCore

/// The ensemble: on each issue, the **median** of the member models' forecasts.
///
/// The median rather than the mean because the members fail in different ways (the
/// expected-utility model can drift or cycle, the weighted median jumps between positions): one
/// outlying member moves a median little and a mean a lot. With an even number of forecasts the
/// median is the mean of the middle two. Members without a forecast on an issue are skipped.
/// Models that agree are one piece of evidence, not several: the ensemble's **spread** (its note's
/// range and standard deviation, a rough measure of model disagreement) is taken over the
/// **distinct** forecasts, two forecasts being the same when they differ by at most
/// ``agreementTolerance`` percent of the issue's scale, so three models that all give 60 count
/// once there. The median itself stays over every member: a median over distinct values would
/// jump when two members drift a hair apart.
///
/// - Complexity: the members' cost, plus O(m log m) per issue for m members.
public struct EnsembleModel: BargainingModel {
    public let name = "ensemble"
    public let summary = "median of the other models' forecasts, issue by issue"
    /// The models combined, in order.
    public let members: [any BargainingModel]
    /// Two forecasts closer than this share of the issue's scale, in percent, are the same
    /// forecast (0.05: 0.05 on a 0–100 scale).
    public static let agreementTolerance = 0.05

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
            let values = used.compactMap { $0.value(for: issue.id) }.filter(\.isFinite)
            let distinct = Self.distinct(values, within: issue.scale.width * Self.agreementTolerance / 100)
            guard let median = Self.median(values), let low = distinct.min(), let high = distinct.max() else {
                return IssueOutcome(issue: issue.id, value: nil, note: "no member model has a forecast")
            }
            let spread = "range \(NumberText.fixed(low, digits: 1))-\(NumberText.fixed(high, digits: 1)), "
                + "standard deviation \(NumberText.fixed(Self.standardDeviation(distinct), digits: 1))"
            let note = distinct.count == values.count
                ? "median of \(values.count) models; \(spread)"
                : "median of \(values.count) models giving \(distinct.count) distinct forecasts (\(spread) over the distinct ones)"
            return IssueOutcome(issue: issue.id, value: median, note: values.count == used.count && distinct.count == values.count ? nil : note)
        }
        return ModelRun(model: name, outcomes: outcomes, trajectory: Trajectory(opening: scenario, forecast: outcomes.forecastValues),
                        stopReason: .closedForm)
    }

    /// The distinct values among `values`, in order of first appearance: a value within `limit`
    /// of an earlier kept value is the same forecast (grouped by the first value of each group, as
    /// `ModelAgreement` in ParleyAnalysis groups them).
    /// - Complexity: O(m²) for m values (m is the number of models, a handful).
    public static func distinct(_ values: [Double], within limit: Double) -> [Double] {
        var kept: [Double] = []
        for value in values where !kept.contains(where: { abs($0 - value) <= limit }) {
            kept.append(value)
        }
        return kept
    }

    /// The population standard deviation of `values`; 0 for fewer than two.
    public static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
    }

    /// The median of `values` (mean of the middle two for an even count); `nil` when empty.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
    }
}
