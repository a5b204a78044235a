/// Something wrong with a repeated-game request: an unknown strategy, a bad parameter,
/// a tournament too small to rank. Says what was wrong and, where it can, how to fix it.
public struct RepeatedGameError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem; callers map kinds to exit codes.
    public struct Code: RawRepresentable, Sendable, Hashable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A strategy name that is not in the catalogue.
        public static let unknownStrategy = Code(rawValue: "unknown-strategy")
        /// A strategy parameter out of its range (a probability outside 0...1, ...).
        public static let invalidParameter = Code(rawValue: "invalid-parameter")
        /// Turns, repetitions, noise or the continuation probability out of range.
        public static let invalidSettings = Code(rawValue: "invalid-settings")
        /// Payoff tables that are not 2x2 or not finite.
        public static let invalidGame = Code(rawValue: "invalid-game")
        /// Too few players for the requested analysis.
        public static let tooFewPlayers = Code(rawValue: "too-few-players")
        /// axelrod's data file (EvolvedAttention's weights) is needed but not given, or unreadable.
        public static let missingData = Code(rawValue: "missing-data")
    }

    public var code: Code
    /// What is wrong, naming the value found.
    public var message: String
    /// How to fix it, when that can be told.
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
