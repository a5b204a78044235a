extension ExpectedUtilityModel {
    /// How voter k scores position a against position b.
    public enum VoteKernel: String, Sendable, Hashable, Codable, CaseIterable {
        /// `c_k s_k (|x_k − b| − |x_k − a|) / d`: linear in distance (the canonical equations; dmasad).
        case linear
        /// `c_k s_k ((|x_k − b|/d)^r_k − (|x_k − a|/d)^r_k)`: distance to the voter's risk exponent (jmckib).
        case riskPower = "risk-power"
    }

    /// How votes become the probability that i's position beats j's.
    public enum ProbabilityNormaliser: String, Sendable, Hashable, Codable, CaseIterable {
        /// `Σ_k [v_k(i,j)]⁺ / Σ_k |v_k(i,j)|`: the share of the pair's vote; `P_i + P_j = 1` (textbook).
        case pairShare = "pair-share"
        /// `max(Σ_k v_k(i,j), 0) / Σ_k |v_k(i,j)|`: the net vote, floored at 0 (dmasad's last version).
        case netVote = "net-vote"
        /// `Σ_k [v_k(i,j)]⁺ / Σ_k Σ_a Σ_b |v_k(a,b)|`: over all position pairs, so probabilities are
        /// tiny (Scholz's code, as jmckib reports it).
        case allPairs = "all-pairs"
    }

    /// The "median voter" position μ used by the status-quo utilities and as the forecast.
    public enum MedianVoter: String, Sendable, Hashable, Codable, CaseIterable {
        /// The position that beats every other in pairwise linear votes (on one dimension the
        /// weighted median; ties go to the tied position nearer the weighted mean, then the lower).
        case condorcet
        /// The weighted mean `Σ c s x / Σ c s`.
        case mean
        /// The Condorcet median in the first pass (r = 1) and the mean in the second (dmasad, as
        /// the reference describes it); the forecast is the mean.
        case medianThenMean = "median-then-mean"
    }

    /// T, the probability that a change of the status quo without i's challenge is for the better.
    public enum ChangeForBetter: Sendable, Hashable, Codable {
        /// The same T in [0, 1] for every pair.
        case fixed(Double)
        /// Per pair: 1 when i is nearer μ than j, 0 when farther, ½ when equally near. Parley's
        /// reading of BdM's "conditional T"; the reference names it without an equation.
        case conditional
    }

    /// Against whose securities an actor's security is ranked to set its risk attitude.
    public enum RiskReference: String, Sendable, Hashable, Codable, CaseIterable {
        /// `R_i = (2 sec_i − max_k sec_k − min_k sec_k)/(max − min)` over all actors (Scholz; both replications).
        case allActors = "all-actors"
        /// The same ranking over i's own alternatives: i moved to each current position, the
        /// others fixed (jmckib's reading of BdM, commented out in his code).
        case ownAlternatives = "own-alternatives"
    }

    /// Whose risk exponent i uses when it estimates j's expected utility of challenging i.
    public enum OpponentRisk: String, Sendable, Hashable, Codable, CaseIterable {
        /// i's own exponent: the whole estimate is from i's perspective (Scholz; jmckib).
        case evaluator
        /// j's exponent: i knows j's own expected utility (dmasad, where j sends it with its offer).
        case target
    }

    /// Which of its offers an actor accepts when several would move it.
    public enum OfferAcceptance: String, Sendable, Hashable, Codable, CaseIterable {
        /// The offer that moves it least (BdM; Scholz et al.'s text); ties go to the first
        /// proposer in scenario order.
        case smallestMove = "smallest-move"
        /// The proposer with the largest expected utility of challenging it, then the nearest,
        /// then the first; that one offer is then resolved, and may not move it (dmasad).
        case maxEUThenNearest = "max-eu-then-nearest"
        /// Confrontations first (smallest move), else compromises by the smallest
        /// `(|E1| x_i + |E2| x_j)/(|E1| + |E2|)`, else capitulations (smallest move): Scholz's
        /// code as jmckib describes it, with its "bizarre" round-4 Belgium move.
        case scholzTypePriority = "scholz-type-priority"
    }

    /// Whether the capitulation case of the offer table can occur.
    public enum Capitulation: String, Sendable, Hashable, Codable, CaseIterable {
        /// `E2 > 0 > E1` and `E2 < |E1|` makes i capitulate to `x_j` (the canonical table).
        case offered
        /// Never: jmckib tests `eu_ji < abs(eu_ji)`, which cannot be true (ambiguity 8).
        case never
    }

    /// What `d`, the distance that scales every utility, is.
    public enum ScaleWidth: String, Sendable, Hashable, Codable, CaseIterable {
        /// `max − min` of the opening positions on the issue, fixed for the run (the canonical `d`).
        case dataRange = "data-range"
        /// The width of the issue's declared scale.
        case issueScale = "issue-scale"
    }

    /// The model's options: one per ambiguity between the published replications
    /// (reference "Expected utility model", ambiguities 1–10), plus the stopping rule.
    ///
    /// The defaults form ``textbook``: the canonical equations as the reference states them,
    /// with the papers' smallest-move rule. Each default and its reason:
    /// - ``voteKernel`` `.linear`: the canonical vote; with r = 1 (the first pass) both kernels agree.
    /// - ``probability`` `.pairShare`: the canonical formula, and the only one for which the two
    ///   sides of a contest have probabilities summing to 1.
    /// - ``medianVoter`` `.condorcet`: BdM's median voter is the Condorcet winner; on one
    ///   dimension it is the weighted median (7 on the EC case, as Parley's `weighted-median`).
    /// - ``q`` 1: "usually 1.0" (reference); the status quo persists absent a challenge. With
    ///   q = 1 neither T nor μ enters the expected utility.
    /// - ``t`` `.fixed(1)`: dmasad's default; it only matters when q < 1.
    /// - ``riskReference`` `.allActors`: what Scholz et al. publish and both replications compute.
    /// - ``opponentRisk`` `.evaluator`: the canonical "i's estimate" of j's utility, from i's side.
    /// - ``offerAcceptance`` `.smallestMove`: what BdM and Scholz et al. write.
    /// - ``capitulation`` `.offered`: the canonical offer table.
    /// - ``scale`` `.dataRange`: the canonical `d`; all three replications use the data's range.
    /// - ``roundLimit`` 250: the EC case under the defaults converges after 192 rounds at the
    ///   default tolerance; a run still moving after 250 is reported as such.
    /// - ``tolerance`` 1e-6: positions count as unchanged when no one moved more than a
    ///   millionth of `d`, well below any published precision.
    public struct Parameters: Sendable, Hashable, Codable {
        public var voteKernel: VoteKernel
        public var probability: ProbabilityNormaliser
        public var medianVoter: MedianVoter
        /// Q in [0, 1]: the probability that the status quo persists absent a challenge.
        public var q: Double
        /// T: the probability that a change of the status quo is for the better.
        public var t: ChangeForBetter
        public var riskReference: RiskReference
        public var opponentRisk: OpponentRisk
        public var offerAcceptance: OfferAcceptance
        public var capitulation: Capitulation
        public var scale: ScaleWidth
        /// Rounds at most, >= 1.
        public var roundLimit: Int
        /// A fraction of `d`, >= 0. A round converges when no position moved more than
        /// `tolerance × d` since the round before; it closes a cycle when every position lies
        /// within `tolerance × d` of an earlier round's (the latest such round is the start).
        public var tolerance: Double

        /// Creates parameters; every argument defaults to ``textbook``'s value.
        public init(
            voteKernel: VoteKernel = .linear, probability: ProbabilityNormaliser = .pairShare,
            medianVoter: MedianVoter = .condorcet, q: Double = 1, t: ChangeForBetter = .fixed(1),
            riskReference: RiskReference = .allActors, opponentRisk: OpponentRisk = .evaluator,
            offerAcceptance: OfferAcceptance = .smallestMove, capitulation: Capitulation = .offered,
            scale: ScaleWidth = .dataRange, roundLimit: Int = 250, tolerance: Double = 1e-6
        ) {
            self.voteKernel = voteKernel
            self.probability = probability
            self.medianVoter = medianVoter
            self.q = q
            self.t = t
            self.riskReference = riskReference
            self.opponentRisk = opponentRisk
            self.offerAcceptance = offerAcceptance
            self.capitulation = capitulation
            self.scale = scale
            self.roundLimit = roundLimit
            self.tolerance = tolerance
        }

        /// The canonical equations of the reference with the papers' smallest-move rule; the defaults.
        /// It replicates no program; on the EC case it converges to 7.0 (after 192 rounds).
        public static let textbook = Parameters()

        /// David Masad's `GroupDecisionModel.py` (BDM_DecisionModel_Replication): linear votes,
        /// net-vote probabilities, median then mean, Q = T = 1, each proposer's own expected
        /// utility, max-EU-then-nearest, the fixed `xmin...xmax` scale.
        ///
        /// Faithfulness: close, not exact. His last version takes the mean in both passes (use
        /// `.mean` for that); his "Condorcet" vote picks the pair with the largest margin, where
        /// Parley takes the true Condorcet winner; his `EU -= Q*Usq - (1-Q)*(…)` sign slip does
        /// not matter at Q = 1. On the EC case Luxembourg flips between 4 and 10 every round
        /// while Ireland drifts; Parley finds the orbit closing after 18 rounds.
        public static let dmasad = Parameters(
            probability: .netVote, medianVoter: .medianThenMean, opponentRisk: .target,
            offerAcceptance: .maxEUThenNearest, scale: .issueScale)

        /// Jeremy McKibben's `bdm_scholz_model.py` (also dmasad's Python 3 fork): risk-power
        /// votes, all-pairs probabilities, Scholz's risk ranking, the evaluator's exponent,
        /// Scholz's type priority, his never-true capitulation test, the data range.
        ///
        /// Faithfulness: reproduces his published EC log (rounds 1–10, Belgium, Luxembourg and
        /// Ireland) to 1e-12. His median is a sequential tournament, not the Condorcet winner,
        /// but it never enters his expected utility (Q = 1). On the EC case Belgium swings across
        /// the scale without settling; within the default tolerance the orbit only closes after
        /// 70 rounds (round 223 returns to round 153).
        public static let jmckib = Parameters(
            voteKernel: .riskPower, probability: .allPairs, offerAcceptance: .scholzTypePriority,
            capitulation: .never)

        /// Scholz, Calbert and Smith's own code as jmckib's comments describe it: all-pairs
        /// probabilities, all-actors risk ranking, the evaluator's exponent, type priority, with
        /// the linear votes of their equations.
        ///
        /// Faithfulness: a reconstruction; their code is not public, so only the choices jmckib
        /// attributes to it are known. On the EC case it swings like ``jmckib`` and reaches the
        /// round limit.
        public static let scholz = Parameters(probability: .allPairs, offerAcceptance: .scholzTypePriority)

        /// The named presets in a stable order: textbook, dmasad, jmckib, scholz.
        public static let presets: [(name: String, parameters: Parameters)] = [
            ("textbook", .textbook), ("dmasad", .dmasad), ("jmckib", .jmckib), ("scholz", .scholz),
        ]

        /// The preset called `name`, if there is one.
        public static func preset(named name: String) -> Parameters? {
            presets.first { $0.name == name }?.parameters
        }

        /// Every problem with these values, as messages; empty when they are usable.
        public var problems: [String] {
            var found: [String] = []
            if roundLimit < 1 { found.append("round limit \(roundLimit) must be at least 1") }
            if !(tolerance.isFinite && tolerance >= 0) { found.append("tolerance \(tolerance) must be a finite number >= 0") }
            if !(q.isFinite && (0...1).contains(q)) { found.append("Q \(q) must lie in 0...1") }
            if case .fixed(let value) = t, !(value.isFinite && (0...1).contains(value)) {
                found.append("T \(value) must lie in 0...1")
            }
            return found
        }
    }
}
