import ParleyCore

// Port of axelrod 4.14 `meta.py`: MetaMajority, MetaMinority, MetaWinner,
// MetaWinnerEnsemble, MetaMixer and their "Nice" forms, over the teams axelrod builds from
// its own strategy list (Data/AxelrodMetaTeams.swift, written by scripts/axelrod_meta.py).

/// How a meta strategy turns its team's proposals into its move.
enum MetaVote: Sendable {
    /// D when more members propose D than C (axelrod's MetaMajority).
    case majority
    /// D when fewer members propose D than C (MetaMinority).
    case minority
    /// The proposal of the members with the highest running score, C if any of them
    /// proposes C (MetaWinner).
    case winner
    /// The proposal of one member drawn uniformly from the top 8% by running score
    /// (MetaWinnerEnsemble).
    case ensemble
    /// The proposal of one member drawn uniformly (MetaMixer without a distribution).
    case mixer
}

/// A team of ordinary strategies playing together: every member proposes a move each
/// round, from its own history (its proposals against the opponent's actual moves), and
/// the vote picks the move. With `nice`, a D is replaced by C while the opponent has never
/// defected (axelrod's NiceTransformer).
/// - Complexity: per round, the sum of the members' costs plus O(team) (O(team log team)
///   for the ensemble's ranking).
struct MetaTeam: RepeatedStrategy {
    /// One member: its strategy and its own history (its proposals against the opponent's
    /// actual moves), together so that the turn loop reads the history in place while the
    /// strategy changes, without copying it.
    struct Member: Sendable {
        var strategy: any RepeatedStrategy
        var history = PlayHistory()

        /// Records last round (this member's `proposal`, the opponent's `theirs`) unless this
        /// is the first round, then asks the strategy for this round's proposal.
        mutating func propose(after proposal: Choice, theirs: Choice?, random: inout RandomStream) -> Choice {
            if let theirs { history.record(mine: proposal, theirs: theirs) }
            return strategy.choose(history, random: &random)
        }
    }

    var members: [Member]
    var proposals: [Choice]
    var scores: [Double]
    let vote: MetaVote
    let nice: Bool
    let payoffs: PlayerPayoffs
    /// The ensemble of a team of one strategy (or copies of one) follows its first member.
    let singular: Bool
    /// The members axelrod classifies as stochastic, and the others, by index.
    let stochastic: [Int]
    let deterministic: [Int]
    /// The match length when known.
    let knownLength: Int?
    /// Set by ``share(_:)``: the record this match writes (the pair's first repetition) or
    /// follows (the later ones) while the opponent repeats the first repetition's moves.
    var memo: MetaTeamMemo?
    var recording = false
    var following = false
    /// The ensemble's leaders among the deterministic members this round (see
    /// `chooseShared`): `leaderStride` entries, best first.
    let leaderStride: Int
    var leaderIndex: [Int]
    var leaderScore: [Double]
    var leaderProposal: [Choice]

    init(team: [any RepeatedStrategy], stochastic: [Bool], vote: MetaVote, nice: Bool, singular: Bool, context: MatchContext) {
        members = team.map { Member(strategy: $0) }
        self.stochastic = team.indices.filter { $0 < stochastic.count ? stochastic[$0] : true }
        deterministic = team.indices.filter { $0 < stochastic.count ? !stochastic[$0] : false }
        knownLength = context.knownLength
        leaderStride = Swift.min(Swift.max(1, team.count * 8 / 100), deterministic.count)
        leaderIndex = Array(repeating: 0, count: leaderStride)
        leaderScore = Array(repeating: 0, count: leaderStride)
        leaderProposal = Array(repeating: .cooperate, count: leaderStride)
        if let turns = context.knownLength, turns <= 100_000 {
            for k in members.indices { members[k].history.reserve(turns) }
        }
        proposals = Array(repeating: .cooperate, count: team.count)
        scores = Array(repeating: 0, count: team.count)
        self.vote = vote
        self.nice = nice
        self.payoffs = context.payoffs
        self.singular = singular
    }

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if let memo { return chooseShared(h, memo: memo, random: &random) }
        let theirs = h.theirLast
        if let theirs, vote == .winner || vote == .ensemble {
            for k in scores.indices { scores[k] += payoffs.payoff(proposals[k], theirs) }
        }
        var defections = 0
        for k in members.indices {
            let move = members[k].propose(after: proposals[k], theirs: theirs, random: &random)
            proposals[k] = move
            if move == .defect { defections += 1 }
        }
        let move = decide(defections: defections, random: &random)
        if nice, move == .defect, h.theirDefections == 0 { return .cooperate }
        return move
    }

    func decide(defections: Int, random: inout RandomStream) -> Choice {
        let cooperations = members.count - defections
        switch vote {
        case .majority:
            return defections > cooperations ? .defect : .cooperate
        case .minority:
            return defections < cooperations ? .defect : .cooperate
        case .winner:
            guard let best = scores.max() else { return .cooperate }
            for k in scores.indices where scores[k] == best && proposals[k] == .cooperate { return .cooperate }
            return .defect
        case .ensemble:
            if singular || members.count < 2 { return proposals.first ?? .cooperate }
            let ranked = Self.leaders(scores, count: Swift.max(1, members.count * 8 / 100))
            let pick = Int(random.nextInt(below: UInt64(ranked.count)))
            return proposals[ranked[pick]]
        case .mixer:
            if members.count < 2 { return proposals.first ?? .cooperate }
            return proposals[Int(random.nextInt(below: UInt64(members.count)))]
        }
    }
}

extension MetaTeam {
    /// Shares the deterministic members' work with the other repetitions of the same pair
    /// through `memo` (one per player per pair), when it can: a vote other than the mixer's,
    /// a team of at least two that is not one strategy repeated, some deterministic
    /// members, and a known length of at most `metaTeamMemoRounds`.
    mutating func share(_ memo: MetaTeamMemo) {
        guard vote != .mixer, !singular, members.count >= 2, !deterministic.isEmpty,
              let turns = knownLength, turns <= metaTeamMemoRounds else { return }
        self.memo = memo
    }

    /// `strategy` sharing `memo` if it is a meta team; otherwise `strategy` unchanged.
    static func sharing(_ strategy: any RepeatedStrategy, _ memo: MetaTeamMemo?) -> any RepeatedStrategy {
        guard let memo, var team = strategy as? MetaTeam else { return strategy }
        team.share(memo)
        return team
    }

    /// The indices of the `count` highest scores, in axelrod's order (it sorts (score, index)
    /// pairs in reverse: highest score first, ties by the higher index). One pass from the
    /// highest index down, keeping the leaders ranked: O(n) when few scores enter the
    /// leaders, O(n · count) at worst, instead of sorting the whole team every round.
    static func leaders(_ scores: [Double], count: Int) -> [Int] {
        var best: [Int] = []
        best.reserveCapacity(count + 1)
        var k = scores.count - 1
        while k >= 0 {
            let score = scores[k]
            if best.count < count || score > scores[best[best.count - 1]] {
                var at = best.count
                while at > 0, scores[best[at - 1]] < score { at -= 1 }
                best.insert(k, at: at)
                if best.count > count { best.removeLast() }
            }
            k -= 1
        }
        return best
    }
}

/// One meta strategy of axelrod 4.14 as data: its team is a list of axelrod class names.
struct MetaTeamRecord: Sendable {
    let key: String
    let name: String
    let stochastic: Bool
    let kind: MetaVote
    let nice: Bool
    /// axelrod's class names, space-separated, in axelrod's order.
    let team: String

    var members: [String] { team.split(separator: " ").map(String.init) }
}

/// The meta strategies whose teams Parley can build, and why the others cannot be built.
enum MetaTeamData {
    /// Catalogue entries for the records whose every member is in `ordinary` (looked up by
    /// key, in the team's order), and for the others the members that are missing.
    static func resolve(_ ordinary: [StrategyCatalog.Entry]) -> (entries: [StrategyCatalog.Entry], refused: [(MetaTeamRecord, [String])]) {
        var byKey: [String: RepeatedPlayer] = [:]
        for entry in ordinary { byKey[entry.key] = entry.player }
        var entries: [StrategyCatalog.Entry] = []
        var refused: [(MetaTeamRecord, [String])] = []
        for record in records {
            let names = record.members
            let missing = names.filter { byKey[$0] == nil }
            guard missing.isEmpty else {
                refused.append((record, missing))
                continue
            }
            let players = names.compactMap { byKey[$0] }
            let singular = Set(names).count == 1
            let vote = record.kind
            let nice = record.nice
            let source = "axelrod meta.py (\(names.count) members chosen by axelrod's classifiers)"
            let stochastic = players.map(\.isStochastic)
            entries.append(CatalogEntries.e(record.key, record.name, random: record.stochastic, source) { context in
                MetaTeam(team: players.map { $0.makeStrategy(context) }, stochastic: stochastic, vote: vote, nice: nice,
                         singular: singular, context: context)
            })
        }
        return (entries, refused)
    }
}
