public import ParleyAnalysis
public import ParleyBargaining
public import ParleyCore

/// The JSON documents that `--json` prints; keys are snake_case and stable (DESIGN.md).
public enum ResultJSON {
    /// `parley forecast --json`:
    /// `{"scenario", "forecasts": [{"model", "issue", "value", "observed"?, "error"?, ...}], "models": [...]}`.
    /// With `winners`, a `"winners"` list holds each model's (and history's) `WinnersAndLosers`.
    public static func forecast(_ report: ForecastReport, models: [any BargainingModel], winners: [WinnersAndLosers]? = nil) -> String {
        let forecasts = report.forecasts.map { row -> OutputNode in
            .map([
                ("model", .text(row.model)),
                ("issue", .text(row.issue)),
                ("value", row.value.map(OutputNode.number) ?? .literal("null")),
                ("observed", row.observed.map(OutputNode.number)),
                ("error", row.error.map(OutputNode.number)),
                ("absolute_percent_error", row.absolutePercentError.map(OutputNode.number)),
                ("nearest_anchor", row.nearestAnchor.map { .map([("value", .number($0.value)), ("label", .text($0.label))]) }),
                ("anchor_hit", row.anchorHit.map { .literal($0 ? "true" : "false") }),
                ("note", row.note.map(OutputNode.text)),
            ], flow: true)
        }
        let modelList = report.runs.map { run -> OutputNode in
            let summary = models.first { $0.name == run.model }?.summary
            return .map([
                ("name", .text(run.model)),
                ("summary", summary.map(OutputNode.text)),
                ("stop_reason", .text(run.stopReason.key)),
                ("rounds", .number(Double(run.trajectory.rounds.count - 1))),
                ("mean_absolute_percent_error", report.meanAbsolutePercentError(model: run.model).map(OutputNode.number)),
            ], flow: true)
        }
        return JSONWriter.write(.map([
            ("scenario", .text(report.scenario)),
            ("forecasts", .sequence(forecasts, flow: false)),
            ("models", .sequence(modelList, flow: false)),
            ("winners", winners.map(Self.winners)),
        ]))
    }

    /// Errors as JSON, for tools that read `--json` output of a failed command:
    /// `{"errors": [{"code", "message", "path", "file"?, "line"?, "column"?, "hint"?, "severity"?}]}`;
    /// `"severity": "warning"` marks a warning (absent for errors).
    public static func errors(_ errors: [ScenarioError]) -> String {
        JSONWriter.write(.map([
            ("errors", .sequence(errors.map { error in
                .map([
                    ("code", .text(error.code.rawValue)),
                    ("message", .text(error.message)),
                    ("path", error.path.isRoot ? nil : .text(error.path.description)),
                    ("file", error.location?.file.map(OutputNode.text)),
                    ("line", error.location.map { .number(Double($0.line)) }),
                    ("column", error.location.map { .number(Double($0.column)) }),
                    ("hint", error.hint.map(OutputNode.text)),
                    ("severity", error.severity == .warning ? .text("warning") : nil),
                ], flow: true)
            }, flow: false)),
        ]))
    }
}

extension ResultJSON {
    /// `parley simulate --json`: `{"model", "rounds": [{"round", "positions": {stakeholder: {issue: value}},
    /// "forecast": {issue: value}}], "converged", "stop_reason", ...}`.
    public static func simulation(_ run: ModelRun, scenario: Scenario) -> String {
        let rounds = run.trajectory.rounds.map { round -> OutputNode in
            .map([
                ("round", .number(Double(round.index))),
                ("positions", .mapping(round.positions.map { party in
                    (.name(party.stakeholder), .mapping(party.values.map { (.name($0.issue), .number($0.value)) }, flow: true))
                }, flow: false)),
                ("forecast", .mapping(round.forecast.map { (.name($0.issue), .number($0.value)) }, flow: true)),
            ])
        }
        var stopDetail: [(String, OutputNode?)] = []
        switch run.stopReason {
        case .converged(let round): stopDetail = [("round", .number(Double(round)))]
        case .roundLimit(let limit): stopDetail = [("limit", .number(Double(limit)))]
        case .cycle(let start, let period): stopDetail = [("start", .number(Double(start))), ("period", .number(Double(period)))]
        case .closedForm: break
        }
        return JSONWriter.write(.map([
            ("scenario", .text(scenario.name)),
            ("model", .text(run.model)),
            ("converged", .literal(run.stopReason.isConverged ? "true" : "false")),
            ("stop_reason", .text(run.stopReason.key)),
            ("stop_detail", stopDetail.isEmpty ? nil : .map(stopDetail, flow: true)),
            ("outcomes", .sequence(run.outcomes.map { outcome in
                .map([("issue", .text(outcome.issue)), ("value", outcome.value.map(OutputNode.number) ?? .literal("null")),
                      ("note", outcome.note.map(OutputNode.text))], flow: true)
            }, flow: false)),
            ("rounds", .sequence(rounds, flow: false)),
        ]))
    }

    /// The winners-and-losers part of `parley forecast --json --winners`.
    static func winners(_ tables: [WinnersAndLosers]) -> OutputNode {
        .sequence(tables.map { table in
            .map([
                ("source", .text(table.source)),
                ("shapley_method", table.shapleyMethod.map { method in
                    switch method {
                    case .exact: return OutputNode.text("exact")
                    case .sampled: return OutputNode.text("sampled")
                    }
                }),
                ("shapley_permutations", table.shapleyMethod.flatMap { method in
                    if case .sampled(let permutations) = method { return OutputNode.number(Double(permutations)) }
                    return nil
                }),
                ("stakeholders", .sequence(table.standings.map { standing in
                    .map([
                        ("stakeholder", .text(standing.stakeholder)),
                        ("rank", .number(Double(standing.rank))),
                        ("distance", standing.distance.map(OutputNode.number) ?? .literal("null")),
                        ("distance_without", standing.distanceWithout.map(OutputNode.number)),
                        ("influence", standing.influence.map(OutputNode.number)),
                        ("gain", standing.gain.map(OutputNode.number)),
                        ("moved", standing.moved.map(OutputNode.number)),
                        ("shapley", standing.shapley.map(OutputNode.number)),
                        ("shapley_se", standing.shapleyError.map(OutputNode.number)),
                        ("issues", .sequence(standing.issues.map { issue in
                            .map([("issue", .text(issue.issue)), ("distance", .number(issue.distance)),
                                  ("distance_without", issue.distanceWithout.map(OutputNode.number)),
                                  ("influence", issue.influence.map(OutputNode.number)), ("gain", issue.gain.map(OutputNode.number)),
                                  ("salience", .number(issue.salience)), ("moved", issue.moved.map(OutputNode.number)),
                                  ("shapley", issue.shapley.map(OutputNode.number))], flow: true)
                        }, flow: false)),
                    ])
                }, flow: false)),
            ])
        }, flow: false)
    }
}

extension ResultJSON {
    /// `parley backtest --json`: `{"scenarios", "models": [{"model", "issues", "mean_absolute_error", ...}], "forecasts": [...]}`.
    /// With `calibration`, each model's entry adds `mae`, `crps` (percent of scale) and
    /// `coverage_50`, `coverage_80` (shares 0–1), and the document `runs` and `seed`.
    public static func backtest(_ backtest: Backtest, scenarios: Int, calibration: Calibration? = nil) -> String {
        let nullable = { (value: Double?) in value.map(OutputNode.number) ?? .literal("null") }
        return JSONWriter.write(.map([
            ("scenarios", .number(Double(scenarios))),
            ("runs", calibration.map { .number(Double($0.runs)) }),
            ("seed", calibration.map { .literal(String($0.seed)) }),
            ("skipped", .sequence(backtest.skipped.map(OutputNode.text), flow: true)),
            ("models", .sequence(backtest.scores.map { score in
                let calibrated = calibration?.score(of: score.model)
                return .map([
                    ("model", .text(score.model)), ("issues", .number(Double(score.issues))),
                    ("mean_absolute_error", nullable(score.meanAbsoluteError)),
                    ("median_absolute_error", nullable(score.medianAbsoluteError)),
                    ("anchored_issues", .number(Double(score.anchoredIssues))), ("anchor_hits", .number(Double(score.anchorHits))),
                    ("mae", calibrated.map { nullable($0.meanAbsoluteError) }),
                    ("crps", calibrated.map { nullable($0.crps) }),
                    ("coverage_50", calibrated.map { nullable($0.coverage50) }),
                    ("coverage_80", calibrated.map { nullable($0.coverage80) }),
                ], flow: true)
            }, flow: false)),
            ("forecasts", .sequence(backtest.forecasts.map { entry in
                .map([
                    ("scenario", .text(entry.scenario)), ("model", .text(entry.forecast.model)), ("issue", .text(entry.forecast.issue)),
                    ("value", entry.forecast.value.map(OutputNode.number) ?? .literal("null")),
                    ("observed", entry.forecast.observed.map(OutputNode.number)),
                    ("absolute_percent_error", entry.forecast.absolutePercentError.map(OutputNode.number)),
                ], flow: true)
            }, flow: false)),
        ]))
    }
}
