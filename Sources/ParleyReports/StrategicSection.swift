import ParleyAnalysis
import ParleyCore
import ParleyGames

/// The report's strategic sections: one per game file and one per repeated-game case.
extension HTMLReport {
    /// At most this many equilibria get a bar chart each; the table lists them all.
    static let equilibriumCharts = 6

    /// `game-K` for the K-th game and `repeated-K` for the K-th repeated case among `parts`.
    static func sectionID(_ parts: [StrategicPart], index: Int) -> String {
        let isGame = { (part: StrategicPart) -> Bool in if case .game = part { return true } else { return false } }
        let kind = isGame(parts[index])
        let number = parts[...index].filter { isGame($0) == kind }.count
        return (kind ? "game-" : "repeated-") + String(number)
    }

    static func strategicSection(_ parts: [StrategicPart], index: Int) -> [String] {
        switch parts[index] {
        case .game(let analysis): gameSection(analysis, id: sectionID(parts, index: index))
        case .repeated(let analysis): repeatedSection(analysis, id: sectionID(parts, index: index))
        }
    }

    // MARK: Games

    static func gameSection(_ analysis: GameAnalysis, id: String) -> [String] {
        let solution = analysis.solution
        let game = solution.game
        var html = ["<section id=\"\(id)\" class=\"strategic\"><h2>Strategic analysis: \(escape(analysis.name))</h2>",
                    "<p class=\"note\">Game file: \(escape(analysis.file)).</p>"]
        if let summary = analysis.model?.summary { html.append("<p class=\"summary\">\(escape(summary))</p>") }
        html += playersTable(analysis)
        if let chart = PayoffMatrixChart.render(game, equilibria: solution.equilibria, title: "\(analysis.name): payoffs") {
            let caption = solution.bayesian != nil
                ? "The strategic form (Harsanyi form: a plan a/b names the action of each type, in order)"
                : solution.tree != nil ? "The reduced strategic form of the tree" : "The payoff matrix"
            html += ["<figure><figcaption>\(caption)</figcaption>", chart.render(), "</figure>"]
        }
        if let induction = solution.backwardInduction {
            html.append("<p>Backward induction: subgame-perfect payoffs \(escape(induction.rootValue.map(\.description).joined(separator: ", "))); "
                + "path \(induction.path.map { String($0 + 1) }.joined(separator: " ")) (action numbers, 1-based)"
                + (induction.tieCount > 0 ? "; \(induction.tieCount) decision nodes had tied best actions (the first was taken)" : "") + ".</p>")
        }
        html += dominanceList(solution)
        html += equilibriaPart(solution)
        if let map = solution.map, let model = analysis.model {
            html.append("<h3>Dominance map</h3>")
            html.append("<figure><figcaption>\(escape(DominanceMapChart.render(map, model: model).title))</figcaption>")
            html.append(DominanceMapChart.render(map, model: model).render())
            html.append("</figure>")
            let swept = map.sweeps.compactMap { sweep in model.parameters.first { $0.id == sweep.parameter } }
            let meanings = swept.compactMap { parameter in parameter.meaning.map { "\(parameter.id): \($0)" } }
            if !meanings.isEmpty {
                html.append("<p class=\"note\">\(escape(meanings.joined(separator: "; "))). Every grid point is solved exactly.</p>")
            }
        }
        for note in solution.notes { html.append("<p class=\"note\">Note: \(escape(note)).</p>") }
        html += gameEvidence(analysis)
        html.append("</section>")
        return html
    }

    static func playersTable(_ analysis: GameAnalysis) -> [String] {
        let game = analysis.solution.game
        var html = ["<table>", "<thead><tr><th>player</th><th>strategies</th><th>types (prior)</th></tr></thead>", "<tbody>"]
        for p in game.players.indices {
            var types = "-"
            if let bayesian = analysis.solution.bayesian, p < bayesian.types.count, bayesian.types[p].count > 1 {
                let prior = bayesian.marginal(player: p)
                types = bayesian.types[p].indices.map { "\(bayesian.types[p][$0]) (\($0 < prior.count ? prior[$0].description : "?"))" }
                    .joined(separator: ", ")
            }
            html.append("<tr><td>\(escape(game.players[p]))</td><td>\(escape(game.strategies[p].joined(separator: ", ")))</td><td>\(escape(types))</td></tr>")
        }
        html += ["</tbody>", "</table>"]
        return html
    }

    static func dominanceList(_ solution: GameSolution) -> [String] {
        guard let elimination = solution.elimination else { return [] }
        let game = solution.game
        var items: [String] = []
        for step in elimination.steps where step.player < game.players.count {
            let strategies = game.strategies[step.player]
            guard step.strategy < strategies.count, step.dominatedBy < strategies.count else { continue }
            items.append("round \(step.round): for \(game.players[step.player]), \(strategies[step.strategy]) is dominated by \(strategies[step.dominatedBy])")
        }
        for p in game.players.indices {
            if let s = game.strictlyDominantStrategies(player: p).first {
                items.append("\(game.players[p]): \(game.strategies[p][s]) is strictly dominant")
            } else if let s = game.weaklyDominantStrategies(player: p).first {
                items.append("\(game.players[p]): \(game.strategies[p][s]) is weakly dominant: never worse, sometimes better")
            }
        }
        var html = ["<h3>Dominance</h3>"]
        if elimination.steps.isEmpty { html.append("<p>No pure strategy is weakly dominated by another.</p>") }
        if !items.isEmpty {
            if !elimination.steps.isEmpty { html.append("<p>Iterated elimination of weakly dominated strategies:</p>") }
            html.append("<ul>" + items.map { "<li>\(escape($0))</li>" }.joined() + "</ul>")
        }
        return html
    }

    static func equilibriaPart(_ solution: GameSolution) -> [String] {
        let game = solution.game
        var html = ["<h3>Equilibria</h3>"]
        guard !solution.equilibria.isEmpty else { return html + ["<p>None found by the \(escape(solution.method.rawValue)) method.</p>"] }
        let components = Set(solution.equilibria.compactMap(\.component)).count
        var note = "\(solution.equilibria.count) found by the \(solution.method.rawValue) method"
        if solution.method == .enumeration { note += " (all extreme equilibria, in \(components) connected component\(components == 1 ? "" : "s"))" }
        html.append("<p class=\"note\">\(escape(note)); probabilities and payoffs are exact.</p>")
        html.append("<table class=\"equilibria\">")
        html.append("<thead><tr><th>#</th>" + game.players.map { "<th>\(escape($0))</th>" }.joined() + "<th>payoffs</th></tr></thead>")
        html.append("<tbody>")
        for (index, equilibrium) in solution.equilibria.enumerated() {
            let cells = equilibrium.profile.probabilities.enumerated().map { p, list in
                p < game.strategies.count ? GameTable.mixedText(probabilities: list.map(\.description), labels: game.strategies[p]) : ""
            }
            html.append("<tr><td>E\(index + 1)</td>" + cells.map { "<td>\(escape($0))</td>" }.joined()
                + "<td>\(escape(equilibrium.payoffs.map(\.description).joined(separator: ", ")))</td></tr>")
        }
        html += ["</tbody>", "</table>"]
        for (index, equilibrium) in solution.equilibria.prefix(equilibriumCharts).enumerated() {
            html.append("<figure><figcaption>Equilibrium E\(index + 1): each player's strategy</figcaption>")
            html.append(EquilibriumChart.render(game, equilibrium: equilibrium, number: index + 1).render())
            html.append("</figure>")
        }
        if solution.equilibria.count > equilibriumCharts {
            html.append("<p class=\"note\">Charts for the first \(equilibriumCharts) equilibria; the table lists all.</p>")
        }
        return html
    }

    static func gameEvidence(_ analysis: GameAnalysis) -> [String] {
        guard let model = analysis.model else { return [] }
        /// One row per quote; the subject and value cells span all the subject's quotes.
        func evidenceRows(_ subject: String, _ value: String, _ meaning: String?, _ evidence: [Evidence]) -> [String] {
            var subjectCell = "<strong>\(escape(subject))</strong>"
            if let meaning { subjectCell += "<br><span class=\"note\">\(escape(meaning))</span>" }
            guard !evidence.isEmpty else { return ["<tr><td>\(subjectCell)</td><td>\(escape(value))</td><td>-</td><td>-</td></tr>"] }
            let span = evidence.count > 1 ? " rowspan=\"\(evidence.count)\"" : ""
            return evidence.enumerated().map { index, evidence in
                let source = model.sources.first { $0.id == evidence.source }
                var sourceCell = escape(source?.title ?? evidence.source)
                if let url = source?.url, url.hasPrefix("https://") || url.hasPrefix("http://") {
                    sourceCell = "<a href=\"\(escape(url))\">\(sourceCell)</a>"
                }
                if let page = evidence.page { sourceCell += ", \(escape(page))" }
                var quote = "“\(escape(evidence.quote))”"
                if let note = evidence.note { quote += "<br><span class=\"note\">\(escape(note))</span>" }
                let lead = index == 0 ? "<td\(span)>\(subjectCell)</td><td\(span)>\(escape(value))</td>" : ""
                return "<tr>\(lead)<td>\(quote)</td><td>\(sourceCell)</td></tr>"
            }
        }
        var rows: [String] = []
        for parameter in model.parameters {
            rows += evidenceRows(parameter.id, parameter.value.description, parameter.meaning, parameter.evidence)
        }
        let bayesian = analysis.solution.bayesian
        for (p, player) in model.players.enumerated() {
            let prior = p < (bayesian?.types.count ?? 0) ? bayesian?.marginal(player: p) : nil
            for (k, type) in player.types.enumerated() where !type.evidence.isEmpty {
                let value = prior.flatMap { k < $0.count ? $0[k].description : nil } ?? type.prior.description
                rows += evidenceRows("\(player.name): type \(type.id)", "prior \(value)", "prior = \(type.prior)", type.evidence)
            }
        }
        for outcome in model.outcomes where !outcome.evidence.isEmpty {
            let actions = outcome.actions.enumerated().compactMap { p, a -> String? in
                p < model.players.count && a < model.players[p].actions.count ? "\(model.players[p].name) \(model.players[p].actions[a])" : nil
            }.joined(separator: ", ")
            rows += evidenceRows("outcome: \(actions)", "", nil, outcome.evidence)
        }
        guard !rows.isEmpty else { return [] }
        return ["<h3>Evidence for the numbers</h3>", "<table class=\"evidence\">",
                "<thead><tr><th>parameter</th><th>value</th><th>quote</th><th>source</th></tr></thead>", "<tbody>"]
            + rows + ["</tbody>", "</table>"]
    }

    // MARK: Repeated cases

    static func repeatedSection(_ analysis: RepeatedAnalysis, id: String) -> [String] {
        let study = analysis.study
        let s = study.study
        var html = ["<section id=\"\(id)\" class=\"strategic\"><h2>Repeated interaction: \(escape(study.name))</h2>"]
        if !study.summary.isEmpty { html.append("<p class=\"summary\">\(escape(study.summary))</p>") }
        let defections = zip(s.defectionTurns, study.scriptedLabels).map { "\(study.label(turn: $0)) (\($1))" }.joined(separator: "; ")
        let setting = "\(study.counterpartName) defects in \(defections) and otherwise plays \(s.counterpart.name); "
            + "\(s.turns) \(study.unit)s from \(study.label(turn: 1)); stage game \(s.game); noisy cases over \(s.runs) runs, seed \(s.seed)."
        html.append("<p class=\"note\">\(escape(setting))</p>")
        html.append("<h3>\(escape(study.replierName))'s replies</h3>")
        html.append("<table class=\"replies\">")
        html.append("<thead><tr><th>reply</th><th>noise</th><th>collapsed</th><th>CC</th><th>payoff</th><th>restored by</th></tr></thead>")
        html.append("<tbody>")
        for row in CaseReport.replyRows(study, analysis.outcomes) {
            html.append("<tr><td>\(escape(row.label))</td><td>\(NumberText.plain(row.noise))</td><td>\(escape(row.collapse))</td>"
                + "<td>\(NumberText.fixed(row.mutualCooperation * 100, digits: 0))%</td><td>\(NumberText.fixed(row.scorePerTurn, digits: 2))</td>"
                + "<td>\(escape(row.restoredBy))</td></tr>")
        }
        html += ["</tbody>", "</table>"]
        let key = "collapsed: no mutual cooperation in any of the last \(s.window) \(study.unit)s (for noisy rows, the share of runs that collapse). "
            + "CC: share of \(study.unit)s with mutual cooperation from the defection on. payoff: \(study.replierName)'s mean payoff per \(study.unit). "
            + "restored by: consecutive unconditional cooperations by \(study.counterpartName) that bring back \(s.window) \(study.unit)s of mutual cooperation."
        html.append("<p class=\"note\">\(escape(key))</p>")
        html += stageGamePart(study)
        let labels = Dictionary(zip(s.replies.map(\.name), study.replyLabels), uniquingKeysWith: { first, _ in first })
        let histories = analysis.outcomes.filter { $0.first != nil }
        if !histories.isEmpty {
            html.append("<p class=\"note\">\(escape("Histories without noise, one letter per \(study.unit) (C cooperate, D defect; \(study.replierName) above, \(study.counterpartName) below):"))</p>")
            var block: [String] = []
            let width = histories.map { (labels[$0.reply] ?? $0.reply).count }.max() ?? 0
            for row in histories {
                let name = labels[row.reply] ?? row.reply
                block.append(name + String(repeating: " ", count: max(0, width - name.count)) + "  " + (row.first ?? ""))
                block.append(String(repeating: " ", count: width + 2) + (row.second ?? ""))
            }
            html.append("<pre>\(escape(block.joined(separator: "\n")))</pre>")
        }
        for round in analysis.tournaments {
            html += tournamentPart(round, analysis: analysis)
        }
        html += caseEvidence(study)
        html.append("</section>")
        return html
    }

    static func tournamentPart(_ round: RepeatedAnalysis.Round, analysis: RepeatedAnalysis) -> [String] {
        let result = round.result
        let unit = analysis.study.unit
        let noise = NumberText.plain(round.noise)
        let setting = "Each pair meets \(analysis.repetitions) times over \(analysis.study.study.turns) \(unit)s, self-play included "
            + "(it fills the diagonal and never counts towards the scores); seed \(analysis.study.study.seed)."
            + (analysis.study.study.game.isSymmetric ? ""
                : " The stage game is asymmetric, so each meeting is played twice, each strategy once as \(analysis.study.replierName) and once as \(analysis.study.counterpartName), and the scores average both roles.")
        var html = ["<h3>Round robin at noise \(noise)</h3>",
                    "<p class=\"note\">\(escape(setting))</p>",
                    "<table class=\"tournament\">",
                    "<thead><tr><th>rank</th><th>strategy</th><th>median</th><th>mean</th><th>wins</th><th>coop</th></tr></thead>", "<tbody>"]
        for (rank, i) in result.ranking.enumerated() where i < round.labels.count {
            html.append("<tr><td>\(rank + 1)</td><td>\(escape(round.labels[i]))</td><td>\(NumberText.fixed(result.medianScore(i), digits: 3))</td>"
                + "<td>\(NumberText.fixed(result.meanScore(i), digits: 3))</td><td>\(NumberText.plain(result.medianWins(i)))</td>"
                + "<td>\(NumberText.fixed(result.cooperatingRating[i] * 100, digits: 1))%</td></tr>")
        }
        html += ["</tbody>", "</table>",
                 "<p class=\"note\">median, mean: payoff per \(escape(unit)) per opponent over repetitions; wins: median matches won per repetition; coop: share of \(escape(unit))s cooperated.</p>"]
        let values = result.payoffMatrix.flatMap { $0 }
        if let low = values.min(), let high = values.max(), high - low < 1e-12 {
            html.append("<p class=\"note\">Every strategy earns \(NumberText.fixed(low, digits: 2)) per \(escape(unit)) against every other: none of them defects first, so without mistakes every match is the same.</p>")
        }
        let chart = PayoffHeatMap.render(result, selfPlay: true, labels: round.labels, title: "Payoff per \(unit) of each strategy against each, noise \(noise)",
                                         valueTitle: "mean payoff per \(unit), row strategy against column")
        html += ["<figure><figcaption>\(escape(chart.title))</figcaption>", chart.render(), "</figure>"]
        return html
    }

    static func caseEvidence(_ study: RepeatedGameCase) -> [String] {
        guard !study.evidence.isEmpty else { return [] }
        var html = ["<h3>Evidence for the coding</h3>", "<table class=\"evidence\">", "<thead><tr><th>quote</th><th>source</th></tr></thead>", "<tbody>"]
        for item in study.evidence {
            html.append("<tr><td>\(caseQuote(item))</td><td>\(escape(caseSourceTitle(study, item.source)))</td></tr>")
        }
        html += ["</tbody>", "</table>"]
        return html
    }

    /// A piece of case evidence: the words in quotation marks only when they are a quote, its kind, and the note.
    static func caseQuote(_ item: RepeatedGameCase.Quote) -> String {
        var cell = item.kind == .quote ? "“\(escape(item.quote))”" : escape(item.quote)
        let kind = item.kind == .quote ? (item.verified ? "quote, checked against the source's text" : "quote, not checked") : item.kind.rawValue
        cell += " <span class=\"note\">(\(escape(kind)))</span>"
        if let note = item.note { cell += "<br><span class=\"note\">\(escape(note))</span>" }
        return cell
    }

    static func caseSourceTitle(_ study: RepeatedGameCase, _ id: String) -> String {
        study.sources.first { $0.id == id }?.title ?? id
    }

    /// The stage game's table, both sides' readings, and the parameters with their evidence.
    static func stageGamePart(_ study: RepeatedGameCase) -> [String] {
        let (replierMoves, counterpartMoves) = StageGameText.moves(study)
        let cells = StageGameText.payoffCells(study)
        var html = ["<h3>\(escape(StageGameText.title(study)))</h3>", "<table class=\"stage-game\">",
                    "<thead><tr><th></th><th>\(escape(counterpartMoves[0]))</th><th>\(escape(counterpartMoves[1]))</th></tr></thead>", "<tbody>"]
        for row in 0..<2 {
            html.append("<tr><th>\(escape(replierMoves[row]))</th><td>\(escape(cells[2 * row]))</td><td>\(escape(cells[2 * row + 1]))</td></tr>")
        }
        html += ["</tbody>", "</table>"]
        html += StageGameText.readings(study).map { "<p>\(escape($0))</p>" }
        guard let game = study.stageGame, !game.parameters.isEmpty else { return html }
        let formulas = (0..<4).map { "\(game.replierPayoffs[$0]); \(game.counterpartPayoffs[$0])" }
        html.append("<p class=\"note\">\(escape("Payoffs as written: " + (0..<4).map { "\(replierMoves[$0 / 2])/\(counterpartMoves[$0 % 2]): \(formulas[$0])" }.joined(separator: "; ") + "."))</p>")
        html += ["<table class=\"evidence\">", "<thead><tr><th>parameter</th><th>value</th><th>evidence</th><th>source</th></tr></thead>", "<tbody>"]
        for parameter in game.parameters {
            let name = "<b>\(escape(parameter.id))</b>" + (parameter.meaning.map { "<br><span class=\"note\">\(escape($0))</span>" } ?? "")
            if parameter.evidence.isEmpty {
                html.append("<tr><td>\(name)</td><td>\(parameter.value)</td><td>none: a judgement without evidence</td><td></td></tr>")
            }
            for item in parameter.evidence {
                html.append("<tr><td>\(name)</td><td>\(parameter.value)</td><td>\(caseQuote(item))</td><td>\(escape(caseSourceTitle(study, item.source)))</td></tr>")
            }
        }
        html += ["</tbody>", "</table>"]
        return html
    }
}
