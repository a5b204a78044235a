import ParleyCore

/// One side of a relationship plays a base strategy but defects at scripted turns (a speech,
/// a sanction); the other side answers with a reply strategy. The study compares replies:
/// when mutual cooperation collapses for good, how much of it survives, and what gesture by
/// the scripted side would have restored it.
///
/// Definitions (turns are 1-based):
/// - *mutual cooperation*: a turn where both cooperate (CC).
/// - *collapsed for good*: none of the last `window` turns of the horizon is CC. The
///   *collapse turn* is the turn after the last CC (the first scripted defection if no CC
///   follows it).
/// - *restored*: the last `window` turns are all CC. The *restoring gesture* is the smallest
///   k (up to `maximumGesture`) such that, when the scripted side cooperates unconditionally
///   for k turns right after its last scripted defection, the noise-free match is restored.
public struct ScriptedDefectionStudy: Sendable {
    /// The reply strategies compared (the first player).
    public var replies: [RepeatedPlayer]
    /// The scripted side's strategy outside its scripted turns (the second player).
    public var counterpart: RepeatedPlayer
    /// Turns (1-based) at which the counterpart defects whatever its strategy says.
    public var defectionTurns: [Int]
    public var turns: Int
    public var game: StageGame
    /// Noise levels to compare; 0 gives the deterministic story.
    public var noiseLevels: [Double]
    /// Monte Carlo runs per noisy cell.
    public var runs: Int
    public var seed: UInt64
    /// Turns of CC that count as cooperation (re-)established at the horizon.
    public var window: Int
    public var maximumGesture: Int

    /// - Throws: ``RepeatedGameError`` when there are no replies, turns < 2, a defection turn is
    ///   outside 1...turns, a noise level is outside 0...1, or runs < 1.
    public init(
        replies: [RepeatedPlayer], counterpart: RepeatedPlayer, defectionTurns: [Int], turns: Int, game: StageGame = .prisonersDilemma,
        noiseLevels: [Double] = [0, 0.05], runs: Int = 1000, seed: UInt64 = 0, window: Int = 4, maximumGesture: Int = 8
    ) throws(RepeatedGameError) {
        guard !replies.isEmpty else { throw RepeatedGameError(.tooFewPlayers, "the study needs at least one reply strategy") }
        guard turns >= 2, turns <= 100_000 else { throw RepeatedGameError(.invalidSettings, "turns must be between 2 and 100000, found \(turns)") }
        guard !defectionTurns.isEmpty, defectionTurns.allSatisfy({ (1...turns).contains($0) }) else {
            throw RepeatedGameError(.invalidSettings, "scripted defections must fall on turns 1...\(turns)")
        }
        guard noiseLevels.allSatisfy({ $0 >= 0 && $0 <= 1 }), runs >= 1, window >= 1, window <= turns else {
            throw RepeatedGameError(.invalidSettings, "noise levels must be in 0...1, runs >= 1 and the window within the horizon")
        }
        self.replies = replies
        self.counterpart = counterpart
        self.defectionTurns = defectionTurns.sorted()
        self.turns = turns
        self.game = game
        self.noiseLevels = noiseLevels
        self.runs = runs
        self.seed = seed
        self.window = window
        self.maximumGesture = Swift.max(0, maximumGesture)
    }

    /// The counterpart with its scripted defections and `gesture` unconditional cooperations.
    public func scripted(gesture: Int = 0) -> RepeatedPlayer {
        let defections = Set(defectionTurns)
        let last = defectionTurns.last ?? 0
        let gestures = Set((0..<gesture).map { last + 1 + $0 })
        let base = counterpart
        let name = "\(base.name), scripted D at \(defectionTurns.map(String.init).joined(separator: ","))"
            + (gesture > 0 ? " + \(gesture) C" : "")
        return RepeatedPlayer(name: name, isStochastic: base.isStochastic, source: "scripted from \(base.name)") { context in
            Scripted(inner: base.makeStrategy(context), defections: defections, gestures: gestures)
        }
    }

    /// One row per (reply, noise level), replies in order, noise levels in order.
    /// - Complexity: O(replies × (maximumGesture + noise levels × runs) × turns).
    public func analyse() -> [ReplyOutcome] {
        var rows: [ReplyOutcome] = []
        let counterpart = scripted()
        for (r, reply) in replies.enumerated() {
            for (n, noise) in noiseLevels.enumerated() {
                guard let settings = try? MatchSettings(game: game, length: .turns(turns), noise: noise) else { continue }
                if noise == 0, !reply.isStochastic, !counterpart.isStochastic {
                    let record = RepeatedMatch.play(reply, counterpart, settings: settings, seed: seed)
                    let collapse = collapseTurn(record)
                    rows.append(ReplyOutcome(
                        reply: reply.name, noise: noise, runs: 1, first: Choice.text(record.first), second: Choice.text(record.second),
                        collapsedShare: collapse == nil ? 0 : 1, collapseTurn: collapse,
                        mutualCooperation: mutualShare(record), replyScorePerTurn: record.summary.firstScore / Double(turns),
                        restoringGesture: isRestored(record) ? 0 : restoringGesture(reply, settings: settings)))
                    continue
                }
                var collapsed = 0
                var shares = 0.0
                var score = 0.0
                var collapseTurns: [Double] = []
                for k in 0..<runs {
                    let index = UInt64(r) << 40 | UInt64(n) << 32 | UInt64(k)
                    let record = RepeatedMatch.play(reply, counterpart, settings: settings, seed: seed, index: index)
                    if let turn = collapseTurn(record) {
                        collapsed += 1
                        collapseTurns.append(Double(turn))
                    }
                    shares += mutualShare(record)
                    score += record.summary.firstScore / Double(turns)
                }
                rows.append(ReplyOutcome(
                    reply: reply.name, noise: noise, runs: runs, first: nil, second: nil,
                    collapsedShare: Double(collapsed) / Double(runs),
                    collapseTurn: collapseTurns.isEmpty ? nil : Int(TournamentResult.median(collapseTurns).rounded()),
                    mutualCooperation: shares / Double(runs), replyScorePerTurn: score / Double(runs), restoringGesture: nil))
            }
        }
        return rows
    }

    /// The turn after the last CC when none of the last `window` turns is CC.
    func collapseTurn(_ record: MatchRecord) -> Int? {
        let both = zip(record.first, record.second).map { $0 == .cooperate && $1 == .cooperate }
        if both.suffix(window).contains(true) { return nil }
        let first = defectionTurns.first ?? 1
        guard let last = both.lastIndex(of: true), last + 1 >= first else { return first }
        return last + 2
    }

    /// Whether the last `window` turns are all CC.
    func isRestored(_ record: MatchRecord) -> Bool {
        zip(record.first, record.second).suffix(window).allSatisfy { $0 == .cooperate && $1 == .cooperate }
    }

    /// The share of turns from the first scripted defection on that were CC.
    func mutualShare(_ record: MatchRecord) -> Double {
        let start = (defectionTurns.first ?? 1) - 1
        let span = Array(zip(record.first, record.second).dropFirst(start))
        guard !span.isEmpty else { return 0 }
        let mutual = span.filter { pair in pair.0 == .cooperate && pair.1 == .cooperate }.count
        return Double(mutual) / Double(span.count)
    }

    func restoringGesture(_ reply: RepeatedPlayer, settings: MatchSettings) -> Int? {
        guard maximumGesture >= 1 else { return nil }
        for k in 1...maximumGesture {
            let record = RepeatedMatch.play(reply, scripted(gesture: k), settings: settings, seed: seed)
            if isRestored(record) { return k }
        }
        return nil
    }
}

/// What one reply strategy does after the scripted defection, at one noise level.
public struct ReplyOutcome: Sendable, Hashable {
    public let reply: String
    public let noise: Double
    public let runs: Int
    /// The histories (reply's, counterpart's) as C/D strings of a deterministic row (noise 0
    /// and deterministic strategies); nil for Monte Carlo rows.
    public let first: String?
    public let second: String?
    /// The share of runs in which cooperation had collapsed for good at the horizon.
    public let collapsedShare: Double
    /// The collapse turn (noise-free), or the median collapse turn over collapsed runs.
    public let collapseTurn: Int?
    /// The mean share of turns, from the scripted defection on, with mutual cooperation.
    public let mutualCooperation: Double
    /// The reply side's mean payoff per turn.
    public let replyScorePerTurn: Double
    /// Deterministic rows only: unconditional cooperations by the counterpart that restore
    /// cooperation (0 if it never collapsed; nil if none up to the maximum does, or for Monte
    /// Carlo rows).
    public let restoringGesture: Int?
}

/// The counterpart's strategy with scripted defections and gestures; the inner strategy
/// still sees every round, so its state stays consistent.
struct Scripted: RepeatedStrategy {
    var inner: any RepeatedStrategy
    let defections: Set<Int>
    let gestures: Set<Int>

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let proposed = inner.choose(h, random: &random)
        let turn = h.count + 1
        if defections.contains(turn) { return .defect }
        if gestures.contains(turn) { return .cooperate }
        return proposed
    }
}
