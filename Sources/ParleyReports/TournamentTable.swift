import ParleyCore

/// One ranked player in a tournament table.
public struct TournamentRow: Sendable {
    public var rank: Int
    public var name: String
    /// Median over repetitions of the payoff per turn per opponent.
    public var medianScore: Double
    public var meanScore: Double
    public var medianWins: Double
    /// Cooperations per turn against the others, 0...1.
    public var cooperation: Double

    public init(rank: Int, name: String, medianScore: Double, meanScore: Double, medianWins: Double, cooperation: Double) {
        self.rank = rank
        self.name = name
        self.medianScore = medianScore
        self.meanScore = meanScore
        self.medianWins = medianWins
        self.cooperation = cooperation
    }
}

/// The terminal table of `parley tournament`: rank, name, median and mean score, wins and
/// cooperation, fitted to the width (80 columns by default).
public enum TournamentTable {
    /// - Parameters:
    ///   - title: a one-line heading (players, turns, repetitions, noise, seed).
    ///   - rows: in rank order.
    ///   - width: the widest line, in columns.
    ///   - style: terminal styling (plain unless writing to a terminal).
    public static func render(title: String, rows: [TournamentRow], width: Int = 80, style: TerminalStyle = .plain) -> String {
        var table = TextTable(columns: [
            .init("rank", alignment: .right), .init("strategy", minimumWidth: 12),
            .init("median", alignment: .right), .init("mean", alignment: .right),
            .init("wins", alignment: .right), .init("coop", alignment: .right),
        ])
        for row in rows {
            table.append([
                String(row.rank), row.name, NumberText.fixed(row.medianScore, digits: 4), NumberText.fixed(row.meanScore, digits: 4),
                NumberText.plain(row.medianWins), NumberText.fixed(row.cooperation * 100, digits: 1) + "%",
            ])
        }
        let notes = "median, mean: payoff per turn per opponent over repetitions (ranked by the median, "
            + "as axelrod ranks); wins: median matches won per repetition; coop: share of turns cooperated."
        return [style.bold(TextWrap.wrap(title, width: width)), "", table.render(width: width, style: style), "",
                TextWrap.wrap(notes, width: width)].joined(separator: "\n")
    }
}

/// One reply strategy at one noise level in a scripted-defection study.
public struct ReplyRow: Sendable {
    public var label: String
    public var noise: Double
    /// "never", a turn label ("2002-Q2"), or "83% of runs, median 2003-Q1".
    public var collapse: String
    /// Mean share (0...1) of turns with mutual cooperation from the defection on.
    public var mutualCooperation: Double
    public var scorePerTurn: Double
    /// "not needed", "2 quarters", "none up to 8", or "" for noisy rows.
    public var restoredBy: String

    public init(label: String, noise: Double, collapse: String, mutualCooperation: Double, scorePerTurn: Double, restoredBy: String) {
        self.label = label
        self.noise = noise
        self.collapse = collapse
        self.mutualCooperation = mutualCooperation
        self.scorePerTurn = scorePerTurn
        self.restoredBy = restoredBy
    }
}

/// The table of a scripted-defection study (`parley tournament --case FILE`).
public enum ReplyTable {
    public static func render(title: String, rows: [ReplyRow], notes: String, width: Int = 80, style: TerminalStyle = .plain) -> String {
        var table = TextTable(columns: [
            .init("reply", minimumWidth: 10), .init("noise", alignment: .right), .init("collapsed", minimumWidth: 10),
            .init("CC", alignment: .right), .init("payoff", alignment: .right), .init("restored by", minimumWidth: 8),
        ])
        for row in rows {
            table.append([row.label, NumberText.plain(row.noise), row.collapse, NumberText.fixed(row.mutualCooperation * 100, digits: 0) + "%",
                          NumberText.fixed(row.scorePerTurn, digits: 2), row.restoredBy])
        }
        return [style.bold(TextWrap.wrap(title, width: width)), "", table.render(width: width, style: style), "",
                TextWrap.wrap(notes, width: width)].joined(separator: "\n")
    }
}
