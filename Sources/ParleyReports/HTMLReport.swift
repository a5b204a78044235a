public import ParleyAnalysis
import ParleyBargaining
import ParleyCore
public import ParleySimulation
import ParleyGames

/// A self-contained HTML briefing on a scenario: inline CSS and inline SVG, no scripts and no
/// external resources (links in the evidence table are plain `<a href>`).
///
/// Every string from the scenario is escaped, so a stakeholder named `<script>` stays text.
/// The page depends only on its inputs: the same inputs give the same bytes.
public enum HTMLReport {
    /// The Monte Carlo part of the report.
    public struct Uncertainty: Sendable {
        public var summary: MonteCarloSummary
        /// Ranked drivers of one model's forecasts (`Sensitivity/drivers(scenario:model:plan:replicates:top:models:)`).
        public var drivers: [Sensitivity.Driver]
        /// Each stakeholder's odds of winning against history over the same draws.
        public var odds: WinnerOdds?

        public init(summary: MonteCarloSummary, drivers: [Sensitivity.Driver], odds: WinnerOdds? = nil) {
            self.summary = summary
            self.drivers = drivers
            self.odds = odds
        }
    }

    /// The models whose trajectories are drawn, when they ran.
    public static let dynamicModels = ["expected-utility", "exchange", "spatial"]

    /// The page for a scenario's forecast (when given, with its Monte Carlo spread) followed by
    /// a strategic section per part, in order: a game's dominance, equilibria and dominance map,
    /// a repeated case's replies and tournaments. Without a forecast the page is the strategic
    /// analysis alone, titled after its first part. Renders only: every number comes computed.
    /// O(scenario sections + the parts' charts).
    public static func render(forecast: ScenarioForecast?, uncertainty: Uncertainty?, strategic: [StrategicPart]) -> String {
        let scenario = forecast?.scenario
        let report = forecast?.report
        let name = scenario?.name ?? strategic.first?.name ?? "Parley report"
        var html: [String] = [
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(escape(name)) — Parley report</title>", "<style>\(css + (strategic.isEmpty ? "" : strategicCSS))</style>", "</head>", "<body>", "<main>",
            "<h1>\(escape(name))</h1>",
        ]
        if let summary = scenario?.summary { html.append("<p class=\"summary\">\(escape(summary))</p>") }
        var reading: [String] = []
        if let forecast {
            reading = WhoWonReading.notes(forecast.scenario) + ForecastReading.paragraphs(forecast)
            if let odds = uncertainty?.odds { reading.append(WhoWonReading.odds(odds, scenario: forecast.scenario)) }
        }
        let strategicReading = strategic.map { part -> String in
            switch part {
            case .game(let game): "<p><strong>\(escape(game.name)).</strong> \(escape(StrategicReading.paragraph(game)))</p>"
            case .repeated(let repeated): "<p><strong>\(escape(repeated.study.name)).</strong> \(escape(StrategicReading.paragraph(repeated)))</p>"
            }
        }
        if !reading.isEmpty || !strategicReading.isEmpty {
            html.append("<section class=\"briefing\"><h2>Briefing</h2>")
            html += reading.map { "<p>\(escape($0))</p>" } + strategicReading
            html.append("</section>")
        }
        if !strategic.isEmpty { html += contents(scenario: scenario, report: report, uncertainty: uncertainty, strategic: strategic) }
        if let scenario, let report {
            html += issuesSection(scenario)
            html += forecastsSection(scenario, report: report)
            html += stakeholderSection(scenario)
            html += trajectorySection(scenario, report: report)
            html += winnersSection(scenario, standings: forecast?.allStandings ?? [])
            if let uncertainty { html += uncertaintySection(scenario, report: report, uncertainty: uncertainty) }
        }
        for index in strategic.indices { html += strategicSection(strategic, index: index) }
        if let scenario { html += evidenceSection(scenario) }
        let footer = strategic.isEmpty
            ? "Written by Parley. Charts use the Okabe–Ito palette, safe for colour-blind readers."
            : "Written by Parley. Charts use the Okabe–Ito palette and heat maps the viridis scale, both safe for colour-blind readers."
        html += ["<footer>\(footer)</footer>", "</main>", "</body>", "</html>"]
        return html.joined(separator: "\n") + "\n"
    }

    /// Links to the page's sections, for a report that holds more than a scenario.
    static func contents(scenario: Scenario?, report: ForecastReport?, uncertainty: Uncertainty?, strategic: [StrategicPart]) -> [String] {
        var links: [(String, String)] = []
        if let scenario, let report {
            links += [("issues", "Issues"), ("forecasts", "Forecasts by model against history"), ("stakeholders", "Stakeholders")]
            if report.runs.contains(where: { dynamicModels.contains($0.model) }) { links.append(("trajectories", "How the dynamic models get there")) }
            if !report.runs.isEmpty || scenario.issues.contains(where: { $0.observed != nil }) { links.append(("winners", "Who won")) }
            if uncertainty != nil { links.append(("uncertainty", "Uncertainty and sensitivity")) }
        }
        for (index, part) in strategic.enumerated() {
            switch part {
            case .game(let game): links.append((sectionID(strategic, index: index), "Strategic analysis: \(game.name)"))
            case .repeated(let repeated): links.append((sectionID(strategic, index: index), "Repeated interaction: \(repeated.study.name)"))
            }
        }
        if let scenario, !evidenceSection(scenario).isEmpty { links.append(("evidence", "Evidence")) }
        return ["<nav class=\"contents\"><h2>Contents</h2><ol>" + links.map { "<li><a href=\"#\(escape($0.0))\">\(escape($0.1))</a></li>" }.joined() + "</ol></nav>"]
    }

    static func issuesSection(_ scenario: Scenario) -> [String] {
        var html = ["<section id=\"issues\"><h2>Issues</h2>", "<table>", "<thead><tr><th>issue</th><th>scale</th><th>anchors</th><th>observed</th></tr></thead>", "<tbody>"]
        for issue in scenario.issues {
            let anchors = issue.anchors.map { "\(NumberText.plain($0.value)) \($0.label)" }.joined(separator: "; ")
            var observed = issue.observed.map { NumberText.plain($0.value) } ?? "-"
            // Built from numbers only, so it needs no escaping; the note below is escaped.
            if let range = issue.observed?.range { observed += " (range \(NumberText.plain(range.lowerBound))–\(NumberText.plain(range.upperBound)))" }
            var name = "<strong>\(escape(issue.name))</strong>"
            if let description = issue.description { name += "<br><span class=\"note\">\(escape(description))</span>" }
            if let note = issue.observed?.note { observed += "<br><span class=\"note\">\(escape(note))</span>" }
            html.append("<tr><td>\(name)</td><td>\(escape(issue.scale.rangeText + (issue.scale.unit.map { " " + $0 } ?? "")))</td>"
                + "<td>\(escape(anchors))</td><td>\(observed)</td></tr>")
        }
        html += ["</tbody>", "</table>", "</section>"]
        return html
    }

    static func forecastsSection(_ scenario: Scenario, report: ForecastReport) -> [String] {
        var html = ["<section id=\"forecasts\"><h2>Forecasts by model against history</h2>", "<table class=\"numbers\">",
                    "<thead><tr><th>issue</th><th>model</th><th>forecast</th><th>observed</th><th>error</th><th>nearest anchor</th></tr></thead>", "<tbody>"]
        for row in report.forecasts {
            let anchor = (row.anchorHit.map { $0 ? "= " : "× " } ?? "") + (row.nearestAnchor?.label ?? "")
            html.append("<tr><td>\(escape(row.issue))</td><td>\(escape(row.model))</td><td>\(row.value.map { NumberText.fixed($0, digits: 1) } ?? "n/a")</td>"
                + "<td>\(row.observed.map { NumberText.fixed($0, digits: 1) } ?? "-")</td><td>\(row.error.map { ForecastTable.signed($0) } ?? "")</td>"
                + "<td>\(escape(anchor))</td></tr>")
        }
        html += ["</tbody>", "</table>"]
        let scores = report.runs.compactMap { run in report.meanAbsolutePercentError(model: run.model).map { "\(run.model) \(NumberText.fixed($0, digits: 1))" } }
        if !scores.isEmpty { html.append("<p class=\"note\">Mean |error| on a 0–100 scale: \(escape(scores.joined(separator: ", "))). “=” the forecast’s nearest anchor is history’s.</p>") }
        for issue in scenario.issues {
            html.append("<figure><figcaption>\(escape(issue.name))</figcaption>")
            html.append(ForecastChart.render(issue: issue, forecasts: report.forecasts).render())
            html.append("</figure>")
        }
        html.append("</section>")
        return html
    }

    static func stakeholderSection(_ scenario: Scenario) -> [String] {
        var html = ["<section id=\"stakeholders\"><h2>Stakeholders</h2>", "<p class=\"note\">Position across, salience up; bubble area is capability on the issue.</p>"]
        for issue in scenario.issues {
            html.append("<figure><figcaption>\(escape(issue.name))</figcaption>")
            html.append(StakeholderMap.render(issue: issue, scenario: scenario).render())
            html.append("</figure>")
        }
        html.append("</section>")
        return html
    }

    static func trajectorySection(_ scenario: Scenario, report: ForecastReport) -> [String] {
        let runs = report.runs.filter { dynamicModels.contains($0.model) }
        guard !runs.isEmpty else { return [] }
        var html = ["<section id=\"trajectories\"><h2>How the dynamic models get there</h2>"]
        for run in runs {
            let rounds = max(0, run.trajectory.rounds.count - 1)
            html.append("<h3>\(escape(run.model))</h3><p class=\"note\">\(rounds) round\(rounds == 1 ? "" : "s"); stopped: \(escape(run.stopReason.description)).</p>")
            for issue in scenario.issues {
                html.append("<figure><figcaption>\(escape(issue.name)) under \(escape(run.model))</figcaption>")
                html.append(TrajectoryChart.render(run: run, issue: issue, scenario: scenario).render())
                html.append("</figure>")
            }
        }
        html.append("</section>")
        return html
    }

    static func winnersSection(_ scenario: Scenario, standings tables: [WinnersAndLosers]) -> [String] {
        guard !tables.isEmpty else { return [] }
        var html = ["<section id=\"winners\"><h2>Who won</h2>", "<table class=\"ranks\">",
                    "<thead><tr><th>stakeholder</th>" + tables.map { "<th>\(escape($0.source))</th>" }.joined() + "</tr></thead>", "<tbody>"]
        for stakeholder in scenario.stakeholders {
            let cells = tables.map { table -> String in
                guard let standing = table.standing(of: stakeholder.id), let distance = standing.distance else { return "<td>-</td>" }
                let effect = (table.source == "history" ? standing.gain : standing.influence).map { " <span class=\"rank\">(\(ForecastTable.signed($0)))</span>" } ?? ""
                return "<td>\(NumberText.fixed(distance, digits: 1)) <span class=\"rank\">#\(standing.rank)</span>\(effect)</td>"
            }
            html.append("<tr><td>\(escape(stakeholder.name))</td>" + cells.joined() + "</tr>")
        }
        html += ["</tbody>", "</table>",
                 "<p class=\"note\">Salience-weighted mean of |opening position − outcome| on a 0–100 scale; #1 is the stakeholder the outcome favours most. In brackets, for a model: influence, how much nearer the outcome is to the stakeholder than in the same model run without it (near 0 with a small distance: lucky, not powerful); for history: gain over the status quo, where the scenario records one.</p>",
                 "</section>"]
        return html
    }

    static func uncertaintySection(_ scenario: Scenario, report: ForecastReport, uncertainty: Uncertainty) -> [String] {
        let plan = uncertainty.summary.plan
        var html = ["<section id=\"uncertainty\"><h2>Uncertainty and sensitivity</h2>",
                    "<p class=\"note\">\(plan.runs) Monte Carlo runs, seed \(plan.seed): every uncertain number drawn from its spread.</p>"]
        for issue in scenario.issues {
            html.append("<figure><figcaption>\(escape(issue.name)): forecast spread</figcaption>")
            html.append(FanChart.render(issue: issue, summary: uncertainty.summary).render())
            html.append("</figure>")
            let drivers = uncertainty.drivers.filter { $0.issue == issue.id }
            if let model = drivers.first?.model {
                let base = report.runs.first { $0.model == model }?.value(for: issue.id)
                html.append("<figure><figcaption>\(escape(issue.name)): what moves the \(escape(model)) forecast</figcaption>")
                html.append(TornadoChart.render(issue: issue, drivers: drivers, base: base).render())
                html.append("</figure>")
            }
        }
        if let odds = uncertainty.odds { html += oddsPart(odds, scenario: scenario) }
        html.append("</section>")
        return html
    }

    /// Who won against history over the draws: a bar per stakeholder for P(first), with ±2 se.
    static func oddsPart(_ odds: WinnerOdds, scenario: Scenario) -> [String] {
        let ranked = odds.stakeholders.sorted { $0.first > $1.first || ($0.first == $1.first && $0.topThree > $1.topThree) }
        let percent = { (value: Double) in NumberText.fixed(value * 100, digits: 1) }
        var html = ["<h3>Who won, and how sure</h3>",
                    "<p class=\"note\">Share of \(odds.draws) draws (the coded numbers within their spreads, each observed outcome within its recorded range) in which each stakeholder ranks first against history, and in the top three; ties share the place. ± is one Monte Carlo standard error.</p>",
                    "<table class=\"odds\">", "<thead><tr><th>stakeholder</th><th>P(first)</th><th></th><th>P(top 3)</th></tr></thead>", "<tbody>"]
        for o in ranked {
            let width = max(0, min(100, o.first * 100))
            html.append("<tr><td>\(escape(scenario.stakeholder(o.stakeholder)?.name ?? o.stakeholder))</td>"
                + "<td>\(percent(o.first))% ± \(percent(o.firstStandardError))</td>"
                + "<td class=\"bar\"><span style=\"width:\(NumberText.fixed(width, digits: 1))%\"></span></td>"
                + "<td>\(percent(o.topThree))% ± \(percent(o.topThreeStandardError))</td></tr>")
        }
        html += ["</tbody>", "</table>"]
        return html
    }

    static func evidenceSection(_ scenario: Scenario) -> [String] {
        var rows: [String] = []
        for stakeholder in scenario.stakeholders {
            let items = stakeholder.evidence.map { (issue: "", evidence: $0) }
                + stakeholder.stances.flatMap { stance in stance.evidence.map { (issue: stance.issue, evidence: $0) } }
            for item in items {
                let stance = stakeholder.stance(on: item.issue)
                let number: String
                switch item.evidence.about {
                case .position?: number = stance.map { "position \(NumberText.plain($0.position))" } ?? ""
                case .salience?: number = stance.map { "salience \(NumberText.plain($0.salience))" } ?? ""
                case .capability?: number = "capability \(NumberText.plain(stance?.capability ?? stakeholder.capability))"
                case .stance?, nil: number = stance.map { "position \(NumberText.plain($0.position)), salience \(NumberText.plain($0.salience))" }
                    ?? "capability \(NumberText.plain(stakeholder.capability))"
                }
                let source = scenario.source(item.evidence.source)
                var sourceCell = escape(source?.title ?? item.evidence.source)
                if let url = source?.url, url.hasPrefix("https://") || url.hasPrefix("http://") {
                    sourceCell = "<a href=\"\(escape(url))\">\(sourceCell)</a>"
                }
                if let page = item.evidence.page { sourceCell += ", \(escape(page))" }
                var quote: String
                switch item.evidence.kind {
                case .quote: quote = "“\(escape(item.evidence.quote))”" + (item.evidence.verified ? " <span class=\"note\">(verified in the source's text)</span>" : "")
                case .paraphrase: quote = "<span class=\"note\">paraphrase:</span> \(escape(item.evidence.quote))"
                case .inference: quote = "<span class=\"note\">inference:</span> \(escape(item.evidence.quote))"
                }
                if scenario.isHindsight(item.evidence) {
                    quote += "<br><strong class=\"hindsight\">Hindsight: dated \(escape(scenario.effectiveDate(of: item.evidence) ?? "?")), after the coding date \(escape(scenario.asOf ?? "?")).</strong>"
                }
                if let note = item.evidence.note { quote += "<br><span class=\"note\">\(escape(note))</span>" }
                rows.append("<tr><td>\(escape(stakeholder.name))</td><td>\(escape(item.issue.isEmpty ? "-" : item.issue))</td>"
                    + "<td>\(escape(number))</td><td>\(quote)</td><td>\(sourceCell)</td></tr>")
            }
        }
        guard !rows.isEmpty else { return [] }
        let counts = scenario.evidenceCounts
        let audit = "\(counts.total) pieces of evidence: \(counts.quotesVerified) quotes verified in their source's stored text, "
            + "\(counts.quotesUnverifiable) quotes from sources with no stored text, \(counts.paraphrases) paraphrases, \(counts.inferences) inferences"
            + (scenario.asOf.map { "; coded as of \($0), \(counts.hindsight) dated later (marked below)" } ?? "") + "."
        return ["<section id=\"evidence\"><h2>Evidence</h2>", "<p class=\"note\">\(escape(audit))</p>", "<table class=\"evidence\">",
                "<thead><tr><th>stakeholder</th><th>issue</th><th>number</th><th>quote</th><th>source</th></tr></thead>", "<tbody>"]
            + rows + ["</tbody>", "</table>", "</section>"]
    }

    /// HTML-escapes `&`, `<`, `>`, `"` and `'`.
    public static func escape(_ text: String) -> String { SVGDocument.escape(text) }

    static let css = """
        body{margin:0;background:#fafafa;color:#222;font:15px/1.5 Helvetica,Arial,sans-serif}\
        main{max-width:760px;margin:0 auto;padding:24px 28px;background:#fff}\
        h1{font-size:26px;margin:0 0 8px}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #ddd}h3{font-size:16px;margin:18px 0 4px}\
        .summary{font-size:16px;color:#333}.note{color:#666;font-size:13px}.rank{color:#666;font-size:12px}\
        table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}th,td{border-bottom:1px solid #e4e4e4;padding:4px 6px;text-align:left;vertical-align:top}\
        th{background:#f2f2f2}table.numbers td{font-variant-numeric:tabular-nums}table.numbers td:nth-child(n+3):nth-child(-n+5),table.numbers th:nth-child(n+3):nth-child(-n+5){text-align:right}table.ranks td+td{text-align:right;white-space:nowrap}table.ranks th+th{text-align:right}\
        figure{margin:14px 0}figcaption{font-weight:bold;font-size:14px;margin-bottom:2px}svg{max-width:100%;height:auto}\
        footer{margin-top:32px;color:#888;font-size:12px}\
        .hindsight{color:#b35806}table.odds td.bar{width:40%}table.odds td.bar span{display:block;height:10px;background:#0072B2}
        """

    /// Added only when the page has strategic sections, so a scenario's page stays as it was.
    static let strategicCSS = """
        pre{font:12px/1.35 Menlo,Consolas,monospace;background:#f6f6f6;padding:8px;overflow-x:auto}nav.contents ol{margin:4px 0;padding-left:22px}\
        table.tournament td:nth-child(n+3),table.tournament th:nth-child(n+3),table.replies td:nth-child(n+4):nth-child(-n+5),table.replies th:nth-child(n+4):nth-child(-n+5){text-align:right}\
        table.tournament td,table.replies td{font-variant-numeric:tabular-nums}
        """
}
