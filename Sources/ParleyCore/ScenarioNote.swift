/// A piece of case-specific narrative (`notes:` in a scenario) that reports and the demo
/// print as they are, so that text about one case lives in that case's file.
public struct ScenarioNote: Sendable, Hashable, Identifiable {
    /// Unique among the scenario's notes; see ``Identifier``.
    public let id: String
    /// The id of the issue or stakeholder the note is about, or `nil` for the scenario as a whole.
    public let about: String?
    public let title: String?
    /// The narrative, required and non-empty.
    public let text: String
    public let evidence: [Evidence]

    /// Creates a note.
    /// - Throws: ``ScenarioErrors`` for a malformed id or an empty text. Whether `about` names
    ///   an issue or a stakeholder is checked by ``Scenario``. Paths are relative to the note.
    public init(id: String, about: String? = nil, title: String? = nil, text: String, evidence: [Evidence] = []) throws(ScenarioErrors) {
        var errors: [ScenarioError] = []
        if let error = Identifier.check(id, at: ["id"]) { errors.append(error) }
        if text.trimmingWhitespace().isEmpty {
            errors.append(ScenarioError(.invalidValue, at: ["text"], "expected the note's text, found an empty text"))
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        self.id = id
        self.about = about
        self.title = title
        self.text = text
        self.evidence = evidence
    }
}
