import ParleyCore

/// The input of decide-exchange-model (Stokman's exchange model): tab-separated, or separated by
/// semicolons or commas (decide guesses the delimiter, and its own files use tabs and
/// semicolons; Parley takes the one that follows the first row tag). Each row starts with a
/// tag; fields may be single-quoted:
///
/// ```
/// '#O'  title                                       scenario name (later #O rows: summary)
/// '#A'  key  name  [comment]                        actor
/// '#P'  key  name  [comment]                        issue
/// '#M'  issueKey  position  [meaning]               scale mark: min/max of an issue's marks = its
///                                                   scale (0-100 without marks); a meaning = an anchor
/// '#D'  actorKey  issueKey  position  salience  power  [comment]   salience and power 0-1
/// '#/'  or '#0' ...                                 comment
/// ```
///
/// Keys become ids (`Identifier/uniqueSlug(from:taken:)`), names stay names. Saliences are
/// multiplied by 100; power becomes capability as it is: the actor's largest power is the
/// stakeholder's capability, and stances whose power differs carry their own. A `#D` row that
/// names an actor or issue no `#A`/`#P` row defines is left out with a located warning, as
/// decide leaves it out of its model (its CoP21 file has such rows).
enum DecideTSVCodec {
    static let formatName = "decide TSV"

    private struct Definition {
        var key: String
        var name: String
        var comment: String?
        var location: SourceLocation
    }

    private struct Mark {
        var value: Double
        var meaning: String?
        var location: SourceLocation
    }

    private struct Datum {
        var actor: Int
        var issue: Int
        var position: Double
        var salience: Double
        var power: Double
        var location: SourceLocation
    }

    /// Reads a decide input file, with warnings for the `#D` rows left out.
    /// - Throws: `ScenarioErrors` listing every problem, each with its line and column.
    static func read(_ text: String, file: String?) throws(ScenarioErrors) -> ScenarioReading {
        var context = DecodingContext(file: file)
        var warnings: [ScenarioError] = []
        let delimiter = ScenarioFormat.decideDelimiter(of: text) ?? "\t"
        var titles: [String] = []
        var actors: [Definition] = []
        var issues: [Definition] = []
        var marks: [(issueKey: DelimitedField, value: DelimitedField, meaning: String?, line: Int)] = []
        var data: [(fields: [DelimitedField], line: Int)] = []
        for line in Interop.lines(text) {
            let all = Interop.droppingTrailingEmpty(Interop.fields(line.text, delimiter: delimiter, quote: "'"))
            guard let tag = all.first, !(all.count == 1 && tag.text.isEmpty) else { continue }
            let fields = Array(all.dropFirst())
            let at = SourceLocation(file: file, line: line.number, column: tag.column)
            switch tag.text {
            case "#/", "#0":
                continue
            case "#O":
                titles.append(fields.map(\.text).joined(separator: " "))
            case "#A", "#P":
                guard let key = fields.first, !key.text.isEmpty else {
                    context.fail(.missingField, at: .root, at, "'\(tag.text)' row: expected '\(tag.text)' <key> <name> [<comment>], found no key")
                    continue
                }
                let name = fields.count > 1 && !fields[1].text.isEmpty ? fields[1].text : key.text
                let comment = fields.count > 2 ? fields.dropFirst(2).map(\.text).joined(separator: " ") : ""
                let definition = Definition(key: key.text, name: name, comment: comment.isEmpty ? nil : comment, location: at)
                let kind = tag.text == "#A" ? "actor" : "issue"
                let existing = tag.text == "#A" ? actors : issues
                let limit = tag.text == "#A" ? (ReaderLimits.stakeholders, "stakeholders") : (ReaderLimits.issues, "issues")
                guard existing.count < limit.0 else {
                    throw ScenarioErrors([ScenarioError(.tooLarge, "more than \(limit.0) '\(tag.text)' rows; Parley reads scenarios of at most \(limit.0) \(limit.1) (limit: \(limit.1))", location: at)])
                }
                if let first = existing.first(where: { $0.key == key.text }) {
                    context.fail(.duplicate, at: .root, SourceLocation(file: file, line: line.number, column: key.column),
                                 "\(kind) key '\(key.text)' is defined twice (first on line \(first.location.line))")
                } else if tag.text == "#A" {
                    actors.append(definition)
                } else {
                    issues.append(definition)
                }
            case "#M":
                guard fields.count >= 2 else {
                    context.fail(.missingField, at: .root, at, "'#M' row: expected '#M' <issue key> <position> [<meaning>], found \(fields.count) field(s)")
                    continue
                }
                let meaning = fields.dropFirst(2).map(\.text).joined(separator: " ")
                marks.append((fields[0], fields[1], meaning.isEmpty ? nil : meaning, line.number))
            case "#D":
                data.append((fields, line.number))
            default:
                let tags = ["#A", "#P", "#M", "#D", "#O", "#/", "#0"]
                context.fail(.invalidValue, at: .root, at,
                             "unknown row tag '\(tag.text)': expected one of \(tags.joined(separator: " "))",
                             hint: Suggestion.closest(to: tag.text, in: tags).map { "did you mean '\($0)'?" })
            }
        }
        let issueIndex = Dictionary(issues.enumerated().map { ($0.element.key, $0.offset) }, uniquingKeysWith: { first, _ in first })
        let actorIndex = Dictionary(actors.enumerated().map { ($0.element.key, $0.offset) }, uniquingKeysWith: { first, _ in first })
        var marksByIssue = [[Mark]](repeating: [], count: issues.count)
        for mark in marks {
            let location = SourceLocation(file: file, line: mark.line, column: mark.issueKey.column)
            guard let issue = reference(mark.issueKey, kind: "issue", row: "#M", in: issueIndex, keys: issues.map(\.key), line: mark.line, context: &context) else { continue }
            guard let value = Interop.number(mark.value.text) else {
                context.fail(.wrongType, at: .root, SourceLocation(file: file, line: mark.line, column: mark.value.column),
                             "'#M' row for issue '\(mark.issueKey.text)': expected a position (a number), found '\(mark.value.text)'")
                continue
            }
            marksByIssue[issue].append(Mark(value: value, meaning: mark.meaning, location: location))
        }
        let scales = issues.indices.map { scale(issues[$0], marks: marksByIssue[$0], context: &context) }
        var seenPairs: [String: Int] = [:]
        var datums: [Datum] = []
        for row in data {
            if let undefined = undefinedReference(row.fields, line: row.line, actors: actors, actorIndex: actorIndex,
                                                  issues: issues, issueIndex: issueIndex, file: file) {
                warnings.append(undefined)
                continue
            }
            if let datum = datum(row.fields, line: row.line, actors: actors, actorIndex: actorIndex, issues: issues,
                                 issueIndex: issueIndex, scales: scales, context: &context) {
                let pair = "\(datum.actor) \(datum.issue)"
                if let first = seenPairs[pair] {
                    context.fail(.duplicate, at: .root, datum.location,
                                 "a second '#D' row for actor '\(actors[datum.actor].key)' on issue '\(issues[datum.issue].key)' (first on line \(first))")
                } else {
                    seenPairs[pair] = row.line
                    datums.append(datum)
                }
            }
        }
        let name = titles.first.map(Interop.trimmed) ?? ""
        let summary = titles.dropFirst().map(Interop.trimmed).filter { !$0.isEmpty }.joined(separator: "\n")
        let scenario = build(name: name.isEmpty ? (Interop.fileStem(file) ?? "decide scenario") : name,
                             summary: summary.isEmpty ? nil : summary, actors: actors, issues: issues, scales: scales,
                             marks: marksByIssue, data: datums, context: &context)
        guard let scenario else { throw ScenarioErrors(context.sortedErrors) }
        return ScenarioReading(scenario: scenario, warnings: warnings)
    }

    /// The warning for a `#D` row whose actor or issue key no `#A`/`#P` row defines (decide
    /// leaves such rows out of its model, and so does Parley), or `nil` when both are defined or
    /// the row is too short to tell (``datum(_:line:actors:actorIndex:issues:issueIndex:scales:context:)``
    /// reports that).
    private static func undefinedReference(
        _ fields: [DelimitedField], line: Int, actors: [Definition], actorIndex: [String: Int], issues: [Definition],
        issueIndex: [String: Int], file: String?
    ) -> ScenarioError? {
        guard fields.count >= 5 else { return nil }
        for (field, kind, tag, index, keys) in [(fields[0], "actor", "#A", actorIndex, actors.map(\.key)),
                                                (fields[1], "issue", "#P", issueIndex, issues.map(\.key))]
        where index[field.text] == nil {
            let suggestion = Suggestion.closest(to: field.text, in: keys).map { "did you mean '\($0)'? " } ?? ""
            return ScenarioError(
                .unknownReference,
                "'#D' row names the \(kind) '\(field.text)', which no '\(tag)' row defines: the row is left out, as decide leaves it out",
                hint: suggestion + "add a '\(tag)' row for '\(field.text)' to include it",
                location: SourceLocation(file: file, line: line, column: field.column), severity: .warning)
        }
        return nil
    }

    /// Writes `scenario` in decide's form, strings single-quoted, with notes on what changed.
    static func encode(_ scenario: Scenario) throws(ScenarioErrors) -> EncodedScenario {
        var notes: [String] = []
        var rows: [[String]] = [[quote("#O"), quote(scenario.name)]]
        for line in Interop.lines(scenario.summary ?? "") where !Interop.trimmed(line.text).isEmpty {
            rows.append([quote("#O"), quote(line.text)])
        }
        rows.append([quote("#/"), quote("key"), quote("name"), quote("comment")])
        for stakeholder in scenario.stakeholders {
            rows.append([quote("#A"), quote(stakeholder.id), quote(stakeholder.name), quote(stakeholder.description ?? "")])
        }
        let powers = scenario.stakeholders.flatMap { stakeholder in stakeholder.stances.map { $0.capability ?? stakeholder.capability } }
        let largest = powers.max() ?? 0
        let divisor = largest > 1 ? largest : 1
        if largest > 1 {
            notes.append("decide needs power 0-1: every capability was divided by the largest, \(NumberText.plain(largest))")
        }
        let idle = scenario.stakeholders.filter { $0.stances.isEmpty }.map(\.id)
        if !idle.isEmpty {
            notes.append("decide carries power only on '#D' rows: the capability of \(Interop.quotedList(idle)), who take no stance, was left out")
        }
        for issue in scenario.issues {
            rows.append([quote("#P"), quote(issue.id), quote(issue.name), quote(issue.description ?? "")])
            var markRows: [(Double, String?)] = issue.anchors.map { ($0.value, $0.label) }
            if !markRows.contains(where: { $0.0 == issue.scale.min }) { markRows.insert((issue.scale.min, nil), at: 0) }
            if !markRows.contains(where: { $0.0 == issue.scale.max }) { markRows.append((issue.scale.max, nil)) }
            for (value, meaning) in markRows {
                rows.append([quote("#M"), quote(issue.id), NumberText.plain(value)] + (meaning.map { [quote($0)] } ?? []))
            }
        }
        rows.append(["actor", "issue", "position", "salience", "power"].reduce([quote("#/")]) { $0 + [quote($1)] })
        for issue in scenario.issues {
            for stakeholder in scenario.stakeholders {
                guard let stance = stakeholder.stance(on: issue.id) else { continue }
                let power = (stance.capability ?? stakeholder.capability) / divisor
                rows.append([quote("#D"), quote(stakeholder.id), quote(issue.id), NumberText.plain(stance.position),
                             Interop.text(stance.salience, shiftedBy: 2), NumberText.plain(power)])
            }
        }
        if let note = Interop.droppedNote(scenario, format: formatName,
                                          dropped: [.evidence, .sources, .observedOutcomes, .uncertainty, .scaleUnits, .spatialSettings]) {
            notes.append(note)
        }
        return EncodedScenario(text: rows.map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n", notes: notes)
    }

    // MARK: - Reading

    /// The issue's scale from its marks (0–100 without marks) and checks on its anchors.
    private static func scale(_ issue: Definition, marks: [Mark], context: inout DecodingContext) -> Scale {
        guard let low = marks.min(by: { $0.value < $1.value }), let high = marks.max(by: { $0.value < $1.value }) else {
            return .percent
        }
        do throws(ScenarioErrors) {
            return try Scale(min: low.value, max: high.value)
        } catch where low.value < high.value {
            for problem in error.errors {
                context.fail(problem.code, at: .root, high.value.magnitude >= low.value.magnitude ? high.location : low.location,
                             "'#M' rows of issue '\(issue.key)': \(problem.message)", hint: problem.hint)
            }
            return .percent
        } catch {
            context.fail(.invalidValue, at: .root, marks.last?.location ?? high.location,
                         "the '#M' rows of issue '\(issue.key)' all lie at \(NumberText.plain(low.value)): its scale needs two different values",
                         hint: "add '#M' rows for both ends of the scale, for example 0 and 100")
            return .percent
        }
    }

    private static func reference(
        _ field: DelimitedField, kind: String, row: String, in index: [String: Int], keys: [String], line: Int,
        context: inout DecodingContext
    ) -> Int? {
        if let found = index[field.text] { return found }
        let defining = kind == "actor" ? "#A" : "#P"
        context.fail(.unknownReference, at: .root, SourceLocation(file: context.file, line: line, column: field.column),
                     "'\(row)' row names the unknown \(kind) '\(field.text)'; " + (keys.isEmpty ? "the file has no '\(defining)' rows" : "the '\(defining)' rows define \(Interop.quotedList(keys))"),
                     hint: Suggestion.closest(to: field.text, in: keys).map { "did you mean '\($0)'?" })
        return nil
    }

    private static func datum(
        _ fields: [DelimitedField], line: Int, actors: [Definition], actorIndex: [String: Int], issues: [Definition],
        issueIndex: [String: Int], scales: [Scale], context: inout DecodingContext
    ) -> Datum? {
        let file = context.file
        guard fields.count >= 5 else {
            context.fail(.missingField, at: .root, SourceLocation(file: file, line: line, column: 1),
                         "'#D' row: expected '#D' <actor key> <issue key> <position> <salience 0-1> <power 0-1>, found \(fields.count + 1) field(s)")
            return nil
        }
        let errorsBefore = context.errors.count
        let actor = reference(fields[0], kind: "actor", row: "#D", in: actorIndex, keys: actors.map(\.key), line: line, context: &context)
        let issue = reference(fields[1], kind: "issue", row: "#D", in: issueIndex, keys: issues.map(\.key), line: line, context: &context)
        let about = "'#D' row for actor '\(fields[0].text)' on issue '\(fields[1].text)'"
        func value(_ field: DelimitedField, what: String, shift: Int, range: ClosedRange<Double>?) -> Double? {
            let at = SourceLocation(file: file, line: line, column: field.column)
            guard let number = Interop.number(field.text, shiftedBy: shift) else {
                context.fail(.wrongType, at: .root, at, "\(about): expected the \(what) (a number), found '\(field.text)'")
                return nil
            }
            if let range, !range.contains(number) {
                context.fail(.outOfRange, at: .root, at, "\(about): \(what) \(field.text) is outside 0-1",
                             hint: "decide writes \(what) as a fraction 0-1" + (what == "salience" ? " (Parley's 0-100 divided by 100)" : ""))
                return nil
            }
            return number
        }
        let position = value(fields[2], what: "position", shift: 0, range: nil)
        let salience = value(fields[3], what: "salience", shift: 2, range: 0...100)
        let power = value(fields[4], what: "power", shift: 0, range: 0...1)
        if let position, let issue, issue < scales.count, !scales[issue].contains(position) {
            context.fail(.outOfRange, at: .root, SourceLocation(file: file, line: line, column: fields[2].column),
                         "\(about): position \(fields[2].text) is outside the scale \(scales[issue].rangeText) that the issue's '#M' rows set",
                         hint: "add a '#M' row for the issue at this position, or correct it")
        }
        guard context.errors.count == errorsBefore, let actor, let issue, let position, let salience, let power else { return nil }
        return Datum(actor: actor, issue: issue, position: position, salience: salience, power: power,
                     location: SourceLocation(file: file, line: line, column: 1))
    }

    private static func build(
        name: String, summary: String?, actors: [Definition], issues: [Definition], scales: [Scale], marks: [[Mark]],
        data: [Datum], context: inout DecodingContext
    ) -> Scenario? {
        context.record(.root, at: SourceLocation(file: context.file, line: 1, column: 1))
        var taken = Set<String>()
        var policyIssues: [PolicyIssue] = []
        var issueIDs: [String] = []
        for (index, definition) in issues.enumerated() {
            let id = Identifier.uniqueSlug(from: definition.key, taken: taken)
            taken.insert(id)
            issueIDs.append(id)
            let path: ScenarioPath = ["issues", .index(index)]
            context.record(path, at: definition.location)
            var anchors: [Anchor] = []
            for mark in marks[index] {
                guard let meaning = mark.meaning else { continue }
                if anchors.contains(where: { $0.value == mark.value }) {
                    context.fail(.duplicate, at: .root, mark.location,
                                 "issue '\(definition.key)' has two '#M' rows with a meaning at \(NumberText.plain(mark.value))")
                    continue
                }
                anchors.append(Anchor(value: mark.value, label: meaning))
            }
            do throws(ScenarioErrors) {
                policyIssues.append(try PolicyIssue(id: id, name: definition.name, description: definition.comment,
                                                    scale: scales[index], anchors: anchors))
            } catch {
                context.absorb(error, under: path)
            }
        }
        taken = []
        var stakeholders: [Stakeholder] = []
        for (index, definition) in actors.enumerated() {
            let id = Identifier.uniqueSlug(from: definition.key, taken: taken)
            taken.insert(id)
            let path: ScenarioPath = ["stakeholders", .index(index)]
            context.record(path, at: definition.location)
            let rows = data.filter { $0.actor == index }.sorted { $0.issue < $1.issue }
            let capability = rows.map(\.power).max() ?? 0
            var stances: [Stance] = []
            for row in rows {
                let stancePath = path.appending("stances").appending(issueIDs[row.issue])
                context.record(stancePath, at: row.location)
                do throws(ScenarioErrors) {
                    stances.append(try Stance(issue: issueIDs[row.issue], position: row.position, salience: row.salience,
                                              capability: row.power == capability ? nil : row.power))
                } catch {
                    context.absorb(error, under: stancePath)
                }
            }
            do throws(ScenarioErrors) {
                stakeholders.append(try Stakeholder(id: id, name: definition.name, description: definition.comment,
                                                    capability: capability, stances: stances))
            } catch {
                context.absorb(error, under: path)
            }
        }
        guard context.errors.isEmpty else { return nil }
        do throws(ScenarioErrors) {
            return try Scenario(name: name, summary: summary,
                                sources: Interop.originSource(id: "decide-tsv", format: formatName, file: context.file),
                                issues: policyIssues, stakeholders: stakeholders)
        } catch {
            context.absorb(error, under: .root)
            return nil
        }
    }

    // MARK: - Writing

    /// `text` in single quotes, on one line, a quote inside doubled (as Python's `csv` reads it).
    private static func quote(_ text: String) -> String {
        var result = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "'": result += "''"
            case "\t", "\n", "\r": result += " "
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "'"
    }
}
