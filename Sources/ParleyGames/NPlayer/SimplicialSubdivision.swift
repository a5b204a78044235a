import ParleyCore

/// One Nash equilibrium of a game with any number of players by simplicial subdivision: the
/// variable-dimension restart algorithm of van der Laan, Talman and van der Heyden (1987) on the
/// product of the players' strategy simplices, as in Gambit's `simpdiv`.
///
/// **Schedule.** The start profile (default: the centroid) lies on a grid of mesh `1/m`, `m` the
/// least common denominator of its probabilities. Each round divides the mesh by
/// ``Options/gridFactor`` and walks, pivoting one grid simplex at a time, from the current
/// profile until a completely labelled simplex is found (a label is a player's best reply to the
/// player with the largest regret); the round's result is the visited grid point with the least
/// regret, and it is the next round's start. Rounds stop when that regret is at most
/// ``Options/tolerance`` × payoff range.
///
/// **Guarantee and limits.** Each round ends (the walk cannot cycle on a finite grid), and a
/// completely labelled simplex of mesh `1/m` holds points whose regret is O(range × players / m),
/// so the rounds converge to an equilibrium. A round's pivot count can grow with `m` and the
/// number of strategies; ``Options/maxPivots`` and ``Options/maxRounds`` bound the work.
/// Arithmetic is exact on the grid (integer coordinates in units of the mesh); payoffs are
/// evaluated in double precision. Deterministic.
///
/// - Complexity: per pivot, one evaluation of the expected payoffs, O(profiles × players).
public enum SimplicialSubdivision {
    /// How far to refine and how much work to allow.
    public struct Options: Sendable, Hashable {
        /// The factor by which each round divides the mesh (at least 2).
        public var gridFactor: Int
        /// Stop when the regret is at most `tolerance × payoffRange`.
        public var tolerance: Double
        /// At most this many rounds (grid refinements).
        public var maxRounds: Int
        /// At most this many pivots over all rounds.
        public var maxPivots: Int
        /// The start profile; `nil` for the centroid.
        public var start: MixedProfile?

        public init(gridFactor: Int = 2, tolerance: Double = 1e-9, maxRounds: Int = 48, maxPivots: Int = 2_000_000, start: MixedProfile? = nil) {
            self.gridFactor = gridFactor
            self.tolerance = tolerance
            self.maxRounds = maxRounds
            self.maxPivots = maxPivots
            self.start = start
        }
    }

    /// One round: its grid denominator and the least regret found on that grid.
    public struct Round: Sendable, Hashable {
        /// The mesh is `1 / denominator`.
        public var denominator: Int
        /// The least regret among the round's visited grid points.
        public var regret: Double
        /// Pivots taken in the round.
        public var pivots: Int
    }

    /// What the walk found, and its refinement.
    public struct Result: Sendable, Hashable {
        /// The final round's best grid point, per player.
        public var probabilities: [[Double]]
        /// Its regret (double precision).
        public var regret: Double
        /// Every round in order; regrets shrink as the grid gets finer.
        public var rounds: [Round]
        /// ``probabilities`` refined on their support and verified exactly.
        public var equilibrium: ApproximateEquilibrium
    }

    /// Runs the rounds, then refines the result (``NPlayerSolver/refine(_:probabilities:)``).
    /// - Throws: ``GameError`` for invalid options or start, or when the work limits are reached
    ///   before the tolerance.
    public static func solve(_ game: NormalFormGame, options: Options = Options()) throws(GameError) -> Result {
        let table = PayoffTable(game)
        guard options.gridFactor >= 2 else {
            throw GameError(.invalidValue, "the grid factor must be at least 2 (got \(options.gridFactor))")
        }
        guard options.tolerance > 0, options.tolerance.isFinite else {
            throw GameError(.invalidValue, "the simplicial subdivision tolerance must be positive (got \(options.tolerance))")
        }
        var (counts, denominator) = try gridStart(game, options.start)
        var rounds: [Round] = []
        var pivotsLeft = options.maxPivots
        var best = (counts: counts, regret: Double.infinity)
        for _ in 0..<max(options.maxRounds, 1) {
            try GameError.checkCancellation()
            let scaled = denominator.multipliedReportingOverflow(by: options.gridFactor)
            guard !scaled.overflow else { break }
            denominator = scaled.partialValue
            counts = counts.map { $0.map { $0 * options.gridFactor } }
            var walk = SubdivisionWalk(table: table, start: counts, denominator: denominator, pivotLimit: pivotsLeft)
            try walk.run()
            pivotsLeft -= walk.pivots
            counts = walk.bestPoint
            rounds.append(Round(denominator: denominator, regret: walk.bestRegret, pivots: walk.pivots))
            if walk.bestRegret < best.regret { best = (counts, walk.bestRegret) }
            if walk.bestRegret <= options.tolerance * table.range { break }
        }
        let probabilities = best.counts.map { $0.map { Double($0) / Double(denominator) } }
        guard best.regret <= options.tolerance * table.range else {
            throw GameError(.tooLarge, "simplicial subdivision stopped at regret \(NPlayerSolver.short(best.regret)) after \(rounds.count) rounds, above the tolerance",
                            hint: "raise the tolerance or the limits, or try --method logit")
        }
        let refined = NPlayerSolver.refine(game, probabilities: probabilities)
        return Result(probabilities: probabilities, regret: best.regret, rounds: rounds, equilibrium: refined)
    }

    /// The start profile as integer counts over a common denominator.
    static func gridStart(_ game: NormalFormGame, _ start: MixedProfile?) throws(GameError) -> ([[Int]], Int) {
        guard let start else {
            let denominator = game.shape.reduce(1) { lcm($0, $1) }
            return (game.shape.map { count in Array(repeating: denominator / count, count: count) }, denominator)
        }
        guard start.probabilities.map(\.count) == game.shape else {
            throw GameError(.shape, "the start profile has shape \(start.probabilities.map(\.count)), the game \(game.shape)")
        }
        var denominator = 1
        for p in start.probabilities.joined() {
            guard let d = p.denominator.intValue, d > 0, d < 1 << 20, p.signum >= 0 else {
                throw GameError(.invalidValue, "start probability \(p) is negative or has too large a denominator", hint: "use fractions with denominators below 2^20")
            }
            denominator = lcm(denominator, d)
            guard denominator < 1 << 24 else {
                throw GameError(.invalidValue, "the start profile's common denominator is too large", hint: "use simpler fractions")
            }
        }
        var counts: [[Int]] = []
        for row in start.probabilities {
            var line: [Int] = []
            for p in row {
                guard let n = p.numerator.intValue, let d = p.denominator.intValue else {
                    throw GameError(.invalidValue, "start probability \(p) is too large")
                }
                line.append(n * (denominator / d))
            }
            guard line.reduce(0, +) == denominator else {
                throw GameError(.invalidValue, "a player's start probabilities do not sum to 1")
            }
            counts.append(line)
        }
        return (counts, denominator)
    }

    static func lcm(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 0 : a / x * b
    }
}
