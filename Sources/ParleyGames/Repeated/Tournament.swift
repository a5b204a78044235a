import Dispatch
import Synchronization

/// A round-robin tournament: every pair of players meets `repetitions` times (axelrod's
/// `Tournament`).
///
/// Pairs are taken in axelrod's order, (0,0), (0,1), ..., (0,n−1), (1,1), ... (self-play
/// included unless `selfPlay` is false; self-play never counts towards scores, as in
/// axelrod, but fills the payoff matrix's diagonal). Match k of pair q, repetition r, has
/// index `q * repetitions + r` and draws from `RandomStream(seed: seed, index: k, ...)`, so the
/// result is identical for any number of jobs.
public struct Tournament: Sendable {
    public let players: [RepeatedPlayer]
    public let settings: MatchSettings
    public let repetitions: Int
    public let selfPlay: Bool
    public let seed: UInt64

    /// - Throws: ``RepeatedGameError`` with fewer than two players or repetitions < 1.
    public init(players: [RepeatedPlayer], settings: MatchSettings, repetitions: Int = 10, selfPlay: Bool = true, seed: UInt64 = 0) throws(RepeatedGameError) {
        guard players.count >= 2 else {
            throw RepeatedGameError(.tooFewPlayers, "a tournament needs at least two players, found \(players.count)",
                                    hint: "list them with --players A,B,...")
        }
        guard repetitions >= 1, repetitions <= 1_000_000 else {
            throw RepeatedGameError(.invalidSettings, "repetitions must be between 1 and 1000000, found \(repetitions)")
        }
        self.players = players
        self.settings = settings
        self.repetitions = repetitions
        self.selfPlay = selfPlay
        self.seed = seed
    }

    /// The pairs (i, j), i <= j, in play order.
    public var pairs: [(Int, Int)] {
        var out: [(Int, Int)] = []
        for i in players.indices {
            for j in i..<players.count where selfPlay || i != j { out.append((i, j)) }
        }
        return out
    }

    /// Plays every match on up to `jobs` threads and reduces the results in match order.
    ///
    /// A pair of deterministic players meets once when matches are repeatable (fixed
    /// length, no noise); its repetitions copy that match, as axelrod's deterministic cache
    /// does.
    /// - Complexity: O(pairs × repetitions × turns) time; O(pairs × repetitions) memory.
    public func play(jobs: Int = Tournament.defaultJobs) -> TournamentResult {
        let pairs = self.pairs
        let repetitions = self.repetitions
        let work = pairs.count
        let workers = Swift.max(1, Swift.min(jobs, work))
        let next = Atomic<Int>(0)
        let collected = Mutex<[[MatchSummary]?]>(Array(repeating: nil, count: work))
        let tournament = self
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var local: [(Int, [MatchSummary])] = []
            while true {
                let q = next.wrappingAdd(1, ordering: .relaxed).oldValue
                if q >= work { break }
                local.append((q, tournament.playPair(pairs[q], pairIndex: q)))
            }
            collected.withLock { all in
                for (q, summaries) in local { all[q] = summaries }
            }
        }
        let summaries = collected.withLock { $0 }
        var matches: [PairOutcome] = []
        matches.reserveCapacity(work)
        for (q, pair) in pairs.enumerated() {
            matches.append(PairOutcome(first: pair.0, second: pair.1, matches: summaries[q] ?? []))
        }
        return TournamentResult(players: players, repetitions: repetitions, outcomes: matches)
    }

    private func playPair(_ pair: (Int, Int), pairIndex: Int) -> [MatchSummary] {
        let a = players[pair.0]
        let b = players[pair.1]
        let base = UInt64(pairIndex) &* UInt64(repetitions)
        if settings.isRepeatable, !a.isStochastic, !b.isStochastic {
            let one = RepeatedMatch.summary(a, b, settings: settings, seed: seed, index: base)
            return Array(repeating: one, count: repetitions)
        }
        return (0..<repetitions).map { r in
            RepeatedMatch.summary(a, b, settings: settings, seed: seed, index: base &+ UInt64(r))
        }
    }

    /// The default number of jobs: `SLURM_CPUS_PER_TASK` when set, else the active processors.
    public static var defaultJobs: Int {
        Parallelism.defaultJobs
    }
}

/// The matches of one pair, one summary per repetition.
public struct PairOutcome: Sendable {
    public let first: Int
    public let second: Int
    public let matches: [MatchSummary]
}
