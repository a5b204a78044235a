public import ParleyCore

/// A starting scenario from a table an analyst already keeps (`parley init --from table.csv`):
/// one row per stakeholder and issue, in the long shape most spreadsheets and the DEU data use.
///
/// Columns, found by header (case and `_`/`-`/space ignored), in any order:
/// `stakeholder`, `issue`, `position`, `salience` (0–100) and `capability` (≥ 0, the same on
/// every row of a stakeholder) are required; `min` and `max` (the issue's scale, the same on every
/// row of an issue; default 0–100) are optional. Other columns are ignored. The delimiter is the
/// header's comma, semicolon or tab, whichever it holds most of. Stakeholder and issue names
/// become names; their ids are slugs of them. The result is the commented YAML of a valid
/// scenario with placeholders where a table has nothing to say (sources, evidence, as_of).
public enum ScenarioTable {
    /// The largest table read, in rows (each row is one stance).
    public static let rowLimit = 100_000

    /// The YAML text of the scenario in `text` (the table's contents); `file` names it in errors.
    /// - Throws: `ScenarioErrors` located at the row and column of every problem found
    ///   (missing columns, non-numbers, disagreeing capabilities or scales, repeated rows).
    /// - Complexity: O(rows × columns).
    public static func yaml(fromCSV text: String, file: String?) throws(ScenarioErrors) -> String {
        let lines = Interop.lines(text).filter { !Interop.trimmed($0.text).isEmpty }
        func at(_ line: Int, _ column: Int = 1) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
        guard let header = lines.first else {
            throw ScenarioErrors([ScenarioError(.emptyFile, "the table is empty", hint: "the first line names the columns: stakeholder,issue,position,salience,capability",
                                                location: at(1))])
        }
        guard lines.count - 1 <= rowLimit else {
            throw ScenarioErrors([ScenarioError(.invalidValue, "the table has \(lines.count - 1) rows; parley init reads at most \(rowLimit)", location: at(1))])
        }
        let delimiter = delimiter(of: header.text)
        let names = Interop.fields(header.text, delimiter: delimiter, quote: "\"").map { normalised($0.text) }
        let required = ["stakeholder", "issue", "position", "salience", "capability"]
        let missing = required.filter { !names.contains($0) }
        guard missing.isEmpty else {
            throw ScenarioErrors([ScenarioError(.missingField, "the header lacks the column\(missing.count == 1 ? "" : "s") \(missing.joined(separator: ", "))",
                                                hint: "the first line names the columns: stakeholder,issue,position,salience,capability (min and max optional)",
                                                location: at(header.number))])
        }
        func column(_ name: String) -> Int? { names.firstIndex(of: name) }

        var errors: [ScenarioError] = []
        var issues: [(name: String, min: Double?, max: Double?, line: Int)] = []
        var parties: [(name: String, capability: Double, line: Int, stances: [(issue: Int, position: Double, salience: Double)])] = []
        for line in lines.dropFirst() {
            let fields = Interop.fields(line.text, delimiter: delimiter, quote: "\"")
            func field(_ name: String) -> DelimitedField? {
                column(name).flatMap { fields.indices.contains($0) ? fields[$0] : nil }
            }
            func number(_ name: String, optional: Bool = false) -> Double? {
                guard let cell = field(name), !cell.text.isEmpty else {
                    if !optional {
                        errors.append(ScenarioError(.missingField, "row has no \(name)", location: at(line.number, fields.last.map { $0.column } ?? 1)))
                    }
                    return nil
                }
                guard let value = Interop.number(cell.text) else {
                    errors.append(ScenarioError(.wrongType, "column \(name): expected a number, found '\(cell.text)'", location: at(line.number, cell.column)))
                    return nil
                }
                return value
            }
            guard let stakeholder = field("stakeholder"), !stakeholder.text.isEmpty, let issue = field("issue"), !issue.text.isEmpty else {
                errors.append(ScenarioError(.missingField, "every row needs a stakeholder and an issue", location: at(line.number)))
                continue
            }
            let position = number("position"), salience = number("salience"), capability = number("capability")
            let low = number("min", optional: true), high = number("max", optional: true)
            if let salience, !(0...100).contains(salience) {
                errors.append(ScenarioError(.outOfRange, "column salience: \(NumberText.plain(salience)) is outside 0-100",
                                            location: at(line.number, field("salience")?.column ?? 1)))
            }
            if let capability, capability < 0 {
                errors.append(ScenarioError(.outOfRange, "column capability: \(NumberText.plain(capability)) is negative",
                                            location: at(line.number, field("capability")?.column ?? 1)))
            }
            let issueIndex: Int
            if let found = issues.firstIndex(where: { $0.name == issue.text }) {
                issueIndex = found
                if (low != nil && low != issues[found].min) || (high != nil && high != issues[found].max) {
                    errors.append(ScenarioError(.invalidValue, "issue '\(issue.text)' has another scale here than on line \(issues[found].line)",
                                                location: at(line.number, field("min")?.column ?? issue.column)))
                }
            } else {
                issueIndex = issues.count
                issues.append((issue.text, low, high, line.number))
            }
            guard let position, let salience, let capability else { continue }
            if let found = parties.firstIndex(where: { $0.name == stakeholder.text }) {
                if parties[found].capability != capability {
                    errors.append(ScenarioError(.invalidValue, "stakeholder '\(stakeholder.text)' has capability \(NumberText.plain(capability)) here but \(NumberText.plain(parties[found].capability)) on line \(parties[found].line)",
                                                hint: "capability belongs to the stakeholder: give it the same value on every row",
                                                location: at(line.number, field("capability")?.column ?? 1)))
                }
                if parties[found].stances.contains(where: { $0.issue == issueIndex }) {
                    errors.append(ScenarioError(.duplicate, "a second row for '\(stakeholder.text)' on '\(issue.text)'", location: at(line.number)))
                    continue
                }
                parties[found].stances.append((issueIndex, position, salience))
            } else {
                parties.append((stakeholder.text, capability, line.number, [(issueIndex, position, salience)]))
            }
        }
        guard !parties.isEmpty || !errors.isEmpty else {
            throw ScenarioErrors([ScenarioError(.empty, "the table has a header but no rows", location: at(header.number))])
        }
        for (index, issue) in issues.enumerated() {
            let low = issue.min ?? 0, high = issue.max ?? 100
            let outside = parties.flatMap { $0.stances.filter { $0.issue == index && !(low...high).contains($0.position) } }
            if low >= high {
                errors.append(ScenarioError(.invalidValue, "issue '\(issue.name)': min \(NumberText.plain(low)) is not below max \(NumberText.plain(high))", location: at(issue.line)))
            } else if let first = outside.first {
                errors.append(ScenarioError(.outOfRange, "issue '\(issue.name)': position \(NumberText.plain(first.position)) is outside its scale \(NumberText.plain(low))-\(NumberText.plain(high))",
                                            hint: issue.min == nil && issue.max == nil ? "add min and max columns giving the issue's scale (default 0-100)" : nil,
                                            location: at(issue.line)))
            }
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }

        var issueIDs: [String] = []
        for issue in issues { issueIDs.append(Identifier.uniqueSlug(from: issue.name, taken: Set(issueIDs))) }
        var partyIDs: [String] = []
        for party in parties { partyIDs.append(Identifier.uniqueSlug(from: party.name, taken: Set(partyIDs))) }
        let title = Interop.fileStem(file) ?? "table"
        var out = """
            # A Parley scenario (format parley/1) started from \(file ?? "a table"). Check it with: parley validate FILE
            # Field reference: docs/scenario-format.md. Still to do: the sources and the evidence behind every number,
            # the day the coding stands at (as_of), and, where history knows it, each issue's observed outcome.
            format: parley/1
            name: \(quoted(title))
            # summary: One paragraph on what is being negotiated, by whom, and when.
            # as_of: 2001-11-26                  # the day the coding stands at; later evidence is hindsight
            # sources:
            #   - {id: source-one, title: Title, author: Author, date: 2001-11-20, text: sources/source-one.txt}

            issues:

            """
        for (index, issue) in issues.enumerated() {
            out += "  - id: \(issueIDs[index])\n    name: \(quoted(issue.name))\n"
            out += "    scale: {min: \(NumberText.plain(issue.min ?? 0)), max: \(NumberText.plain(issue.max ?? 100))}\n"
            out += "    # status_quo: {value: ...}          # the outcome if no agreement is reached\n"
            out += "    # observed: {value: ..., range: [..., ...], source: source-one}\n"
        }
        out += "\nstakeholders:\n"
        for (index, party) in parties.enumerated() {
            out += "  - id: \(partyIDs[index])\n    name: \(quoted(party.name))\n    capability: \(NumberText.plain(party.capability))\n    stances:\n"
            for stance in party.stances {
                out += "      \(issueIDs[stance.issue]): {position: \(NumberText.plain(stance.position)), salience: \(NumberText.plain(stance.salience))}"
                out += "   # evidence: [{source: ..., quote: \"...\", kind: quote}]\n"
            }
        }
        return out
    }

    /// The header's delimiter: comma, semicolon or tab, whichever it holds most of (comma on a tie).
    static func delimiter(of header: String) -> Unicode.Scalar {
        let counts: [(Unicode.Scalar, Int)] = [",", ";", "\t"].map { d in (d, header.unicodeScalars.filter { $0 == d }.count) }
        return counts.max { $0.1 < $1.1 }.flatMap { $0.1 > 0 ? $0.0 : nil } ?? ","
    }

    /// A header cell compared by letters only: lowercase, without `_`, `-` or spaces.
    static func normalised(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    /// `text` as a double-quoted scalar (JSON's escapes, which YAML reads the same).
    static func quoted(_ text: String) -> String { JSONWriter.quoted(text) }
}
