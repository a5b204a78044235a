import ParleyCore
import Synchronization

// Repetitions of one meta strategy against one opponent share the work of the team's
// deterministic members: their proposals depend only on the opponent's moves (a member's
// own history holds its proposals, not the team's moves), so while a repetition's opponent
// has played the same moves as in the first repetition, those members' part of the vote is
// the first repetition's.

/// What a meta team's deterministic members contribute to one round's vote.
struct DeterministicVote: Sendable {
    /// How many of them propose D.
    var defections = 0
    /// Their highest running score (−∞ for none) and whether one of those at it proposes C.
    var best = -Double.infinity
    var bestCooperates = false
}

/// The first repetition's record of a meta team's deterministic members, read by the other
/// repetitions of the same pair (played in sequence on one thread; the lock only makes the
/// sharing safe to express).
/// - Complexity: memory O(rounds × leaders) for one match.
final class MetaTeamMemo: Sendable {
    struct Record: Sendable {
        /// Whether a match has started recording.
        var claimed = false
        /// The rounds recorded.
        var rounds = 0
        /// Rounds that later repetitions took from the record (a count for tests and
        /// profiles; nothing reads it to decide).
        var followed = 0
        /// `theirs[t]`: the opponent's move in round t.
        var theirs: [Choice] = []
        var votes: [DeterministicVote] = []
        /// The ensemble's leaders among the deterministic members, `stride` per round: index,
        /// score and proposal, best first.
        var leaderIndex: [Int] = []
        var leaderScore: [Double] = []
        var leaderProposal: [Choice] = []
    }

    let record = Mutex(Record())

    init() {}

    /// True for the first caller (who records), false afterwards (who may follow).
    func claim() -> Bool {
        record.withLock { r in
            if r.claimed { return false }
            r.claimed = true
            return true
        }
    }
}

/// The longest match whose deterministic members are recorded (longer matches run every
/// member in every repetition), so that a record stays small.
let metaTeamMemoRounds = 10_000

extension MetaTeam {
    /// `choose` when repetitions share the deterministic members' work (``memo`` set): the
    /// same moves and the same random draws as the plain loop, in which the deterministic
    /// members draw nothing.
    mutating func chooseShared(_ h: PlayHistory, memo: MetaTeamMemo, random: inout RandomStream) -> Choice {
        let t = h.count
        let theirs = h.theirLast
        if t == 0 {
            recording = memo.claim()
            following = !recording
        }
        var vote = DeterministicVote()
        if following {
            let stride = leaderStride
            let found = memo.record.withLock { r -> Bool in
                guard t < r.rounds, t < r.votes.count else { return false }
                if t > 0 {
                    guard t - 1 < r.theirs.count, r.theirs[t - 1] == theirs else { return false }
                }
                vote = r.votes[t]
                r.followed += 1
                let base = t * stride
                if stride > 0, base + stride <= r.leaderIndex.count {
                    for j in 0..<stride {
                        leaderIndex[j] = r.leaderIndex[base + j]
                        leaderScore[j] = r.leaderScore[base + j]
                        leaderProposal[j] = r.leaderProposal[base + j]
                    }
                }
                return true
            }
            if !found {
                following = false
                catchUp(h, rounds: t)
            }
        }
        let keepsScore = self.vote == .winner || self.vote == .ensemble
        if let theirs, keepsScore {
            for k in stochastic { scores[k] += payoffs.payoff(proposals[k], theirs) }
            if !following {
                for k in deterministic { scores[k] += payoffs.payoff(proposals[k], theirs) }
            }
        }
        var defections = 0
        var stochasticBest = -Double.infinity
        var stochasticBestCooperates = false
        for k in stochastic {
            let move = members[k].propose(after: proposals[k], theirs: theirs, random: &random)
            proposals[k] = move
            if move == .defect { defections += 1 }
        }
        if !following {
            for k in deterministic {
                let move = members[k].propose(after: proposals[k], theirs: theirs, random: &random)
                proposals[k] = move
                if move == .defect { vote.defections += 1 }
            }
            if keepsScore {
                for k in deterministic where scores[k] >= vote.best {
                    if scores[k] > vote.best { (vote.best, vote.bestCooperates) = (scores[k], false) }
                    if proposals[k] == .cooperate { vote.bestCooperates = true }
                }
            }
            if self.vote == .ensemble { rankDeterministicLeaders() }
            if recording { save(vote, theirs: theirs, round: t, in: memo) }
        }
        if keepsScore {
            for k in stochastic where scores[k] >= stochasticBest {
                if scores[k] > stochasticBest { (stochasticBest, stochasticBestCooperates) = (scores[k], false) }
                if proposals[k] == .cooperate { stochasticBestCooperates = true }
            }
        }
        let move: Choice
        switch self.vote {
        case .majority, .minority, .mixer:
            // (A mixer never shares: ``share(_:)`` leaves it alone, so every proposal is current.)
            move = decide(defections: defections + vote.defections, random: &random)
        case .winner:
            let best = Swift.max(vote.best, stochasticBest)
            let cooperates = (vote.best == best && vote.bestCooperates) || (stochasticBest == best && stochasticBestCooperates)
            move = cooperates ? .cooperate : .defect
        case .ensemble:
            move = ensembleChoice(random: &random)
        }
        if nice, move == .defect, h.theirDefections == 0 { return .cooperate }
        return move
    }

    /// Brings the deterministic members, untouched while the match followed the record, to
    /// where the plain loop has them after round `rounds` − 1, from the actual history.
    private mutating func catchUp(_ h: PlayHistory, rounds: Int) {
        var unused = RandomStream(seed: 0, purpose: "meta-team catch-up")
        let keepsScore = vote == .winner || vote == .ensemble
        for u in 0..<rounds {
            let theirs: Choice? = u == 0 ? nil : h.theirs[u - 1]
            for k in deterministic {
                if let theirs, keepsScore { scores[k] += payoffs.payoff(proposals[k], theirs) }
                proposals[k] = members[k].propose(after: proposals[k], theirs: theirs, random: &unused)
            }
        }
    }

    /// The deterministic members' `leaderStride` leaders, best first (score, then the higher
    /// index), into the leader buffers.
    private mutating func rankDeterministicLeaders() {
        guard leaderStride > 0 else { return }
        var count = 0
        for k in deterministic.reversed() {
            let score = scores[k]
            if count == leaderStride, count > 0, !(score > leaderScore[count - 1]) { continue }
            var at = Swift.min(count, leaderStride - 1)
            if count < leaderStride { count += 1 }
            while at > 0, leaderScore[at - 1] < score {
                leaderIndex[at] = leaderIndex[at - 1]
                leaderScore[at] = leaderScore[at - 1]
                leaderProposal[at] = leaderProposal[at - 1]
                at -= 1
            }
            leaderIndex[at] = k
            leaderScore[at] = score
            leaderProposal[at] = proposals[k]
        }
    }

    /// The ensemble's move: the top `max(1, 8% of the team)` of the deterministic leaders
    /// and the stochastic members, ranked as ``leaders(_:count:)`` ranks the whole team.
    private mutating func ensembleChoice(random: inout RandomStream) -> Choice {
        let count = Swift.max(1, members.count * 8 / 100)
        var chosen = 0
        var candidate = 0  // next deterministic leader
        var stochasticAt = stochastic.count - 1  // next stochastic member, highest index first
        // Merge the two rankings (both best first), keeping `count`.
        var stochasticRanked: [(index: Int, score: Double)] = []
        stochasticRanked.reserveCapacity(count)
        while stochasticAt >= 0 {
            let k = stochastic[stochasticAt]
            let score = scores[k]
            if stochasticRanked.count < count || score > stochasticRanked[stochasticRanked.count - 1].score {
                var at = stochasticRanked.count
                while at > 0, stochasticRanked[at - 1].score < score { at -= 1 }
                stochasticRanked.insert((k, score), at: at)
                if stochasticRanked.count > count { stochasticRanked.removeLast() }
            }
            stochasticAt -= 1
        }
        var merged: [Int] = []
        merged.reserveCapacity(count)
        var s = 0
        while chosen < count, candidate < leaderStride || s < stochasticRanked.count {
            let takeDeterministic: Bool
            if candidate >= leaderStride {
                takeDeterministic = false
            } else if s >= stochasticRanked.count {
                takeDeterministic = true
            } else {
                let (a, b) = (leaderScore[candidate], stochasticRanked[s].score)
                takeDeterministic = a > b || (a == b && leaderIndex[candidate] > stochasticRanked[s].index)
            }
            if takeDeterministic {
                merged.append(-1 - candidate)
                candidate += 1
            } else {
                merged.append(stochasticRanked[s].index)
                s += 1
            }
            chosen += 1
        }
        guard !merged.isEmpty else { return .cooperate }
        let pick = merged[Int(random.nextInt(below: UInt64(merged.count)))]
        return pick < 0 ? leaderProposal[-1 - pick] : proposals[pick]
    }

    private func save(_ vote: DeterministicVote, theirs: Choice?, round t: Int, in memo: MetaTeamMemo) {
        let stride = leaderStride
        let ensemble = self.vote == .ensemble
        memo.record.withLock { r in
            guard r.rounds == t, t < metaTeamMemoRounds else { return }
            if let theirs { r.theirs.append(theirs) }
            r.votes.append(vote)
            if ensemble {
                for j in 0..<stride {
                    r.leaderIndex.append(leaderIndex[j])
                    r.leaderScore.append(leaderScore[j])
                    r.leaderProposal.append(leaderProposal[j])
                }
            }
            r.rounds = t + 1
        }
    }
}
