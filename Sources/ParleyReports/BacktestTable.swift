public import ParleyAnalysis
public import ParleyBargaining
import ParleyCore

/// The terminal table of `parley backtest`.
public enum BacktestTable {
    public static func render(_ backtest: Backtest, scenarios: Int, width: Int = 80, style: TerminalStyle = .plain) -> String {
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
        lines.append(style.dim("|err|: |forecast - observed| on a 0-100 version of each issue's scale."))
        return lines.joined(separator: "\n")
    }
}
