public import ParleyBargaining
public import ParleyCore

/// The JSON documents that `--json` prints; keys are snake_case and stable (DESIGN.md).
public enum ResultJSON {
    /// `parley forecast --json`:
    /// `{"scenario", "forecasts": [{"model", "issue", "value", "observed"?, "error"?, ...}], "models": [...]}`.
    public static func forecast(_ report: ForecastReport, models: [any BargainingModel]) -> String {
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
        ]))
    }

    /// Errors as JSON, for tools that read `--json` output of a failed command:
    /// `{"errors": [{"code", "message", "path", "file"?, "line"?, "column"?, "hint"?}]}`.
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
                ], flow: true)
            }, flow: false)),
        ]))
    }
}
