import Foundation
import ParleyCore
public import ParleyGames

/// The text of a scripted-defection case (`parley tournament --case`; its JSON is ParleyIO's
/// `TournamentJSON.scriptedCase`); the demo prints `CaseReport.text` for a case file.
public enum CaseReport {
    /// The case and its outcomes as the terminal shows them.
    public static func text(_ study: RepeatedGameCase, _ outcomes: [ReplyOutcome], width: Int, style: TerminalStyle) -> String {
        let s = study.study
        let labels = Dictionary(zip(s.replies.map(\.name), study.replyLabels), uniquingKeysWith: { first, _ in first })
        let unit = study.unit
        let rows = replyRows(study, outcomes)
        let defections = zip(s.defectionTurns, study.scriptedLabels).map { "\(study.label(turn: $0)) (\($1))" }.joined(separator: "; ")
        let title = "\(study.name): \(study.replierName)'s replies to a \(study.counterpartName) defection in \(defections); "
            + "\(s.turns) \(unit)s from \(study.label(turn: 1)), \(study.counterpartName) otherwise plays \(s.counterpart.name)."
        let notes = "collapsed: no mutual cooperation in any of the last \(s.window) \(unit)s; for a deterministic reply without noise, the "
            + "\(unit) after the last mutual cooperation; otherwise the share of \(s.runs) runs that collapse (median \(unit) of collapse). "
            + "CC: share of \(unit)s with mutual cooperation from the defection on. "
            + "payoff: \(study.replierName)'s mean payoff per \(unit). restored by: consecutive unconditional cooperations by "
            + "\(study.counterpartName) after the defection that make the last \(s.window) \(unit)s all mutual cooperation."
        var text = ReplyTable.render(title: title, rows: rows, notes: notes, width: width, style: style)
        text += "\n\n" + TextWrap.wrap(StageGameText.title(study), width: width - 2)
        text += "\n" + StageGameText.table(study).map { "  " + $0 }.joined(separator: "\n")
        for sentence in StageGameText.readings(study) {
            text += "\n" + TextWrap.wrap(sentence, width: width - 2)
        }
        let histories = outcomes.filter { $0.first != nil }
        if !histories.isEmpty {
            text += "\n\n" + TextWrap.wrap("Histories without noise, one letter per \(unit) (\(study.replierName) above, \(study.counterpartName) below):", width: width - 2)
            for row in histories {
                text += "\n" + (labels[row.reply] ?? row.reply)
                text += "\n  " + (row.first ?? "") + "\n  " + (row.second ?? "")
            }
        }
        return text
    }

    /// The rows of the reply table, one per reply and noise level, with labels and turn names from the case.
    public static func replyRows(_ study: RepeatedGameCase, _ outcomes: [ReplyOutcome]) -> [ReplyRow] {
        let s = study.study
        let labels = Dictionary(zip(s.replies.map(\.name), study.replyLabels), uniquingKeysWith: { first, _ in first })
        let unit = study.unit
        return outcomes.map { row -> ReplyRow in
            let collapse: String
            if row.runs == 1 {
                collapse = row.collapseTurn.map { study.label(turn: $0) } ?? "never"
            } else {
                let share = NumberText.fixed(row.collapsedShare * 100, digits: 0) + "%"
                collapse = row.collapseTurn.map { share + " (" + study.label(turn: $0) + ")" } ?? share
            }
            var restored = ""
            if row.runs == 1 {
                switch row.restoringGesture {
                case 0?: restored = "not needed"
                case let k?: restored = "\(k) \(unit)\(k == 1 ? "" : "s") of US C"
                case nil: restored = "nothing (up to \(s.maximumGesture))"
                }
                if study.counterpartName != "United States" { restored = restored.replacingOccurrences(of: "US", with: study.counterpartName) }
            }
            return ReplyRow(label: labels[row.reply] ?? row.reply, noise: row.noise, collapse: collapse, mutualCooperation: row.mutualCooperation,
                            scorePerTurn: row.replyScorePerTurn, restoredBy: restored)
        }
    }
}
