public import ParleyAnalysis
import ParleyBargaining
public import ParleyCore

/// Plain-language sentences about a forecast report, for the demo and reports.
public enum ForecastReading {
    /// The briefing on a forecast: a paragraph per issue with an observed outcome, how many
    /// distinct forecasts the models give, and who won.
    public static func paragraphs(_ forecast: ScenarioForecast) -> [String] {
        issueParagraphs(forecast.report, scenario: forecast.scenario)
            + [WhoWonReading.agreement(forecast), WhoWonReading.paragraph(forecast)].compactMap { $0 }
    }

    /// One paragraph per issue with an observed outcome: which model came nearest, whether the
    /// models lean one way, and whether they pick history's anchor.
    public static func issueParagraphs(_ report: ForecastReport, scenario: Scenario) -> [String] {
        scenario.issues.compactMap { issue in
            guard let observed = issue.observed?.value else { return nil }
            let rows = report.forecasts.filter { $0.issue == issue.id && $0.value != nil }
            guard let best = rows.min(by: { abs($0.error ?? .infinity) < abs($1.error ?? .infinity) }),
                  let bestValue = best.value else { return nil }
            var text = "\(issue.name): history records \(quantity(observed, on: issue.scale))"
            if let anchor = issue.nearestAnchor(to: observed) { text += " (nearest anchor: \(anchor.label))" }
            text += ". Nearest is \(best.model) at \(number(bestValue)), off by \(number(abs(best.error ?? 0)))."
            let errors = rows.compactMap(\.error)
            if errors.count > 1, errors.allSatisfy({ $0 < 0 }) {
                text += " Every model forecasts too low."
            } else if errors.count > 1, errors.allSatisfy({ $0 > 0 }) {
                text += " Every model forecasts too high."
            }
            let hits = rows.filter { $0.anchorHit == true }.map(\.model)
            if !issue.anchors.isEmpty {
                text += hits.isEmpty
                    ? " No model lands nearest history's anchor."
                    : " \(list(hits)) land\(hits.count == 1 ? "s" : "") nearest history's anchor."
            }
            return text
        }
    }

    /// How far the outcome went from a model's forecast toward one stakeholder's opening
    /// position, as a fraction (0 = the model was right, 1 = the stakeholder got all it
    /// asked); `nil` when undefined.
    public static func shareOfDemand(outcome: Double, forecast: Double, demand: Double) -> Double? {
        let span = demand - forecast
        guard abs(span) > 1e-12 else { return nil }
        return (outcome - forecast) / span
    }

    /// "60%" for percent scales, "7 years" for other units, "65 on the 0-100 scale" for bare indices.
    static func quantity(_ value: Double, on scale: Scale) -> String {
        switch scale.unit {
        case "percent", "%": return number(value) + "%"
        case nil, "index", "points", "score": return "\(number(value)) on the \(number(scale.min))-\(number(scale.max)) scale"
        case let unit?: return "\(number(value)) \(unit)"
        }
    }

    static func number(_ value: Double) -> String {
        NumberText.fixed(value, digits: 1).replacingSuffix(".0")
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }
}

extension String {
    func replacingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
