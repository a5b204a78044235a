/// An n-player stage game: each player cooperates or defects, and its payoff depends on its
/// own choice and on how many of the others cooperate. axelrod plans these for 5.0 (its
/// issues #1174 and #1328); Parley plays them with the same strategies as 2x2 games (see
/// ``GroupSettings``).
public struct GroupGame: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The linear public goods game: every player holds `endowment`; a cooperator puts
        /// it into a common pot, the pot is multiplied by `multiplier` and shared equally by
        /// all n players. A dilemma when 1 < multiplier < n.
        case publicGoods(multiplier: Double, endowment: Double)
        /// The volunteer's dilemma (Diekmann 1985, *Journal of Conflict Resolution* 29): every
        /// player gets `benefit` if at least one player volunteers (cooperates); a volunteer
        /// pays `cost` (0 < cost < benefit for a dilemma).
        case volunteersDilemma(benefit: Double, cost: Double)
    }

    public let kind: Kind

    /// - Throws: ``RepeatedGameError`` if a parameter is not finite, the multiplier or the
    ///   endowment is negative, or the volunteer's cost is negative.
    public init(_ kind: Kind) throws(RepeatedGameError) {
        switch kind {
        case .publicGoods(let multiplier, let endowment):
            guard multiplier.isFinite, endowment.isFinite, multiplier >= 0, endowment >= 0 else {
                throw RepeatedGameError(.invalidGame, "the public goods game needs a finite multiplier and endowment, both >= 0",
                                        hint: "for example --game public-goods:3 (multiplier 3, endowment 1)")
            }
        case .volunteersDilemma(let benefit, let cost):
            guard benefit.isFinite, cost.isFinite, cost >= 0 else {
                throw RepeatedGameError(.invalidGame, "the volunteer's dilemma needs a finite benefit and a finite cost >= 0",
                                        hint: "for example --game volunteer:2,1 (benefit 2, cost 1)")
            }
        }
        self.kind = kind
    }

    /// The public goods game with multiplier `multiplier` and endowment 1.
    public static func publicGoods(multiplier: Double) throws(RepeatedGameError) -> GroupGame {
        try GroupGame(.publicGoods(multiplier: multiplier, endowment: 1))
    }

    /// One player's payoff for one round of a group of `size` players, when it plays
    /// `choice` and `others` of the other players cooperate.
    /// - Complexity: O(1).
    public func payoff(_ choice: Choice, others: Int, size: Int) -> Double {
        switch kind {
        case .publicGoods(let multiplier, let endowment):
            let contributors = Double(others + (choice == .cooperate ? 1 : 0))
            let share = multiplier * endowment * contributors / Double(Swift.max(1, size))
            return choice == .cooperate ? share : endowment + share
        case .volunteersDilemma(let benefit, let cost):
            if choice == .cooperate { return benefit - cost }
            return others > 0 ? benefit : 0
        }
    }

    /// The game as a 2x2 strategy sees it in a group of `size`: R when everyone cooperates, S
    /// when it cooperates alone, T when it alone defects, P when nobody cooperates.
    public func view(size: Int) -> PlayerPayoffs {
        let others = Swift.max(0, size - 1)
        return PlayerPayoffs(r: payoff(.cooperate, others: others, size: size), s: payoff(.cooperate, others: 0, size: size),
                             t: payoff(.defect, others: others, size: size), p: payoff(.defect, others: 0, size: size))
    }

    /// The game and its parameters, as the CLI prints them.
    public var description: String {
        switch kind {
        case .publicGoods(let m, let e): "public goods, multiplier \(m.cleanText), endowment \(e.cleanText)"
        case .volunteersDilemma(let b, let c): "volunteer's dilemma, benefit \(b.cleanText), cost \(c.cleanText)"
        }
    }
}

/// The rules of every match of an n-player repeated game.
///
/// Every catalogue strategy can play: it sees the rest of the group as one opponent that
/// cooperated in a round when at least `threshold` of the other players cooperated (a
/// threshold Tit For Tat in the group; Boyd & Richerson 1988), and it is told the game's
/// 2x2 view (``GroupGame/view(size:)``).
public struct GroupSettings: Sendable, Hashable {
    public var game: GroupGame
    /// Length and noise of each match; its 2x2 stage game is not used.
    public var match: MatchSettings
    /// How many of the other players must cooperate for a strategy to see cooperation;
    /// `nil` for the default: a strict majority of the others in a public goods game, one
    /// volunteer in the volunteer's dilemma.
    public var threshold: Int?

    /// - Throws: ``RepeatedGameError`` if `threshold` is below 1.
    public init(game: GroupGame, match: MatchSettings, threshold: Int? = nil) throws(RepeatedGameError) {
        if let threshold, threshold < 1 {
            throw RepeatedGameError(.invalidSettings, "the group threshold must be at least 1, found \(threshold)")
        }
        self.game = game
        self.match = match
        self.threshold = threshold
    }

    /// The threshold in a group of `size` players (at most the size − 1 others).
    public func threshold(size: Int) -> Int {
        let others = Swift.max(1, size - 1)
        if let threshold { return Swift.min(threshold, others) }
        switch game.kind {
        case .publicGoods: return others / 2 + 1
        case .volunteersDilemma: return 1
        }
    }
}
