/// The results of a tournament, computed as axelrod's `ResultSet` computes them.
///
/// Self-play is excluded from every score, win and cooperation figure (it only fills the
/// payoff matrix's diagonal). A player's normalised score in a repetition is the mean, over
/// its opponents, of its payoff per turn in that match; the ranking sorts players by the
/// median of those over repetitions, highest first, ties keeping input order (a stable sort).
public struct TournamentResult: Sendable {
    public let players: [RepeatedPlayer]
    public let repetitions: Int

    /// `scores[i][r]`: player i's total payoff against the others in repetition r.
    public let scores: [[Double]]
    /// `normalisedScores[i][r]`: player i's mean payoff per turn per opponent in repetition r.
    public let normalisedScores: [[Double]]
    /// `wins[i][r]`: matches player i won (scored more) in repetition r.
    public let wins: [[Int]]
    /// `payoffMatrix[i][j]`: i's mean payoff per turn against j, over repetitions (the diagonal
    /// averages both sides of self-play; 0 where no match was played).
    public let payoffMatrix: [[Double]]
    /// `cooperation[i][j]`: i's cooperations against j summed over repetitions.
    public let cooperation: [[Int]]
    /// Player i's cooperations divided by its turns, against the others, over all repetitions.
    public let cooperatingRating: [Double]
    /// Player indices, best first.
    public let ranking: [Int]

    /// The result of a finished tally (every pair's matches folded in, in play order).
    init(players: [RepeatedPlayer], tally: TournamentTally) {
        let n = players.count
        let repetitions = tally.repetitions
        self.players = players
        self.repetitions = repetitions
        let scores = tally.scores
        let perTurnSums = tally.perTurnSums
        let opponents = tally.opponents
        let wins = tally.wins
        let payoffSums = tally.payoffSums
        let payoffCounts = tally.payoffCounts
        let cooperation = tally.cooperation
        let cooperations = tally.cooperations
        let turns = tally.turns
        self.scores = scores
        normalisedScores = (0..<n).map { i in
            (0..<repetitions).map { r in opponents[i][r] > 0 ? perTurnSums[i][r] / Double(opponents[i][r]) : 0 }
        }
        self.wins = wins
        payoffMatrix = (0..<n).map { i in
            (0..<n).map { j in payoffCounts[i][j] > 0 ? payoffSums[i][j] / Double(payoffCounts[i][j]) : 0 }
        }
        self.cooperation = cooperation
        cooperatingRating = (0..<n).map { Double(cooperations[$0]) / Double(Swift.max(1, turns[$0])) }
        let medians = normalisedScores.map(Self.median)
        // A stable sort on the negated median, as Python's sorted(key=-median).
        ranking = Array(0..<n).enumerated().sorted { lhs, rhs in
            let (a, b) = (medians[lhs.element], medians[rhs.element])
            return a != b ? a > b : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Player i's median normalised score over repetitions.
    public func medianScore(_ i: Int) -> Double { Self.median(normalisedScores[i]) }

    /// Player i's mean normalised score over repetitions.
    public func meanScore(_ i: Int) -> Double {
        normalisedScores[i].reduce(0, +) / Double(Swift.max(1, normalisedScores[i].count))
    }

    /// Player i's median wins per repetition (axelrod's `summarise`).
    public func medianWins(_ i: Int) -> Double { Self.median(wins[i].map(Double.init)) }

    /// The players' names in rank order.
    public var rankedNames: [String] { ranking.map { players[$0].name } }

    /// The median of `values` (mean of the middle two for an even count; 0 when empty).
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// The running totals of a tournament: matches are folded in as they finish, in play order,
/// and dropped, so memory is O(players² + players × repetitions) whatever the number of
/// matches.
struct TournamentTally: Sendable {
    let repetitions: Int
    var scores: [[Double]]
    var perTurnSums: [[Double]]
    var opponents: [[Int]]
    var wins: [[Int]]
    var payoffSums: [[Double]]
    var payoffCounts: [[Int]]
    var cooperation: [[Int]]
    var cooperations: [Int]
    var turns: [Int]

    init(players n: Int, repetitions: Int) {
        self.repetitions = repetitions
        scores = Array(repeating: Array(repeating: 0.0, count: repetitions), count: n)
        perTurnSums = scores
        opponents = Array(repeating: Array(repeating: 0, count: repetitions), count: n)
        wins = opponents
        payoffSums = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        payoffCounts = Array(repeating: Array(repeating: 0, count: n), count: n)
        cooperation = payoffCounts
        cooperations = Array(repeating: 0, count: n)
        turns = cooperations
    }

    /// Folds in the matches (one per repetition) of players i and j.
    mutating func add(_ i: Int, _ j: Int, _ matches: [MatchSummary]) {
        for (r, match) in matches.enumerated() where r < repetitions {
            let t = Double(Swift.max(match.turns, 1))
            if i == j {
                payoffSums[i][i] += (match.firstScore + match.secondScore) / (2 * t)
                payoffCounts[i][i] += 1
                cooperation[i][i] += match.firstCooperations
                continue
            }
            scores[i][r] += match.firstScore
            scores[j][r] += match.secondScore
            perTurnSums[i][r] += match.firstScore / t
            perTurnSums[j][r] += match.secondScore / t
            opponents[i][r] += 1
            opponents[j][r] += 1
            if let winner = match.winner {
                if winner == 0 { wins[i][r] += 1 } else { wins[j][r] += 1 }
            }
            payoffSums[i][j] += match.firstScore / t
            payoffSums[j][i] += match.secondScore / t
            payoffCounts[i][j] += 1
            payoffCounts[j][i] += 1
            cooperation[i][j] += match.firstCooperations
            cooperation[j][i] += match.secondCooperations
            cooperations[i] += match.firstCooperations
            cooperations[j] += match.secondCooperations
            turns[i] += match.turns
            turns[j] += match.turns
        }
    }
}
