public import ParleyAnalysis
import ParleyBargaining
public import ParleyCore

/// The terminal table of `parley forecast`: each issue, each model's forecast, the observed
/// outcome and the error where history knows it, and the anchor nearest each forecast.
public enum ForecastTable {
    public static func render(_ report: ForecastReport, scenario: Scenario, width: Int = 80, style: TerminalStyle = .plain) -> String {
        var table = TextTable(columns: [
            .init("issue", minimumWidth: 8),
            .init("model", minimumWidth: 8),
            .init("forecast", alignment: .right),
            .init("observed", alignment: .right),
            .init("error", alignment: .right),
            .init("nearest anchor", minimumWidth: 8),
        ])
        var anyObserved = false
        for issue in scenario.issues {
            let rows = report.forecasts.filter { $0.issue == issue.id }
            for (index, row) in rows.enumerated() {
                if row.observed != nil { anyObserved = true }
                var anchor = row.nearestAnchor?.label ?? ""
                if let hit = row.anchorHit { anchor = (hit ? "= " : "x ") + anchor }
                table.append([
                    index == 0 ? issue.id : "",
                    row.model,
                    row.value.map { NumberText.fixed($0, digits: 1) } ?? "n/a",
                    index == 0 ? (row.observed.map { NumberText.fixed($0, digits: 1) } ?? "-") : "",
                    row.error.map { signed($0) } ?? "",
                    anchor,
                ])
            }
        }
        var lines = [style.bold(scenario.name) + ": forecasts by model", "", table.render(width: width, style: style)]
        let notes = report.forecasts.compactMap { row in row.note.map { "\(row.model) on \(row.issue): \($0)" } }
        if !notes.isEmpty {
            lines.append("")
            lines += notes.map { note in
                let wrapped = TextWrap.wrap("note: " + note, width: width - 2)
                return style.yellow("note: ") + wrapped.dropFirst("note: ".count).split(separator: "\n").joined(separator: "\n      ")
            }
        }
        if anyObserved {
            lines.append("")
            let scores = report.runs.compactMap { run in
                report.meanAbsolutePercentError(model: run.model).map { "\(run.model) \(NumberText.fixed($0, digits: 1))" }
            }
            lines.append(TextWrap.wrap("Mean |error| on a 0-100 scale: " + scores.joined(separator: ", ") + ".", width: width - 2))
            lines.append(style.dim(TextWrap.wrap("error = forecast - observed, in the issue's units; '=' the forecast's nearest anchor is history's, 'x' it is not.", width: width - 2)))
        }
        return lines.joined(separator: "\n")
    }

    static func signed(_ value: Double) -> String {
        let text = NumberText.fixed(value, digits: 1)
        return value > 0 && text != "0.0" ? "+" + text : text
    }
}
