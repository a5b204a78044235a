import ParleyCore
public import ParleyGames

/// The human-readable report of a solution.
public enum GameText {
    /// The solution as the terminal shows it: players, types, dominance, equilibria, the map.
    public static func render(_ solution: GameSolution, model: GameModel?, width: Int, style: TerminalStyle) -> String {
        let game = solution.game
        var lines: [String] = []
        lines.append(style.bold(model?.name ?? (game.title.isEmpty ? "Game" : game.title)))
        lines.append(TextWrap.wrap("players: " + game.players.indices.map { "\(game.players[$0]) (\(game.strategies[$0].count) strategies)" }.joined(separator: ", "), width: width))
        if let bayesian = solution.bayesian {
            for p in bayesian.players.indices where bayesian.types[p].count > 1 {
                let prior = bayesian.marginal(player: p)
                lines.append(TextWrap.wrap("types of \(bayesian.players[p]): " + bayesian.types[p].indices.map { "\(bayesian.types[p][$0]) (prior \(prior[$0]))" }.joined(separator: ", ")
                                           + "; a plan a/b names the action of each type in this order", width: width))
            }
        }
        if let induction = solution.backwardInduction, let tree = solution.tree {
            lines.append("")
            lines.append("Backward induction (\(tree.nodes.count) nodes): subgame-perfect payoffs " + induction.rootValue.map(\.description).joined(separator: ", ")
                         + "; path " + induction.path.map { String($0 + 1) }.joined(separator: " ") + " (action numbers, 1-based)"
                         + (induction.tieCount > 0 ? "; \(induction.tieCount) decision nodes had tied best actions (the first was taken)" : ""))
        }
        if let elimination = solution.elimination {
            lines.append("")
            if elimination.steps.isEmpty {
                lines.append("Dominance: no pure strategy is weakly dominated by another.")
            } else {
                lines.append("Iterated elimination of weakly dominated strategies:")
                for step in elimination.steps {
                    let by = step.dominatingMixture.map { mixture in
                        "the mixture " + mixture.indices.filter { !mixture[$0].isZero }.map { "\(mixture[$0]) on \(game.strategies[step.player][$0])" }.joined(separator: " + ")
                    } ?? game.strategies[step.player][step.dominatedBy]
                    lines.append("  round \(step.round): \(game.players[step.player]): \(game.strategies[step.player][step.strategy]) is dominated by \(by)")
                }
            }
            for p in game.players.indices {
                let strict = game.strictlyDominantStrategies(player: p)
                let weak = game.weaklyDominantStrategies(player: p)
                if let s = strict.first {
                    lines.append("  \(game.players[p]): \(game.strategies[p][s]) is strictly dominant (so weakly dominant too)")
                } else if let s = weak.first {
                    lines.append("  \(game.players[p]): \(game.strategies[p][s]) is weakly dominant: never worse, sometimes better")
                }
            }
        }
        lines.append("")
        let components = Set(solution.equilibria.compactMap(\.component)).count
        let showComponents = components < solution.equilibria.count
        var heading = "Equilibria (\(solution.method.rawValue)): \(solution.equilibria.count)"
        if solution.method == .enumeration {
            heading += " extreme, in \(components) connected component\(components == 1 ? "" : "s")"
        }
        lines.append(heading)
        let regrets = solution.approximation?.regrets ?? []
        let rows = solution.equilibria.enumerated().map { index, equilibrium in
            // A numerical equilibrium that is not exact is shown in decimals, with its exact regret.
            let approximate = index < regrets.count && !regrets[index].isZero
            let show = { (value: Rational) in approximate && !value.isZero ? NumberText.fixed(value.doubleValue, digits: 6) : value.description }
            return GameTable.Row(
                label: "\(index + 1)" + (equilibrium.component.map { showComponents ? " c\($0 + 1)" : "" } ?? ""),
                strategies: equilibrium.profile.probabilities.enumerated().map { p, list in
                    GameTable.mixedText(probabilities: list.map(show), labels: game.strategies[p])
                },
                payoffs: equilibrium.payoffs.map(show).joined(separator: ", ")
                    + (approximate ? " (regret \(NPlayerSolver.short(regrets[index].doubleValue)))" : ""))
        }
        if !rows.isEmpty {
            lines.append(GameTable.render(players: game.players, rows: rows, width: width, style: style))
        }
        if let qre = solution.approximation?.quantalResponse {
            lines.append(TextWrap.wrap("Logit QRE at λ = \(qre.lambda): " + qre.probabilities.enumerated().map { p, list in
                "\(game.players[p]) " + GameTable.mixedText(probabilities: list.map { NumberText.fixed($0, digits: 6) }, labels: game.strategies[p])
            }.joined(separator: "; "), width: width))
        }
        if let tree = solution.tree, let behaviour = solution.behaviours.first {
            lines.append(contentsOf: behaviourLines(behaviour, tree: tree, width: width))
        }
        if let perfection = solution.subgamePerfection {
            // A perfect-information tree has a subgame at every move: the deepest few and the whole game suffice.
            let shown = perfection.subgames.count <= 12 ? perfection.subgames : Array(perfection.subgames.prefix(10)) + [perfection.subgames[perfection.subgames.count - 1]]
            let parts = shown.map { subgame in
                "node \(subgame.root + 1) (\(subgame.method), \(subgame.nodeCount) move\(subgame.nodeCount == 1 ? "" : "s"), value \(subgame.value.map(\.description).joined(separator: ", ")))"
            }
            let omitted = perfection.subgames.count - shown.count
            lines.append(TextWrap.wrap("Subgames (\(perfection.subgames.count), solved deepest first; nodes numbered from 1 in preorder): "
                                       + (omitted > 0 ? parts.dropLast().joined(separator: "; ") + "; … \(omitted) more; " + (parts.last ?? "") : parts.joined(separator: "; ")),
                                       width: width))
        }
        if let map = solution.map, let model {
            lines.append("")
            lines.append(contentsOf: mapLines(map, model: model, width: width))
        }
        for note in solution.notes {
            lines.append(style.dim(TextWrap.wrap("note: " + note, width: width)))
        }
        return lines.joined(separator: "\n")
    }

    /// Behaviour strategies of a tree, one line per information set of a player.
    static func behaviourLines(_ behaviour: BehaviourProfile, tree: ExtensiveFormGame, width: Int) -> [String] {
        var lines = ["Behaviour strategies (per information set, in order of first appearance):"]
        for p in tree.players.indices {
            for set in tree.infosets(of: p) {
                let information = tree.infosets[set]
                let name = information.label.isEmpty ? "set \(information.number)" : "set \(information.number) '\(information.label)'"
                lines.append(TextWrap.wrap("\(tree.players[p]), \(name): "
                                           + GameTable.mixedText(probabilities: behaviour.probabilities[set].map(\.description), labels: information.actions),
                                           width: width, indent: "  "))
            }
        }
        return lines
    }

    /// The dominance map of a game model as text lines.
    public static func mapLines(_ map: DominanceMap, model: GameModel, width: Int) -> [String] {
        let player = model.players[map.player]
        let action = player.actions[map.action]
        var lines = [TextWrap.wrap("Where '\(action)' stays dominant for \(player.name), as \(map.sweeps.map(\.parameter).joined(separator: " and ")) vary:", width: width)]
        let columns = map.sweeps.first?.points ?? []
        let rowsValues = map.sweeps.count > 1 ? map.sweeps[1].points : [Rational.zero]
        var cells: [[Character]] = []
        for r in rowsValues.indices.reversed() {
            cells.append(columns.indices.map { c in map.points[c + r * columns.count].status.symbol })
        }
        let legend = DominanceMap.Status.allCases.map { ($0.symbol, $0.rawValue.replacingDashes) }
        lines.append(GameTable.renderMap(
            rowName: map.sweeps.count > 1 ? map.sweeps[1].parameter : "", rowValues: rowsValues.reversed().map { fixed($0) },
            columnName: map.sweeps.first?.parameter ?? "", columnValues: columns.map { fixed($0) }, cells: cells, legend: legend, width: width))
        return lines
    }

    static func fixed(_ value: Rational) -> String {
        value.isInteger ? value.description : NumberText.fixed(value.doubleValue, digits: 2)
    }
}

extension String {
    fileprivate var replacingDashes: String { String(map { $0 == "-" ? " " : $0 }) }
}
