/// A piece of a source that supports a number in the scenario: its words, a paraphrase of
/// them, or an inference drawn from them.
public struct Evidence: Sendable, Hashable {
    /// Which number a piece of evidence supports.
    public enum Subject: String, Sendable, Hashable, CaseIterable {
        case position, salience, capability
        /// The stance as a whole (position and salience).
        case stance
    }

    /// How the evidence relates to its source's words (`kind:` in the file; `quote` by default).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The source's words, verbatim. When the source has a local `text:`, ParleyIO checks
        /// that the quote appears in it (after normalising whitespace, quote marks, dashes and
        /// ellipses) and refuses the file when it does not.
        case quote
        /// The coder's summary of what the source says; never checked against the text.
        case paraphrase
        /// A conclusion the coder draws, not stated by the source.
        case inference
    }

    /// The id of a ``Source`` of the scenario.
    public let source: String
    /// The words of the source (verbatim for ``Kind/quote``), or the paraphrase or inference.
    public let quote: String
    public let kind: Kind
    /// When the words were said or the fact happened, as written (`YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`); `nil` means the source's date. See ``Scenario/effectiveDate(of:)``.
    public let date: String?
    public let about: Subject?
    /// Page, paragraph or section within the source.
    public let page: String?
    /// How the quote leads to the number, or why the number is only an inference.
    public let note: String?
    /// Whether the quote was found verbatim in its source's local text. Set by ParleyIO when it
    /// reads a scenario whose source has `text:`; `false` for paraphrases, inferences, quotes
    /// whose source has no text, and evidence built in code.
    public let verified: Bool

    /// Creates a piece of evidence.
    /// - Parameters:
    ///   - source: the id of a source of the scenario.
    ///   - quote: the source's words (or, for a paraphrase or inference, the coder's).
    ///   - kind: quote (the default), paraphrase or inference.
    ///   - date: when the words were said or the fact happened (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    ///   - about: which number it supports.
    ///   - page: page, paragraph or section within the source.
    ///   - note: how the evidence leads to the number.
    ///   - verified: whether the caller checked the quote against its source's text
    ///     (ParleyIO does); ignored (kept `false`) unless `kind` is ``Kind/quote``.
    /// - Throws: ``ScenarioErrors`` when the source id is malformed, the quote empty or the
    ///   date not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Paths are relative to the evidence.
    public init(
        source: String, quote: String, kind: Kind = .quote, date: String? = nil, about: Subject? = nil,
        page: String? = nil, note: String? = nil, verified: Bool = false
    ) throws(ScenarioErrors) {
        var errors: [ScenarioError] = []
        if let error = Identifier.check(source, at: ["source"]) { errors.append(error) }
        if quote.trimmingWhitespace().isEmpty {
            errors.append(ScenarioError(.invalidValue, at: ["quote"], "expected the source's words, found an empty quote"))
        }
        if let date, let error = PartialDate.check(date, at: ["date"]) { errors.append(error) }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        self.source = source
        self.quote = quote
        self.kind = kind
        self.date = date
        self.about = about
        self.page = page
        self.note = note
        self.verified = verified && kind == .quote
    }

    /// The same evidence marked as verified (or not) against its source's text.
    public func with(verified: Bool) -> Evidence {
        Evidence(checked: self, verified: verified && kind == .quote)
    }

    private init(checked other: Evidence, verified: Bool) {
        source = other.source
        quote = other.quote
        kind = other.kind
        date = other.date
        about = other.about
        page = other.page
        note = other.note
        self.verified = verified
    }
}
