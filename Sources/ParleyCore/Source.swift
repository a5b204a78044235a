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

    /// Creates a source.
    /// - Throws: ``ScenarioErrors`` when the id is malformed, the title empty, or the date not
    ///   of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Paths are relative to the source.
    public init(
        id: String, title: String, author: String? = nil, date: String? = nil, url: String? = nil,
        note: String? = nil
    ) throws(ScenarioErrors) {
        var errors: [ScenarioError] = []
        if let error = Identifier.check(id, at: ["id"]) { errors.append(error) }
        if title.trimmingWhitespace().isEmpty {
            errors.append(ScenarioError(.invalidValue, at: ["title"], "expected a non-empty title"))
        }
        if let date, !Self.isValidDate(date) {
            errors.append(ScenarioError(.invalidValue, at: ["date"], "'\(date)' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD", hint: "for example 2001-12-05"))
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        self.id = id
        self.title = title
        self.author = author
        self.date = date
        self.url = url
        self.note = note
    }

    static func isValidDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else { return false }
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return false }
        if parts.count >= 2 {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return false }
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let day = Int(parts[2]), (1...31).contains(day) else { return false }
        }
        return true
    }
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
