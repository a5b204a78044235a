/// A quotation from a source that supports a number in the scenario.
public struct Evidence: Sendable, Hashable {
    /// Which number a piece of evidence supports.
    public enum Subject: String, Sendable, Hashable, CaseIterable {
        case position, salience, capability
        /// The stance as a whole (position and salience).
        case stance
    }

    /// The id of a ``Source`` of the scenario.
    public let source: String
    /// The words of the source, verbatim.
    public let quote: String
    public let about: Subject?
    /// Page, paragraph or section within the source.
    public let page: String?
    /// How the quote leads to the number, or why the number is only an inference.
    public let note: String?

    /// Creates a piece of evidence.
    /// - Throws: ``ScenarioErrors`` when the source id is malformed or the quote empty.
    public init(source: String, quote: String, about: Subject? = nil, page: String? = nil, note: String? = nil)
        throws(ScenarioErrors)
    {
        var errors: [ScenarioError] = []
        if let error = Identifier.check(source, at: ["source"]) { errors.append(error) }
        if quote.trimmingWhitespace().isEmpty {
            errors.append(ScenarioError(.invalidValue, at: ["quote"], "expected the source's words, found an empty quote"))
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        self.source = source
        self.quote = quote
        self.about = about
        self.page = page
        self.note = note
    }
}
