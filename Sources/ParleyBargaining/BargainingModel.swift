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
    /// What kind of failure; new codes may be added without breaking callers.
    public struct Code: RawRepresentable, Sendable, Hashable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The model cannot run on this scenario as coded (missing data it needs, a degenerate input).
        public static let cannotRun = Code(rawValue: "cannot-run")
        /// The scenario lacks what the model needs (a forum, a status quo, a setter).
        public static let missingInput = Code(rawValue: "missing-input")
        /// The model's options (the scenario's `models:` section) are out of range.
        public static let invalidParameters = Code(rawValue: "invalid-parameters")
        /// The computation was stopped before it finished.
        public static let cancelled = Code(rawValue: "cancelled")
    }

    public var model: String
    public var code: Code
    public var message: String
    public var hint: String?
    /// Where in the scenario file the problem lies, when known (the front end adds the file).
    public var location: SourceLocation?

    public init(model: String, message: String, hint: String? = nil, code: Code = .cannotRun, location: SourceLocation? = nil) {
        self.model = model
        self.code = code
        self.message = message
        self.hint = hint
        self.location = location
    }

    public var description: String {
        (location.map { "\($0): " } ?? "") + "error: \(model): \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
    }

    /// The same error, located in `file` when it had no location.
    public func located(in file: String?) -> ModelError {
        guard location == nil, let file else { return self }
        var copy = self
        copy.location = SourceLocation(file: file, line: 1, column: 1)
        return copy
    }

    /// The model stopped because its computation was cancelled (see `Cancellation` in ParleyCore).
    public static func cancelled(_ model: String) -> ModelError {
        ModelError(model: model, message: Cancellation.message, hint: "ask for less, or run it with the parley command line, which has no deadline")
    }

    /// Throws ``cancelled(_:)`` when the current computation was asked to stop.
    public static func checkCancellation(_ model: String) throws(ModelError) {
        if Cancellation.isRequested { throw cancelled(model) }
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
