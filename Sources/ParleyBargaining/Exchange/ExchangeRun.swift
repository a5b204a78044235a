/// Everything one run of the ``ExchangeModel`` produced: the ``ModelRun`` that every model
/// returns, and what happened in each round.
public struct ExchangeRun: Sendable, Hashable {
    /// Outcomes (the last round's voting NBS), trajectory and stop reason.
    public var modelRun: ModelRun
    /// One per round played, in order.
    public var rounds: [ExchangeRound]

    public init(modelRun: ModelRun, rounds: [ExchangeRound]) {
        self.modelRun = modelRun
        self.rounds = rounds
    }
}

/// One round of the exchange model.
public struct ExchangeRound: Sendable, Hashable {
    /// 1 for the first round.
    public var index: Int
    /// Candidate exchanges formed: every A–D and B–C pair of stakeholders on every pair of issues.
    public var candidateCount: Int
    /// Candidates that passed decide's checks when formed (a move of more than 1e-10, on the
    /// scale, a gain of at least 1e-10, the NBS not pushed past the demanded position).
    public var validCandidateCount: Int
    /// The exchanges realised, in the order the greedy rule chose them.
    public var exchanges: [RealizedExchange]
    /// The NBS of each issue when the round began, on the issue's scale (issues nobody weighs
    /// in are left out).
    public var openingOutcome: [Trajectory.IssueValue]
    /// The NBS of each issue on the voting positions: the round's forecast.
    public var votingOutcome: [Trajectory.IssueValue]
    /// Positions on which the round's vote was taken, in scenario order.
    public var votingPositions: [Trajectory.StakeholderPositions]
    /// Knife edges: for each time a check found an issue's NBS already on the demanded position
    /// (within 1e-9) with a move that would push it on, how many exchanges had been realised
    /// (ascending, no repeats). In binary Parley lets such a move stand, as exact arithmetic
    /// does; decide goes by the sign of a 1e-26 residual of its decimals, so from such a point
    /// the two may part. In decimal arithmetic Parley decides them as decide does.
    public var knifeEdges: [Int]

    public init(index: Int, candidateCount: Int, validCandidateCount: Int, exchanges: [RealizedExchange],
                openingOutcome: [Trajectory.IssueValue], votingOutcome: [Trajectory.IssueValue],
                votingPositions: [Trajectory.StakeholderPositions], knifeEdges: [Int] = []) {
        self.knifeEdges = knifeEdges
        self.index = index
        self.candidateCount = candidateCount
        self.validCandidateCount = validCandidateCount
        self.exchanges = exchanges
        self.openingOutcome = openingOutcome
        self.votingOutcome = votingOutcome
        self.votingPositions = votingPositions
    }

    /// Sum of the realised exchanges' gains.
    public var totalGain: Double { exchanges.reduce(0) { $0 + $1.gain } }
}

/// A realised exchange: each of two stakeholders moves on the issue it cares about less, toward
/// the other's position, so that both gain the same.
public struct RealizedExchange: Sendable, Hashable {
    /// Each party's gain: the NBS shift it obtains on its demand issue times its salience there,
    /// minus the shift it concedes on its supply issue times its salience there. NBS shifts are
    /// on the issue's scale normalised to 0–100, saliences 0–1 (decide's units).
    public var gain: Double
    /// decide's "i" and "j", in that order: i supplies the second issue of the pair.
    public var moves: [ExchangeMove]

    public init(gain: Double, moves: [ExchangeMove]) {
        self.gain = gain
        self.moves = moves
    }
}

/// One party's side of a realised exchange.
public struct ExchangeMove: Sendable, Hashable {
    public var stakeholder: String
    /// The issue it gives way on (its supply issue).
    public var issue: String
    /// The issue it gains on (its demand issue).
    public var demandIssue: String
    /// Its position on `issue` before this exchange, on the issue's scale.
    public var from: Double
    /// Its voting position on `issue` after this exchange, on the issue's scale.
    public var to: Double

    public init(stakeholder: String, issue: String, demandIssue: String, from: Double, to: Double) {
        self.stakeholder = stakeholder
        self.issue = issue
        self.demandIssue = demandIssue
        self.from = from
        self.to = to
    }
}
