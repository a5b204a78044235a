import Dispatch
import Synchronization

/// A tournament of an n-player repeated game: every group of `groupSize` distinct players
/// (every combination, in lexicographic order) plays `repetitions` matches.
///
/// Match r of group g has index `g * repetitions + r`, so the result is the same for any
/// number of jobs. A group of deterministic players plays once when matches are repeatable
/// and its repetitions copy that match. A player's normalised score in a repetition is the
/// mean, over its groups, of its payoff per turn; players are ranked by the median over
/// repetitions, ties keeping input order, as ``TournamentResult`` ranks.
public struct GroupTournament: Sendable {
    public let players: [RepeatedPlayer]
    public let settings: GroupSettings
    public let groupSize: Int
    public let repetitions: Int
    public let seed: UInt64
    /// The groups, as sorted player indices, in play order.
    public let groups: [[Int]]

    /// The most groups a tournament may have.
    public static let maximumGroups = 200_000

    /// - Throws: ``RepeatedGameError`` when the group size is under 2 or over the number of
    ///   players, repetitions are outside 1...1000000, or there would be more than
    ///   ``maximumGroups`` groups.
    public init(players: [RepeatedPlayer], settings: GroupSettings, groupSize: Int, repetitions: Int = 10, seed: UInt64 = 0) throws(RepeatedGameError) {
        guard groupSize >= 2, groupSize <= players.count else {
            throw RepeatedGameError(.tooFewPlayers, "a group of \(groupSize) needs at least that many players (and at least 2), found \(players.count)",
                                    hint: "list more players with --players, or lower --group-size")
        }
        guard repetitions >= 1, repetitions <= 1_000_000 else {
            throw RepeatedGameError(.invalidSettings, "repetitions must be between 1 and 1000000, found \(repetitions)")
        }
        guard let count = Self.combinations(players.count, groupSize), count <= Self.maximumGroups else {
            throw RepeatedGameError(.invalidSettings, "\(players.count) players in groups of \(groupSize) make more than \(Self.maximumGroups) groups",
                                    hint: "use fewer players or a smaller --group-size")
        }
        var groups: [[Int]] = []
        groups.reserveCapacity(count)
        var current = Array(0..<groupSize)
        let n = players.count
        while true {
            groups.append(current)
            var k = groupSize - 1
            while k >= 0, current[k] == n - groupSize + k { k -= 1 }
            if k < 0 { break }
            current[k] += 1
            for m in (k + 1)..<groupSize { current[m] = current[m - 1] + 1 }
        }
        self.players = players
        self.settings = settings
        self.groupSize = groupSize
        self.repetitions = repetitions
        self.seed = seed
        self.groups = groups
    }

    /// C(n, k), or `nil` when it exceeds ``maximumGroups`` on the way.
    static func combinations(_ n: Int, _ k: Int) -> Int? {
        var result = 1
        for i in 0..<k {
            // result * (n - i) / (i + 1) stays an integer: result is C(n, i) before the step.
            let (product, overflow) = result.multipliedReportingOverflow(by: n - i)
            if overflow { return nil }
            result = product / (i + 1)
            if result > maximumGroups * 1000 { return nil }
        }
        return result
    }

    /// Plays every group on up to `jobs` threads, folding matches into running totals in play
    /// order, `blockSize` groups at a time.
    /// - Complexity: O(groups × repetitions × turns × groupSize) time; memory
    ///   O(players × repetitions + blockSize × repetitions × groupSize).
    public func play(jobs: Int = Tournament.defaultJobs, blockSize: Int = 1024) -> GroupTournamentResult {
        let n = players.count
        var perTurn = Array(repeating: Array(repeating: 0.0, count: repetitions), count: n)
        var wins = Array(repeating: Array(repeating: 0, count: repetitions), count: n)
        var cooperations = Array(repeating: 0, count: n)
        var turns = Array(repeating: 0, count: n)
        var memberships = Array(repeating: 0, count: n)
        for group in groups { for i in group { memberships[i] += 1 } }
        let block = Swift.max(1, blockSize)
        var start = 0
        while start < groups.count {
            let end = Swift.min(groups.count, start + block)
            let work = end - start
            let next = Atomic<Int>(0)
            let collected = Mutex<[[GroupMatchSummary]?]>(Array(repeating: nil, count: work))
            let tournament = self
            let offset = start
            DispatchQueue.concurrentPerform(iterations: Swift.max(1, Swift.min(jobs, work))) { _ in
                var local: [(Int, [GroupMatchSummary])] = []
                while true {
                    let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    if k >= work { break }
                    local.append((k, tournament.playGroup(offset + k)))
                }
                collected.withLock { all in for (k, s) in local { all[k] = s } }
            }
            let summaries = collected.withLock { $0 }
            for k in 0..<work {
                let group = groups[offset + k]
                for (r, match) in (summaries[k] ?? []).enumerated() where r < repetitions {
                    let t = Double(Swift.max(1, match.turns))
                    let best = match.scores.max() ?? 0
                    let leaders = match.scores.filter { $0 == best }.count
                    for (position, i) in group.enumerated() where position < match.scores.count {
                        perTurn[i][r] += match.scores[position] / t
                        if leaders == 1, match.scores[position] == best { wins[i][r] += 1 }
                        cooperations[i] += match.cooperations[position]
                        turns[i] += match.turns
                    }
                }
            }
            start = end
        }
        let normalised = (0..<n).map { i in perTurn[i].map { memberships[i] > 0 ? $0 / Double(memberships[i]) : 0 } }
        return GroupTournamentResult(
            players: players, normalisedScores: normalised, wins: wins,
            cooperatingRating: (0..<n).map { Double(cooperations[$0]) / Double(Swift.max(1, turns[$0])) })
    }

    private func playGroup(_ g: Int) -> [GroupMatchSummary] {
        let members = groups[g].map { players[$0] }
        let base = UInt64(g) &* UInt64(repetitions)
        if settings.match.isRepeatable, !members.contains(where: \.isStochastic) {
            return Array(repeating: GroupMatch.play(members, settings: settings, seed: seed, index: base), count: repetitions)
        }
        return (0..<repetitions).map { GroupMatch.play(members, settings: settings, seed: seed, index: base &+ UInt64($0)) }
    }
}

/// The results of a ``GroupTournament``.
public struct GroupTournamentResult: Sendable {
    public let players: [RepeatedPlayer]
    /// `normalisedScores[i][r]`: player i's mean payoff per turn over its groups in repetition r.
    public let normalisedScores: [[Double]]
    /// `wins[i][r]`: groups in repetition r where player i alone scored the most.
    public let wins: [[Int]]
    /// Player i's cooperations divided by its turns, over all its matches.
    public let cooperatingRating: [Double]
    /// Player indices, best first (median normalised score, ties in input order).
    public let ranking: [Int]

    init(players: [RepeatedPlayer], normalisedScores: [[Double]], wins: [[Int]], cooperatingRating: [Double]) {
        self.players = players
        self.normalisedScores = normalisedScores
        self.wins = wins
        self.cooperatingRating = cooperatingRating
        let medians = normalisedScores.map(TournamentResult.median)
        ranking = Array(medians.indices).sorted { a, b in medians[a] != medians[b] ? medians[a] > medians[b] : a < b }
    }

    /// The players' names in rank order.
    public var rankedNames: [String] { ranking.map { players[$0].name } }

    /// Player i's median normalised score over repetitions.
    public func medianScore(_ i: Int) -> Double { TournamentResult.median(normalisedScores[i]) }
    /// Player i's mean normalised score over repetitions.
    public func meanScore(_ i: Int) -> Double {
        normalisedScores[i].reduce(0, +) / Double(Swift.max(1, normalisedScores[i].count))
    }
    /// Player i's median wins per repetition.
    public func medianWins(_ i: Int) -> Double { TournamentResult.median(wins[i].map(Double.init)) }
}
