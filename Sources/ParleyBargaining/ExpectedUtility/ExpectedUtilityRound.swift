/// One round of the expected-utility model on one issue, with every intermediate quantity, so
/// that a round can be checked by hand and explained.
///
/// Indices refer to ``stakeholders`` (those with a stance on the issue, in scenario order).
public struct ExpectedUtilityRound: Sendable, Hashable {
    /// What an actor does about one other actor's position (the reference's offer table, from
    /// the receiving actor i's perspective).
    public enum OfferKind: String, Sendable, Hashable {
        /// `E2 > E1 > 0`: both would challenge, i expects to lose and moves to `x_j`.
        case confrontation
        /// `E2 > 0 > E1`, `E2 > |E1|`: i moves to `x_i + (x_j − x_i)|E1/E2|`.
        case compromise
        /// `E2 > 0 > E1`, `E2 < |E1|`: i moves to `x_j`.
        case capitulation
    }

    /// j's position as i sees it.
    public struct Offer: Sendable, Hashable {
        /// The proposer j (an index into ``ExpectedUtilityRound/stakeholders``).
        public var from: Int
        /// `nil` when the pair's utilities fall in no row of the table (i would not move).
        public var kind: OfferKind?
        /// Where i would move if it accepted (its own position when `kind` is `nil`).
        public var position: Double
        /// E1 = EU_i(ij): i's expected utility of challenging j, with i's exponent.
        public var ownExpectedUtility: Double
        /// E2 = i's estimate of EU_j(ji), with the exponent ``ExpectedUtilityModel/OpponentRisk`` names.
        public var opponentExpectedUtility: Double
    }

    /// Stakeholder ids, in scenario order.
    public var stakeholders: [String]
    /// Positions before the round, on the scale.
    public var positions: [Double]
    /// d, in the units.
    public var scaleWidth: Double
    /// μ of the first pass (r = 1).
    public var firstPassMedianVoter: Double
    /// `[i][j]` = P that i's position beats j's in the first pass (r = 1); 0 on the diagonal.
    public var firstPassWinProbabilities: [[Double]]
    /// `[i][j]` = EU_i(ij) in the first pass (r = 1); 0 on the diagonal.
    public var firstPassExpectedUtilities: [[Double]]
    /// sec_i = Σ_{j≠i} EU_j(ji) of the first pass: how much the others gain by challenging i.
    public var securities: [Double]
    /// R_i in [−1, 1].
    public var riskAcceptance: [Double]
    /// r_i = (1 − R_i/3)/(1 + R_i/3), in [0.5, 2].
    public var riskExponents: [Double]
    /// μ of the second pass.
    public var medianVoter: Double
    /// `[i][j]` = P that i's position beats j's in the second pass.
    public var winProbabilities: [[Double]]
    /// For each receiving actor i, one offer per other actor at a different position, in order.
    public var offers: [[Offer]]
    /// Positions after the round (all actors move at once).
    public var newPositions: [Double]
}
