/// A 2x2 stage game played every round: each player cooperates or defects, and each gets a
/// payoff that depends on both choices.
///
/// The default is axelrod's Prisoner's Dilemma, (R, S, T, P) = (3, 0, 5, 1) (Axelrod 1984,
/// *The Evolution of Cooperation*, p. 8). Asymmetric games give each player its own table;
/// a strategy always sees the game from its own side through ``PlayerPayoffs``.
public struct StageGame: Sendable, Hashable, CustomStringConvertible {
    /// The first player's payoffs, indexed `2 * first + second` (C = 0, D = 1).
    public let firstPayoffs: [Double]
    /// The second player's payoffs, indexed `2 * first + second`.
    public let secondPayoffs: [Double]

    /// The symmetric game with reward `r` (both cooperate), sucker `s`, temptation `t` and
    /// punishment `p`. Any finite values are accepted: a Prisoner's Dilemma needs
    /// T > R > P > S, a stag hunt R > T >= P > S, chicken T > R > S > P.
    /// - Throws: ``RepeatedGameError`` if a payoff is NaN or infinite.
    public init(r: Double, s: Double, t: Double, p: Double) throws(RepeatedGameError) {
        try self.init(first: [[r, s], [t, p]], second: [[r, t], [s, p]])
    }

    /// A general 2x2 game from two tables `[[CC, CD], [DC, DD]]` indexed by (first player's
    /// choice, second player's choice).
    /// - Throws: ``RepeatedGameError`` if a table is not 2x2 or holds a non-finite number.
    public init(first: [[Double]], second: [[Double]]) throws(RepeatedGameError) {
        guard first.count == 2, second.count == 2, first.allSatisfy({ $0.count == 2 }), second.allSatisfy({ $0.count == 2 }) else {
            throw RepeatedGameError(.invalidGame, "a stage game needs two 2x2 payoff tables [[CC, CD], [DC, DD]]")
        }
        let a = first.flatMap { $0 }
        let b = second.flatMap { $0 }
        guard (a + b).allSatisfy(\.isFinite) else {
            throw RepeatedGameError(.invalidGame, "stage-game payoffs must be finite numbers")
        }
        firstPayoffs = a
        secondPayoffs = b
    }

    init(unchecked first: [Double], _ second: [Double]) {
        firstPayoffs = first
        secondPayoffs = second
    }

    /// The Prisoner's Dilemma with axelrod's default payoffs R=3, S=0, T=5, P=1.
    public static let prisonersDilemma = StageGame(unchecked: [3, 0, 5, 1], [3, 5, 0, 1])

    /// True when both players have the same table up to swapping their roles.
    public var isSymmetric: Bool {
        firstPayoffs[0] == secondPayoffs[0] && firstPayoffs[1] == secondPayoffs[2]
            && firstPayoffs[2] == secondPayoffs[1] && firstPayoffs[3] == secondPayoffs[3]
    }

    /// The payoffs of one round: (first player's, second player's).
    public func payoffs(_ first: Choice, _ second: Choice) -> (Double, Double) {
        let index = Int(first.rawValue) * 2 + Int(second.rawValue)
        return (firstPayoffs[index], secondPayoffs[index])
    }

    /// The game as the first player sees it.
    public var firstView: PlayerPayoffs {
        PlayerPayoffs(r: firstPayoffs[0], s: firstPayoffs[1], t: firstPayoffs[2], p: firstPayoffs[3])
    }

    /// The game as the second player sees it (its own choice first).
    public var secondView: PlayerPayoffs {
        PlayerPayoffs(r: secondPayoffs[0], s: secondPayoffs[2], t: secondPayoffs[1], p: secondPayoffs[3])
    }

    public var description: String {
        if isSymmetric {
            let v = firstView
            return "R=\(v.r.cleanText) S=\(v.s.cleanText) T=\(v.t.cleanText) P=\(v.p.cleanText)"
        }
        return "first \(firstPayoffs.map(\.cleanText)), second \(secondPayoffs.map(\.cleanText))"
    }
}

/// The stage game from one player's side: R (both cooperate), S (I cooperate, they defect),
/// T (I defect, they cooperate), P (both defect). axelrod's `Game.RPST()`.
public struct PlayerPayoffs: Sendable, Hashable {
    public var r: Double
    public var s: Double
    public var t: Double
    public var p: Double

    public init(r: Double, s: Double, t: Double, p: Double) {
        self.r = r
        self.s = s
        self.t = t
        self.p = p
    }

    /// My payoff when I play `mine` and the opponent `theirs`.
    public func payoff(_ mine: Choice, _ theirs: Choice) -> Double {
        switch (mine, theirs) {
        case (.cooperate, .cooperate): r
        case (.cooperate, .defect): s
        case (.defect, .cooperate): t
        case (.defect, .defect): p
        }
    }
}

extension Double {
    /// `3` rather than `3.0`; the shortest round-trip text otherwise.
    var cleanText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : "\(self)"
    }
}
