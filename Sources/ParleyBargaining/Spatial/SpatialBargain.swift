import ParleyCore

/// A proposed bargain: the positions the initiator and the receiver would adopt (0–1 units).
/// A status-quo bargain has `initiator == receiver` and the actor's current position.
struct SpatialBargain: Sendable, Hashable {
    let initiator: Int
    let receiver: Int
    let initiatorPosition: [Double]
    let receiverPosition: [Double]

    var isStatusQuo: Bool { initiator == receiver }
}

enum SpatialBargaining {
    /// KTAB's `interpolateBrgn`: the bargain between i at `positionI` and j at `positionJ`
    /// when i prevails with "probability" `pI` and j with `pJ`, dimension by dimension.
    ///
    /// S1P1 and S2P2 weight each side by `s^n p^m` (n = m = 1 or 2) and offer both sides
    /// essentially the same point, rounded to 4 decimals on the 0–1 scale; the 1e-6 added to
    /// one side's weight keeps each actor in place when neither side has weight. S2PMax moves
    /// each side toward the other by the truncated probability difference.
    /// - Complexity: O(d).
    static func interpolate(
        initiator i: Int, receiver j: Int, positionI: [Double], positionJ: [Double],
        pI: Double, pJ: Double, problem: SpatialProblem
    ) -> SpatialBargain {
        let d = problem.dimensionCount
        var bi = [Double](repeating: 0, count: d)
        var bj = [Double](repeating: 0, count: d)
        for k in 0..<d {
            let tik = positionI[k]
            let tjk = positionJ[k]
            let sik = problem.salience[i * d + k]
            let sjk = problem.salience[j * d + k]
            switch problem.settings.interVecBargain {
            case .s1p1:
                (bi[k], bj[k]) = weighted(tik: tik, wik: sik * pI, tjk: tjk, wjk: sjk * pJ)
            case .s2p2:
                (bi[k], bj[k]) = weighted(tik: tik, wik: (sik * sik) * (pI * pI), tjk: tjk, wjk: (sjk * sjk) * (pJ * pJ))
            case .s2pmax:
                (bi[k], bj[k]) = towardMax(tik: tik, sik: sik, pI: pI, tjk: tjk, sjk: sjk, pJ: pJ)
            }
        }
        return SpatialBargain(initiator: i, receiver: j, initiatorPosition: bi, receiverPosition: bj)
    }

    @inline(__always)
    private static func weighted(tik: Double, wik: Double, tjk: Double, wjk: Double) -> (Double, Double) {
        let minimum = 1e-6
        let bik = round4(((wik + minimum) * tik + wjk * tjk) / (wik + minimum + wjk))
        let bjk = round4((wik * tik + (minimum + wjk) * tjk) / (wik + minimum + wjk))
        return (bik, bjk)
    }

    @inline(__always)
    private static func towardMax(tik: Double, sik: Double, pI: Double, tjk: Double, sjk: Double, pJ: Double) -> (Double, Double) {
        let di = pJ > pI ? pJ - pI : 0
        let dj = pI > pJ ? pI - pJ : 0
        let sik2 = sik * sik
        let sjk2 = sjk * sjk
        let minimum = 1e-6
        let dik = (di * sjk2) / ((di * sjk2) + minimum + ((1 - di) * sik2))
        let djk = (dj * sik2) / ((dj * sik2) + minimum + ((1 - dj) * sjk2))
        return (tik + dik * (tjk - tik), tjk + djk * (tik - tjk))
    }

    /// KTAB's rounding to 4 decimals, `⌊0.5 + 10⁴x⌋ / 10⁴` (truncation toward zero).
    @inline(__always)
    static func round4(_ x: Double) -> Double {
        (0.5 + x * 10000.0).rounded(.towardZero) / 10000.0
    }

    /// The bargains initiator i proposes to receiver j, whom it beats with probability `pI`
    /// by its own estimate, as the bargain model forms them (KTAB's `doBCN`).
    ///
    /// - InitOnly: i's interpolation.
    /// - InitRcvr: i's and j's interpolations, as two bargains.
    /// - PWComp: their weighted average, weights `c_i S_i` and `c_i S_j`.
    ///
    /// Two quirks of KTAB's code are kept, so that its runs are reproduced: j's interpolation
    /// uses j's estimate of i's expected *gain* where a probability is meant, and the
    /// compromise weighs j's view with i's capability.
    /// - Complexity: O(d), plus O(n) for j's estimate when the model needs it.
    static func proposals(
        initiator i: Int, receiver j: Int, pI: Double, points: SpatialPoints,
        assessment: SpatialAssessment, problem: SpatialProblem
    ) -> [SpatialBargain] {
        let d = problem.dimensionCount
        let positionI = Array(points.positions[(i * d)..<(i * d + d)])
        let positionJ = Array(points.positions[(j * d)..<(j * d + d)])
        let fromI = interpolate(initiator: i, receiver: j, positionI: positionI, positionJ: positionJ,
                                pI: pI, pJ: 1 - pI, problem: problem)
        let model = problem.settings.bargainModel
        if model == .initOnly { return [fromI] }
        let viewOfJ = SpatialChallenge.estimate(estimator: j, for: i, initiator: i, receiver: j,
                                                assessment: assessment, problem: problem)
        let pJI = viewOfJ.gain
        let fromJ = interpolate(initiator: i, receiver: j, positionI: positionI, positionJ: positionJ,
                                pI: pJI, pJ: 1 - pJI, problem: problem)
        if model == .initReceiver { return [fromI, fromJ] }
        let wi = problem.capability[i] * problem.totalSalience[i]
        let wj = problem.capability[i] * problem.totalSalience[j]
        var compromiseI = [Double](repeating: 0, count: d)
        var compromiseJ = [Double](repeating: 0, count: d)
        for k in 0..<d {
            compromiseI[k] = (wi * fromI.initiatorPosition[k] + wj * fromJ.initiatorPosition[k]) / (wi + wj)
            compromiseJ[k] = (wi * fromI.receiverPosition[k] + wj * fromJ.receiverPosition[k]) / (wi + wj)
        }
        return [SpatialBargain(initiator: i, receiver: j, initiatorPosition: compromiseI, receiverPosition: compromiseJ)]
    }
}
