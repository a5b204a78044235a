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
        return sentences.isEmpty ? nil : sentences.joined(separator: " ")
    }

    static func name(_ id: String, _ scenario: Scenario) -> String {
        scenario.stakeholder(id)?.name ?? id
    }
}
