import ParleyCore

/// KTAB's SMP CSV format, as `smpread.cpp` reads it:
///
/// ```
/// <scenario name>,<description>,<number of actors>,<number of dimensions>[,ignored...]
/// Actor,Description,Power,<dimension 1 name>,<salience label>,...      (header)
/// <actor name>,<description>,<capability>,<position 1>,<salience 1>,...[,]
/// ```
///
/// Positions and saliences are 0–100; KTAB refuses an actor whose saliences sum above 100.
/// Fields are trimmed; a field in double quotes is unquoted, and `$$` stands for a comma (KTAB's
/// own escape). Imported issues get the scale 0–100.
///
/// Parley adds two things KTAB ignores, written only when the names would not give back the
/// ids: a salience label `<issue id> salience`, and a trailing `Parley id` column.
enum KTABCSVCodec {
    static let formatName = "KTAB CSV"
    static let idColumnHeader = "Parley id"
    /// The largest number of actors or dimensions line 1 may declare (KTAB itself stops at 250 actors).
    static let maximumCount = 100_000

    /// Reads a KTAB CSV file.
    /// - Throws: `ScenarioErrors` listing every problem, each with its line and column.
    static func decode(_ text: String, file: String?) throws(ScenarioErrors) -> Scenario {
        var context = DecodingContext(file: file)
        let lines = Interop.lines(text).map { line in
            (number: line.number, fields: Interop.droppingTrailingEmpty(Interop.fields(line.text, delimiter: ",", quote: "\"")))
        }
        func at(_ line: Int, _ column: Int = 1) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
        guard let first = lines.first, !first.fields.isEmpty else {
            throw ScenarioErrors([ScenarioError(.emptyFile, "the KTAB CSV file is empty", location: at(1))])
        }
        // Line 1: name, description, number of actors, number of dimensions.
        let head = first.fields
        var declaredActors: Int?
        var declaredDimensions: Int?
        if head.count < 4 {
            context.fail(.missingField, at: .root, at(1), "KTAB CSV line 1: expected <name>,<description>,<number of actors>,<number of dimensions>, found \(head.count) field(s)")
        } else {
            declaredActors = count(head[2], what: "number of actors", line: 1, context: &context)
            declaredDimensions = count(head[3], what: "number of dimensions", line: 1, context: &context)
        }
        let name = head.first.map { unescape($0.text) } ?? ""
        let summary = head.count > 1 ? unescape(head[1].text) : ""
        var draft = KTABDraft(
            name: name.isEmpty ? (Interop.fileStem(file) ?? "KTAB scenario") : name, summary: summary.isEmpty ? nil : summary)

        // Line 2: the header, whose position columns name the dimensions.
        guard lines.count >= 2 else {
            context.fail(.missingField, at: .root, at(2), "KTAB CSV line 2: expected the header Actor,Description,Power,<dimension name>,<salience label>,..., found the end of the file")
            throw ScenarioErrors(context.sortedErrors)
        }
        let header = lines[1].fields
        let dimensionCount = declaredDimensions ?? max(0, (header.count - 3) / 2)
        let expected = 3 + 2 * dimensionCount
        if header.count < expected {
            context.fail(.missingField, at: .root, at(2, header.last.map { $0.column + $0.text.unicodeScalars.count } ?? 1),
                         "KTAB CSV line 2: the header needs \(expected) columns (Actor, Description, Power, then a position and a salience column for each of the \(dimensionCount) dimensions), found \(header.count)")
        }
        var idColumn: Int?
        for (index, field) in header.enumerated() where index >= expected && !field.text.isEmpty {
            if field.text.lowercased() == idColumnHeader.lowercased() {
                idColumn = index
            } else {
                context.fail(.invalidValue, at: .root, at(2, field.column),
                             "KTAB CSV line 2: unexpected column '\(field.text)' after the \(dimensionCount) position/salience pairs that line 1 declares",
                             hint: "line 1 says \(dimensionCount) dimension(s); correct that number or remove the extra columns")
            }
        }
        for d in 0..<dimensionCount where 4 + 2 * d < header.count {
            let field = header[3 + 2 * d]
            let dimensionName = unescape(field.text)
            if dimensionName.isEmpty {
                context.fail(.invalidValue, at: .root, at(2, field.column), "KTAB CSV line 2: dimension \(d + 1) has no name in its position column")
            }
            let label = header[4 + 2 * d].text
            let carried = label.lowercased().hasSuffix(" salience") ? String(label.dropLast(" salience".count)) : nil
            draft.dimensions.append(.init(name: dimensionName, id: carried, location: at(2, field.column)))
        }

        // Lines 3...: one row per actor.
        let rows = lines.dropFirst(2).filter { !$0.fields.allSatisfy(\.text.isEmpty) }
        for row in rows {
            if let parsed = actorRow(row.fields, line: row.number, dimensions: draft.dimensions, expected: expected,
                                     idColumn: idColumn, context: &context) {
                draft.rows.append(parsed)
            }
        }
        if let declaredActors, declaredActors != rows.count, head.count >= 4 {
            let span = rows.isEmpty ? "none" : "lines \(rows.first?.number ?? 3)-\(rows.last?.number ?? 3)"
            context.fail(.invalidValue, at: .root, at(1, head[2].column),
                         "KTAB CSV line 1 declares \(declaredActors) actors, but the file has \(rows.count) actor row(s) (\(span))",
                         hint: "set the third field of line 1 to \(rows.count), or " + (declaredActors > rows.count ? "add the missing rows" : "remove the extra rows"))
        }
        guard let scenario = draft.scenario(sourceID: "ktab-csv", format: formatName, context: &context) else {
            throw ScenarioErrors(context.sortedErrors)
        }
        return scenario
    }

    /// Writes `scenario` as KTAB CSV, with notes on what KTAB could not take as it is.
    static func encode(_ scenario: Scenario) throws(ScenarioErrors) -> EncodedScenario {
        let table = KTABTable(scenario, format: formatName,
                              dropped: [.evidence, .sources, .anchors, .observedOutcomes, .uncertainty,
                                        .issueDescriptions, .scaleUnits, .spatialSettings],
                              clean: clean)
        var lines: [String] = []
        lines.append([escape(clean(scenario.name)), escape(clean(scenario.summary ?? "")),
                      String(table.rows.count), String(table.issueIDs.count)].joined(separator: ","))
        var header = ["Actor", "Description", "Power"]
        for (index, name) in table.dimensionNames.enumerated() {
            header.append(escape(name))
            header.append(table.writesIssueIDs ? "\(table.issueIDs[index]) salience" : "Sal\(index + 1)")
        }
        if table.writesStakeholderIDs { header.append(idColumnHeader) }
        lines.append(header.joined(separator: ","))
        for row in table.rows {
            var fields = [escape(row.name), escape(row.description), NumberText.plain(row.capability)]
            for (position, salience) in zip(row.positions, row.saliences) {
                fields.append(NumberText.plain(position))
                fields.append(NumberText.plain(salience))
            }
            if table.writesStakeholderIDs { fields.append(row.id) }
            lines.append(fields.joined(separator: ","))
        }
        return EncodedScenario(text: lines.joined(separator: "\n") + "\n", notes: table.notes)
    }

    // MARK: - Reading

    private static func actorRow(
        _ fields: [DelimitedField], line: Int, dimensions: [KTABDraft.Dimension], expected: Int, idColumn: Int?,
        context: inout DecodingContext
    ) -> KTABDraft.Row? {
        let file = context.file
        func at(_ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
        let errorsBefore = context.errors.count
        let name = unescape(fields.first?.text ?? "")
        if name.isEmpty {
            context.fail(.invalidValue, at: .root, at(1), "KTAB CSV line \(line): expected an actor name in the first field, found nothing")
        }
        let who = name.isEmpty ? "the actor on line \(line)" : "actor '\(name)'"
        let allowed = max(expected, (idColumn ?? -1) + 1)
        if fields.count < expected || fields.count > allowed {
            let column = fields.count < expected ? (fields.last.map { $0.column + $0.text.unicodeScalars.count } ?? 1) : fields[allowed].column
            context.fail(fields.count < expected ? .missingField : .invalidValue, at: .root, at(column),
                         "KTAB CSV line \(line): expected \(expected) fields for \(who) (name, description, capability, then a position and a salience for each of the \(dimensions.count) dimensions), found \(fields.count)")
            return nil
        }
        var capability = 0.0
        if let value = Interop.number(fields[2].text), value >= 0 {
            capability = value
        } else {
            context.fail(.invalidValue, at: .root, at(fields[2].column),
                         "KTAB CSV line \(line), column \(fields[2].column) (capability of \(who)): expected a number >= 0, found '\(fields[2].text)'")
        }
        var positions: [Double] = []
        var saliences: [Double] = []
        for (d, dimension) in dimensions.enumerated() {
            for (offset, what) in [(3, "position"), (4, "salience")] {
                let field = fields[offset + 2 * d]
                let value = Interop.number(field.text)
                if let value, (0...100).contains(value) {
                    if offset == 3 { positions.append(value) } else { saliences.append(value) }
                } else {
                    context.fail(value == nil ? .wrongType : .outOfRange, at: .root, at(field.column),
                                 "KTAB CSV line \(line), column \(field.column) (\(what) of \(who) on '\(dimension.name)'): expected a number 0-100, found '\(field.text)'")
                }
            }
        }
        let sum = saliences.reduce(0, +)
        if saliences.count == dimensions.count, sum > 100 + 1e-9 {
            context.fail(.outOfRange, at: .root, at(1),
                         "KTAB CSV line \(line): the saliences of \(who) sum to \(Interop.rounded(sum, digits: 4)); KTAB requires at most 100 per actor and refuses this file",
                         hint: "scale \(who)'s saliences down so they sum to 100 or less (Parley does this when it writes KTAB files)")
        }
        guard context.errors.count == errorsBefore else { return nil }
        let description = unescape(fields[1].text)
        let id = idColumn.flatMap { $0 < fields.count ? fields[$0].text : nil }
        return KTABDraft.Row(name: name, description: description.isEmpty ? nil : description, capability: capability,
                             positions: positions, saliences: saliences, id: id, location: at(1))
    }

    private static func count(_ field: DelimitedField, what: String, line: Int, context: inout DecodingContext) -> Int? {
        if let value = Int(field.text), (1...maximumCount).contains(value) { return value }
        context.fail(.invalidValue, at: .root, SourceLocation(file: context.file, line: line, column: field.column),
                     "KTAB CSV line \(line), column \(field.column) (\(what)): expected a whole number 1-\(maximumCount), found '\(field.text)'")
        return nil
    }

    /// KTAB's reader turns `$$` into a comma.
    private static func unescape(_ text: String) -> String {
        text.contains("$$") ? text.split(separator: "$$", omittingEmptySubsequences: false).joined(separator: ",") : text
    }

    // MARK: - Writing

    /// A name as the file holds it and reads it back: one line, trimmed.
    private static func clean(_ text: String) -> String {
        Interop.trimmed(String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 })))
    }

    /// Commas become KTAB's `$$`; a leading double quote would be taken as quoting, so it goes too.
    private static func escape(_ text: String) -> String {
        var result = text.split(separator: ",", omittingEmptySubsequences: false).joined(separator: "$$")
        while result.hasPrefix("\"") { result.removeFirst() }
        return result
    }
}
