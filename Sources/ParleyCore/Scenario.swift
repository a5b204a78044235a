/// A negotiation: the issues at stake, who is at the table, what each wants, how much each
/// cares and how strong each is, with the evidence behind the numbers.
///
/// A `Scenario` is valid by construction: its initialiser checks every rule of the
/// `parley/1` format that involves more than one field (unique ids, stances on known issues,
/// positions on the issue's scale, evidence citing known sources) and reports every
/// violation at once, each with its key path.
public struct Scenario: Sendable, Hashable {
    /// The format tag that files carry: `format: parley/1`.
    public static let formatTag = "parley/1"

    public let name: String
    public let summary: String?
    public let sources: [Source]
    /// At least one.
    public let issues: [PolicyIssue]
    /// At least one.
    public let stakeholders: [Stakeholder]
    public let uncertainty: Uncertainty?
    public let models: ModelSettings
    /// The day the coding stands at (`as_of:`, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`): evidence dated
    /// after it is hindsight (see ``isHindsight(_:)``). `nil`: no hindsight check.
    public let asOf: String?
    /// How the forum decides (`forum:`); `nil` when the file does not say.
    public let forum: Forum?
    /// Case-specific narrative (`notes:`), in file order, for reports to print as they are.
    public let notes: [ScenarioNote]

    /// Creates a scenario.
    /// - Throws: ``ScenarioErrors`` listing every broken rule, with absolute key paths.
    public init(
        name: String, summary: String? = nil, sources: [Source] = [], issues: [PolicyIssue],
        stakeholders: [Stakeholder], uncertainty: Uncertainty? = nil, models: ModelSettings = ModelSettings(),
        asOf: String? = nil, forum: Forum? = nil, notes: [ScenarioNote] = []
    ) throws(ScenarioErrors) {
        var errors: [ScenarioError] = []
        if name.trimmingWhitespace().isEmpty {
            errors.append(ScenarioError(.invalidValue, at: ["name"], "expected a non-empty scenario name"))
        }
        errors += Self.duplicateIDs(sources.map(\.id), list: "sources", kind: "source")
        errors += Self.duplicateIDs(issues.map(\.id), list: "issues", kind: "issue")
        errors += Self.duplicateIDs(stakeholders.map(\.id), list: "stakeholders", kind: "stakeholder")
        if issues.isEmpty {
            errors.append(ScenarioError(.empty, at: ["issues"], "a scenario needs at least one issue", hint: "add an entry under issues: with id, name and scale"))
        }
        if stakeholders.isEmpty {
            errors.append(ScenarioError(.empty, at: ["stakeholders"], "a scenario needs at least one stakeholder", hint: "add an entry under stakeholders: with id, name, capability and stances"))
        }

        let sourceIDs = sources.map(\.id)
        let issueByID = Dictionary(issues.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, issue) in issues.enumerated() {
            if let source = issue.observed?.source {
                errors += Self.checkSource(source, known: sourceIDs, at: ["issues", .index(index), "observed", "source"])
            }
            for (evidenceIndex, evidence) in (issue.statusQuo?.evidence ?? []).enumerated() {
                errors += Self.checkSource(evidence.source, known: sourceIDs,
                                           at: ["issues", .index(index), "status_quo", "evidence", .index(evidenceIndex), "source"])
            }
        }
        if let asOf, let error = PartialDate.check(asOf, at: ["as_of"]) { errors.append(error) }
        for (index, stakeholder) in stakeholders.enumerated() {
            let base: ScenarioPath = ["stakeholders", .index(index)]
            for (evidenceIndex, evidence) in stakeholder.evidence.enumerated() {
                errors += Self.checkSource(evidence.source, known: sourceIDs, at: base.appending("evidence").appending(index: evidenceIndex).appending("source"))
            }
            for stance in stakeholder.stances {
                let stancePath = base.appending("stances").appending(stance.issue)
                guard let issue = issueByID[stance.issue] else {
                    let suggestion = Suggestion.closest(to: stance.issue, in: issues.map(\.id))
                    errors.append(ScenarioError(
                        .unknownReference, at: stancePath,
                        "stance on unknown issue '\(stance.issue)'; the issues are \(issues.map { "'\($0.id)'" }.joined(separator: ", "))",
                        hint: suggestion.map { "did you mean '\($0)'?" }))
                    continue
                }
                if !issue.scale.contains(stance.position) {
                    errors.append(ScenarioError(
                        .outOfRange, at: stancePath.appending("position"),
                        "\(NumberText.plain(stance.position)) is outside the scale \(issue.scale.rangeText) of issue '\(issue.id)'"))
                }
                for (evidenceIndex, evidence) in stance.evidence.enumerated() {
                    errors += Self.checkSource(evidence.source, known: sourceIDs, at: stancePath.appending("evidence").appending(index: evidenceIndex).appending("source"))
                }
                for (codingIndex, coding) in stance.codings.enumerated() where coding.position.isFinite && !issue.scale.contains(coding.position) {
                    errors.append(ScenarioError(
                        .outOfRange, at: stancePath.appending("codings").appending(index: codingIndex).appending("position"),
                        "coder '\(coding.coder)' puts the position at \(NumberText.plain(coding.position)), outside the scale \(issue.scale.rangeText) of issue '\(issue.id)'"))
                }
            }
        }
        let stakeholderIDs = stakeholders.map(\.id)
        if let forum {
            errors += Self.checkForum(forum, stakeholders: stakeholderIDs)
        }
        errors += Self.duplicateIDs(notes.map(\.id), list: "notes", kind: "note")
        for (index, note) in notes.enumerated() {
            let path: ScenarioPath = ["notes", .index(index)]
            if let about = note.about, issueByID[about] == nil, !stakeholderIDs.contains(about) {
                let known = issues.map(\.id) + stakeholderIDs
                errors.append(ScenarioError(
                    .unknownReference, at: path.appending("about"), "'\(about)' is neither an issue nor a stakeholder",
                    hint: Suggestion.closest(to: about, in: known).map { "did you mean '\($0)'?" } ?? "about: names an issue id or a stakeholder id; leave it out for the whole scenario"))
            }
            for (evidenceIndex, evidence) in note.evidence.enumerated() {
                errors += Self.checkSource(evidence.source, known: sourceIDs, at: path.appending("evidence").appending(index: evidenceIndex).appending("source"))
            }
        }
        if let uncertainty {
            errors += uncertainty.validationErrors(at: ["uncertainty"])
        }
        if let spatial = models.spatial {
            let ids = Set(stakeholders.map(\.id))
            for (index, pair) in spatial.idealAdjustments.enumerated() {
                let path: ScenarioPath = ["models", "spatial", "ideal-adjustments", .index(index)]
                for (key, id) in [("adjusting", pair.adjusting), ("reference", pair.reference)] where !ids.contains(id) {
                    errors.append(ScenarioError(.unknownReference, at: path.appending(key), "unknown stakeholder '\(id)'",
                                                hint: Suggestion.closest(to: id, in: ids.sorted()).map { "did you mean '\($0)'?" }))
                }
                if !(pair.adjust.isFinite && (0...1).contains(pair.adjust)) {
                    errors.append(ScenarioError(.outOfRange, at: path.appending("adjust"), "expected a weight 0...1, found \(NumberText.plain(pair.adjust))"))
                }
            }
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        self.name = name
        self.summary = summary
        self.sources = sources
        self.issues = issues
        self.stakeholders = stakeholders
        self.uncertainty = uncertainty
        self.models = models
        self.asOf = asOf
        self.forum = forum
        self.notes = notes
    }

    /// The issue with `id`, if any.
    public func issue(_ id: String) -> PolicyIssue? {
        issues.first { $0.id == id }
    }

    /// The stakeholder with `id`, if any.
    public func stakeholder(_ id: String) -> Stakeholder? {
        stakeholders.first { $0.id == id }
    }

    /// The source with `id`, if any.
    public func source(_ id: String) -> Source? {
        sources.first { $0.id == id }
    }

    /// The note with `id`, if any.
    public func note(_ id: String) -> ScenarioNote? {
        notes.first { $0.id == id }
    }

    /// The forum's member ids: those listed, or every stakeholder; `nil` without a forum.
    public var forumMembers: [String]? {
        forum.map { $0.memberIDs(among: stakeholders.map(\.id)) }
    }

    /// A copy with other stakeholders (for what-if edits and Monte Carlo draws), checked again.
    ///
    /// A forum that names a stakeholder no longer present (a counterfactual run without it)
    /// loses that member, and its setter if it was the setter; a forum left with no member is
    /// dropped.
    /// - Throws: ``ScenarioErrors`` as ``init(name:summary:sources:issues:stakeholders:uncertainty:models:asOf:forum:notes:)``.
    public func with(stakeholders: [Stakeholder]) throws(ScenarioErrors) -> Scenario {
        let present = Set(stakeholders.map(\.id))
        let forum = forum.flatMap { Self.restrict($0, to: present) }
        let notes = notes.filter { note in note.about.map { id in issue(id) != nil || present.contains(id) } ?? true }
        // Counterfactual runs restrict a valid scenario thousands of times (Shapley values): when
        // the stakeholders kept are some of these, unchanged and in order, every rule checked by
        // the initialiser still holds except those naming stakeholders, checked here.
        if !stakeholders.isEmpty, present.count == stakeholders.count, isSubsequence(stakeholders),
           (models.spatial?.idealAdjustments ?? []).allSatisfy({ present.contains($0.adjusting) && present.contains($0.reference) }) {
            return Scenario(unchecked: self, stakeholders: stakeholders, forum: forum, notes: notes)
        }
        return try Scenario(name: name, summary: summary, sources: sources, issues: issues, stakeholders: stakeholders,
                            uncertainty: uncertainty, models: models, asOf: asOf, forum: forum, notes: notes)
    }

    /// Whether `kept` is some of ``stakeholders``, each unchanged, in the same order.
    private func isSubsequence(_ kept: [Stakeholder]) -> Bool {
        var next = stakeholders.startIndex
        for stakeholder in kept {
            guard let found = stakeholders[next...].firstIndex(where: { $0.id == stakeholder.id }), stakeholders[found] == stakeholder else { return false }
            next = stakeholders.index(after: found)
        }
        return true
    }

    /// `scenario` with other stakeholders, forum and notes, not checked: only for ``with(stakeholders:)``.
    private init(unchecked scenario: Scenario, stakeholders: [Stakeholder], forum: Forum?, notes: [ScenarioNote]) {
        name = scenario.name
        summary = scenario.summary
        sources = scenario.sources
        issues = scenario.issues
        self.stakeholders = stakeholders
        uncertainty = scenario.uncertainty
        models = scenario.models
        asOf = scenario.asOf
        self.forum = forum
        self.notes = notes
    }

    /// A copy with other issues (for example with status quos or observed outcomes drawn), checked again.
    /// - Throws: ``ScenarioErrors`` as ``init(name:summary:sources:issues:stakeholders:uncertainty:models:asOf:forum:notes:)``.
    public func with(issues: [PolicyIssue]) throws(ScenarioErrors) -> Scenario {
        try Scenario(name: name, summary: summary, sources: sources, issues: issues, stakeholders: stakeholders,
                     uncertainty: uncertainty, models: models, asOf: asOf, forum: forum, notes: notes)
    }

    /// A copy with another forum (`nil` removes it), checked again.
    /// - Throws: ``ScenarioErrors`` as ``init(name:summary:sources:issues:stakeholders:uncertainty:models:asOf:forum:notes:)``.
    public func with(forum: Forum?) throws(ScenarioErrors) -> Scenario {
        try Scenario(name: name, summary: summary, sources: sources, issues: issues, stakeholders: stakeholders,
                     uncertainty: uncertainty, models: models, asOf: asOf, forum: forum, notes: notes)
    }

    private static func restrict(_ forum: Forum, to present: Set<String>) -> Forum? {
        let members = forum.members?.filter(present.contains)
        if members?.isEmpty == true { return nil }
        let setter = forum.setter.flatMap { present.contains($0) ? $0 : nil }
        if members == forum.members, setter == forum.setter { return forum }
        return try? Forum(rule: forum.rule, members: members, threshold: forum.threshold, setter: setter, statusQuoCost: forum.statusQuoCost)
    }

    private static func checkForum(_ forum: Forum, stakeholders: [String]) -> [ScenarioError] {
        var errors: [ScenarioError] = []
        func unknown(_ id: String, at path: ScenarioPath, role: String) -> ScenarioError {
            ScenarioError(.unknownReference, at: path, "the forum's \(role) '\(id)' is not a stakeholder",
                          hint: Suggestion.closest(to: id, in: stakeholders).map { "did you mean '\($0)'?" }
                              ?? "the stakeholders are \(stakeholders.map { "'\($0)'" }.joined(separator: ", "))")
        }
        for (index, member) in (forum.members ?? []).enumerated() where !stakeholders.contains(member) {
            errors.append(unknown(member, at: ["forum", "members", .index(index)], role: "member"))
        }
        if let setter = forum.setter, !stakeholders.contains(setter) {
            errors.append(unknown(setter, at: ["forum", "setter"], role: "setter"))
        }
        return errors
    }

    private static func duplicateIDs(_ ids: [String], list: String, kind: String) -> [ScenarioError] {
        var firstIndex: [String: Int] = [:]
        var errors: [ScenarioError] = []
        for (index, id) in ids.enumerated() {
            if let first = firstIndex[id] {
                errors.append(ScenarioError(
                    .duplicate, at: [.key(list), .index(index), "id"],
                    "duplicate \(kind) id '\(id)', already used by \(list)[\(first)]",
                    hint: "ids must be unique; rename one of them"))
            } else {
                firstIndex[id] = index
            }
        }
        return errors
    }

    /// The error for evidence or an outcome citing a source id that is not among `known`.
    package static func checkSource(_ id: String, known: [String], at path: ScenarioPath) -> [ScenarioError] {
        guard !known.contains(id) else { return [] }
        let suggestion = Suggestion.closest(to: id, in: known)
        return [ScenarioError(
            .unknownReference, at: path,
            "cites unknown source '\(id)'" + (known.isEmpty ? "; the scenario lists no sources" : ""),
            hint: suggestion.map { "did you mean '\($0)'?" } ?? "add it under sources: with an id and a title")]
    }
}
