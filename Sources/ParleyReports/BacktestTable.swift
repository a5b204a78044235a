public import ParleyAnalysis
import ParleyBargaining
import ParleyCore

/// The terminal table of `parley backtest`.
public enum BacktestTable {
    public static func render(
        _ backtest: Backtest, scenarios: Int, calibration: Calibration? = nil, width: Int = 80, style: TerminalStyle = .plain
    ) -> String {
        var table = TextTable(columns: [
            .init("model", minimumWidth: 8), .init("issues", alignment: .right), .init("mean |err|", alignment: .right),
            .init("median |err|", alignment: .right), .init("anchor hits", alignment: .right),
        ])
        for score in backtest.scores.sorted(by: { ($0.meanAbsoluteError ?? .infinity) < ($1.meanAbsoluteError ?? .infinity) }) {
            table.append([
                score.model, "\(score.issues)", score.meanAbsoluteError.map { NumberText.fixed($0, digits: 1) } ?? "-",
                score.medianAbsoluteError.map { NumberText.fixed($0, digits: 1) } ?? "-",
                score.anchorHitRate.map { "\(score.anchorHits)/\(score.anchoredIssues) (\(NumberText.fixed($0 * 100, digits: 0))%)" } ?? "-",
            ])
        }
        var lines = [style.bold("Backtest") + ": \(scenarios) scenario\(scenarios == 1 ? "" : "s"), best model first", "", table.render(width: width, style: style)]
        if !backtest.skipped.isEmpty {
            lines.append("")
            lines.append(TextWrap.wrap("Skipped (no observed outcome): " + backtest.skipped.joined(separator: ", ") + ".", width: width - 2))
        }
        if let calibration {
            var scores = TextTable(columns: [
                .init("model", minimumWidth: 8), .init("issues", alignment: .right), .init("MAE", alignment: .right),
                .init("CRPS", alignment: .right), .init("in 50%", alignment: .right), .init("in 80%", alignment: .right),
            ])
            let share = { (value: Double?) in value.map { NumberText.fixed($0 * 100, digits: 0) + "%" } ?? "-" }
            for score in calibration.scores.sorted(by: { ($0.crps ?? .infinity) < ($1.crps ?? .infinity) }) {
                scores.append([score.model, "\(score.issues)", score.meanAbsoluteError.map { NumberText.fixed($0, digits: 1) } ?? "-",
                               score.crps.map { NumberText.fixed($0, digits: 1) } ?? "-", share(score.coverage50), share(score.coverage80)])
            }
            lines += ["", style.bold("Calibration") + ": \(calibration.runs) Monte Carlo runs per scenario, seed \(calibration.seed); best CRPS first", "",
                      scores.render(width: width, style: style),
                      style.dim(TextWrap.wrap("CRPS: continuous ranked probability score of the forecast distribution, on 0-100 (equals "
                          + "|err| when nothing is uncertain); in 50%/80%: share of observed outcomes inside the central intervals "
                          + "(a calibrated model scores about 50% and 80%).", width: width - 2))]
        }
        lines.append(style.dim("|err|: |forecast - observed| on a 0-100 version of each issue's scale."))
        return lines.joined(separator: "\n")
    }
}
