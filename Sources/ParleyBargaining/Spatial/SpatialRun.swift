import ParleyCore

/// Everything a run of the spatial model produced, in KTAB's terms.
///
/// Positions are on 0–100 of each issue's scale (KTAB's units; map back with
/// `Scale.fromPercent`). Actors are indexed as in ``stakeholders``.
public struct SpatialRun: Sendable, Hashable {
    /// One state: the positions after a turn (state 0 = the opening positions) and what the
    /// actors make of them.
    public struct State: Sendable, Hashable {
        public var index: Int
        /// `positions[a][k]`: actor a's position on dimension k, 0–100.
        public var positions: [[Double]]
        /// R_a, −1 … +1 (+1 = most risk averse), inferred from the risk-neutral PCE.
        public var riskAttitudes: [Double]
        /// KTAB's "winning probability" of each actor: the PCE probability of its position
        /// (actors sharing a position share it, so these can sum to more than 1).
        public var winProbabilities: [Double]
        /// The distinct positions: for each, the first actor holding it and its PCE probability.
        public var uniquePositions: [(actor: Int, probability: Double)]
        /// Per dimension, the PCE-probability-weighted mean of the distinct positions, 0–100:
        /// Parley's forecast.
        public var expectedPosition: [Double]
        /// Per dimension, the most probable distinct position, 0–100.
        public var mostProbablePosition: [Double]
        /// Σ‖x(t) − x(t−1)‖ / (Σ‖x(1) − x(0)‖ + 1e-4), KTAB's "fractional change"; `nil` in state 0.
        public var fractionalChange: Double?

        public static func == (lhs: Self, rhs: Self) -> Bool {
            lhs.index == rhs.index && lhs.positions == rhs.positions && lhs.riskAttitudes == rhs.riskAttitudes
                && lhs.winProbabilities == rhs.winProbabilities
                && lhs.uniquePositions.map(\.actor) == rhs.uniquePositions.map(\.actor)
                && lhs.uniquePositions.map(\.probability) == rhs.uniquePositions.map(\.probability)
                && lhs.expectedPosition == rhs.expectedPosition && lhs.mostProbablePosition == rhs.mostProbablePosition
                && lhs.fractionalChange == rhs.fractionalChange
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(index)
            hasher.combine(positions)
        }
    }

    /// An initiator's best challenge by its own estimate.
    public struct Challenge: Sendable, Hashable {
        public var initiator: Int
        public var receiver: Int
        /// P(initiator prevails), 0–1.
        public var probability: Double
        /// Expected gain over the status quo, in KTAB's utility units.
        public var gain: Double
    }

    /// A proposed bargain.
    public struct Bargain: Sendable, Hashable {
        public var initiator: Int
        public var receiver: Int
        /// 0–100 per dimension.
        public var initiatorPosition: [Double]
        public var receiverPosition: [Double]
    }

    /// One actor's queue and what it adopted.
    public struct Choice: Sendable, Hashable {
        /// `nil` = keep its position (status quo), else an index into the turn's ``Turn/bargains``.
        public var options: [Int?]
        /// Selection probability of each option (a PCE among all actors).
        public var probabilities: [Double]
        /// Index into ``options`` of the adopted option.
        public var chosen: Int
    }

    /// One turn: challenges, bargains and every actor's choice; it leads to state `index`.
    public struct Turn: Sendable, Hashable {
        public var index: Int
        public var challenges: [Challenge]
        public var bargains: [Bargain]
        public var choices: [Choice]
    }

    /// Ids of the actors, in scenario order.
    public var stakeholders: [String]
    /// Ids of the issues that are dimensions, in scenario order.
    public var issues: [String]
    /// Stakeholders left out (no capability, or no salience on any issue); they keep their positions.
    public var excluded: [String]
    public var states: [State]
    public var turns: [Turn]
    public var stopReason: StopReason
}
