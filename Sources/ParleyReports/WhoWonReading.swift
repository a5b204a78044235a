public import ParleyAnalysis
public import ParleyCore

/// Sentences on who won and how much the models agree, derived only from computed results and
/// the scenario's own names: nothing here knows any particular case.
public enum WhoWonReading {
    /// How many distinct forecasts the models give, per issue, when some models coincide.
    public static func agreement(_ forecast: ScenarioForecast) -> String? {
        let agreement = ModelAgreement(report: forecast.report, scenario: forecast.scenario)
        var parts: [String] = []
        for issue in agreement.issues {
            let models = issue.groups.reduce(0) { $0 + $1.models.count }
            guard models > 1, issue.groups.count < models else { continue }
            let name = forecast.scenario.issue(issue.issue)?.name ?? issue.issue
            let shared = issue.groups.filter { $0.models.count > 1 }
                .map { "\(ForecastReading.list($0.models)) \($0.models.count == 2 ? "both" : "all") give \(ForecastReading.number($0.value))" }
            parts.append("on \(name), \(models) models give \(issue.groups.count) distinct forecast\(issue.groups.count == 1 ? "" : "s") (\(shared.joined(separator: "; ")))")
        }
        guard !parts.isEmpty else { return nil }
        return "Models that agree count once: " + parts.joined(separator: "; ") + "."
    }

    /// Who the outcome favoured against history, with the gaps between the first places, and
    /// who ranks first under each model.
    public static func paragraph(_ forecast: ScenarioForecast) -> String? {
        let scenario = forecast.scenario
        let standings = forecast.allStandings
        var sentences: [String] = []
        if let history = standings.first(where: { $0.source == "history" }) {
            let ranked = history.standings.filter { $0.distance != nil }.sorted { $0.rank < $1.rank }
            let top = ranked.prefix(3).map { standing in
                "\(name(standing.stakeholder, scenario)) (\(ForecastReading.number(standing.distance ?? 0)))"
            }
            if !top.isEmpty {
                sentences.append("Against history, ranking the \(ranked.count) stakeholders by how close the outcome came to their "
                    + "opening positions (salience-weighted distance on 0-100, smaller is closer): \(ForecastReading.list(top)).")
            }
            if ranked.count > 1, let first = ranked[0].distance, let second = ranked[1].distance, second - first < 2 {
                sentences.append("The first two are \(ForecastReading.number(second - first)) points apart: a near-tie that "
                    + "a small change of coding can reverse.")
            }
        }
        let modelFirsts = standings.filter { $0.source != "history" }.compactMap { table -> (String, String)? in
            guard let first = table.standings.first(where: { $0.rank == 1 && $0.distance != nil }) else { return nil }
            return (table.source, first.stakeholder)
        }
        if !modelFirsts.isEmpty {
            var order: [String] = []
            for (_, stakeholder) in modelFirsts where !order.contains(stakeholder) { order.append(stakeholder) }
            let groups = order.map { stakeholder in
                let models = modelFirsts.filter { $0.1 == stakeholder }.map(\.0)
                return "\(name(stakeholder, scenario)) under \(ForecastReading.list(models))"
            }
            sentences.append("Ranked against each model's own forecast instead, first is " + ForecastReading.list(groups) + ".")
        }
        if let influence = influence(standings, scenario: scenario) { sentences.append(influence) }
        if let shapley = shapley(standings, scenario: scenario) { sentences.append(shapley) }
        if let gain = gain(standings, scenario: scenario) { sentences.append(gain) }
        return sentences.isEmpty ? nil : sentences.joined(separator: " ")
    }

    /// Who moved the outcome (influence) and who was merely close (luck), under the ensemble when
    /// it ran, else the first model.
    static func influence(_ standings: [WinnersAndLosers], scenario: Scenario) -> String? {
        let models = standings.filter { $0.source != "history" && $0.standings.contains { $0.influence != nil } }
        guard let table = models.first(where: { $0.source == "ensemble" }) ?? models.first else { return nil }
        let measured = table.standings.filter { $0.influence != nil }
        let influential = measured.filter { ($0.influence ?? 0) >= 1 }.sorted { ($0.influence ?? 0) > ($1.influence ?? 0) }
        var text = "Success is not influence: running \(table.source) again without each stakeholder, "
        if influential.isEmpty {
            text += "no one moves the outcome by a point or more toward itself."
        } else {
            text += "the outcome moves toward " + ForecastReading.list(influential.prefix(3).map {
                "\(name($0.stakeholder, scenario)) (\(ForecastTable.signed($0.influence ?? 0)))"
            }) + " because \(influential.count == 1 ? "it is" : "they are") there."
        }
        let lucky = measured.filter { $0.rank <= 3 && abs($0.influence ?? 0) < 1 }.sorted { $0.rank < $1.rank }
        if !lucky.isEmpty {
            text += " " + ForecastReading.list(lucky.map { name($0.stakeholder, scenario) })
                + (lucky.count == 1 ? " is" : " are") + " among the three closest to \(table.source)'s outcome with an influence under "
                + "one point: lucky, not powerful."
        }
        return text
    }

    /// Who accounts for the outcome's movement from the status quo, by Shapley share, under the
    /// closed-form models (the largest shares, and whether the models agree on the largest).
    static func shapley(_ standings: [WinnersAndLosers], scenario: Scenario) -> String? {
        let pairs = standings.filter { $0.shapleyMethod != nil }.compactMap { table in
            table.standings.filter { $0.shapley != nil }.max { ($0.shapley ?? 0) < ($1.shapley ?? 0) }.map { (table, $0) }
        }
        let tables = pairs.map(\.0)
        let leaders = pairs.map(\.1)
        guard let first = tables.first, let lead = leaders.first, let share = lead.shapley else { return nil }
        let top = first.standings.filter { ($0.shapley ?? 0) >= 10 }.sorted { ($0.shapley ?? 0) > ($1.shapley ?? 0) }.prefix(3)
        var text = "Splitting the movement from the status quo among the parties (Shapley shares, \(first.source)): "
        text += top.isEmpty
            ? "\(name(lead.stakeholder, scenario)) has the largest share, \(ForecastReading.number(share))%."
            : ForecastReading.list(top.map { "\(name($0.stakeholder, scenario)) \(ForecastReading.number($0.shapley ?? 0))%" }) + "."
        let sameLeader = leaders.allSatisfy { $0.stakeholder == lead.stakeholder }
        if tables.count > 1 {
            text += sameLeader
                ? " \(ForecastReading.list(tables.map(\.source))) agree that \(name(lead.stakeholder, scenario)) moved it most."
                : " The models disagree on who moved it most: " + ForecastReading.list(groupedLeaders(pairs.map { ($0.0.source, $0.1.stakeholder) }, scenario: scenario)) + "."
        }
        return text
    }

    /// "A under m1 and m2", one entry per stakeholder in order of first appearance.
    static func groupedLeaders(_ leaders: [(model: String, stakeholder: String)], scenario: Scenario) -> [String] {
        var order: [String] = []
        for leader in leaders where !order.contains(leader.stakeholder) { order.append(leader.stakeholder) }
        return order.map { stakeholder in
            "\(name(stakeholder, scenario)) under \(ForecastReading.list(leaders.filter { $0.stakeholder == stakeholder }.map(\.model)))"
        }
    }

    /// Who gained most and lost most against the status quo, by history.
    static func gain(_ standings: [WinnersAndLosers], scenario: Scenario) -> String? {
        guard let history = standings.first(where: { $0.source == "history" }) else { return nil }
        let gains = history.standings.compactMap { standing in standing.gain.map { (standing.stakeholder, $0) } }
        guard let best = gains.max(by: { $0.1 < $1.1 }), let worst = gains.min(by: { $0.1 < $1.1 }), gains.count > 1 else { return nil }
        return "Against the status quo, the outcome moved furthest toward \(name(best.0, scenario)) (gain \(ForecastTable.signed(best.1)))"
            + " and furthest from \(name(worst.0, scenario)) (\(ForecastTable.signed(worst.1)))."
    }

    static func name(_ id: String, _ scenario: Scenario) -> String {
        scenario.stakeholder(id)?.name ?? id
    }
}

extension WhoWonReading {
    /// How sure the answer against history is: the likeliest winners' odds with their standard
    /// errors, over draws of the inputs and of the observed outcomes.
    public static func odds(_ odds: WinnerOdds, scenario: Scenario) -> String {
        let ranked = odds.stakeholders.sorted { $0.first > $1.first || ($0.first == $1.first && $0.topThree > $1.topThree) }
        let percent = { (value: Double) in ForecastReading.number(value * 100) + "%" }
        let leaders = ranked.prefix(3).filter { $0.first > 0 }.map { o in
            "\(name(o.stakeholder, scenario)) \(percent(o.first)) ± \(percent(o.firstStandardError))"
        }
        var text = "How sure? Over \(odds.draws) draws of the coded numbers within their stated uncertainty and of each observed "
            + "outcome within its recorded range (seed \(odds.seed)), the share of draws in which each ranks first: "
            + ForecastReading.list(leaders) + "."
        if let top = ranked.first {
            text += " \(name(top.stakeholder, scenario)) is in the top three in \(percent(top.topThree)) of draws."
            if top.first < 0.5 {
                text += " No one ranks first in most draws: who won depends on numbers the evidence does not pin down."
            } else if top.first - 2 * top.firstStandardError > 0.9 {
                text += " The answer survives the uncertainty as coded."
            }
        }
        return text
    }

    /// The scenario's own notes (case narrative kept in its file), each with its sources.
    public static func notes(_ scenario: Scenario) -> [String] {
        scenario.notes.map { note in
            var text = (note.title.map { "\($0): " } ?? "") + note.text
            let sources = note.evidence.map(\.source).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            if !sources.isEmpty { text += " [" + sources.joined(separator: "; ") + "]" }
            return text
        }
    }
}
