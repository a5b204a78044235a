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

    /// Plays every match on up to `jobs` threads, streaming the results into running totals.
    ///
    /// Pairs are played in blocks of `blockSize`; each block's matches are folded into the
    /// totals in play order and dropped before the next block starts, so the result is the
    /// same for any number of jobs and memory stays O(players² + blockSize × repetitions).
    /// A pair of deterministic players meets once when matches are repeatable (fixed
    /// length, no noise); its repetitions copy that match, as axelrod's deterministic cache
    /// does.
    /// - Complexity: O(pairs × repetitions × turns) time.
    public func play(jobs: Int = Tournament.defaultJobs, blockSize: Int = 2048) -> TournamentResult {
        let pairs = self.pairs
        let block = Swift.max(1, blockSize)
        var tally = TournamentTally(players: players.count, repetitions: repetitions)
        var start = 0
        while start < pairs.count {
            let end = Swift.min(pairs.count, start + block)
            let work = end - start
            let workers = Swift.max(1, Swift.min(jobs, work))
            let next = Atomic<Int>(0)
            let collected = Mutex<[[MatchSummary]?]>(Array(repeating: nil, count: work))
            let tournament = self
            let offset = start
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                var local: [(Int, [MatchSummary])] = []
                while true {
                    let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    if k >= work { break }
                    local.append((k, tournament.playPair(pairs[offset + k], pairIndex: offset + k)))
                }
                collected.withLock { all in
                    for (k, summaries) in local { all[k] = summaries }
                }
            }
            let summaries = collected.withLock { $0 }
            for k in 0..<work {
                let pair = pairs[offset + k]
                tally.add(pair.0, pair.1, summaries[k] ?? [])
            }
            start = end
        }
        return TournamentResult(players: players, tally: tally)
    }

    private func playPair(_ pair: (Int, Int), pairIndex: Int) -> [MatchSummary] {
        let a = players[pair.0]
        let b = players[pair.1]
        let base = UInt64(pairIndex) &* UInt64(repetitions)
        if settings.isRepeatable, !a.isStochastic, !b.isStochastic {
            let one = RepeatedMatch.meeting(a, b, settings: settings, seed: seed, index: base)
            return Array(repeating: one, count: repetitions)
        }
        guard settings.game.isSymmetric else {
            return (0..<repetitions).map { r in
                RepeatedMatch.meeting(a, b, settings: settings, seed: seed, index: base &+ UInt64(r))
            }
        }
        // The repetitions of a symmetric pair share meta teams' deterministic work (the
        // same results; see MetaTeamMemo).
        let memos = (MetaTeamMemo(), MetaTeamMemo())
        return (0..<repetitions).map { r in
            RepeatedMatch.summary(a, b, settings: settings, seed: seed, index: base &+ UInt64(r), memos: memos)
        }
    }

    /// The default number of jobs: `SLURM_CPUS_PER_TASK` when set, else the active processors.
    public static var defaultJobs: Int {
        Parallelism.defaultJobs
    }
}
