import ParleyCore

/// What one n-player match leaves: its length and each player's total payoff and cooperations.
public struct GroupMatchSummary: Sendable, Hashable {
    public var turns: Int
    /// Total payoffs over the match, in the group's order.
    public var scores: [Double]
    /// Rounds each player cooperated (after noise).
    public var cooperations: [Int]
}

/// Plays single n-player matches.
public enum GroupMatch {
    /// Plays one match of `players` (at least 2; the group size is their count).
    ///
    /// Player k draws from `RandomStream(seed:index:purpose: "player-k")` (1-based), the match
    /// (length, noise) from `"match"`. Each round every player chooses, noise flips each choice
    /// with probability `settings.match.noise` (in player order), then each is paid
    /// ``GroupGame/payoff(_:others:size:)`` and records its own choice and whether at least
    /// ``GroupSettings/threshold(size:)`` others cooperated.
    /// - Complexity: O(turns × players) time, O(turns × players) memory.
    public static func play(_ players: [RepeatedPlayer], settings: GroupSettings, seed: UInt64 = 0, index: UInt64 = 0) -> GroupMatchSummary {
        let size = players.count
        var context = settings.match.context(forFirst: true)
        context.payoffs = settings.game.view(size: size)
        var strategies = players.map { $0.makeStrategy(context) }
        var matchRandom = RandomStream(seed: seed, index: index, purpose: "match")
        var randoms = (0..<size).map { RandomStream(seed: seed, index: index, purpose: "player-\($0 + 1)") }
        let turns = settings.match.drawTurns(&matchRandom)
        let noise = settings.match.noise
        let threshold = settings.threshold(size: size)
        var histories = Array(repeating: PlayHistory(), count: size)
        for k in 0..<size { histories[k].reserve(turns) }
        var scores = Array(repeating: 0.0, count: size)
        var choices = Array(repeating: Choice.cooperate, count: size)
        for _ in 0..<turns {
            for k in 0..<size { choices[k] = strategies[k].choose(histories[k], random: &randoms[k]) }
            if noise > 0 {
                for k in 0..<size where noise >= 1 || matchRandom.nextUnit() < noise { choices[k] = choices[k].flipped }
            }
            let cooperators = choices.reduce(0) { $0 + ($1 == .cooperate ? 1 : 0) }
            for k in 0..<size {
                let others = cooperators - (choices[k] == .cooperate ? 1 : 0)
                scores[k] += settings.game.payoff(choices[k], others: others, size: size)
                histories[k].record(mine: choices[k], theirs: others >= threshold ? .cooperate : .defect)
            }
        }
        return GroupMatchSummary(turns: turns, scores: scores, cooperations: histories.map(\.myCooperations))
    }
}
