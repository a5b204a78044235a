public import ParleyCore

/// A strategy for an iterated 2x2 game: it sees the history of the current match and
/// chooses this round's move.
///
/// A fresh value is made for every match (axelrod resets each player before a match), so
/// a strategy may keep whatever state it needs in stored properties. Every random draw goes
/// through `random`, the player's own seeded stream for this match.
public protocol RepeatedStrategy: Sendable {
    /// This round's choice, given the rounds played so far from this player's side.
    /// - Complexity: O(1) for most strategies; window strategies are O(window).
    mutating func choose(_ history: PlayHistory, random: inout RandomStream) -> Choice
}

/// What a strategy knows about the match it is about to play (axelrod's match attributes).
public struct MatchContext: Sendable, Hashable {
    /// The stage game from this player's side.
    public var payoffs: PlayerPayoffs
    /// The number of turns when the match length is fixed and known; `nil` when each round
    /// may be the last (axelrod's `length = inf` under `prob_end`).
    public var knownLength: Int?
    /// The probability that each move is flipped after it is chosen.
    public var noise: Double

    public init(payoffs: PlayerPayoffs = StageGame.prisonersDilemma.firstView, knownLength: Int? = nil, noise: Double = 0) {
        self.payoffs = payoffs
        self.knownLength = knownLength
        self.noise = noise
    }
}

/// A named, reusable recipe for a strategy: the catalogue's entry, a tournament's player.
///
/// Two players are equal when their names are equal; the name carries the parameters as
/// axelrod prints them (`"Random: 0.5"`, `"Soft Go By Majority: 10"`).
public struct RepeatedPlayer: Sendable, Hashable, CustomStringConvertible {
    /// The name as axelrod 4.14 prints the player (`str(player)`).
    public let name: String
    /// True when the strategy draws random numbers (so repetitions differ).
    public let isStochastic: Bool
    /// Where the strategy comes from (paper, tournament, axelrod module).
    public let source: String
    private let factory: @Sendable (MatchContext) -> any RepeatedStrategy

    /// A player named `name` whose strategy `factory` builds for each match.
    public init(
        name: String, isStochastic: Bool, source: String,
        factory: @escaping @Sendable (MatchContext) -> any RepeatedStrategy
    ) {
        self.name = name
        self.isStochastic = isStochastic
        self.source = source
        self.factory = factory
    }

    /// A fresh strategy for one match.
    public func makeStrategy(_ context: MatchContext) -> any RepeatedStrategy {
        factory(context)
    }

    public var description: String { name }

    public static func == (lhs: RepeatedPlayer, rhs: RepeatedPlayer) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}

extension RandomStream {
    /// `.cooperate` with probability `p`; no draw when `p` is 0 or 1 (axelrod's
    /// `random_choice`, which skips the draw there too).
    mutating func choice(cooperatingWith p: Double) -> Choice {
        if p <= 0 { return .defect }
        if p >= 1 { return .cooperate }
        return nextUnit() < p ? .cooperate : .defect
    }
}
