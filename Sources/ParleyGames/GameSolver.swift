/// The solution methods `parley game solve --method` offers.
public enum SolveMethod: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Chosen from the game: `enum` for two players, `pure` for more, `backward-induction` for a
    /// perfect-information tree.
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
}

/// Runs the method asked for on a game of any kind.
public enum GameSolver {
    /// Solves a strategic-form game.
    /// - Parameter label: for Lemke–Howson, the dropped label, 1-based (rows first, then columns).
    /// - Throws: ``GameError`` when the method does not apply or the game is too large for it.
    /// - Parameter dominance: also run iterated elimination of weakly dominated strategies (skipped
    ///   above 40,000 profiles, where it costs more than the equilibria).
    public static func solve(_ game: NormalFormGame, method: SolveMethod, label: Int = 1, dominance: Bool = true) throws(GameError) -> GameSolution {
        var resolved = method
        if method == .automatic { resolved = game.players.count == 2 ? .enumeration : .pure }
        var notes: [String] = []
        let equilibria: [NashEquilibrium]
        switch resolved {
        case .enumeration:
            equilibria = try BimatrixEnumeration.solve(game)
        case .pure, .automatic:
            equilibria = game.pureEquilibria()
            if game.players.count > 2 {
                notes.append("mixed equilibria of games with more than two players are not computed yet; these are the pure ones")
            }
        case .lemkeHowson:
            let outcome = try LemkeHowson.solve(game, droppedLabel: label - 1)
            equilibria = [outcome.equilibrium]
            notes.append("Lemke–Howson from label \(label): \(outcome.pivots) pivots\(outcome.usedExactPath ? ", re-run in exact arithmetic" : ", double precision, verified exactly")")
        case .lemkeHowsonAll:
            equilibria = try LemkeHowson.solveFromEveryLabel(game)
        case .backwardInduction:
            throw GameError(.unsupported, "backward induction needs a game tree (.efg)", hint: "use --method enum or pure for a strategic-form game")
        }
        let elimination = dominance && game.profileCount <= 40_000 ? game.iteratedElimination(.weak) : nil
        return GameSolution(game: game, method: resolved, equilibria: equilibria, elimination: elimination, notes: notes)
    }

    /// Solves an analyst's model: its Harsanyi form, with per-type behaviour and, when the model
    /// asks for one, the dominance map.
    public static func solve(_ model: GameModel, method: SolveMethod, label: Int = 1, dominance: Bool = true) throws(GameError) -> GameSolution {
        let bayesian = try model.bayesianGame()
        var solution = try solve(try bayesian.harsanyiForm(), method: method, label: label, dominance: dominance)
        solution.bayesian = bayesian
        if let analysis = model.analysis, !analysis.sweeps.isEmpty {
            solution.map = try DominanceMap(model: model, analysis: analysis)
        }
        return solution
    }

    /// Solves a game tree: backward induction when it has perfect information (the default),
    /// else the method on its reduced normal form.
    public static func solve(_ tree: ExtensiveFormGame, method: SolveMethod, label: Int = 1, dominance: Bool = true) throws(GameError) -> GameSolution {
        if method == .backwardInduction || (method == .automatic && tree.hasPerfectInformation) {
            let induction = try BackwardInduction(tree)
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
        var solution = try solve(try tree.reducedNormalForm(), method: method, label: label, dominance: dominance)
        solution.tree = tree
        solution.notes.append("equilibria of the reduced normal form (Nash, not necessarily subgame perfect)")
        return solution
    }
}
