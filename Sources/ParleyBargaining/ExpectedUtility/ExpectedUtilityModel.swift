public import ParleyCore

/// Bueno de Mesquita's expected-utility model (BdM 1994; the equations as tabulated by Scholz,
/// Calbert and Smith 2011), run issue by issue.
///
/// Each round on an issue: every actor's risk exponent comes from how much the others gain by
/// challenging it (a first pass with r = 1); then each actor i weighs every other actor j
/// through E1 = EU_i(ij) and its estimate E2 of EU_j(ji), and the offer table turns the pair
/// into a confrontation, a compromise or a capitulation that would move i; i accepts one
/// offer, and all actors move at once. Rounds repeat until no one moves (within the
/// tolerance), positions return to an earlier round's (a cycle), or the round limit.
///
/// Inputs per issue: the stakeholders with a stance on it (the others are left out), capability
/// on the issue as given (any unit), salience 0–100 divided by 100 (the probability of
/// resisting a challenge), positions on the issue's scale. The published replications disagree
/// on ten points; each is an option of ``Parameters`` with presets for each replication.
///
/// **Forecast.** After each round, the median voter μ of that round's positions: the Condorcet
/// median (the weighted median on one dimension) by default, the capability × salience weighted
/// mean under `.mean` or `.medianThenMean`. The issue's outcome is the last round's forecast.
///
/// - Complexity: per issue and round O(n³) for n participants; O(n⁴) with the own-alternatives
///   risk reference. At most ``Parameters/roundLimit`` rounds.
public struct ExpectedUtilityModel: BargainingModel {
    public let name = "expected-utility"
    public let summary = "Bueno de Mesquita's expected utility model, issue by issue"
    public var parameters: Parameters

    /// A model with the given options (the textbook defaults unless told otherwise).
    public init(parameters: Parameters = .textbook) {
        self.parameters = parameters
    }

    /// Runs every issue and assembles positions per round per stakeholder per issue.
    ///
    /// Issues stop at different rounds; the trajectory runs to the longest, and an issue that
    /// stopped earlier holds its last positions (converged) or repeats its cycle. The overall
    /// stop reason is the round limit if any issue reached it, else the first issue's cycle (in
    /// scenario order), else `.converged` after the last issue's round. Each outcome's note
    /// gives its own issue's stop reason. The forecast per round is in ``runIssues(_:)``.
    /// - Throws: ``ModelError`` when the parameters are unusable.
    public func run(_ scenario: Scenario) throws(ModelError) -> ModelRun {
        // Options in the scenario's models.expected-utility section override this model's.
        if let options = scenario.models.options(for: name) {
            let configured = ExpectedUtilityModel(parameters: Self.parameters(from: options, base: parameters))
            if configured.parameters != parameters {
                return try configured.run(ScenarioWithoutOptions(scenario).value)
            }
        }
        let runs = try runIssues(scenario)
        let rounds = runs.map(\.roundsRun).max() ?? 0
        var trajectory: [Trajectory.Round] = []
        for t in 0...rounds {
            let positions = runs.map { $0.positions(atRound: t) }
            trajectory.append(Trajectory.Round(index: t, positions: scenario.stakeholders.map { stakeholder in
                Trajectory.StakeholderPositions(stakeholder: stakeholder.id, values: stakeholder.stances.compactMap { stance in
                    guard let issueIndex = runs.firstIndex(where: { $0.issue == stance.issue }),
                          let index = runs[issueIndex].stakeholders.firstIndex(of: stakeholder.id) else { return nil }
                    return Trajectory.IssueValue(issue: stance.issue, value: positions[issueIndex][index])
                })
            }, forecast: runs.compactMap { run in
                let forecast = run.forecasts.isEmpty ? nil : run.forecasts[min(t, run.forecasts.count - 1)]
                return forecast.map { Trajectory.IssueValue(issue: run.issue, value: $0) }
            }))
        }
        let outcomes = runs.map { run in
            IssueOutcome(issue: run.issue, value: run.finalForecast, note: run.note ?? Self.caveat(run))
        }
        return ModelRun(model: name, outcomes: outcomes, trajectory: Trajectory(rounds: trajectory),
                        stopReason: Self.overallStop(runs, limit: parameters.roundLimit))
    }

    /// Runs each issue of `scenario` on its own, in the scenario's order.
    /// - Throws: ``ModelError`` when the parameters are unusable.
    public func runIssues(_ scenario: Scenario) throws(ModelError) -> [ExpectedUtilityIssueRun] {
        try validate()
        var runs: [ExpectedUtilityIssueRun] = []
        for issue in scenario.issues {
            try ModelError.checkCancellation(name)
            runs.append(run(issue, of: scenario))
        }
        // A run stopped by a cancellation is cut short: it is never returned.
        try ModelError.checkCancellation(name)
        return runs
    }

    private func run(_ issue: PolicyIssue, of scenario: Scenario) -> ExpectedUtilityIssueRun {
        let setup = Setup(scenario: scenario, issue: issue, parameters: parameters)
        guard !setup.stakeholders.isEmpty else {
            return setup.idle(forecast: nil, note: "no stakeholder takes a stance on '\(issue.id)'")
        }
        guard let equations = setup.equations else {
            if setup.weightedIn {
                // Every participant holds the same position: nothing to negotiate.
                return setup.idle(forecast: setup.opening.first, note: nil)
            }
            return setup.idle(forecast: nil, note: IssueWeights(scenario: scenario, issue: issue).noWeightNote)
        }
        return equations.run(issue: issue.id, stakeholders: setup.stakeholders, opening: setup.opening)
    }

    /// One round on `issue` with every intermediate quantity (votes' probabilities, utilities,
    /// risk exponents, offers), from the opening positions or from `positions` (one per
    /// participant, in scenario order).
    /// - Throws: ``ModelError`` for unusable parameters, an unknown issue, a wrong number of
    ///   positions, or an issue on which the model cannot run (no weight or no spread).
    public func round(on issue: String, of scenario: Scenario, positions: [Double]? = nil) throws(ModelError) -> ExpectedUtilityRound {
        try validate()
        guard let policyIssue = scenario.issue(issue) else {
            throw ModelError(model: name, message: "unknown issue '\(issue)'",
                             hint: "the issues are " + scenario.issues.map { "'\($0.id)'" }.joined(separator: ", "))
        }
        let setup = Setup(scenario: scenario, issue: policyIssue, parameters: parameters)
        let start = positions ?? setup.opening
        guard start.count == setup.stakeholders.count, start.allSatisfy(\.isFinite) else {
            throw ModelError(model: name, message: "expected \(setup.stakeholders.count) finite positions on '\(issue)', got \(start.count)",
                             hint: "give one position per stakeholder with a stance on the issue, in scenario order")
        }
        guard let equations = setup.equations else {
            throw ModelError(model: name, message: "no round to compute on '\(issue)': no participant has positive weight, or all hold one position")
        }
        return equations.round(start, stakeholders: setup.stakeholders)
    }

    private func validate() throws(ModelError) {
        let problems = parameters.problems
        guard problems.isEmpty else {
            throw ModelError(model: name, message: problems.joined(separator: "; "),
                             hint: "Q and T lie in 0...1, the round limit is at least 1 and the tolerance at least 0")
        }
    }

    private static func caveat(_ run: ExpectedUtilityIssueRun) -> String {
        switch run.stopReason {
        case .converged, .closedForm: "\(run.stopReason)"
        case .cycle: "\(run.stopReason); the forecast is that of round \(run.roundsRun), the last computed"
        case .roundLimit: "\(run.stopReason) before positions settled; the forecast is that of the last round"
        }
    }

    private static func overallStop(_ runs: [ExpectedUtilityIssueRun], limit: Int) -> StopReason {
        if runs.contains(where: { if case .roundLimit = $0.stopReason { true } else { false } }) {
            return .roundLimit(limit)
        }
        for run in runs {
            if case .cycle = run.stopReason { return run.stopReason }
        }
        return .converged(round: runs.map(\.roundsRun).max() ?? 0)
    }
}

/// One issue's inputs in the model's units.
private struct Setup {
    let issue: String
    let stakeholders: [String]
    let opening: [Double]
    let equations: ExpectedUtilityEquations?
    /// Whether some participant has positive capability × salience.
    let weightedIn: Bool

    init(scenario: Scenario, issue: PolicyIssue, parameters: ExpectedUtilityModel.Parameters) {
        var ids: [String] = []
        var capabilities: [Double] = []
        var saliences: [Double] = []
        var positions: [Double] = []
        for stakeholder in scenario.stakeholders {
            guard let stance = stakeholder.stance(on: issue.id) else { continue }
            ids.append(stakeholder.id)
            capabilities.append(stakeholder.capability(on: issue.id))
            saliences.append(stance.salience / 100)
            positions.append(stance.position)
        }
        let width = switch parameters.scale {
        case .dataRange: (positions.max() ?? 0) - (positions.min() ?? 0)
        case .issueScale: issue.scale.width
        }
        self.issue = issue.id
        stakeholders = ids
        opening = positions
        weightedIn = zip(capabilities, saliences).contains { $0 * $1 > 0 }
        let spread = (positions.max() ?? 0) > (positions.min() ?? 0)
        equations = spread ? ExpectedUtilityEquations(parameters: parameters, capabilities: capabilities,
                                                      saliences: saliences, width: width) : nil
    }

    /// A run that does not move: round 0 only.
    func idle(forecast: Double?, note: String?) -> ExpectedUtilityIssueRun {
        ExpectedUtilityIssueRun(issue: issue, stakeholders: stakeholders, scaleWidth: nil, positions: [opening],
                                forecasts: [forecast], stopReason: .converged(round: 0), note: note)
    }
}

/// The scenario with its expected-utility options removed, so a configured model does not
/// apply them a second time.
private struct ScenarioWithoutOptions {
    let value: Scenario

    init(_ scenario: Scenario) {
        var models = scenario.models
        models.options.removeAll { $0.model == "expected-utility" }
        value = (try? Scenario(name: scenario.name, summary: scenario.summary, sources: scenario.sources, issues: scenario.issues,
                               stakeholders: scenario.stakeholders, uncertainty: scenario.uncertainty, models: models)) ?? scenario
    }
}
