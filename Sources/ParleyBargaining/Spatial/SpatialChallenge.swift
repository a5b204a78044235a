import ParleyCore

/// An estimate of a challenge: the probability that the initiator prevails and the expected
/// change in utility, against the status quo, for the actor it is assessed for.
struct ChallengeEstimate: Sendable, Hashable {
    /// P(i > j), 0–1.
    var probability: Double
    /// EU_chlg − EU_SQ, in KTAB's "2x" utility units.
    var gain: Double
}

enum SpatialChallenge {
    /// KTAB's `probEduChlg(h, k, i, j)`: h's estimate, for actor k, of i challenging j.
    ///
    /// The principals vote `vote(S_i c_i, U(i, i), U(i, j))` and `vote(S_j c_j, U(j, i),
    /// U(j, j))`; each third party n first weighs the "little" contest of i, j and itself, then
    /// votes by its commitment rule (``SpatialSettings/ThirdPartyCommit``). With the coalitions
    /// C_ij, C_ji (each from 1e-10): `P = C_ij / (C_ij + C_ji)`, `EU_SQ = U(k, i) + U(k, j)`,
    /// `EU_vict = 2U(k, i)`, `EU_contest = P·2U(k, i) + (1 − P)·2U(k, j)`,
    /// `EU_chlg = (1 − S_j) EU_vict + S_j EU_contest` (all utilities as h estimates them).
    /// - Complexity: O(n).
    static func estimate(
        estimator h: Int, for k: Int, initiator i: Int, receiver j: Int,
        assessment a: SpatialAssessment, problem: SpatialProblem
    ) -> ChallengeEstimate {
        let rule = problem.settings.votingRule
        let commit = problem.settings.thirdPartyCommit
        let uii = a.utility(estimator: h, i, i)
        let uij = a.utility(estimator: h, i, j)
        let uji = a.utility(estimator: h, j, i)
        let ujj = a.utility(estimator: h, j, j)
        let uki = a.utility(estimator: h, k, i)
        let ukj = a.utility(estimator: h, k, j)
        let euSQ = uki + ukj
        let euVictory = uki + uki
        let euDefeat = ukj + ukj
        let si = problem.totalSalience[i]
        let sj = problem.totalSalience[j]
        let contributionI = rule.vote(weight: si * problem.capability[i], uii, uij)
        let contributionJ = rule.vote(weight: sj * problem.capability[j], uji, ujj)
        var cij = 1e-10
        var cji = 1e-10
        if contributionI > 0 { cij = cij + contributionI }
        if contributionI < 0 { cji = cji - contributionI }
        if contributionJ > 0 { cij = cij + contributionJ }
        if contributionJ < 0 { cji = cji - contributionJ }
        // Each third party weighs only the principals' contributions and its own.
        let principalsI = cij
        let principalsJ = cji
        for n in 0..<problem.actorCount where n != i && n != j {
            let wn = problem.totalSalience[n] * problem.capability[n]
            let uni = a.utility(estimator: h, n, i)
            let unj = a.utility(estimator: h, n, j)
            let unn = a.utility(estimator: h, n, n)
            let little = rule.vote(weight: wn, uni, unj)
            let littleI = little > 0 ? principalsI + little : principalsI
            let littleJ = little < 0 ? principalsJ - little : principalsJ
            let pin = littleI / (littleI + littleJ)
            let vote = thirdPartyVote(weight: wn, rule: rule, commit: commit, pin: pin, pjn: 1.0 - pin,
                                      uki: uni, ukj: unj, ukk: unn)
            if vote > 0 { cij = cij + vote }
            if vote < 0 { cji = cji - vote }
        }
        let pij = cij / (cij + cji)
        let pji = cji / (cij + cji)
        let euContest = pij * euVictory + pji * euDefeat
        let euChallenge = (1 - sj) * euVictory + sj * euContest
        return ChallengeEstimate(probability: pij, gain: euChallenge - euSQ)
    }

    /// KTAB's `Actor::thirdPartyVoteSU`: third party k's vote for "i with k beats j" over
    /// "i beats j with k", by the sum of the three positions' utilities after each contest.
    @inline(__always)
    static func thirdPartyVote(
        weight: Double, rule: SpatialSettings.VotingRule, commit: SpatialSettings.ThirdPartyCommit,
        pin: Double, pjn: Double, uki: Double, ukj: Double, ukk: Double
    ) -> Double {
        let ikBeatsJ: Double
        let jBeatsIK: Double
        let iBeatsJK: Double
        let jkBeatsI: Double
        switch commit {
        case .fullCommit:
            ikBeatsJ = uki + uki + uki
            jBeatsIK = ukj + ukj + ukj
            iBeatsJK = uki + uki + uki
            jkBeatsI = ukj + ukj + ukj
        case .semiCommit:
            ikBeatsJ = uki + uki + ukk
            jBeatsIK = ukj + ukj + ukj
            iBeatsJK = uki + uki + uki
            jkBeatsI = ukj + ukj + ukk
        case .noCommit:
            ikBeatsJ = uki + uki + ukk
            jBeatsIK = ukj + ukj + ukk
            iBeatsJK = uki + uki + ukk
            jkBeatsI = ukj + ukj + ukk
        }
        let withI = pin * ikBeatsJ + pjn * jBeatsIK
        let withJ = pin * iBeatsJK + pjn * jkBeatsI
        return rule.vote(weight: weight, withI, withJ)
    }

    /// KTAB's `bestChallenge`: the receiver j ≠ i with the largest gain to i by i's own
    /// estimate, if that gain exceeds 1e-5 (the lowest j on a tie).
    ///
    /// Computes exactly what ``estimate(estimator:for:initiator:receiver:assessment:problem:)``
    /// computes with h = k = i, in the same order, but hoists what does not depend on j: each
    /// third party's weight, its utility for i's position and for its own.
    /// - Complexity: O(n²).
    static func bestTarget(
        initiator i: Int, assessment a: SpatialAssessment, problem: SpatialProblem
    ) -> (receiver: Int, estimate: ChallengeEstimate)? {
        let n = problem.actorCount
        let rule = problem.settings.votingRule
        let commit = problem.settings.thirdPartyCommit
        let distance = a.distance.storage
        let perceived = a.perceived.storage
        let totalSalience = problem.totalSalience
        let capability = problem.capability
        let riskRow = i * n
        var weight = [Double](repeating: 0, count: n)
        var towardI = [Double](repeating: 0, count: n)
        var own = [Double](repeating: 0, count: n)
        for m in 0..<n {
            weight[m] = totalSalience[m] * capability[m]
            towardI[m] = SpatialUtility.utility(distance: distance[m * n + i], risk: perceived[riskRow + m])
            own[m] = SpatialUtility.utility(distance: distance[m * n + m], risk: perceived[riskRow + m])
        }
        let uii = own[i]
        let si = totalSalience[i]
        var best: (receiver: Int, estimate: ChallengeEstimate)?
        var bestGain = -1.0
        for j in 0..<n where j != i {
            let uij = SpatialUtility.utility(distance: distance[i * n + j], risk: perceived[riskRow + i])
            let uji = towardI[j]
            let ujj = own[j]
            let euSQ = uii + uij
            let euVictory = uii + uii
            let euDefeat = uij + uij
            let sj = totalSalience[j]
            let contributionI = rule.vote(weight: si * capability[i], uii, uij)
            let contributionJ = rule.vote(weight: sj * capability[j], uji, ujj)
            var cij = 1e-10
            var cji = 1e-10
            if contributionI > 0 { cij = cij + contributionI }
            if contributionI < 0 { cji = cji - contributionI }
            if contributionJ > 0 { cij = cij + contributionJ }
            if contributionJ < 0 { cji = cji - contributionJ }
            let principalsI = cij
            let principalsJ = cji
            for m in 0..<n where m != i && m != j {
                let wn = weight[m]
                let uni = towardI[m]
                let unj = SpatialUtility.utility(distance: distance[m * n + j], risk: perceived[riskRow + m])
                let little = rule.vote(weight: wn, uni, unj)
                let littleI = little > 0 ? principalsI + little : principalsI
                let littleJ = little < 0 ? principalsJ - little : principalsJ
                let pin = littleI / (littleI + littleJ)
                let vote = thirdPartyVote(weight: wn, rule: rule, commit: commit, pin: pin, pjn: 1.0 - pin,
                                          uki: uni, ukj: unj, ukk: own[m])
                if vote > 0 { cij = cij + vote }
                if vote < 0 { cji = cji - vote }
            }
            let pij = cij / (cij + cji)
            let pji = cji / (cij + cji)
            let euContest = pij * euVictory + pji * euDefeat
            let gain = ((1 - sj) * euVictory + sj * euContest) - euSQ
            if 1e-5 < gain && bestGain < gain {
                best = (j, ChallengeEstimate(probability: pij, gain: gain))
                bestGain = gain
            }
        }
        return best
    }
}
