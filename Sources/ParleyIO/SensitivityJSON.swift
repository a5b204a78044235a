public import ParleyAnalysis
public import ParleyCore
public import ParleySimulation

extension ResultJSON {
    /// `parley sensitivity --json` and `parley merge --json`: the Monte Carlo summaries and the
    /// top drivers. Identical bytes for the same seed and runs, whatever the jobs or shards.
    public static func sensitivity(_ analysis: SensitivityAnalysis, scenario: Scenario) -> String {
        sensitivity(scenario: scenario, summary: analysis.summary, drivers: analysis.drivers, odds: analysis.odds)
    }

    /// The document of `parley sensitivity --json`; `odds` adds `"winners"` (DESIGN.md).
    public static func sensitivity(scenario: Scenario, summary: MonteCarloSummary, drivers: [Sensitivity.Driver], odds: WinnerOdds? = nil) -> String {
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
            ("from_codings", plan.fromCodings ? .literal("true") : nil),
            ("models", .sequence(plan.models.map(OutputNode.text), flow: true)),
            ("summaries", .sequence(distributions, flow: false)),
            ("drivers", .sequence(driverNodes, flow: false)),
            ("winners", odds.map(Self.winnerOdds)),
        ]))
    }

    /// `{"source": "history", "draws", "stakeholders": [{"stakeholder", "p_first", "p_top3",
    /// "se_first", "se_top3", "ranks"}]}`, stakeholders in scenario order.
    static func winnerOdds(_ odds: WinnerOdds) -> OutputNode {
        .map([
            ("source", .text("history")),
            ("draws", .number(Double(odds.draws))),
            ("stakeholders", .sequence(odds.stakeholders.map { o in
                .map([
                    ("stakeholder", .text(o.stakeholder)), ("p_first", .number(o.first)), ("p_top3", .number(o.topThree)),
                    ("se_first", .number(o.firstStandardError)), ("se_top3", .number(o.topThreeStandardError)),
                    ("ranks", .sequence(o.ranks.map(OutputNode.number), flow: true)),
                ], flow: true)
            }, flow: false)),
        ])
    }
}
