public import ParleyCore

/// A repeated-game case file (`format: parley-repeated/1`), such as
/// `Examples/axis-of-evil.yaml`: a counterpart that defects at scripted turns, and the reply
/// strategies to compare. Keys:
/// - `format`, `name`, `summary`; `sources`: `[{id, title, author?, date?, url?, text?, note?}]`;
///   `text` is a local copy of the source that every `kind: quote` citing it is checked against.
/// - `horizon`: `{turns, unit, start}`: how many turns, what one turn is ("quarter"), the
///   label of turn 1 ("2001-Q4").
/// - `game`: `{r, s, t, p}` (default 3, 0, 5, 1), or a two-sided game from parameters:
///   `{moves: {replier, counterpart}, parameters: [{id, value, meaning, evidence}], replier,
///   counterpart}` with 2x2 tables of numbers or expressions (``CaseStageGame``).
/// - `counterpart`: `{name, strategy}`: the scripted side and what it plays otherwise.
/// - `scripted`: `[{turn, label, evidence: [{source, quote}]}]`: the scripted defections.
/// - `replier`: `{name}`; `replies`: `[{strategy, label}]`: the replies compared.
/// - `noise`: levels to compare; `runs`, `seed`, `window` (turns of mutual cooperation
///   that count as cooperation restored); `evidence`: `[{source, quote, note?}]`.
public struct RepeatedGameCase: Sendable {
    /// Evidence for the coding: a source's words, a paraphrase or an inference.
    public struct Quote: Sendable {
        public var source: String
        public var quote: String
        public var note: String?
        /// Verbatim words, a paraphrase, or the coder's inference (`quote` unless the file says).
        public var kind: Evidence.Kind
        /// True when the words were found in the source's local text.
        public var verified: Bool

        public init(source: String, quote: String, note: String? = nil, kind: Evidence.Kind = .quote, verified: Bool = false) {
            self.source = source
            self.quote = quote
            self.note = note
            self.kind = kind
            self.verified = verified
        }
    }

    public var name: String
    public var summary: String
    /// Source ids with their titles, in file order.
    public var sources: [(id: String, title: String)]
    public var unit: String
    public var start: String
    public var counterpartName: String
    public var replierName: String
    /// Labels for the replies, in order ("grim trigger").
    public var replyLabels: [String]
    /// Labels for the scripted defections, in turn order.
    public var scriptedLabels: [String]
    public var evidence: [Quote]
    public var study: ScriptedDefectionStudy
    /// The stage game's parameters and tables when the file writes it from parameters;
    /// `nil` for a game given as `{r, s, t, p}`. `study.game` is its value.
    public var stageGame: CaseStageGame?

    /// How each side answers the other's moves in one round of `study.game`, with parameter ranges
    /// when the game is written from parameters.
    public var reading: StageGameReading {
        stageGame.map(StageGameReading.init) ?? StageGameReading(study.game)
    }

    public init(name: String, summary: String, sources: [(id: String, title: String)], unit: String, start: String,
                counterpartName: String, replierName: String, replyLabels: [String], scriptedLabels: [String],
                evidence: [Quote], study: ScriptedDefectionStudy, stageGame: CaseStageGame? = nil) {
        self.name = name
        self.summary = summary
        self.sources = sources
        self.unit = unit
        self.start = start
        self.counterpartName = counterpartName
        self.replierName = replierName
        self.replyLabels = replyLabels
        self.scriptedLabels = scriptedLabels
        self.evidence = evidence
        self.study = study
        self.stageGame = stageGame
    }
}

extension RepeatedGameCase {
    /// The label of turn `turn` (1-based): "2004-Q2" for quarters starting at "YYYY-Qn", the
    /// year for years starting at "YYYY", else "<unit> N".
    public func label(turn: Int) -> String {
        // Bounded so that no sum below can overflow: a turn or year beyond 2^40 gets the plain label.
        let bound = 1 << 40
        let parts = start.split(separator: "-")
        if unit == "quarter", parts.count == 2, let year = Int(parts[0]), parts[1].first == "Q", let q = Int(parts[1].dropFirst()),
           (1...4).contains(q), (1...bound).contains(turn), year.magnitude <= UInt(bound) {
            let index = (q - 1) + (turn - 1)
            return "\(year + index / 4)-Q\(index % 4 + 1)"
        }
        if unit == "year", let year = Int(start), (1...bound).contains(turn), year.magnitude <= UInt(bound) {
            return String(year + turn - 1)
        }
        return "\(unit) \(turn)"
    }

}
