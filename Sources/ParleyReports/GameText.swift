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
                    lines.append("  round \(step.round): \(game.players[step.player]): \(game.strategies[step.player][step.strategy]) is dominated by \(game.strategies[step.player][step.dominatedBy])")
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
        let rows = solution.equilibria.enumerated().map { index, equilibrium in
            GameTable.Row(
                label: "\(index + 1)" + (equilibrium.component.map { showComponents ? " c\($0 + 1)" : "" } ?? ""),
                strategies: equilibrium.profile.probabilities.enumerated().map { p, list in
                    GameTable.mixedText(probabilities: list.map(\.description), labels: game.strategies[p])
                },
                payoffs: equilibrium.payoffs.map(\.description).joined(separator: ", "))
        }
        if !rows.isEmpty {
            lines.append(GameTable.render(players: game.players, rows: rows, width: width, style: style))
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
