public import ParleyCore

/// Stokman's exchange model, equal-gain variant, as decide-exchange-model 2022.1.28 computes it.
///
/// Stakeholders trade support across pairs of issues (Stokman & Van Oosten 1994; Stokman &
/// Van den Bos 1992; the equal-gain solution of Stokman & Van Assen). Each round:
/// 1. The NBS of each issue is the capability × salience weighted mean of positions.
/// 2. For each pair of issues (p, q), stakeholders are grouped by the side of each NBS they
///    stand on (on the NBS counts as left); those right of both NBS pair with those left of
///    both, and those left on p only with those left on q only. Each pair is a candidate
///    exchange: the party with the higher salience ratio s_p/s_q demands p and moves on q
///    toward the other, the other demands q and moves on p.
/// 3. Moves are set so that both gain the same: gain = NBS shift obtained × salience on the
///    demand issue − NBS shift conceded × salience on the supply issue. The party that binds
///    moves all the way to the other's position; a move that would push the NBS past the
///    demanded position is cut to put it exactly there. Moves must stay on 0–100, in one
///    direction, and exceed 1e-10, and the gain must reach 1e-10.
/// 4. The exchange with the highest gain is realised; the candidates that share a party's
///    supply issue or demand issue with it are recalculated (or dropped), until none is left.
/// 5. The round's forecast is the NBS of the voting positions. A realised party then starts
///    the next round at (1 − w) x + w y with w = (1 − s)·0.4 + 0.1 (x its position at the
///    start of the round, y its voting position, s its salience 0–1): it partly internalises
///    the trade, the more so the less it cares.
///
/// Positions are normalised to 0–100 per issue as decide normalises them, and saliences
/// divided by 100 to decide's 0–1; forecasts and positions are reported on each issue's scale.
/// Parley follows decide's code, including its quirks (recorded in the source), so that the
/// same input gives decide's exchanges, gains and outcomes. The tests check this to 1e-9
/// relative on the example scenarios (10 rounds), EC car emissions and a generated 15 × 13 case, and on
/// a scenario with the randomised variant fed decide's draws.
///
/// **Arithmetic.** decide computes in Python decimals: 28 significant digits, each operation
/// rounded half-even. With ``Parameters/Arithmetic/decimal`` Parley does the same
/// (``Decimal28``), reading each input as decide reads the TSV Parley writes, and matches
/// decide in every round of all three cases. The default ``Parameters/Arithmetic/hybrid`` gives
/// exactly the decimal run, about three times as fast: candidates are computed in binary with
/// rigorous bounds on their distance from decide's decimals; the few with a comparison the
/// bounds cannot decide are recomputed in decimals, and each realised exchange is computed
/// once in decimals from the decimal positions it holds.
/// ``Parameters/Arithmetic/double`` is plain binary, about six times faster than decimal,
/// with tolerances where decide compares numbers that are equal in
/// exact arithmetic: voting positions may leave 0–100 by 1e-9, a position within 1e-12 of an
/// NBS counts as on it, and an NBS within 1e-9 of the demanded position counts as on it, so a
/// move beyond it stands (as in exact arithmetic). At that last point, a *knife edge*, decide
/// goes by the sign of a 1e-26 residual of its decimals and may cut the move to nothing
/// instead; ``ExchangeRound/knifeEdges`` lists where they occur, since from there on a binary
/// run may part from decide's (the 15 × 13 case does in round 4).
///
/// **Ties.** With ``Parameters/TieRule/listOrder`` (the default) the model is deterministic:
/// when gains are exactly equal, the exchange earlier in decide's list goes first. The list
/// starts in creation order (issue pairs in scenario order, then A–D pairs, then B–C pairs,
/// stakeholders in scenario order) and is stably re-sorted by gain, highest first, before
/// every choice. This is what decide does with `EqualGainModel.ALLOW_RANDOM = False`.
///
/// **Departures from decide.** A stance with zero capability × salience takes no part in
/// exchanges (decide divides by it and stops with an error); it still counts in the NBS with
/// weight 0. The model stops early, with ``StopReason/converged(round:)``, after a round
/// realises no exchange, since every later round would repeat it.
///
/// - Complexity: per round O(m² n²) candidates for n stakeholders and m issues, each
///   recalculated in O(n) when a realised exchange touches it.
public struct ExchangeModel: BargainingModel {
    /// Settings of the exchange model; the defaults are decide's.
    public struct Parameters: Sendable, Hashable, Codable {
        /// What happens when two candidate exchanges have exactly the same gain.
        public enum TieRule: String, Sendable, Hashable, Codable, CaseIterable {
            /// The one earlier in decide's stably sorted list goes first (decide with
            /// `ALLOW_RANDOM = False`); deterministic.
            case listOrder = "list-order"
            /// decide's default (`ALLOW_RANDOM = True`): when the top two tie, a fair draw from
            /// the seeded stream decides, and a passed-over leader moves to the end of the list.
            /// (decide also duplicates the runner-up in its list when the leader wins; Parley
            /// does not.)
            case coinFlip = "coin-flip"
        }

        /// The arithmetic the model computes in.
        public enum Arithmetic: String, Sendable, Hashable, Codable, CaseIterable {
            /// The default: decide's result, digit for digit, like ``decimal`` and about three
            /// times as fast (180x decide on the 15 × 13 case). Each
            /// candidate exchange is computed in binary64 with rigorous bounds on its distance
            /// from decide's decimals; a comparison the bounds cannot decide (a near-tie, a knife
            /// edge) sends that candidate to ``Decimal28`` (positions on the board and realised
            /// voting positions are compared there directly), and each realised exchange is
            /// computed there from its decimal positions, so the positions carried from round to
            /// round are decide's.
            /// The randomised variant and the coin-flip tie rule compute as ``decimal``.
            /// On Apple platforms before macOS 15 (no `UInt128`) it computes as ``double``.
            case hybrid
            /// Binary64 with small tolerances where decide compares numbers that are equal in
            /// exact arithmetic; at a knife edge (see ``ExchangeRound/knifeEdges``) it follows
            /// exact arithmetic, so from there it may part from decide. The fastest.
            case double
            /// ``Decimal28``: decide's own 28-digit decimals (Python's default context), each
            /// operation rounded as decide rounds it, so knife edges fall as they fall in
            /// decide: decide's numbers on decide's inputs, even at knife edges, and the
            /// reference ``hybrid`` is checked against (about 6x slower than ``double``, 3x
            /// slower than ``hybrid``); needs macOS 15 on Apple platforms.
            case decimal
        }

        /// Rounds to play, at least 1. Default 10, decide's `--iterations`.
        public var rounds: Int = 10
        /// Default ``TieRule/listOrder``.
        public var tieRule: TieRule = .listOrder
        /// decide's randomised equal gain, `p` in 0...1: 0 (the default) is the equal-gain
        /// model; with p > 0 one party's gain is moved toward its maximum or toward zero by a
        /// random fraction up to p (three uniform draws per calculated exchange).
        public var randomization: Double = 0
        /// Seed of the stream for the randomised variant and the coin-flip tie rule.
        public var seed: UInt64 = 0
        /// decide's `SALIENCE_WEIGHT` (0.4): how much of the trade a party that does not care
        /// at all (salience 0) internalises, on top of ``fixedWeight``.
        public var salienceWeight: Double = 0.4
        /// decide's `FIXED_WEIGHT` (0.1): how much of the trade every realised party internalises.
        public var fixedWeight: Double = 0.1
        /// Default ``Arithmetic/hybrid``: decide's results exactly, fast.
        public var arithmetic: Arithmetic = .hybrid

        /// decide's defaults.
        public init() {}

        public init(rounds: Int = 10, tieRule: TieRule = .listOrder, randomization: Double = 0, seed: UInt64 = 0,
                    salienceWeight: Double = 0.4, fixedWeight: Double = 0.1, arithmetic: Arithmetic = .hybrid) {
            self.arithmetic = arithmetic
            self.rounds = rounds
            self.tieRule = tieRule
            self.randomization = randomization
            self.seed = seed
            self.salienceWeight = salienceWeight
            self.fixedWeight = fixedWeight
        }

        /// What is wrong with these settings, if anything.
        public var problem: ModelError? {
            if rounds < 1 {
                return ModelError(model: "exchange", message: "rounds must be at least 1, found \(rounds)",
                                  hint: "decide plays 10 rounds; use 10 unless you need another number")
            }
            if !(randomization.isFinite && (0...1).contains(randomization)) {
                return ModelError(model: "exchange", message: "randomization p must be in 0...1, found \(randomization)",
                                  hint: "0 is the equal-gain model; decide's randomised variant uses p such as 0.5")
            }
            let weights = [salienceWeight, fixedWeight]
            if !weights.allSatisfy({ $0.isFinite && $0 >= 0 }) || salienceWeight + fixedWeight > 1 {
                return ModelError(model: "exchange",
                                  message: "salience weight \(salienceWeight) and fixed weight \(fixedWeight) must be >= 0 with a sum of at most 1",
                                  hint: "decide uses 0.4 and 0.1")
            }
            return nil
        }
    }

    public let name = "exchange"
    public let summary = "Stokman's exchange model: equal-gain vote trades across issue pairs"
    public var parameters: Parameters

    public init(parameters: Parameters = Parameters()) {
        self.parameters = parameters
    }

    public func run(_ scenario: Scenario) throws(ModelError) -> ModelRun {
        // Options in the scenario's models.exchange section override this model's.
        let configured = ExchangeModel(parameters: Self.parameters(from: scenario.models.options(for: name), base: parameters))
        return try configured.simulate(scenario).modelRun
    }

    /// Runs the model with draws from `RandomStream(seed: parameters.seed, purpose: "exchange-model")`.
    /// - Throws: ``ModelError`` when the parameters are out of range.
    public func simulate(_ scenario: Scenario) throws(ModelError) -> ExchangeRun {
        var stream = RandomStream(seed: parameters.seed, purpose: "exchange-model")
        return try simulate(scenario, draws: &stream)
    }

    /// Runs the model with the uniform draws (`RandomNumberGenerator/nextUnit()`) of `draws`:
    /// u, v and z for each exchange calculated when p > 0, one more for each tie under
    /// ``Parameters/TieRule/coinFlip``; none otherwise.
    /// - Throws: ``ModelError`` when the parameters are out of range.
    /// - Complexity: see ``ExchangeModel``, times the number of rounds.
    public func simulate(_ scenario: Scenario, draws: inout some RandomNumberGenerator) throws(ModelError) -> ExchangeRun {
        if let problem = parameters.problem { throw problem }
        let layout = ExchangeLayout(scenario)
        var arithmetic = parameters.arithmetic
        if #unavailable(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2), arithmetic == .hybrid {
            arithmetic = .double  // no UInt128 for decimals: the default falls back to binary
        }
        switch arithmetic {
        case .double:
            let run = play(layout, board: layout.board(Double.self), draws: &draws)
            // A play cut short by a cancellation is never returned.
            try ModelError.checkCancellation(name)
            return run
        case .decimal, .hybrid:
            guard #available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *) else {
                throw ModelError(model: name, message: "decimal arithmetic needs UInt128, which this OS lacks",
                                 hint: "use arithmetic: double, or run on macOS 15 or later")
            }
            let run: ExchangeRun
            if arithmetic == .hybrid, parameters.randomization == 0, parameters.tieRule == .listOrder {
                run = play(layout, board: layout.board(Decimal28.self), draws: &draws) { board, parameters, _ in
                    HybridExchangeRound.play(board: board, parameters: parameters)
                }
            } else {
                run = play(layout, board: layout.board(Decimal28.self), draws: &draws)
            }
            try ModelError.checkCancellation(name)
            return run
        }
    }

    /// The rounds on `board`, in `N` arithmetic.
    private func play<N: ExchangeNumber, G: RandomNumberGenerator>(
        _ layout: ExchangeLayout, board start: ExchangeBoard<N>, draws: inout G,
        round: (ExchangeBoard<N>, Parameters, inout G) -> ExchangeRoundPlay<N> = { ExchangeRoundPlay(board: $0, parameters: $1, draws: &$2) }
    ) -> ExchangeRun {
        let scenario = layout.scenario
        var board = start
        var rounds: [ExchangeRound] = []
        var trajectory = [Trajectory.Round(index: 0, positions: layout.positions(board),
                                           forecast: layout.outcome((0..<board.issueCount).map { board.nbs($0) }))]
        var stop = StopReason.roundLimit(parameters.rounds)
        for index in 1...parameters.rounds {
            if Cancellation.isRequested { break }
            let play = round(board, parameters, &draws)
            let forecast = layout.outcome(play.votingNBS)
            rounds.append(ExchangeRound(
                index: index, candidateCount: play.candidateCount, validCandidateCount: play.validCandidateCount,
                exchanges: play.realized.map { layout.realized($0) },
                openingOutcome: layout.outcome(play.openingNBS), votingOutcome: forecast,
                votingPositions: layout.positions(play.votingBoard), knifeEdges: play.knifeEdges))
            board = play.nextBoard
            trajectory.append(Trajectory.Round(index: index, positions: layout.positions(board), forecast: forecast))
            if play.realized.isEmpty {
                stop = .converged(round: index)
                break
            }
        }
        let lastVoting = rounds.last?.votingOutcome ?? []
        let outcomes = scenario.issues.map { issue in
            guard let value = lastVoting.first(where: { $0.issue == issue.id })?.value else {
                return IssueOutcome(issue: issue.id, value: nil,
                                    note: "no stakeholder has both capability and salience above 0 on '\(issue.id)'")
            }
            return IssueOutcome(issue: issue.id, value: issue.scale.clamp(value))
        }
        let modelRun = ModelRun(model: name, outcomes: outcomes, trajectory: Trajectory(rounds: trajectory), stopReason: stop)
        return ExchangeRun(modelRun: modelRun, rounds: rounds)
    }
}
