public import ParleyCore

/// A model that forecasts how a negotiation ends.
///
/// Static models (weighted mean, weighted median, Nash bargaining) answer in closed form and
/// return a single round; dynamic models (issue 3: expected utility, exchange, spatial) return
/// every round. All share this protocol so the command line, the server and Monte Carlo can
/// run any of them.
public protocol BargainingModel: Sendable {
    /// The stable name used on the command line and in JSON, such as `weighted-mean`.
    var name: String { get }
    /// One line for tables and help: what the model computes.
    var summary: String { get }

    /// Runs the model on `scenario`.
    /// - Throws: ``ModelError`` when the model cannot run on this scenario at all. An issue
    ///   the model cannot forecast (no stakeholder gives it weight) is reported in its
    ///   ``IssueOutcome`` instead, so the other issues still get forecasts.
    func run(_ scenario: Scenario) throws(ModelError) -> ModelRun
}

/// Why a model could not run.
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure it is, for exit codes and HTTP statuses.
    public enum Kind: Sendable, Hashable {
        /// The model failed on data it should handle (an internal error: exit 70).
        case failed
        /// The scenario (or the model's settings) lacks what this model needs, such as a forum or a status
        /// quo, or gives it a value it cannot use (bad input data: exit 65).
        case invalidInput
    }

    public var model: String
    public var message: String
    public var hint: String?
    public var kind: Kind

    public init(model: String, message: String, hint: String? = nil, kind: Kind = .failed) {
        self.model = model
        self.message = message
        self.hint = hint
        self.kind = kind
    }

    public var description: String {
        "error: \(model): \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
    }
}

/// A model's forecast for one issue.
public struct IssueOutcome: Sendable, Hashable {
    public var issue: String
    /// The forecast on the issue's scale, or `nil` when the model has none (see `note`).
    public var value: Double?
    /// Why there is no value, or a caveat on it.
    public var note: String?

    public init(issue: String, value: Double?, note: String? = nil) {
        self.issue = issue
        self.value = value
        self.note = note
    }
}

/// Why a model stopped.
public enum StopReason: Sendable, Hashable, CustomStringConvertible {
    /// A closed-form model: one step, nothing to iterate.
    case closedForm
    /// Positions stopped changing (by the model's own criterion) after the given round.
    case converged(round: Int)
    /// The round limit was reached first.
    case roundLimit(Int)
    /// Positions repeat with the given period from the given round on.
    case cycle(start: Int, period: Int)

    public var description: String {
        switch self {
        case .closedForm: "closed-form"
        case .converged(let round): "converged after round \(round)"
        case .roundLimit(let limit): "round limit \(limit) reached"
        case .cycle(let start, let period): "cycle of period \(period) from round \(start)"
        }
    }

    /// The snake_case key used in JSON.
    public var key: String {
        switch self {
        case .closedForm: "closed_form"
        case .converged: "converged"
        case .roundLimit: "round_limit"
        case .cycle: "cycle"
        }
    }

    public var isConverged: Bool {
        switch self {
        case .closedForm, .converged: true
        case .roundLimit, .cycle: false
        }
    }
}

/// Everything one model run produced.
public struct ModelRun: Sendable, Hashable {
    public var model: String
    /// One per issue, in the scenario's order.
    public var outcomes: [IssueOutcome]
    /// Positions round by round; round 0 is the scenario's own positions.
    public var trajectory: Trajectory
    public var stopReason: StopReason

    public init(model: String, outcomes: [IssueOutcome], trajectory: Trajectory, stopReason: StopReason) {
        self.model = model
        self.outcomes = outcomes
        self.trajectory = trajectory
        self.stopReason = stopReason
    }

    /// The forecast for `issue`, if the model has one.
    public func value(for issue: String) -> Double? {
        outcomes.first { $0.issue == issue }?.value
    }
}

extension [IssueOutcome] {
    /// The outcomes that have a value, as trajectory values.
    public var forecastValues: [Trajectory.IssueValue] {
        compactMap { outcome in outcome.value.map { Trajectory.IssueValue(issue: outcome.issue, value: $0) } }
    }
}
