/// The solution methods `parley game solve --method` offers.
public enum SolveMethod: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Chosen from the game: `enum` for two players, `pure` for more, `backward-induction` for a
    /// perfect-information tree, `sequence-form` for another two-player tree with perfect recall.
    case automatic = "auto"
    /// All extreme equilibria of a two-player game, exactly (vertex enumeration).
    case enumeration = "enum"
    /// All pure-strategy equilibria, any number of players.
    case pure
    /// One equilibrium by Lemke–Howson from `--label` (default 1), double precision made exact.
    case lemkeHowson = "lemke-howson"
    /// Lemke–Howson from every starting label; the distinct equilibria reached.
    case lemkeHowsonAll = "lemke-howson-all"
    /// Subgame-perfect equilibrium of a perfect-information tree.
    case backwardInduction = "backward-induction"
    /// One Nash equilibrium of a two-player tree by Lemke's algorithm on the sequence form, exactly.
    case sequenceForm = "sequence-form"
    /// A subgame-perfect equilibrium of any tree: subgames solved bottom-up (backward induction,
    /// the sequence form for two players, pure equilibria otherwise).
    case subgamePerfect = "subgame-perfect"
    /// Any number of players: one equilibrium as the limit of the principal logit QRE branch,
    /// refined on its support and verified exactly (``NPlayerSolver/logit(_:options:)``);
    /// with `--lambda`, the QRE at that precision instead.
    case logit
    /// Any number of players: one equilibrium by simplicial subdivision from the centroid, refined and verified exactly (``SimplicialSubdivision``).
    case simplicialSubdivision = "simpdiv"
    /// Any number of players: every isolated equilibrium by support enumeration, each support's
    /// polynomial system searched exhaustively, each equilibrium verified exactly or certified
    /// unique within a tiny box (``PolynomialEnumeration``).
    case enumpoly

    public var description: String { rawValue }
}

/// What `parley game solve` computed: the strategic form solved, the equilibria, iterated weak
/// dominance, and what applies to the kind of game (backward induction, Bayesian behaviour,
/// the dominance map).
public struct GameSolution: Sendable {
    public var game: NormalFormGame
    public var method: SolveMethod
    public var equilibria: [NashEquilibrium]
    public var elimination: EliminationResult?
    public var backwardInduction: BackwardInduction?
    public var tree: ExtensiveFormGame?
    public var bayesian: BayesianGame?
    public var map: DominanceMap?
    public var notes: [String]
    /// For a tree solved by `sequence-form` or `subgame-perfect`: the behaviour strategies of each equilibrium.
    public var behaviours: [BehaviourProfile] = []
    /// For `subgame-perfect`: the subgames found and how each was solved.
    public var subgamePerfection: SubgamePerfection?
    /// For numerical n-player methods (`logit`): regrets, tolerance and the traced branch.
    public var approximation: ApproximationReport?
    /// For `enumpoly`: certificates, components, unresolved supports and search statistics.
    public var enumeration: PolynomialEnumeration.Result?
}

/// Runs the method asked for on a game of any kind.
public enum GameSolver {
    /// Solves a strategic-form game.
    /// - Parameter game: the game to solve.
    /// - Parameter method: the solution method (``SolveMethod``).
    /// - Parameter label: for Lemke–Howson, the dropped label, 1-based (rows first, then columns).
    /// - Throws: ``GameError`` when the method does not apply or the game is too large for it.
    /// - Parameter dominance: also run iterated elimination of weakly dominated strategies (skipped
    ///   above 40,000 profiles, where it costs more than the equilibria).
    /// - Parameter lambda: for `logit`, stop at this precision and report the QRE there.
    /// - Parameter mixedDominance: eliminate strategies dominated by mixtures too.
    /// - Parameter options: options of `enumpoly` (time limit, progress); its defaults otherwise.
    public static func solve(_ game: NormalFormGame, method: SolveMethod, label: Int = 1, dominance: Bool = true,
                             lambda: Double? = nil, mixedDominance: Bool = false,
                             enumeration options: PolynomialEnumeration.Options = GameSolver.enumerationDefaults) throws(GameError) -> GameSolution {
        var resolved = method
        if method == .automatic { resolved = game.players.count == 2 ? .enumeration : .logit }
        var notes: [String] = []
        var equilibria: [NashEquilibrium]
        var approximation: ApproximationReport?
        var enumeration: PolynomialEnumeration.Result?
        switch resolved {
        case .enumeration:
            equilibria = try BimatrixEnumeration.solve(game)
        case .pure, .automatic:
            equilibria = game.pureEquilibria()
            if game.players.count > 2 {
                notes.append("these are the pure equilibria; --method logit (or auto) also finds a mixed one")
            }
        case .lemkeHowson:
            let outcome = try LemkeHowson.solve(game, droppedLabel: label - 1)
            equilibria = [outcome.equilibrium]
            notes.append("Lemke–Howson from label \(label): \(outcome.pivots) pivots\(outcome.usedExactPath ? ", re-run in exact arithmetic" : ", double precision, verified exactly")")
        case .lemkeHowsonAll:
            equilibria = try LemkeHowson.solveFromEveryLabel(game)
        case .logit:
            (equilibria, approximation) = try logit(game, lambda: lambda, withPure: method == .automatic, notes: &notes)
        case .simplicialSubdivision:
            (equilibria, approximation) = try simplicialSubdivision(game, notes: &notes)
        case .enumpoly:
            let result = try PolynomialEnumeration.solve(game, options: options)
            equilibria = result.equilibria
            approximation = ApproximationReport(regrets: result.regrets, tolerance: 0, payoffRange: PayoffTable(game).range)
            notes.append(contentsOf: PolynomialEnumeration.notes(result))
            enumeration = result
        case .backwardInduction, .sequenceForm, .subgamePerfect:
            throw GameError(.unsupported, "\(resolved.rawValue) needs a game tree (.efg, or a game file with 'nodes')", hint: "use --method enum or pure for a strategic-form game")
        }
        try GameError.checkCancellation()
        let elimination = dominance && game.profileCount <= 40_000 ? game.iteratedElimination(.weak, mixed: mixedDominance) : nil
        // A solver or an elimination cut short by a cancellation is never returned.
        try GameError.checkCancellation()
        var solution = GameSolution(game: game, method: resolved, equilibria: equilibria, elimination: elimination, notes: notes)
        solution.approximation = approximation
        solution.enumeration = enumeration
        return solution
    }

    /// `enumpoly`'s limits when the caller gives none: ten minutes.
    public static let enumerationDefaults = PolynomialEnumeration.Options(timeLimit: .seconds(600))

    /// The logit method: the branch's limit (after the pure equilibria for `auto`), or the QRE at `lambda`.
    private static func logit(_ game: NormalFormGame, lambda: Double?, withPure: Bool, notes: inout [String]) throws(GameError) -> ([NashEquilibrium], ApproximationReport) {
        let options = LogitQRE.Options()
        let range = PayoffTable(game).range
        // Each step evaluates every profile for every pair of players, a few hundred times per branch.
        let work = game.profileCount.multipliedReportingOverflow(by: game.players.count * game.players.count)
        if work.overflow || work.partialValue > 4_000_000 {
            let error = GameError(.tooLarge, "the game has too many pure profiles (\(game.profileCount)) for logit tracing here",
                                  hint: "eliminate dominated strategies first, or use --method pure")
            guard withPure else { throw error }
            notes.append(error.message + "; these are the pure equilibria")
            let pure = game.pureEquilibria()
            return (pure, ApproximationReport(regrets: pure.map { _ in .zero }, tolerance: options.maxRegret, payoffRange: range))
        }
        if let lambda {
            let branch = try LogitQRE.traceBranch(game, options: options, stopAt: lambda)
            notes.append("logit QRE at λ = \(lambda) on the principal branch (\(branch.points.count) points); a QRE is not a Nash equilibrium")
            return ([], ApproximationReport(regrets: [], tolerance: options.maxRegret, payoffRange: range, branch: branch.points, quantalResponse: branch.end))
        }
        var equilibria = withPure ? game.pureEquilibria() : []
        var regrets = equilibria.map { _ in Rational.zero }
        do throws(GameError) {
            let (branch, found) = try NPlayerSolver.logit(game, options: options)
            if !equilibria.contains(where: { $0.profile == found.equilibrium.profile }) {
                equilibria.append(found.equilibrium)
                regrets.append(found.regret)
            }
            notes.append("logit branch: \(branch.points.count) steps to λ = \(NPlayerSolver.short(branch.end.lambda)), regret \(NPlayerSolver.short(branch.regret))"
                         + (found.isExact ? "; refined on its support to an exact equilibrium" : "; refined on its support, exact regret \(NPlayerSolver.short(found.regret.doubleValue))"))
            if withPure { notes.append("auto for \(game.players.count) players: all pure equilibria, then one from the logit branch (not all mixed equilibria)") }
            return (equilibria, ApproximationReport(regrets: regrets, tolerance: options.maxRegret, payoffRange: range, branch: branch.points))
        } catch {
            guard withPure else { throw error }
            notes.append("the logit branch could not be followed (\(error.message)); these are the pure equilibria")
            return (equilibria, ApproximationReport(regrets: regrets, tolerance: options.maxRegret, payoffRange: range))
        }
    }

    /// The simpdiv method: the walk's result refined on its support, with its exact regret.
    private static func simplicialSubdivision(_ game: NormalFormGame, notes: inout [String]) throws(GameError) -> ([NashEquilibrium], ApproximationReport) {
        let options = SimplicialSubdivision.Options()
        let range = PayoffTable(game).range
        let result = try SimplicialSubdivision.solve(game, options: options)
        let found = result.equilibrium
        notes.append("simplicial subdivision: \(result.rounds.count) grid\(result.rounds.count == 1 ? "" : "s") down to mesh 1/\(result.rounds.last?.denominator ?? 1), \(result.rounds.map(\.pivots).reduce(0, +)) pivots, regret \(NPlayerSolver.short(result.regret))"
                     + (found.isExact ? "; refined on its support to an exact equilibrium" : "; refined on its support, exact regret \(NPlayerSolver.short(found.regret.doubleValue))"))
        return ([found.equilibrium], ApproximationReport(regrets: [found.regret], tolerance: options.tolerance, payoffRange: range))
    }

    /// Solves an analyst's model: its Harsanyi form, with per-type behaviour and, when the model
    /// asks for one, the dominance map. `options` are `enumpoly`'s (time limit, progress).
    public static func solve(_ model: GameModel, method: SolveMethod, label: Int = 1, dominance: Bool = true,
                             enumeration options: PolynomialEnumeration.Options = GameSolver.enumerationDefaults) throws(GameError) -> GameSolution {
        let bayesian = try model.bayesianGame()
        var solution = try solve(try bayesian.harsanyiForm(), method: method, label: label, dominance: dominance, enumeration: options)
        solution.bayesian = bayesian
        if let analysis = model.analysis, !analysis.sweeps.isEmpty {
            solution.map = try DominanceMap(model: model, analysis: analysis)
        }
        try GameError.checkCancellation()
        return solution
    }

    /// Solves a game tree: backward induction when it has perfect information (the default), Lemke
    /// on the sequence form for other two-player trees with perfect recall (the default there),
    /// subgame perfection when asked, else the method on its reduced normal form. `options` are
    /// `enumpoly`'s on the reduced normal form (time limit, progress).
    public static func solve(_ tree: ExtensiveFormGame, method: SolveMethod, label: Int = 1, dominance: Bool = true,
                             enumeration options: PolynomialEnumeration.Options = GameSolver.enumerationDefaults) throws(GameError) -> GameSolution {
        if method == .backwardInduction || (method == .automatic && tree.hasPerfectInformation) {
            let induction = try BackwardInduction(tree)
            try GameError.checkCancellation()
            // The strategic form is only built when small; the tree itself may be huge.
            let form = (try? tree.reducedNormalForm()).flatMap { $0.profileCount <= 10_000 ? $0 : nil }
            var equilibria: [NashEquilibrium] = []
            if let form {
                let strategies = form.players.indices.map { tree.reducedStrategies(of: $0) }
                let own = form.players.indices.map { tree.infosets(of: $0) }
                // The reduced strategy that plays the induction's choice at every set it reaches.
                let choice = form.players.indices.map { p -> Int in
                    strategies[p].firstIndex { strategy in
                        strategy.enumerated().allSatisfy { k, action in
                            guard let action else { return true }
                            let set = own[p][k]
                            return tree.nodes.indices.first { tree.nodes[$0].infoset == set }.map { induction.choices[$0] == action } ?? true
                        }
                    } ?? 0
                }
                equilibria = [NashEquilibrium(profile: MixedProfile(pure: choice, shape: form.shape), payoffs: induction.rootValue)]
            }
            let game: NormalFormGame
            if let form {
                game = form
            } else {
                game = try NormalFormGame(title: tree.title, players: tree.players, strategies: tree.players.map { _ in ["(tree)"] },
                                          payoffs: [induction.rootValue])
            }
            return GameSolution(game: game, method: .backwardInduction, equilibria: equilibria, elimination: nil,
                                backwardInduction: induction, tree: tree,
                                notes: form == nil ? ["the tree's strategic form is too large to print; the subgame-perfect path and value are given"] : [])
        }
        // auto: the sequence form needs perfect recall; without it the reduced normal form is solved.
        let perfectRecall = tree.players.indices.allSatisfy { tree.reducedStrategyCount(of: $0) != nil }
        if method == .enumpoly && tree.players.count == 2 && perfectRecall {
            return try solveAllInBehaviour(tree)
        }
        if method == .sequenceForm || method == .subgamePerfect || (method == .automatic && tree.players.count == 2 && perfectRecall) {
            return try solveInBehaviour(tree, method: method == .automatic ? .sequenceForm : method)
        }
        var solution = try solve(try tree.reducedNormalForm(), method: method, label: label, dominance: dominance, enumeration: options)
        solution.tree = tree
        solution.notes.append("equilibria of the reduced normal form (Nash, not necessarily subgame perfect)")
        return solution
    }

    /// `enumpoly` on a two-player tree with perfect recall: every extreme equilibrium through the
    /// sequence form (``SequenceFormEnumeration``), in behaviour strategies, with the equivalent
    /// mixed strategies over reduced strategies when the reduced normal form is small.
    static func solveAllInBehaviour(_ tree: ExtensiveFormGame) throws(GameError) -> GameSolution {
        let result = try SequenceFormEnumeration.solve(tree)
        try GameError.checkCancellation()
        let components = Set(result.equilibria.map(\.component)).count
        var notes = ["all extreme equilibria by vertex enumeration of the sequence form: \(result.vertices[0]) + \(result.vertices[1]) vertices, \(result.pairs) complementary pair\(result.pairs == 1 ? "" : "s")\(result.notExtreme > 0 ? " (\(result.notExtreme) equilibri\(result.notExtreme == 1 ? "um" : "a") not extreme, dropped)" : ""), \(result.equilibria.count) equilibri\(result.equilibria.count == 1 ? "um" : "a") in \(components) component\(components == 1 ? "" : "s"), each checked exactly"]
        let small = tree.players.indices.allSatisfy { (tree.reducedStrategyCount(of: $0) ?? .infinity) <= 10_000 }
            && tree.players.indices.reduce(1.0) { $0 * (tree.reducedStrategyCount(of: $1) ?? .infinity) } <= 10_000
        let form = small ? try? tree.reducedNormalForm() : nil
        let game: NormalFormGame
        if let form {
            game = form
        } else {
            game = try NormalFormGame(title: tree.title, players: tree.players, strategies: tree.players.map { _ in ["(tree)"] },
                                      payoffs: [result.equilibria.first?.payoffs ?? tree.players.map { _ in Rational.zero }])
            notes.append("the tree's reduced normal form is too large to print; the behaviour strategies are given")
        }
        let equilibria = result.equilibria.map { found in
            NashEquilibrium(profile: form.map { _ in found.behaviour.mixedProfile(in: tree) } ?? MixedProfile(tree.players.map { _ in [Rational.one] }),
                            payoffs: found.payoffs, component: found.component)
        }
        return GameSolution(game: game, method: .enumpoly, equilibria: equilibria, elimination: nil, tree: tree, notes: notes,
                            behaviours: result.equilibria.map(\.behaviour))
    }

    /// Solves a tree in behaviour strategies (sequence form or subgame perfection); the equivalent
    /// mixed strategies over reduced strategies are given when the reduced normal form is small.
    static func solveInBehaviour(_ tree: ExtensiveFormGame, method: SolveMethod) throws(GameError) -> GameSolution {
        var notes: [String] = []
        let behaviour: BehaviourProfile
        let payoffs: [Rational]
        var perfection: SubgamePerfection?
        if method == .subgamePerfect {
            let solved = try SubgamePerfection(tree)
            behaviour = solved.behaviour
            payoffs = solved.payoffs
            perfection = solved
            notes.append("\(solved.subgames.count) subgame\(solved.subgames.count == 1 ? "" : "s") solved bottom-up; where a subgame has several equilibria the first found is kept")
        } else {
            let outcome = try SequenceFormLemke.solve(tree)
            behaviour = outcome.behaviour
            payoffs = outcome.payoffs
            notes.append("Lemke's algorithm on the sequence form: \(outcome.pivots) pivots, one Nash equilibrium (not necessarily subgame perfect), checked exactly")
        }
        let small = tree.players.indices.allSatisfy { (tree.reducedStrategyCount(of: $0) ?? .infinity) <= 10_000 }
            && tree.players.indices.reduce(1.0) { $0 * (tree.reducedStrategyCount(of: $1) ?? .infinity) } <= 10_000
        try GameError.checkCancellation()
        let form = small ? try? tree.reducedNormalForm() : nil
        let game: NormalFormGame
        let profile: MixedProfile
        if let form {
            game = form
            profile = behaviour.mixedProfile(in: tree)
        } else {
            game = try NormalFormGame(title: tree.title, players: tree.players, strategies: tree.players.map { _ in ["(tree)"] },
                                      payoffs: [payoffs])
            profile = MixedProfile(tree.players.map { _ in [Rational.one] })
            notes.append("the tree's reduced normal form is too large to print; the behaviour strategies are given")
        }
        return GameSolution(game: game, method: method, equilibria: [NashEquilibrium(profile: profile, payoffs: payoffs)], elimination: nil,
                            tree: tree, notes: notes, behaviours: [behaviour], subgamePerfection: perfection)
    }
}
