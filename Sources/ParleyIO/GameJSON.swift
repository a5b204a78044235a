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
        let equilibria = solution.equilibria.map { equilibrium -> OutputNode in
            var entries: [(String, OutputNode?)] = [
                ("strategies", .sequence(equilibrium.profile.probabilities.map(numbers), flow: true)),
                ("strategies_exact", .sequence(equilibrium.profile.probabilities.map(exact), flow: true)),
                ("payoffs", numbers(equilibrium.payoffs)),
                ("payoffs_exact", exact(equilibrium.payoffs)),
                ("component", equilibrium.component.map { .number(Double($0)) }),
            ]
            if let bayesian = solution.bayesian {
                let behaviour = bayesian.behaviour(equilibrium.profile)
                entries.append(("behaviour", .sequence(bayesian.players.indices.map { p in
                    .map(bayesian.types[p].enumerated().map { t, type in
                        (type, .sequence(behaviour[p][t].map { .text($0.description) }, flow: true))
                    }, flow: true)
                }, flow: true)))
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
                    ], flow: true)
                }, flow: false)),
                ("surviving", .sequence(elimination.surviving.enumerated().map { p, list in
                    .sequence(list.map { .text(game.strategies[p][$0]) }, flow: true)
                }, flow: true)),
            ])))
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
}
