public import ParleyGames

/// The JSON that `parley game solve --json` prints (DESIGN.md):
/// `{"game", "players", "strategies", "method", "equilibria": [{"strategies": [[p, ...], ...],
/// "strategies_exact": [["1/3", ...], ...], "payoffs": [...], "payoffs_exact": [...], "component"?}], ...}`.
/// Probabilities and payoffs appear twice: as JSON numbers (nearest double) and as exact
/// rationals in strings. Strategy vectors follow the file's strategy order.
public enum GameJSON {
    public static func render(_ solution: GameSolution) -> String {
        let game = solution.game
        func numbers(_ values: [Rational]) -> OutputNode { .sequence(values.map { .number($0.doubleValue) }, flow: true) }
        func exact(_ values: [Rational]) -> OutputNode { .sequence(values.map { .text($0.description) }, flow: true) }
        let regrets = solution.approximation?.regrets ?? []
        let equilibria = solution.equilibria.enumerated().map { index, equilibrium -> OutputNode in
            var entries: [(String, OutputNode?)] = [
                ("strategies", .sequence(equilibrium.profile.probabilities.map(numbers), flow: true)),
                ("strategies_exact", .sequence(equilibrium.profile.probabilities.map(exact), flow: true)),
                ("payoffs", numbers(equilibrium.payoffs)),
                ("payoffs_exact", exact(equilibrium.payoffs)),
                ("component", equilibrium.component.map { .number(Double($0)) }),
                ("regret", index < regrets.count ? .number(regrets[index].doubleValue) : nil),
            ]
            if let bayesian = solution.bayesian {
                let behaviour = bayesian.behaviour(equilibrium.profile)
                entries.append(("behaviour", .sequence(bayesian.players.indices.map { p in
                    .map(bayesian.types[p].enumerated().map { t, type in
                        (type, .sequence(behaviour[p][t].map { .text($0.description) }, flow: true))
                    }, flow: true)
                }, flow: true)))
            }
            if let tree = solution.tree, index < solution.behaviours.count {
                entries.append(("behaviour", treeBehaviour(solution.behaviours[index], tree: tree)))
            }
            return .map(entries, flow: true)
        }
        var root: [(String, OutputNode?)] = [
            ("game", .text(game.title)),
            ("players", .sequence(game.players.map { .text($0) }, flow: true)),
            ("strategies", .sequence(game.strategies.map { .sequence($0.map { .text($0) }, flow: true) }, flow: false)),
            ("method", .text(solution.method.rawValue)),
            ("equilibria", .sequence(equilibria, flow: false)),
        ]
        if solution.equilibria.contains(where: { $0.component != nil }) {
            root.append(("components", .number(Double(Set(solution.equilibria.compactMap(\.component)).count))))
        }
        if let elimination = solution.elimination {
            root.append(("dominance", .map([
                ("kind", .text(elimination.steps.first?.kind.rawValue ?? "weak")),
                ("steps", .sequence(elimination.steps.map { step in
                    .map([
                        ("round", .number(Double(step.round))),
                        ("player", .text(game.players[step.player])),
                        ("strategy", .text(game.strategies[step.player][step.strategy])),
                        ("dominated_by", .text(game.strategies[step.player][step.dominatedBy])),
                        ("dominated_by_mixture", step.dominatingMixture.map { mixture in
                            .map(mixture.indices.filter { !mixture[$0].isZero }.map { (game.strategies[step.player][$0], .text(mixture[$0].description)) }, flow: true)
                        }),
                    ], flow: true)
                }, flow: false)),
                ("surviving", .sequence(elimination.surviving.enumerated().map { p, list in
                    .sequence(list.map { .text(game.strategies[p][$0]) }, flow: true)
                }, flow: true)),
            ])))
        }
        if let approximation = solution.approximation {
            func point(_ point: QREPoint) -> OutputNode {
                .map([("lambda", .number(point.lambda)),
                      ("strategies", .sequence(point.probabilities.map { .sequence($0.map { .number($0) }, flow: true) }, flow: true))], flow: true)
            }
            // Each approximate method reports under its own name; only logit has a QRE branch.
            if solution.method == .simplicialSubdivision {
                root.append(("simpdiv", .map([
                    ("tolerance", .number(approximation.tolerance)),
                    ("payoff_range", .number(approximation.payoffRange)),
                ])))
            } else if solution.method != .enumpoly {
                root.append(("logit", .map([
                    ("tolerance", .number(approximation.tolerance)),
                    ("payoff_range", .number(approximation.payoffRange)),
                    ("qre", approximation.quantalResponse.map(point)),
                    ("path", .sequence(approximation.branch.map(point), flow: false)),
                ])))
            }
        }
        if let enumeration = solution.enumeration {
            func supports(_ support: [[Int]]) -> OutputNode {
                .sequence(support.map { .sequence($0.map { .number(Double($0 + 1)) }, flow: true) }, flow: true)
            }
            root.append(("enumpoly", .map([
                ("complete", .literal(enumeration.complete ? "true" : "false")),
                ("supports_total", .number(Double(enumeration.supportsTotal))),
                ("supports_done", .number(Double(enumeration.supportsDone))),
                ("supports_searched", .number(Double(enumeration.supportsSearched))),
                ("supports_pruned", .number(Double(enumeration.supportsPruned))),
                ("boxes", .number(Double(enumeration.boxes))),
                ("certificates", .sequence(enumeration.certificates.map { certificate in
                    .map([("kind", .text(certificate.kind.rawValue)), ("support", supports(certificate.support)),
                          ("radius", certificate.radius.map { .number($0) })], flow: true)
                }, flow: false)),
                ("components", .sequence(enumeration.components.map { component in
                    .map([("support", supports(component.support)), ("boxes", .number(Double(component.boxes))),
                          ("sample", component.sample.map { sample in .sequence(sample.probabilities.map { exact($0) }, flow: true) }),
                          ("sample_regret", component.sampleRegret.map { .number($0.doubleValue) })], flow: true)
                }, flow: false)),
                ("unresolved", .sequence(enumeration.unresolved.map { item in
                    .map([("support", supports(item.support)), ("reason", .text(item.reason))], flow: true)
                }, flow: false)),
            ])))
        }
        if let perfection = solution.subgamePerfection {
            root.append(("subgames", .sequence(perfection.subgames.map { subgame in
                .map([("root_node", .number(Double(subgame.root))), ("decision_nodes", .number(Double(subgame.nodeCount))),
                      ("method", .text(subgame.method)), ("value", numbers(subgame.value)), ("value_exact", exact(subgame.value))], flow: true)
            }, flow: false)))
        }
        if let induction = solution.backwardInduction {
            root.append(("backward_induction", .map([
                ("root_value", numbers(induction.rootValue)),
                ("root_value_exact", exact(induction.rootValue)),
                ("path", .sequence(induction.path.map { .number(Double($0)) }, flow: true)),
                ("tie_nodes", .number(Double(induction.tieCount))),
            ])))
        }
        if let map = solution.map {
            root.append(("dominance_map", .map([
                ("parameters", .sequence(map.sweeps.map { .text($0.parameter) }, flow: true)),
                ("points", .sequence(map.points.map { point in
                    .map([("values", exact(point.values)), ("status", .text(point.status.rawValue))], flow: true)
                }, flow: false)),
            ])))
        }
        if !solution.notes.isEmpty {
            root.append(("notes", .sequence(solution.notes.map { .text($0) }, flow: false)))
        }
        return JSONWriter.write(.map(root))
    }

    /// Behaviour strategies of a tree: for each player, its information sets in order of first
    /// appearance, each with its actions and their probabilities (numbers and exact).
    static func treeBehaviour(_ behaviour: BehaviourProfile, tree: ExtensiveFormGame) -> OutputNode {
        .sequence(tree.players.indices.map { p in
            .sequence(tree.infosets(of: p).map { set in
                let information = tree.infosets[set]
                return .map([
                    ("infoset", .text(information.label)),
                    ("number", .number(Double(information.number))),
                    ("actions", .sequence(information.actions.map { .text($0) }, flow: true)),
                    ("probabilities", .sequence(behaviour.probabilities[set].map { .number($0.doubleValue) }, flow: true)),
                    ("probabilities_exact", .sequence(behaviour.probabilities[set].map { .text($0.description) }, flow: true)),
                ], flow: true)
            }, flow: true)
        }, flow: true)
    }
}
