import ParleyCore

/// A game that cannot be built or solved as asked: what was wrong and how to fix it.
///
/// Readers in `ParleyIO` turn these into located `ScenarioError`s; the command
/// line prints them as `error: message` with the hint on the next line.
public struct GameError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Sizes that do not fit together (a payoff list of the wrong length, a player without strategies).
        public static let shape = Code(rawValue: "shape")
        /// A value outside what the game allows (a probability outside 0...1, priors that do not sum to 1).
        public static let invalidValue = Code(rawValue: "invalid-value")
        /// The method does not apply to this game (enumeration on three players, ...).
        public static let unsupported = Code(rawValue: "unsupported")
        /// The game is too large for the method asked for.
        public static let tooLarge = Code(rawValue: "too-large")
    }

    public var code: Code
    public var message: String
    public var hint: String?

    public init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    public var description: String {
        "error: \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
    }
}

extension GameError.Code {
    /// The computation was cancelled (see `Cancellation` in ParleyCore) before it finished.
    public static let cancelled = GameError.Code(rawValue: "cancelled")
}

extension GameError {
    /// The solver stopped because its computation was cancelled.
    public static var cancelled: GameError {
        GameError(.cancelled, Cancellation.message, hint: "solve it with the parley command line, which has no deadline")
    }

    /// Throws ``cancelled`` when the current computation was asked to stop.
    public static func checkCancellation() throws(GameError) {
        if Cancellation.isRequested { throw cancelled }
    }
}
