/// A document that evidence cites: an article, a news report, a table.
public struct Source: Sendable, Hashable, Identifiable {
    /// Unique among the scenario's sources; see ``Identifier``.
    public let id: String
    public let title: String
    public let author: String?
    /// As written in the file: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public let date: String?
    public let url: String?
    public let note: String?
    /// A local copy of the source's words: a file path relative to the scenario file (as
    /// written). ParleyIO reads it to verify `kind: quote` evidence; Core never opens it.
    public let text: String?

    /// Creates a source.
    /// - Throws: ``ScenarioErrors`` when the id is malformed, the title empty, or the date not
    ///   of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or `text` is empty. Paths are relative to the source.
    public init(
        id: String, title: String, author: String? = nil, date: String? = nil, url: String? = nil,
        note: String? = nil, text: String? = nil
    ) throws(ScenarioErrors) {
        var errors: [ScenarioError] = []
        if let error = Identifier.check(id, at: ["id"]) { errors.append(error) }
        if title.trimmingWhitespace().isEmpty {
            errors.append(ScenarioError(.invalidValue, at: ["title"], "expected a non-empty title"))
        }
        if let date, let error = PartialDate.check(date, at: ["date"]) { errors.append(error) }
        if let text, text.trimmingWhitespace().isEmpty {
            errors.append(ScenarioError(.invalidValue, at: ["text"], "expected the path of a local copy of the source, found an empty text",
                                        hint: "write a path relative to the scenario file, such as sources/mousavian2014.txt"))
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        self.id = id
        self.title = title
        self.author = author
        self.date = date
        self.url = url
        self.note = note
        self.text = text
    }

    /// The source's date, parsed; `nil` when it has none.
    public var partialDate: PartialDate? { date.flatMap(PartialDate.init) }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    func trimmingWhitespace() -> Substring {
        let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
        let end = lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
