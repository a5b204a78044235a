public import ParleyAnalysis
import ParleyCore
import ParleyGames

/// Plain-language sentences on a solved game or a repeated case, for the report's briefing.
public enum StrategicReading {
    /// What the game says, in a few sentences: the analysed action at the coded values and over
    /// the map's grid, the equilibria, what each player does in all of them.
    public static func paragraph(_ analysis: GameAnalysis) -> String {
        let solution = analysis.solution
        let game = solution.game
        var sentences: [String] = []
        if let model = analysis.model, let map = solution.map, map.player < model.players.count,
           map.action < model.players[map.player].actions.count {
            let player = model.players[map.player]
            let action = player.actions[map.action]
            if let status = analysis.codedStatus {
                sentences.append("At the values the file codes, \(action) is \(DominanceMapChart.words(status)) for \(player.name).")
            }
            let counts = DominanceMap.Status.allCases.compactMap { status -> String? in
                let count = map.points.filter { $0.status == status }.count
                return count == 0 ? nil : "\(DominanceMapChart.words(status)) at \(count)"
            }
            let ranges = map.sweeps.map { "\($0.parameter) from \(GameText.fixed($0.from)) to \(GameText.fixed($0.to))" }
            sentences.append("Over the \(map.points.count) points of the grid (\(ranges.joined(separator: ", "))) it is \(listed(counts)).")
        }
        if let induction = solution.backwardInduction {
            sentences.append("Backward induction gives the subgame-perfect payoffs \(induction.rootValue.map(\.description).joined(separator: ", ")).")
        }
        let count = solution.equilibria.count
        if count == 0 {
            sentences.append("The \(solution.method.rawValue) method found no equilibrium.")
        } else {
            sentences.append("The \(solution.method.rawValue) method finds \(count) equilibri\(count == 1 ? "um" : "a").")
            for p in game.players.indices {
                let choices = Set(solution.equilibria.map { equilibrium -> Int? in
                    let support = equilibrium.profile.supports
                    return p < support.count && support[p].count == 1 ? support[p][0] : nil
                })
                if choices.count == 1, let only = choices.first, let s = only, s < game.strategies[p].count {
                    sentences.append("\(game.players[p]) plays \(game.strategies[p][s]) in \(count == 1 ? "it" : "every one").")
                }
            }
        }
        return sentences.joined(separator: " ")
    }

    /// What the repeated case says without noise: when each reply breaks off and what restores
    /// cooperation; then which strategy tops each tournament.
    public static func paragraph(_ analysis: RepeatedAnalysis) -> String {
        let study = analysis.study
        let labels = Dictionary(zip(study.study.replies.map(\.name), study.replyLabels), uniquingKeysWith: { first, _ in first })
        let readings = analysis.outcomes.filter { $0.runs == 1 }.map { row -> String in
            let name = labels[row.reply] ?? row.reply
            guard let turn = row.collapseTurn else { return "\(name) never breaks off" }
            let restore = row.restoringGesture.map {
                "\($0) \(study.unit)\($0 == 1 ? "" : "s") of unconditional cooperation by \(study.counterpartName) win it back"
            } ?? "no later cooperation by \(study.counterpartName) restores it"
            return "\(name) breaks off in \(study.label(turn: turn)) and \(restore)"
        }
        var sentences: [String] = []
        if !readings.isEmpty {
            sentences.append("After the scripted defection by \(study.counterpartName), without noise: " + readings.joined(separator: "; ") + ".")
        }
        if let quiet = analysis.outcomes.map(\.noise).min() {
            let rows = analysis.outcomes.filter { $0.noise == quiet }
            let shown = rows.map { (name: labels[$0.reply] ?? $0.reply, score: NumberText.fixed($0.replyScorePerTurn, digits: 2), value: $0.replyScorePerTurn) }
            if rows.count > 1, let high = shown.max(by: { $0.value < $1.value }), let low = shown.min(by: { $0.value < $1.value }), high.score != low.score {
                let top = shown.filter { $0.score == high.score }.map(\.name)
                let bottom = shown.filter { $0.score == low.score }.map(\.name)
                sentences.append("At noise \(NumberText.plain(quiet)), \(study.replierName)'s payoff per \(study.unit) is highest with \(listed(top)) "
                    + "(\(high.score)) and lowest with \(listed(bottom)) (\(low.score)).")
            }
        }
        for round in analysis.tournaments {
            guard let best = round.result.ranking.first, best < round.labels.count else { continue }
            sentences.append("In a round robin at noise \(NumberText.plain(round.noise)), \(round.labels[best]) scores best "
                + "(median \(NumberText.fixed(round.result.medianScore(best), digits: 2)) per \(study.unit)).")
        }
        return sentences.joined(separator: " ")
    }

    /// "a, b and c".
    static func listed(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}
