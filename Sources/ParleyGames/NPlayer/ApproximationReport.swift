import Foundation

/// What a numerical n-player method adds to a ``GameSolution``: the exact regret of each reported
/// profile, the tolerance it was computed to and, for logit tracing, the QRE branch.
public struct ApproximationReport: Sendable, Hashable {
    /// The exact regret of each equilibrium in ``GameSolution/equilibria`` (same order); zero
    /// for an equilibrium verified exactly.
    public var regrets: [Rational]
    /// The stopping tolerance: regret at most `tolerance × payoffRange` before refinement.
    public var tolerance: Double
    /// The largest minus the smallest payoff of the game.
    public var payoffRange: Double
    /// The traced logit branch (λ and profile per accepted step); empty for other methods.
    public var branch: [QREPoint]
    /// When a QRE at a given λ was asked for: that point (it is not a Nash equilibrium).
    public var quantalResponse: QREPoint?

    public init(regrets: [Rational], tolerance: Double, payoffRange: Double, branch: [QREPoint] = [], quantalResponse: QREPoint? = nil) {
        self.regrets = regrets
        self.tolerance = tolerance
        self.payoffRange = payoffRange
        self.branch = branch
        self.quantalResponse = quantalResponse
    }
}

/// Mixed equilibria of games with any number of players, by numerical methods whose results are
/// then refined and checked exactly.
public enum NPlayerSolver {
    /// One Nash equilibrium as the limit of the principal logit QRE branch (``LogitQRE``),
    /// refined on its support (``ApproximateEquilibrium``): exact when the support equations
    /// have a rational solution that rounding recovers, else within the reported regret.
    /// - Throws: ``GameError`` when the branch cannot be followed.
    public static func logit(_ game: NormalFormGame, options: LogitQRE.Options = LogitQRE.Options()) throws(GameError) -> (branch: LogitQRE.Branch, equilibrium: ApproximateEquilibrium) {
        let branch = try LogitQRE.traceBranch(game, options: options)
        let refined = SupportRefinement.refine(game, branch.end.probabilities, lambda: branch.end.lambda)
        return (branch, refined)
    }

    /// `probabilities` (approximately an equilibrium) refined on its support and verified exactly.
    public static func refine(_ game: NormalFormGame, probabilities: [[Double]]) -> ApproximateEquilibrium {
        SupportRefinement.refine(game, probabilities)
    }
}

extension NPlayerSolver {
    /// A double in at most 6 significant digits, for notes.
    public static func short(_ value: Double) -> String {
        if value == 0 { return "0" }
        if abs(value) >= 1e-3 && abs(value) < 1e6 {
            let scaled = (value * 1e4).rounded() / 1e4
            return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
        }
        let exponent = Int(log10(abs(value)).rounded(.down))
        let mantissa = (value / pow(10, Double(exponent)) * 100).rounded() / 100
        return "\(mantissa)e\(exponent)"
    }
}
