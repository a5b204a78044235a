import Foundation
public import ParleyCore

/// Reads the DEU III dataset's CSV layout (Thomson et al., *Decision-making in the European
/// Union*): semicolon-separated, one row per issue, a position column `p<code>` and a
/// salience column `s<code>` for each actor, `999` for a missing value.
///
/// Recognised columns (case-insensitive): `issue` (or `id`) for the issue's identifier,
/// optional `proposal` (issues with the same proposal form one scenario; without it every row
/// is its own scenario), optional `name` or `description`, optional `outcome` (the observed
/// outcome, 0–100). Positions and saliences are on 0–100. The dataset carries no
/// capabilities: they come from a user-supplied table, `code;capability[;name]` with a header
/// row, such as Council voting weights.
public enum DEUImporter {
    /// The scenarios in `path`, using the capabilities in `capabilitiesPath`.
    /// - Throws: `ScenarioErrors` with file, line and column for every problem.
    public static func read(_ path: String, capabilities capabilitiesPath: String) throws(ScenarioErrors) -> [Scenario] {
        let capabilities = try readCapabilities(capabilitiesPath)
        return try decode(try ScenarioFile.readText(path), file: path, capabilities: capabilities, capabilitiesFile: capabilitiesPath)
    }

    /// The scenarios in the DEU text `text` (named `file` in errors), with `capabilities` by
    /// lower-case actor code as ``decodeCapabilities(_:file:)`` reads them.
    /// - Throws: `ScenarioErrors` as ``read(_:capabilities:)``.
    public static func decode(_ text: String, file: String, capabilities: [String: (capability: Double, name: String?)],
                              capabilitiesFile capabilitiesPath: String) throws(ScenarioErrors) -> [Scenario] {
        let path = file
        let rows = lines(text)
        guard let header = rows.first else {
            throw ScenarioErrors([ScenarioError(.emptyFile, "\(path) has no header row", location: SourceLocation(file: path, line: 1, column: 1))])
        }
        let columns = header.fields.map { $0.lowercased() }
        func column(_ names: String...) -> Int? { columns.firstIndex { names.contains($0) } }
        guard let issueColumn = column("issue", "id") else {
            throw ScenarioErrors([ScenarioError(.missingField, "no 'issue' column in the header", hint: "DEU files name each issue in a column called issue or id",
                                                location: SourceLocation(file: path, line: header.line, column: 1))])
        }
        let proposalColumn = column("proposal")
        let nameColumn = column("name", "description")
        let outcomeColumn = column("outcome")
        var actors: [(code: String, position: Int, salience: Int)] = []
        // First column of each name, so that pairing p<code> with s<code> is linear.
        var firstColumn: [String: Int] = [:]
        for (index, name) in columns.enumerated() where firstColumn[name] == nil { firstColumn[name] = index }
        for (index, name) in columns.enumerated() where name.hasPrefix("p") && name.count > 1 && name != "proposal" {
            let code = String(name.dropFirst())
            if let salience = firstColumn["s" + code] { actors.append((code, index, salience)) }
        }
        guard actors.count <= ReaderLimits.stakeholders else {
            throw ScenarioErrors([ScenarioError(.tooLarge, "\(actors.count) actors (p<code>/s<code> column pairs); Parley reads scenarios of at most \(ReaderLimits.stakeholders) stakeholders (limit: stakeholders)",
                                                location: SourceLocation(file: path, line: header.line, column: 1))])
        }
        var errors: [ScenarioError] = []
        for actor in actors where capabilities[actor.code] == nil {
            errors.append(ScenarioError(.unknownReference, "actor '\(actor.code)' has positions but no capability in \(capabilitiesPath)",
                                        hint: "add a row '\(actor.code);<capability>' to the capability table",
                                        location: SourceLocation(file: path, line: header.line, column: header.columnStart(actor.position))))
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }

        var groups: [(key: String, rows: [Row])] = []
        var groupIndex: [String: Int] = [:]
        for row in rows.dropFirst() {
            let key = proposalColumn.flatMap { row.field($0) } ?? row.field(issueColumn) ?? "row \(row.line)"
            if let index = groupIndex[key] {
                guard groups[index].rows.count < ReaderLimits.issues else {
                    throw ScenarioErrors([ScenarioError(.tooLarge, "proposal '\(key)' has more than \(ReaderLimits.issues) issues; Parley reads scenarios of at most \(ReaderLimits.issues) issues (limit: issues)",
                                                        location: SourceLocation(file: path, line: row.line, column: 1))])
                }
                groups[index].rows.append(row)
            } else {
                groupIndex[key] = groups.count
                groups.append((key, [row]))
            }
        }
        var scenarios: [Scenario] = []
        for group in groups {
            var issues: [PolicyIssue] = []
            var stances: [String: [Stance]] = [:]
            var taken = Set<String>()
            for row in group.rows {
                func number(_ column: Int, _ what: String) -> Double? {
                    guard let field = row.field(column), !field.isEmpty else { return nil }
                    guard let value = Double(field.replacingOccurrences(of: ",", with: ".")) else {
                        errors.append(ScenarioError(.wrongType, "\(what): expected a number 0-100 or 999 for missing, found '\(field)'",
                                                    location: SourceLocation(file: path, line: row.line, column: row.columnStart(column))))
                        return nil
                    }
                    if value == 999 { return nil }
                    guard (0...100).contains(value) else {
                        errors.append(ScenarioError(.outOfRange, "\(what): \(NumberText.plain(value)) is outside 0...100 (999 marks a missing value)",
                                                    location: SourceLocation(file: path, line: row.line, column: row.columnStart(column))))
                        return nil
                    }
                    return value
                }
                let rawID = row.field(issueColumn) ?? "issue-\(row.line)"
                let id = Identifier.uniqueSlug(from: rawID, taken: taken)
                taken.insert(id)
                let outcome = outcomeColumn.flatMap { number($0, "outcome") }
                do {
                    issues.append(try PolicyIssue(
                        id: id, name: nameColumn.flatMap { row.field($0) }.flatMap { $0.isEmpty ? nil : $0 } ?? rawID,
                        scale: .percent, observed: outcome.map { ObservedOutcome(value: $0, note: "DEU outcome") }))
                } catch {
                    errors += error.errors.map { var e = $0; e.location = SourceLocation(file: path, line: row.line, column: 1); return e }
                }
                for actor in actors {
                    guard let position = number(actor.position, "position of \(actor.code) on \(rawID)"),
                          let salience = number(actor.salience, "salience of \(actor.code) on \(rawID)") else { continue }
                    if let stance = try? Stance(issue: id, position: position, salience: salience) {
                        stances[actor.code, default: []].append(stance)
                    }
                }
            }
            let parties = actors.compactMap { actor -> Stakeholder? in
                guard let entry = capabilities[actor.code], let list = stances[actor.code], !list.isEmpty else { return nil }
                return try? Stakeholder(id: Identifier.slug(from: actor.code), name: entry.name ?? actor.code, capability: entry.capability, stances: list)
            }
            guard !parties.isEmpty else { continue }
            do {
                scenarios.append(try Scenario(name: "DEU \(group.key)", issues: issues, stakeholders: parties))
            } catch {
                errors += error.errors.map { var e = $0; e.location = SourceLocation(file: path, line: group.rows.first?.line ?? 1, column: 1); return e }
            }
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        return scenarios
    }

    static func readCapabilities(_ path: String) throws(ScenarioErrors) -> [String: (capability: Double, name: String?)] {
        try decodeCapabilities(try ScenarioFile.readText(path), file: path)
    }

    /// A capability table's text, `code;capability[;name]` after a header row.
    /// - Throws: `ScenarioErrors` locating every bad capability.
    public static func decodeCapabilities(_ text: String, file path: String) throws(ScenarioErrors) -> [String: (capability: Double, name: String?)] {
        var table: [String: (Double, String?)] = [:]
        var errors: [ScenarioError] = []
        for row in lines(text).dropFirst() {
            guard let code = row.field(0)?.lowercased(), !code.isEmpty else { continue }
            guard let text = row.field(1), let value = Double(text.replacingOccurrences(of: ",", with: ".")), value >= 0, value.isFinite else {
                errors.append(ScenarioError(.wrongType, "capability of '\(code)': expected a number >= 0, found '\(row.field(1) ?? "")'",
                                            location: SourceLocation(file: path, line: row.line, column: row.columnStart(1))))
                continue
            }
            table[code] = (value, row.field(2).flatMap { $0.isEmpty ? nil : $0 })
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        return table
    }

    struct Row {
        var line: Int
        var fields: [String]
        var starts: [Int]
        func field(_ index: Int) -> String? { index < fields.count ? fields[index] : nil }
        func columnStart(_ index: Int) -> Int { index < starts.count ? starts[index] : 1 }
    }

    /// Non-blank lines split on ';', fields trimmed and unquoted, with their 1-based columns.
    static func lines(_ text: String) -> [Row] {
        var rows: [Row] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.hasSuffix("\r") ? line.dropLast() : line
            guard !content.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            var fields: [String] = []
            var starts: [Int] = []
            var column = 1
            for part in content.split(separator: ";", omittingEmptySubsequences: false) {
                var field = part.trimmingCharacters(in: .whitespaces)
                if field.count >= 2, field.hasPrefix("\""), field.hasSuffix("\"") { field = String(field.dropFirst().dropLast()) }
                fields.append(field)
                starts.append(column)
                column += part.count + 1
            }
            rows.append(Row(line: number + 1, fields: fields, starts: starts))
        }
        return rows
    }
}
