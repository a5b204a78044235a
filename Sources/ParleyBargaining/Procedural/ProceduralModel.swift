public import ParleyCore

/// The procedural (agenda-setter) model: the forum's setter proposes the point of the status
/// quo's win-set nearest its own ideal, and the forum accepts it (Romer & Rosenthal's setter
/// model as applied to EU legislation by Steunenberg 1994, Tsebelis 1994 and Crombez 1996, with
/// Franchino & Mariotto's 2021 costly status quo).
///
/// Each issue is its own one-dimensional game: the status quo q is the issue's `status_quo`,
/// the members are the forum's (default: every stakeholder), each with its stance's position as
/// ideal point and its capability on the issue as voting weight; the rule is the forum's
/// (`consensus`/`unanimity`: every member a veto player; `majority`: more than the threshold
/// share of member capability, 0.5 by default; `qualified-majority`: at least the threshold), and
/// failing to agree costs every member `status_quo_cost` scale units. See ``WinSet`` for the
/// win-set and the proposal. A member without a stance on an issue, or with salience 0, is
/// indifferent there and accepts any proposal. Issues are independent: the model does not trade
/// across issues or let one issue's outcome move another.
///
/// - Complexity: O(n log n) per issue for n members.
public struct ProceduralModel: BargainingModel {
    /// Settings of the procedural model.
    public struct Parameters: Sendable, Hashable, Codable {
        /// The cost of failing to agree in scale units, replacing the forum's `status_quo_cost`
        /// when set (for sensitivity to Franchino & Mariotto's c); `nil`: the forum's.
        public var statusQuoCost: Double?

        public init(statusQuoCost: Double? = nil) {
            self.statusQuoCost = statusQuoCost
        }
    }

    public let name = "procedural"
    public let summary = "agenda setter proposes the status quo's win-set point nearest its ideal, under the forum's rule"
    public var parameters: Parameters

    public init(parameters: Parameters = Parameters()) {
        self.parameters = parameters
    }

    /// Whether `scenario` has what the model needs: a forum whose setter is one of its
    /// stakeholders, and a status quo on every issue.
    public static func canRun(on scenario: Scenario) -> Bool {
        guard let setter = scenario.forum?.setter, scenario.stakeholder(setter) != nil else { return false }
        return scenario.issues.allSatisfy { $0.statusQuo != nil }
    }

    /// Runs the model on every issue of `scenario`: one closed-form step.
    /// - Throws: ``ModelError`` when the scenario has no forum, the forum no setter, an issue no
    ///   status quo, or the cost override is negative or not finite.
    public func run(_ scenario: Scenario) throws(ModelError) -> ModelRun {
        guard let forum = scenario.forum else {
            throw ModelError(model: name, message: "the scenario has no forum, so there is no decision rule or agenda setter",
                             hint: "add forum: {rule: consensus, setter: <stakeholder id>} (see docs/procedural-model.md), or choose another --model",
                             code: .missingInput)
        }
        guard let setterID = forum.setter, let setter = scenario.stakeholder(setterID) else {
            throw ModelError(model: name, message: "the forum names no agenda setter, so nobody proposes",
                             hint: "add setter: <stakeholder id> under forum:, the party that drafts the proposal", code: .missingInput)
        }
        let missing = scenario.issues.filter { $0.statusQuo == nil }.map { "'\($0.id)'" }
        guard missing.isEmpty else {
            throw ModelError(model: name, message: "no status quo on issue\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", ")): the procedural model needs the outcome if no deal is reached",
                             hint: "add status_quo: {value: ...} to each issue, on the issue's scale", code: .missingInput)
        }
        let cost = parameters.statusQuoCost ?? forum.statusQuoCost
        guard cost.isFinite, cost >= 0 else {
            throw ModelError(model: name, message: "the status-quo cost must be a finite number >= 0, found \(NumberText.plain(cost))", code: .invalidParameters)
        }
        let rule = Self.rule(of: forum)
        let members = scenario.forumMembers ?? scenario.stakeholders.map(\.id)
        let outcomes = scenario.issues.map { issue -> IssueOutcome in
            guard let q = issue.statusQuo?.value else { return IssueOutcome(issue: issue.id, value: nil, note: "no status quo") }
            guard let ideal = setter.stance(on: issue.id)?.position else {
                return IssueOutcome(issue: issue.id, value: nil,
                                    note: "the agenda setter '\(setter.id)' takes no stance on '\(issue.id)', so it has no proposal to make")
            }
            let voters = members.compactMap { id -> WinSetVoter? in
                guard let member = scenario.stakeholder(id) else { return nil }
                let stance = member.stance(on: issue.id)
                let ideal = stance.flatMap { $0.salience > 0 ? $0.position : nil }
                return WinSetVoter(id: id, ideal: ideal, weight: member.capability(on: issue.id))
            }
            do throws(WinSetError) {
                let set = try WinSet(voters: voters, statusQuo: q, cost: cost, rule: rule, bounds: issue.scale.min...issue.scale.max)
                let value = set.proposal(setterIdeal: ideal)
                let note = set.isStatusQuoOnly ? "gridlock: no point but the status quo has the forum's support, so the status quo stands" : nil
                return IssueOutcome(issue: issue.id, value: value, note: note)
            } catch {
                return IssueOutcome(issue: issue.id, value: nil, note: "\(error.message) on '\(issue.id)'")
            }
        }
        return ModelRun(model: name, outcomes: outcomes, trajectory: Trajectory(opening: scenario, forecast: outcomes.forecastValues),
                        stopReason: .closedForm)
    }

    /// The win-set rule of a forum rule.
    public static func rule(of forum: Forum) -> WinSetRule {
        switch forum.rule {
        case .consensus, .unanimity: .unanimity
        case .majority: .moreThan(forum.effectiveThreshold ?? 0.5)
        case .qualifiedMajority: .atLeast(forum.effectiveThreshold ?? 1)
        }
    }
}
