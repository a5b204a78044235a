public import ParleyCore
public import ParleySimulation

/// The terminal output of `parley sensitivity` and `parley merge`.
public enum SensitivityTable {
    public static func render(
        scenario: Scenario, summary: MonteCarloSummary, drivers: [Sensitivity.Driver], width: Int = 80, style: TerminalStyle = .plain
    ) -> String {
        var lines = [style.bold("\(scenario.name): \(summary.plan.runs) Monte Carlo runs, seed \(summary.plan.seed)"), ""]
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
        lines.append(style.dim(TextWrap.wrap(
            "swing: |forecast with the input at the 90th percentile of its spread - at the 10th|, others fixed (a tornado bar). "
                + "S1: share of the forecast's Monte Carlo variance explained by the input alone (binned correlation ratio; "
                + "about (sqrt(N)-1)/N of it is noise).", width: width - 2)))
        return lines.joined(separator: "\n")
    }
}
