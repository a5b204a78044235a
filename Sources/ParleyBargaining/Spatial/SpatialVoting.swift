import ParleyCore

/// A square matrix stored row-major, for the n × n quantities of the spatial model.
struct SquareMatrix: Sendable, Hashable {
    let size: Int
    var storage: [Double]

    init(size: Int, repeating value: Double = 0) {
        self.size = size
        storage = Array(repeating: value, count: size * size)
    }

    subscript(row: Int, column: Int) -> Double {
        get { storage[row * size + column] }
        set { storage[row * size + column] = newValue }
    }
}

extension SpatialSettings.VotingRule {
    /// KTAB's `Model::vote`: the vote of an actor with weight `weight` (> 0) for option 1
    /// over option 2, given its utilities for them. Positive favours option 1.
    ///
    /// With `du = u1 − u2`: Binary `w·clip(du/1e-8, −1, 1)`; PropBin `w(0.8du + 0.2bin)`;
    /// Proportional `w·du`; PropCbc `w(0.5du + 0.5du³)`; Cubic `w·du³`; ASymProsp `w·du` for
    /// losses and `(2/3)w·du` for gains.
    @inline(__always)
    func vote(weight: Double, _ u1: Double, _ u2: Double) -> Double {
        let du = u1 - u2
        switch self {
        case .proportional:
            return weight * du
        case .binary:
            return weight * Self.binaryResponse(du)
        case .propBin:
            return weight * ((1 - 0.2) * du + 0.2 * Self.binaryResponse(du))
        case .propCbc:
            return weight * ((1 - 0.5) * du + 0.5 * (du * du * du))
        case .cubic:
            return weight * (du * du * du)
        case .asymProsp:
            if du < 0 { return weight * du }
            if du > 0 { return (2.0 * weight * du) / 3.0 }
            return 0
        }
    }

    @inline(__always)
    private static func binaryResponse(_ du: Double) -> Double {
        let response = du / 1e-8
        return Swift.min(Swift.max(response, -1), 1)
    }
}

extension SpatialSettings.VictoryProbModel {
    /// KTAB's `Model::vProb(vpm, s1, s2)`: the probabilities that coalitions of strength `s1`
    /// and `s2` (≥ 0, not both 0) prevail, `s^m / (s1^m + s2^m)` for m = 1, 2, 4, 8, or for
    /// Binary certain victory from a 10% advantage on, linear inside that band.
    @inline(__always)
    func probabilities(_ s1: Double, _ s2: Double) -> (Double, Double) {
        var x1: Double
        var x2: Double
        switch self {
        case .linear:
            x1 = s1
            x2 = s2
        case .square:
            x1 = s1 * s1
            x2 = s2 * s2
        case .quartic:
            x1 = (s1 * s1) * (s1 * s1)
            x2 = (s2 * s2) * (s2 * s2)
        case .octic:
            let q1 = (s1 * s1) * (s1 * s1)
            let q2 = (s2 * s2) * (s2 * s2)
            x1 = q1 * q1
            x2 = q2 * q2
        case .binary:
            let threshold = 1.10
            if s1 >= threshold * s2 {
                x1 = 1
                x2 = 1e-6
            } else if s2 >= threshold * s1 {
                x1 = 1e-6
                x2 = 1
            } else {
                let ratio = s1 / (s1 + s2)
                x1 = (ratio * (threshold + 1) - 1) / (threshold - 1)
                x2 = 1 - x1
            }
        }
        return (x1 / (x1 + x2), x2 / (x1 + x2))
    }

    /// The matrix `V(a, b)` of victory probabilities from coalition strengths `C(a:b)`, with
    /// `V(a, a) = 1/2` and `V(a, b) + V(b, a) = 1` (KTAB's `Model::vProb(vpm, c)`).
    /// - Complexity: O(m²) for m options.
    func victoryMatrix(_ coalitions: SquareMatrix) -> SquareMatrix {
        let m = coalitions.size
        var victory = SquareMatrix(size: m)
        for i in 0..<m {
            for j in 0..<i {
                let (pij, pji) = probabilities(coalitions[i, j], coalitions[j, i])
                victory[i, j] = pij
                victory[j, i] = pji
            }
            victory[i, i] = 0.5
        }
        return victory
    }
}

enum SpatialCoalitions {
    /// KTAB's `Model::coalitions`: `C(a:b) = 1e-8 + Σ_k [vote_k(a, b)]⁺` over `voters`, with
    /// `C(b:a)` collecting the negative votes and `C(a:a) = 1e-8`.
    ///
    /// `utility(k, a)` is voter k's utility for option a; `weight(k)` its voting weight.
    /// - Complexity: O(m² n) for m options and n voters.
    static func strengths(
        options m: Int, voters n: Int, rule: SpatialSettings.VotingRule,
        weight: (Int) -> Double, utility: (Int, Int) -> Double
    ) -> SquareMatrix {
        let minimum = 1e-8
        var c = SquareMatrix(size: m)
        // Each voter's weight and utilities are read once per pair; caching the weights
        // keeps the closure calls out of the inner loop.
        let weights = (0..<n).map(weight)
        var utilities = [Double](repeating: 0, count: n * m)
        for k in 0..<n {
            for a in 0..<m { utilities[k * m + a] = utility(k, a) }
        }
        for i in 0..<m {
            for j in 0..<i {
                var cij = minimum
                var cji = minimum
                for k in 0..<n {
                    let v = rule.vote(weight: weights[k], utilities[k * m + i], utilities[k * m + j])
                    if v > 0 { cij = cij + v }
                    if v < 0 { cji = cji - v }
                }
                c[i, j] = cij
                c[j, i] = cji
            }
            c[i, i] = minimum
        }
        return c
    }
}
