import ParleyCore

/// What a KTAB file (CSV or XML) holds, as read and range-checked, before it becomes a
/// `Scenario`. Positions and saliences are on KTAB's 0–100 scale.
struct KTABDraft {
    struct Dimension {
        var name: String
        /// A Parley id carried by a file Parley wrote (the CSV salience label `<id> salience`,
        /// the XML attribute `id`); used when valid and still free.
        var id: String?
        var location: SourceLocation
    }

    struct Row {
        var name: String
        var description: String?
        var capability: Double
        var positions: [Double]
        var saliences: [Double]
        var id: String?
        var location: SourceLocation
    }

    struct IdealPair {
        var adjusting: String
        var reference: String
        var adjust: Double
        var location: SourceLocation
    }

    var name: String
    var summary: String?
    var dimensions: [Dimension] = []
    var rows: [Row] = []
    var spatial: SpatialSettings?
    /// Pairs by actor name, resolved to stakeholder ids when the scenario is built.
    var idealPairs: [IdealPair] = []
    /// Names of actors left out for errors already reported; pairs naming them add no error.
    var failedNames: Set<String> = []

    init(name: String, summary: String?) {
        self.name = name
        self.summary = summary
    }

    /// The scenario, or `nil` with the problems added to `context` (located at the row,
    /// dimension or pair they concern).
    func scenario(sourceID: String, format: String, context: inout DecodingContext) -> Scenario? {
        context.record(.root, at: SourceLocation(file: context.file, line: 1, column: 1))
        var taken = Set<String>()
        var issues: [PolicyIssue] = []
        var issueIDs: [String] = []
        for (index, dimension) in dimensions.enumerated() {
            let id = Self.id(dimension.id, name: dimension.name, taken: &taken)
            issueIDs.append(id)
            let path: ScenarioPath = ["issues", .index(index)]
            context.record(path, at: dimension.location)
            do throws(ScenarioErrors) {
                issues.append(try PolicyIssue(id: id, name: dimension.name, scale: .percent))
            } catch {
                context.absorb(error, under: path)
            }
        }
        taken = []
        var stakeholders: [Stakeholder] = []
        var idByName: [String: String] = [:]
        for (index, row) in rows.enumerated() {
            let id = Self.id(row.id, name: row.name, taken: &taken)
            if idByName[row.name] == nil { idByName[row.name] = id }
            let path: ScenarioPath = ["stakeholders", .index(index)]
            context.record(path, at: row.location)
            var stances: [Stance] = []
            for (d, issueID) in issueIDs.enumerated() where d < row.positions.count && d < row.saliences.count {
                do throws(ScenarioErrors) {
                    stances.append(try Stance(issue: issueID, position: row.positions[d], salience: row.saliences[d]))
                } catch {
                    context.absorb(error, under: path.appending("stances").appending(issueID))
                }
            }
            do throws(ScenarioErrors) {
                stakeholders.append(try Stakeholder(
                    id: id, name: row.name, description: row.description, capability: row.capability, stances: stances))
            } catch {
                context.absorb(error, under: path)
            }
        }
        var models = ModelSettings()
        if var spatial {
            spatial.idealAdjustments = []
            for (index, pair) in idealPairs.enumerated() {
                context.record(["models", "spatial", "ideal-adjustments", .index(index)], at: pair.location)
                var ids: [String] = []
                for (role, name) in [("adjustingIdeal", pair.adjusting), ("referencePos", pair.reference)] {
                    if let id = idByName[name] {
                        ids.append(id)
                    } else if !failedNames.contains(name) {
                        context.fail(.unknownReference, at: .root, pair.location,
                                     "<\(role)> names the actor '\(name)', which is not among the actors \(Interop.quotedList(rows.map(\.name)))",
                                     hint: Suggestion.closest(to: name, in: rows.map(\.name)).map { "did you mean '\($0)'?" })
                    }
                }
                if ids.count == 2 {
                    spatial.idealAdjustments.append(.init(adjusting: ids[0], reference: ids[1], adjust: pair.adjust))
                }
            }
            models.spatial = spatial
        }
        guard context.errors.isEmpty else { return nil }
        do throws(ScenarioErrors) {
            return try Scenario(
                name: name, summary: summary, sources: Interop.originSource(id: sourceID, format: format, file: context.file),
                issues: issues, stakeholders: stakeholders, models: models)
        } catch {
            context.absorb(error, under: .root)
            return nil
        }
    }

    private static func id(_ carried: String?, name: String, taken: inout Set<String>) -> String {
        let id: String
        if let carried, Identifier.isValid(carried), !taken.contains(carried) {
            id = carried
        } else {
            id = Identifier.uniqueSlug(from: name, taken: taken)
        }
        taken.insert(id)
        return id
    }

    /// The ids an import derives from `names` alone, in order.
    static func derivedIDs(_ names: [String]) -> [String] {
        var taken = Set<String>()
        return names.map { id(nil, name: $0, taken: &taken) }
    }
}

/// A scenario laid out as KTAB needs it: every actor on every dimension, positions and
/// saliences 0–100, saliences summing to at most 100 per actor; with notes on what changed.
struct KTABTable {
    struct Row {
        var id: String
        var name: String
        var description: String
        var capability: Double
        var positions: [Double]
        var saliences: [Double]
    }

    /// KTAB's limits (`Model::maxActNameLen`, `Model::maxActDescLen`, `minNumActor`).
    static let maximumActorNameLength = 25
    static let maximumActorDescriptionLength = 256
    static let minimumActors = 3

    var issueIDs: [String]
    var dimensionNames: [String]
    var rows: [Row]
    /// Whether ids must be written explicitly because an import would not derive them from the names.
    var writesIssueIDs: Bool
    var writesStakeholderIDs: Bool
    var notes: [String] = []

    /// Lays out `scenario`; `clean` turns a name into what the file will hold (and read back).
    init(_ scenario: Scenario, format: String, dropped: [Interop.Feature], clean: (String) -> String) {
        issueIDs = scenario.issues.map(\.id)
        dimensionNames = scenario.issues.map { clean($0.name) }
        writesIssueIDs = KTABDraft.derivedIDs(dimensionNames) != issueIDs
        var rows: [Row] = []
        var missing: [String] = []
        var overridden: [String] = []
        var rescaled: [String] = []
        for stakeholder in scenario.stakeholders {
            var positions: [Double] = []
            var saliences: [Double] = []
            for issue in scenario.issues {
                if let stance = stakeholder.stance(on: issue.id) {
                    positions.append(Self.percent(stance.position, on: issue.scale))
                    saliences.append(stance.salience)
                    if let capability = stance.capability, capability != stakeholder.capability {
                        overridden.append("\(stakeholder.id) on \(issue.id)")
                    }
                } else {
                    positions.append(50)
                    saliences.append(0)
                    missing.append("\(stakeholder.id) on \(issue.id)")
                }
            }
            let sum = saliences.reduce(0, +)
            if sum > 100 {
                saliences = Self.scaledToHundred(saliences, sum: sum)
                rescaled.append(stakeholder.id)
                notes.append("KTAB needs saliences summing to at most 100 per actor: \(stakeholder.id)'s (sum \(Interop.rounded(sum, digits: 2))) were scaled by \(Interop.rounded(100 / sum))")
            }
            rows.append(Row(id: stakeholder.id, name: clean(stakeholder.name), description: clean(stakeholder.description ?? ""),
                            capability: stakeholder.capability, positions: positions, saliences: saliences))
        }
        self.rows = rows
        writesStakeholderIDs = KTABDraft.derivedIDs(rows.map(\.name)) != rows.map(\.id)
        if !missing.isEmpty {
            notes.append("KTAB needs a position and salience for every actor on every dimension: \(missing.count) missing stance(s) (\(Interop.quotedList(missing))) were written as salience 0 at the scale midpoint")
        }
        if !overridden.isEmpty {
            notes.append("KTAB has one capability per actor: the per-issue capabilities of \(Interop.quotedList(overridden)) were replaced by the stakeholder's capability")
        }
        let rescaledIssues = scenario.issues.filter { $0.scale.min != 0 || $0.scale.max != 100 }
        if !rescaledIssues.isEmpty {
            notes.append("KTAB positions are 0-100: positions on \(rescaledIssues.map { "'\($0.id)' (\($0.scale.rangeText))" }.joined(separator: ", ")) were mapped linearly from the issue's scale")
        }
        let longNames = rows.filter { $0.name.count > Self.maximumActorNameLength }.map(\.name)
        if !longNames.isEmpty {
            notes.append("KTAB accepts actor names of at most \(Self.maximumActorNameLength) characters; \(longNames.count) are longer (\(Interop.quotedList(longNames, limit: 3))): shorten them before running KTAB")
        }
        let longDescriptions = rows.filter { $0.description.count > Self.maximumActorDescriptionLength }.map(\.id)
        if !longDescriptions.isEmpty {
            notes.append("KTAB accepts actor descriptions of at most \(Self.maximumActorDescriptionLength) characters; those of \(Interop.quotedList(longDescriptions)) are longer: shorten them before running KTAB")
        }
        if rows.count < Self.minimumActors {
            notes.append("KTAB needs at least \(Self.minimumActors) actors; the scenario has \(rows.count)")
        }
        if writesIssueIDs || writesStakeholderIDs {
            notes.append("ids that KTAB names would not reproduce are kept in a form KTAB ignores, so that Parley reads them back")
        }
        if let note = Interop.droppedNote(scenario, format: format, dropped: dropped) { notes.append(note) }
    }

    /// `value` on KTAB's 0–100 scale: as it is on a 0–100 scale (no rounding noise), else
    /// mapped linearly and kept inside 0–100.
    static func percent(_ value: Double, on scale: Scale) -> Double {
        if scale.min == 0, scale.max == 100 { return value }
        return Swift.min(100, Swift.max(0, scale.toPercent(value)))
    }

    /// Saliences scaled to sum to at most 100, rounded down to 4 decimals; the sum is
    /// checked again in floating point, because KTAB refuses 100.00000000000001.
    static func scaledToHundred(_ saliences: [Double], sum: Double) -> [Double] {
        var scaled = saliences.map { ($0 * 100 / sum * 10_000).rounded(.down) / 10_000 }
        var guardCount = scaled.count * 4
        while scaled.reduce(0, +) > 100, guardCount > 0, let largest = scaled.indices.max(by: { scaled[$0] < scaled[$1] }) {
            scaled[largest] = ((scaled[largest] - 0.0001) * 10_000).rounded() / 10_000
            guardCount -= 1
        }
        return scaled
    }
}
