public import ParleyCore
public import ParleySimulation

extension ResultJSON {
    /// `parley sensitivity --json` and `parley merge --json`: the Monte Carlo summaries and the
    /// top drivers. Identical bytes for the same seed and runs, whatever the jobs or shards.
    public static func sensitivity(scenario: Scenario, summary: MonteCarloSummary, drivers: [Sensitivity.Driver]) -> String {
        let plan = summary.plan
        let distributions = summary.distributions.map { d -> OutputNode in
            .map([
                ("model", .text(d.model)),
                ("issue", .text(d.issue)),
                ("count", .number(Double(d.count))),
                ("mean", d.mean.map(OutputNode.number) ?? .literal("null")),
                ("sd", d.sd.map(OutputNode.number) ?? .literal("null")),
                ("quantiles", .mapping(zip(MonteCarloSummary.quantileLevels, d.quantiles).map { (.name(NumberText.plain($0)), .number($1)) }, flow: true)),
                ("anchor_shares", .sequence(d.anchorShares.map {
                    .map([("value", .number($0.anchor.value)), ("label", .text($0.anchor.label)), ("share", .number($0.share))], flow: true)
                }, flow: false)),
                ("converged_share", .number(d.convergedShare)),
            ])
        }
        let driverNodes = drivers.map { d -> OutputNode in
            .map([
                ("issue", .text(d.issue)), ("model", .text(d.model)), ("input", .text(d.input)),
                ("low", .number(d.low)), ("high", .number(d.high)),
                ("forecast_at_low", d.forecastAtLow.map(OutputNode.number) ?? .literal("null")),
                ("forecast_at_high", d.forecastAtHigh.map(OutputNode.number) ?? .literal("null")),
                ("swing", .number(d.swing)),
                ("first_order_index", d.firstOrderIndex.map(OutputNode.number) ?? .literal("null")),
            ], flow: true)
        }
        return JSONWriter.write(.map([
            ("scenario", .text(scenario.name)),
            ("scenario_sha256", .text(ShardFile.hash(scenario))),
            ("runs", .number(Double(plan.runs))),
            ("seed", .literal(String(plan.seed))),
            ("models", .sequence(plan.models.map(OutputNode.text), flow: true)),
            ("summaries", .sequence(distributions, flow: false)),
            ("drivers", .sequence(driverNodes, flow: false)),
        ]))
    }
}
