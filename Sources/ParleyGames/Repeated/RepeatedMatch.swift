import ParleyCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How long a match lasts.
public enum MatchLength: Sendable, Hashable {
    /// A fixed number of turns, known to the players (axelrod's `turns`).
    case turns(Int)
    /// Each turn is the last with probability `endProbability` (axelrod's `prob_end`; the
    /// continuation probability is 1 − `endProbability`), so lengths are geometric with mean
    /// 1/`endProbability`. Players are not told the length. `maximumTurns` caps a draw.
    case endProbability(Double, maximumTurns: Int)

    /// The length with continuation probability `delta` (0 <= delta < 1), capped at `maximumTurns`.
    public static func continuation(_ delta: Double, maximumTurns: Int = 100_000) -> MatchLength {
        .endProbability(1 - delta, maximumTurns: maximumTurns)
    }
}

/// The rules of every match in a tournament or population: the stage game, the length and
/// the noise.
public struct MatchSettings: Sendable, Hashable {
    public var game: StageGame
    public var length: MatchLength
    /// The probability (0...1) that each player's choice is flipped after it is made.
    public var noise: Double

    /// - Throws: ``RepeatedGameError`` if turns < 1, a probability is outside its range.
    public init(game: StageGame = .prisonersDilemma, length: MatchLength = .turns(200), noise: Double = 0) throws(RepeatedGameError) {
        switch length {
        case .turns(let turns):
            guard turns >= 1, turns <= 100_000_000 else {
                throw RepeatedGameError(.invalidSettings, "turns must be between 1 and 100000000, found \(turns)")
            }
        case .endProbability(let p, let cap):
            guard p > 0, p <= 1 else {
                throw RepeatedGameError(.invalidSettings, "the end probability must be in (0, 1], found \(p)",
                                        hint: "a continuation probability of 0.99 is an end probability of 0.01")
            }
            guard cap >= 1 else {
                throw RepeatedGameError(.invalidSettings, "the maximum number of turns must be at least 1, found \(cap)")
            }
        }
        guard noise >= 0, noise <= 1 else {
            throw RepeatedGameError(.invalidSettings, "noise is a probability in 0...1, found \(noise)")
        }
        self.game = game
        self.length = length
        self.noise = noise
    }

    /// Whether two deterministic strategies always produce the same match.
    var isRepeatable: Bool {
        if case .turns = length, noise == 0 { return true }
        return false
    }

    func context(forFirst first: Bool) -> MatchContext {
        var known: Int?
        if case .turns(let turns) = length { known = turns }
        return MatchContext(payoffs: first ? game.firstView : game.secondView, knownLength: known, noise: noise)
    }

    /// The number of turns of one match, drawing from `random` when the length is random:
    /// `ceil(log(1 − u) / log(1 − p))` (axelrod's `sample_length`, inverse-transform sampling),
    /// with `u` in the open interval (0, 1) so that a match has at least one turn.
    func drawTurns(_ random: inout RandomStream) -> Int {
        switch length {
        case .turns(let turns):
            return turns
        case .endProbability(let p, let cap):
            if p >= 1 { return 1 }
            let u = random.nextOpenUnit()
            let n = (log(1 - u) / log(1 - p)).rounded(.up)
            guard n.isFinite else { return cap }
            return Swift.max(1, Swift.min(cap, n >= Double(cap) ? cap : Int(n)))
        }
    }
}

/// The full record of one match: both players' choices after noise, and the payoffs.
public struct MatchRecord: Sendable, Hashable {
    public var first: [Choice]
    public var second: [Choice]
    public var summary: MatchSummary
}

/// What a tournament keeps of one match: lengths, total payoffs and cooperation counts.
public struct MatchSummary: Sendable, Hashable {
    public var turns: Int
    /// Total payoffs of (first, second) over the match.
    public var firstScore: Double
    public var secondScore: Double
    public var firstCooperations: Int
    public var secondCooperations: Int

    /// 0 when the first player scored more, 1 when the second did, `nil` on a tie
    /// (axelrod's `compute_winner_index`).
    public var winner: Int? {
        firstScore == secondScore ? nil : (firstScore > secondScore ? 0 : 1)
    }
}

/// Plays single matches between two players.
public enum RepeatedMatch {
    /// Plays one match of `first` against `second`.
    ///
    /// Random streams: the first player draws from `RandomStream(seed:index:purpose: "player-1")`,
    /// the second from `"player-2"`, and the match (length, noise) from `"match"`, so the result
    /// depends only on (`seed`, `index`). Each round both choose, then noise flips each choice
    /// with probability `settings.noise` (first player's flip drawn first), and both histories
    /// record the flipped choices.
    /// - Complexity: O(turns) time and memory.
    public static func play(
        _ first: RepeatedPlayer, _ second: RepeatedPlayer, settings: MatchSettings, seed: UInt64 = 0, index: UInt64 = 0
    ) -> MatchRecord {
        var engine = Engine(first: first, second: second, settings: settings, seed: seed, index: index)
        return engine.run()
    }

    /// The summary of one match without keeping the choices (what tournaments use).
    public static func summary(
        _ first: RepeatedPlayer, _ second: RepeatedPlayer, settings: MatchSettings, seed: UInt64 = 0, index: UInt64 = 0
    ) -> MatchSummary {
        var engine = Engine(first: first, second: second, settings: settings, seed: seed, index: index)
        return engine.run().summary
    }

    /// ``summary(_:_:settings:seed:index:)`` for one repetition of a pair whose repetitions
    /// share meta teams' work through `memos` (first player's, second player's); the same result.
    static func summary(
        _ first: RepeatedPlayer, _ second: RepeatedPlayer, settings: MatchSettings, seed: UInt64, index: UInt64,
        memos: (MetaTeamMemo, MetaTeamMemo)
    ) -> MatchSummary {
        var engine = Engine(first: first, second: second, settings: settings, seed: seed, index: index, memos: memos)
        return engine.run().summary
    }

    /// One match's state; `run` opens both strategies' existentials once so that the turn
    /// loop calls them through their witness tables, not through boxed existentials.
    struct Engine {
        let first: RepeatedPlayer
        let second: RepeatedPlayer
        let settings: MatchSettings
        let seed: UInt64
        let index: UInt64
        var memos: (MetaTeamMemo, MetaTeamMemo)?

        mutating func run() -> MatchRecord {
            let a = MetaTeam.sharing(first.makeStrategy(settings.context(forFirst: true)), memos?.0)
            let b = MetaTeam.sharing(second.makeStrategy(settings.context(forFirst: false)), memos?.1)
            return Self.loop(a, b, settings: settings, seed: seed, index: index)
        }

        static func loop<A: RepeatedStrategy>(_ a: A, _ b: any RepeatedStrategy, settings: MatchSettings, seed: UInt64, index: UInt64) -> MatchRecord {
            loop2(a, b, settings: settings, seed: seed, index: index)
        }

        static func loop2<A: RepeatedStrategy, B: RepeatedStrategy>(_ a: A, _ b: B, settings: MatchSettings, seed: UInt64, index: UInt64) -> MatchRecord {
            var a = a
            var b = b
            var matchRandom = RandomStream(seed: seed, index: index, purpose: "match")
            var randomA = RandomStream(seed: seed, index: index, purpose: "player-1")
            var randomB = RandomStream(seed: seed, index: index, purpose: "player-2")
            let turns = settings.drawTurns(&matchRandom)
            let noise = settings.noise
            let game = settings.game
            var historyA = PlayHistory()
            var historyB = PlayHistory()
            historyA.reserve(turns)
            historyB.reserve(turns)
            var scoreA = 0.0
            var scoreB = 0.0
            for _ in 0..<turns {
                var x = a.choose(historyA, random: &randomA)
                var y = b.choose(historyB, random: &randomB)
                if noise > 0 {
                    if noise >= 1 || matchRandom.nextUnit() < noise { x = x.flipped }
                    if noise >= 1 || matchRandom.nextUnit() < noise { y = y.flipped }
                }
                historyA.record(mine: x, theirs: y)
                historyB.record(mine: y, theirs: x)
                let (u, v) = game.payoffs(x, y)
                scoreA += u
                scoreB += v
            }
            let summary = MatchSummary(
                turns: turns, firstScore: scoreA, secondScore: scoreB,
                firstCooperations: historyA.myCooperations, secondCooperations: historyB.myCooperations)
            return MatchRecord(first: historyA.mine, second: historyB.mine, summary: summary)
        }
    }
}
