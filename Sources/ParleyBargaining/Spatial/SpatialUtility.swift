import ParleyCore

/// The fixed data of a spatial run in KTAB's units: positions and saliences on 0–1,
/// capabilities as given.
struct SpatialProblem: Sendable {
    let actorCount: Int
    let dimensionCount: Int
    /// c_i > 0.
    let capability: [Double]
    /// s_ik on 0–1, row-major (actor, dimension); each row sums to at most 1 and is not all 0.
    let salience: [Double]
    /// S_i = Σ_k s_ik: the probability that i resists a challenge.
    let totalSalience: [Double]
    /// Σ_k s_ik², summed in dimension order as KTAB's `bvDiff` does.
    let salienceSquares: [Double]
    /// KTAB's accommodation matrix; `nil` is the identity (ideal = current position).
    let accommodation: SquareMatrix?
    let settings: SpatialSettings

    init(capability: [Double], salience: [Double], dimensionCount: Int,
         accommodation: SquareMatrix?, settings: SpatialSettings) {
        actorCount = capability.count
        self.dimensionCount = dimensionCount
        self.capability = capability
        self.salience = salience
        self.accommodation = accommodation
        self.settings = settings
        var totals: [Double] = []
        var squares: [Double] = []
        for i in 0..<capability.count {
            var total = 0.0
            var square = 0.0
            for k in 0..<dimensionCount {
                let s = salience[i * dimensionCount + k]
                total = total + s
                square = square + s * s
            }
            totals.append(total)
            squares.append(square)
        }
        totalSalience = totals
        salienceSquares = squares
    }

    /// KTAB's `bvDiff`: the salience-weighted RMS distance, by actor `i`'s saliences, between
    /// point `a` (at `aOffset` in `aPoints`) and point `b`: `√(Σ (s_k (a_k − b_k))² / Σ s_k²)`.
    @inline(__always)
    func distance(for i: Int, _ aPoints: [Double], _ aOffset: Int, _ bPoints: [Double], _ bOffset: Int) -> Double {
        let d = dimensionCount
        var sum = 0.0
        for k in 0..<d {
            let ds = (aPoints[aOffset + k] - bPoints[bOffset + k]) * salience[i * d + k]
            sum = sum + ds * ds
        }
        return (sum / salienceSquares[i]).squareRoot()
    }
}

enum SpatialUtility {
    /// KTAB's `bsUtil`: the utility of a position at normalised distance `d` (≥ 0) for an
    /// actor of risk attitude `r` (−1 … +1): `(1 − d)(1 + d r)` for `d ≤ 1`, else `(1 − d)(1 + r)`.
    @inline(__always)
    static func utility(distance d: Double, risk r: Double) -> Double {
        d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r)
    }
}

extension SpatialSettings.BigRRange {
    /// KTAB's `Model::bigRfromProb`: risk attitudes from the probabilities of the actors'
    /// positions; the most probable position is the most risk averse (R = 1).
    ///
    /// When every position is equally probable KTAB divides 0 by 0; Parley makes every actor
    /// risk neutral instead.
    func riskAttitudes(_ p: [Double]) -> [Double] {
        var pMin = 1.0
        var pMax = 0.0
        for x in p {
            pMin = x < pMin ? x : pMin
            pMax = x > pMax ? x : pMax
        }
        guard pMax - pMin > 0 else { return p.map { _ in 0 } }
        switch self {
        case .min: return p.map { ($0 - pMin) / (pMax - pMin) }
        case .mid: return p.map { (3 * $0 - (pMax + 2 * pMin)) / (2 * (pMax - pMin)) }
        case .max: return p.map { (2 * $0 - (pMax + pMin)) / (pMax - pMin) }
        }
    }
}

extension SpatialSettings.BigRAdjust {
    /// KTAB's `Model::estNRA`: actor h's estimate of i's risk attitude.
    @inline(__always)
    func perceived(own rh: Double, other ri: Double) -> Double {
        switch self {
        case .full: ri
        case .twoThirds: (rh + (2.0 * ri)) / 3.0
        case .half: (rh + ri) / 2
        case .oneThird: ((2.0 * rh) + ri) / 3.0
        case .none: rh
        }
    }
}

/// One state's positions and ideals, in KTAB's units (0–1), row-major (actor, dimension).
struct SpatialPoints: Sendable, Hashable {
    var positions: [Double]
    var ideals: [Double]
}

/// What every actor makes of one state (KTAB's `setAllAUtil`): distances from ideals to
/// positions, inferred risk attitudes, and every actor's estimate of every actor's risk.
struct SpatialAssessment: Sendable {
    /// vDiff(i, j): distance from i's ideal to j's position, by i's saliences.
    let distance: SquareMatrix
    /// The probabilities of the positions when all are risk neutral, which set ``risk``.
    let neutralProbabilities: [Double]
    /// R_i.
    let risk: [Double]
    /// r^h_i at [h, i] (the diagonal included, computed by the same rule as KTAB).
    let perceived: SquareMatrix
    /// KTAB's `uIndices`: the first actor of each class of equivalent positions.
    let uniqueIndices: [Int]

    /// - Complexity: O(n² (d + n)) for n actors on d dimensions: the risk-neutral coalitions
    ///   dominate. KTAB also stores the n³ utilities U^h(i, j); Parley computes them on demand.
    init(_ points: SpatialPoints, problem: SpatialProblem) throws(SpatialPCE.NoConvergence) {
        let n = problem.actorCount
        let d = problem.dimensionCount
        var distance = SquareMatrix(size: n)
        for i in 0..<n {
            for j in 0..<n {
                distance[i, j] = problem.distance(for: i, points.ideals, i * d, points.positions, j * d)
            }
        }
        let settings = problem.settings
        let neutral = try SpatialPCE.scalar(
            options: n, voters: n, rule: settings.votingRule, settings: settings,
            weight: { problem.capability[$0] },
            utility: { k, a in SpatialUtility.utility(distance: distance[k, a], risk: 0) })
        let risk = settings.bigRRange.riskAttitudes(neutral)
        var perceived = SquareMatrix(size: n)
        for h in 0..<n {
            for i in 0..<n {
                perceived[h, i] = settings.bigRAdjust.perceived(own: risk[h], other: risk[i])
            }
        }
        self.distance = distance
        neutralProbabilities = neutral
        self.risk = risk
        self.perceived = perceived
        uniqueIndices = Self.uniqueIndices(points.positions, actorCount: n, dimensionCount: d)
    }

    /// U^h(i, j): h's estimate of i's utility for j's position.
    @inline(__always)
    func utility(estimator h: Int, _ i: Int, _ j: Int) -> Double {
        SpatialUtility.utility(distance: distance[i, j], risk: perceived[h, i])
    }

    /// KTAB's position tolerance: positions closer than 1e-3 (Euclidean, 0–1 units) are one.
    static let positionTolerance = 1e-3

    static func equivalent(_ positions: [Double], _ i: Int, _ j: Int, dimensionCount d: Int) -> Bool {
        var sum = 0.0
        for k in 0..<d {
            let diff = positions[i * d + k] - positions[j * d + k]
            sum = sum + diff * diff
        }
        return sum.squareRoot() < positionTolerance
    }

    static func uniqueIndices(_ positions: [Double], actorCount n: Int, dimensionCount d: Int) -> [Int] {
        var unique: [Int] = []
        for i in 0..<n where !unique.contains(where: { equivalent(positions, i, $0, dimensionCount: d) }) {
            unique.append(i)
        }
        return unique
    }
}
