public import ParleyAnalysis
public import ParleyCore
public import ParleySimulation

/// The terminal output of `parley sensitivity` and `parley merge`.
public enum SensitivityTable {
    public static func render(
        scenario: Scenario, summary: MonteCarloSummary, drivers: [Sensitivity.Driver], odds: WinnerOdds? = nil, width: Int = 80,
        style: TerminalStyle = .plain
    ) -> String {
        var lines = [style.bold("\(scenario.name): \(summary.plan.runs) Monte Carlo runs, seed \(summary.plan.seed)"
                                + (summary.plan.fromCodings ? ", stances drawn from their coders" : "")), ""]
        for issue in scenario.issues {
            var table = TextTable(columns: [
                .init("model", minimumWidth: 6), .init("mean", alignment: .right), .init("sd", alignment: .right),
                .init("5%", alignment: .right), .init("50%", alignment: .right), .init("95%", alignment: .right),
                .init("likeliest anchor", minimumWidth: 8), .init("conv", alignment: .right),
            ])
            for d in summary.distributions where d.issue == issue.id {
                let anchor = d.anchorShares.max { $0.share < $1.share }
                let q = d.quantiles
                table.append([
                    d.model, d.mean.map { NumberText.fixed($0, digits: 1) } ?? "-", d.sd.map { NumberText.fixed($0, digits: 1) } ?? "-",
                    q.count == 5 ? NumberText.fixed(q[0], digits: 1) : "-", q.count == 5 ? NumberText.fixed(q[2], digits: 1) : "-",
                    q.count == 5 ? NumberText.fixed(q[4], digits: 1) : "-",
                    anchor.map { "\($0.anchor.label) \(NumberText.fixed($0.share * 100, digits: 0))%" } ?? "",
                    NumberText.fixed(d.convergedShare * 100, digits: 0) + "%",
                ])
            }
            lines.append(style.bold(issue.id) + " - " + issue.name)
            lines.append(table.render(width: width, style: style))
            let issueDrivers = drivers.filter { $0.issue == issue.id }
            if let model = issueDrivers.first?.model {
                lines.append("")
                var driverTable = TextTable(columns: [
                    .init("top drivers (\(model))", minimumWidth: 12), .init("low..high", alignment: .right),
                    .init("swing", alignment: .right), .init("S1", alignment: .right),
                ])
                for d in issueDrivers {
                    driverTable.append([
                        d.input, "\(NumberText.fixed(d.low, digits: 1))..\(NumberText.fixed(d.high, digits: 1))",
                        NumberText.fixed(d.swing, digits: 2), d.firstOrderIndex.map { NumberText.fixed($0, digits: 2) } ?? "-",
                    ])
                }
                lines.append(driverTable.render(width: width, style: style))
            }
            lines.append("")
        }
        if let odds {
            lines += oddsTable(odds, scenario: scenario, width: width, style: style)
        }
        lines.append(style.dim(TextWrap.wrap(
            "swing: |forecast with the input at the 90th percentile of its spread - at the 10th|, others fixed (a tornado bar). "
                + "S1: share of the forecast's Monte Carlo variance explained by the input alone (binned correlation ratio; "
                + "about (sqrt(N)-1)/N of it is noise).", width: width - 2)))
        return lines.joined(separator: "\n")
    }

    /// Who won against history, and how sure: the odds of each stakeholder ranking first and in
    /// the top three, most likely winner first.
    static func oddsTable(_ odds: WinnerOdds, scenario: Scenario, width: Int, style: TerminalStyle) -> [String] {
        var table = TextTable(columns: [
            .init("stakeholder", minimumWidth: 10), .init("P(first)", alignment: .right), .init("±se", alignment: .right),
            .init("P(top 3)", alignment: .right), .init("±se", alignment: .right),
        ])
        let percent = { (value: Double) in NumberText.fixed(value * 100, digits: 1) + "%" }
        for o in odds.stakeholders.sorted(by: { $0.first > $1.first || ($0.first == $1.first && $0.topThree > $1.topThree) }) {
            table.append([scenario.stakeholder(o.stakeholder)?.name ?? o.stakeholder, percent(o.first), percent(o.firstStandardError),
                          percent(o.topThree), percent(o.topThreeStandardError)])
        }
        return [style.bold("who won against history, over \(odds.draws) draws of the inputs and of the observed outcomes"),
                table.render(width: width, style: style), ""]
    }
}
