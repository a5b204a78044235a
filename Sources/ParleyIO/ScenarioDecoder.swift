import ParleyCore

/// Applies the `parley/1` schema to a ``DocumentNode`` tree (from YAML or JSON).
struct ScenarioDecoder {
    var context: DecodingContext
    /// Scales of the issues decoded so far, so stances can be checked against them while the
    /// rest of the file is still being read (and reported together with other errors).
    var scales: [String: Scale] = [:]
    /// Ids of the sources, once decoded, so citations can be checked along with everything else.
    var sourceIDs: [String]?
    /// Where source texts (`text:`) are read from; `.ignore` leaves every quote unverified.
    let textPolicy: SourceTextPolicy
    /// The loaded text of each source with `text:` (by source id), ready for quote searches.
    var sourceTexts: [String: QuoteVerifier] = [:]
    /// Source dates by id, for the hindsight check of evidence without its own date.
    var sourceDates: [String: String] = [:]
    /// The scenario's `as_of`, parsed, once decoded.
    var asOf: PartialDate?
    /// Findings that do not stop the scenario from being read (hindsight), in file order.
    var warnings: [ScenarioError] = []
    /// Whether the evidence being decoded backs a note rather than a number: a note tells what
    /// happened, often after `as_of`, so its evidence is not a hindsight finding.
    var decodingNote = false

    init(file: String?, textPolicy: SourceTextPolicy = .ignore) {
        context = DecodingContext(file: file)
        self.textPolicy = textPolicy
    }

    /// The scenario, or every error found, in file order.
    mutating func decode(_ root: DocumentNode) throws(ScenarioErrors) -> Scenario {
        let scenario = decodeScenario(root)
        guard context.errors.isEmpty, let scenario else {
            throw ScenarioErrors(context.sortedErrors)
        }
        return scenario
    }

    // MARK: - Top level

    mutating func decodeScenario(_ root: DocumentNode) -> Scenario? {
        guard let fields = context.fields(
            root, at: .root, what: "a Parley scenario",
            allowed: ["format", "name", "summary", "as_of", "sources", "forum", "issues", "stakeholders", "notes", "uncertainty", "models"],
            required: [("format", "'parley/1'"), ("name", "the scenario's name"), ("issues", "a list of issues"),
                       ("stakeholders", "a list of stakeholders")])
        else { return nil }

        if let node = fields["format"], let format = context.string(node, at: ["format"]), format != Scenario.formatTag {
            context.fail(.invalidValue, at: ["format"], node.location, "unsupported format '\(format)': expected '\(Scenario.formatTag)'",
                         hint: "this version of Parley reads format: \(Scenario.formatTag)")
        }
        let name = fields["name"].flatMap { context.string($0, at: ["name"]) }
        let summary = fields["summary"].flatMap { context.string($0, at: ["summary"]) }
        var asOfText: String?
        if let node = fields["as_of"], let text = context.string(node, at: ["as_of"], what: "a date (YYYY-MM-DD)") {
            if let date = PartialDate(text) {
                asOf = date
                asOfText = text
            } else {
                context.fail(.invalidValue, at: ["as_of"], node.location, "'\(text)' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD",
                             hint: "as_of is the day the coding stands at, for example 2001-11-26")
            }
        }
        let sources = decodeList(fields["sources"], at: ["sources"], what: "a list of sources") { decoder, node, path in
            decoder.decodeSource(node, at: path)
        }
        sourceIDs = sources?.map(\.id)
        let issues = decodeList(fields["issues"], at: ["issues"], what: "a list of issues",
                                limit: (ReaderLimits.issues, "issues")) { decoder, node, path in
            let issue = decoder.decodeIssue(node, at: path)
            if let issue, decoder.scales[issue.id] == nil { decoder.scales[issue.id] = issue.scale }
            return issue
        }
        let stakeholders = decodeList(fields["stakeholders"], at: ["stakeholders"], what: "a list of stakeholders",
                                      limit: (ReaderLimits.stakeholders, "stakeholders")) { decoder, node, path in
            decoder.decodeStakeholder(node, at: path)
        }
        let uncertainty = fields["uncertainty"].flatMap { decodeUncertainty($0, at: ["uncertainty"]) }
        let models = fields["models"].flatMap { decodeModels($0, at: ["models"]) } ?? ModelSettings()
        var forum: Forum?
        var forumFailed = false
        if let node = fields["forum"] {
            forum = decodeForum(node, at: ["forum"])
            forumFailed = forum == nil
        }
        let notes = decodeList(fields["notes"], at: ["notes"], what: "a list of notes") { decoder, node, path in
            decoder.decodeNote(node, at: path)
        }

        // Cross-checks only make sense once every part decoded: a dropped issue would
        // otherwise turn into misleading "unknown issue" errors.
        guard context.errors.isEmpty, let name, let sources, let issues, let stakeholders, let notes, !forumFailed else { return nil }
        do {
            return try Scenario(name: name, summary: summary, sources: sources, issues: issues, stakeholders: stakeholders,
                                uncertainty: uncertainty, models: models, asOf: asOfText, forum: forum, notes: notes)
        } catch {
            context.absorb(error, under: .root)
            return nil
        }
    }

    /// Decodes each item; the list is `nil` if any item failed (errors are recorded).
    mutating func decodeList<T>(
        _ node: DocumentNode?, at path: ScenarioPath, what: String, limit: (count: Int, name: String)? = nil,
        _ item: (inout ScenarioDecoder, DocumentNode, ScenarioPath) -> T?
    ) -> [T]? {
        guard let node else { return [] }
        guard let items = context.list(node, at: path, what: what) else { return nil }
        if let limit, items.count > limit.count {
            context.fail(.tooLarge, at: path, node.location,
                         "\(items.count) \(limit.name); Parley reads scenarios of at most \(limit.count) \(limit.name) (limit: \(limit.name))")
            return nil
        }
        var result: [T] = []
        var failed = false
        for (index, itemNode) in items.enumerated() {
            if let value = item(&self, itemNode, path.appending(index: index)) {
                result.append(value)
            } else {
                failed = true
            }
        }
        return failed ? nil : result
    }

    // MARK: - Sources and evidence

    mutating func decodeSource(_ node: DocumentNode, at path: ScenarioPath) -> Source? {
        guard let fields = context.fields(
            node, at: path, what: "a source", allowed: ["id", "title", "author", "date", "url", "note", "text"],
            required: [("id", "an id such as 'smith2020'"), ("title", "the document's title")])
        else { return nil }
        let id = fields["id"].flatMap { context.string($0, at: path.appending("id"), what: "an id") }
        let title = fields["title"].flatMap { context.string($0, at: path.appending("title")) }
        let author = optionalString(fields, "author", at: path)
        let date = optionalString(fields, "date", at: path)
        let url = optionalString(fields, "url", at: path)
        let note = optionalString(fields, "note", at: path)
        let text = optionalString(fields, "text", at: path, what: "the path of a local copy")
        guard let id, let title else { return nil }
        if let date = date ?? nil { sourceDates[id] = date }
        if let text = text ?? nil, let node = fields["text"], text.contains(where: { !$0.isWhitespace }) {
            loadText(text, for: id, at: path.appending("text"), node.location)
        }
        do {
            return try Source(id: id, title: title, author: author ?? nil, date: date ?? nil, url: url ?? nil, note: note ?? nil,
                              text: text ?? nil)
        } catch {
            context.absorb(error, under: path)
            return nil
        }
    }

    mutating func decodeEvidenceList(_ node: DocumentNode?, at path: ScenarioPath) -> [Evidence]? {
        decodeList(node, at: path, what: "a list of evidence") { decoder, item, itemPath in
            decoder.decodeEvidence(item, at: itemPath)
        }
    }

    mutating func decodeEvidence(_ node: DocumentNode, at path: ScenarioPath) -> Evidence? {
        guard let fields = context.fields(
            node, at: path, what: "a piece of evidence", allowed: ["source", "quote", "kind", "date", "about", "page", "note"],
            required: [("source", "the id of a source"), ("quote", "the source's words")])
        else { return nil }
        let source = fields["source"].flatMap { context.string($0, at: path.appending("source"), what: "a source id") }
        let quote = fields["quote"].flatMap { context.string($0, at: path.appending("quote")) }
        var about: Evidence.Subject?
        var aboutFailed = false
        if let node = fields["about"] {
            about = context.choice(node, at: path.appending("about"), from: Evidence.Subject.allCases.map { ($0.rawValue, $0) }, what: "evidence subject")
            aboutFailed = about == nil
        }
        let page = optionalString(fields, "page", at: path)
        let note = optionalString(fields, "note", at: path)
        var kind = Evidence.Kind.quote
        if let node = fields["kind"] {
            guard let chosen = context.choice(node, at: path.appending("kind"), from: Evidence.Kind.allCases.map { ($0.rawValue, $0) }, what: "evidence kind")
            else { return nil }
            kind = chosen
        }
        let date = optionalString(fields, "date", at: path, what: "a date (YYYY-MM-DD)")
        if let source, let known = sourceIDs {
            let problems = Scenario.checkSource(source, known: known, at: path.appending("source"))
            for problem in problems {
                context.fail(problem.code, at: problem.path, fields["source"]?.location ?? fields.location, problem.message, hint: problem.hint)
            }
            if !problems.isEmpty { return nil }
        }
        guard let source, let quote, !aboutFailed, let date else { return nil }
        do {
            let evidence = try Evidence(source: source, quote: quote, kind: kind, date: date, about: about, page: page ?? nil, note: note ?? nil)
            let verified = verify(evidence, at: path, fields: fields)
            checkHindsight(evidence, at: path, fields: fields)
            return verified.map { evidence.with(verified: $0) }
        } catch {
            context.absorb(error, under: path)
            return nil
        }
    }

    // MARK: - Issues

    mutating func decodeIssue(_ node: DocumentNode, at path: ScenarioPath) -> PolicyIssue? {
        guard let fields = context.fields(
            node, at: path, what: "an issue", allowed: ["id", "name", "description", "scale", "anchors", "status_quo", "observed"],
            required: [("id", "an id such as 'budget-share'"), ("name", "a short name"), ("scale", "{min: 0, max: 100}")])
        else { return nil }
        let id = fields["id"].flatMap { context.string($0, at: path.appending("id"), what: "an id") }
        let name = fields["name"].flatMap { context.string($0, at: path.appending("name")) }
        let description = optionalString(fields, "description", at: path)
        let scale = fields["scale"].flatMap { decodeScale($0, at: path.appending("scale")) }
        var anchors: [Anchor]? = []
        if let node = fields["anchors"] { anchors = decodeAnchors(node, at: path.appending("anchors")) }
        var observed: ObservedOutcome?
        var observedFailed = false
        if let node = fields["observed"] {
            observed = decodeObserved(node, at: path.appending("observed"))
            observedFailed = observed == nil
        }
        var statusQuo: StatusQuo?
        var statusQuoFailed = false
        if let node = fields["status_quo"] {
            statusQuo = decodeStatusQuo(node, at: path.appending("status_quo"))
            statusQuoFailed = statusQuo == nil
        }
        guard let id, let name, let scale else { return nil }
        do {
            let issue = try PolicyIssue(id: id, name: name, description: description ?? nil, scale: scale, anchors: anchors ?? [],
                                        observed: observed, statusQuo: statusQuo)
            return anchors == nil || observedFailed || statusQuoFailed ? nil : issue
        } catch {
            context.absorb(error, under: path)
            return nil
        }
    }

    mutating func decodeScale(_ node: DocumentNode, at path: ScenarioPath) -> Scale? {
        guard let fields = context.fields(
            node, at: path, what: "a scale", allowed: ["min", "max", "unit"],
            required: [("min", "the lowest value, a number"), ("max", "the highest value, a number")])
        else { return nil }
        let min = fields["min"].flatMap { context.number($0, at: path.appending("min")) }
        let max = fields["max"].flatMap { context.number($0, at: path.appending("max")) }
        let unit = optionalString(fields, "unit", at: path)
        guard let min, let max else { return nil }
        do {
            return try Scale(min: min, max: max, unit: unit ?? nil)
        } catch {
            context.absorb(error, under: path)
            return nil
        }
    }

    mutating func decodeAnchors(_ node: DocumentNode, at path: ScenarioPath) -> [Anchor]? {
        context.record(path, at: node.location)
        guard case .mapping(let pairs, _) = node else {
            context.fail(.wrongType, at: path, node.location, "expected anchors as a mapping of values to labels, such as {0: none, 100: all}, found \(node.kindDescription)")
            return nil
        }
        var anchors: [Anchor] = []
        var failed = false
        for pair in pairs {
            guard let value = ScalarNode.parseNumber(pair.key.text), value.isFinite else {
                context.fail(.wrongType, at: path.appending(pair.key.text), pair.key.location,
                             "anchor keys are positions on the scale; expected a number, found '\(pair.key.text)'")
                failed = true
                continue
            }
            let anchorPath = path.appending(NumberText.plain(value))
            context.record(anchorPath, at: pair.key.location)
            if let label = context.string(pair.value, at: anchorPath, what: "a label") {
                anchors.append(Anchor(value: value, label: label))
            } else {
                failed = true
            }
        }
        return failed ? nil : anchors
    }

    mutating func decodeObserved(_ node: DocumentNode, at path: ScenarioPath) -> ObservedOutcome? {
        guard let fields = context.fields(
            node, at: path, what: "an observed outcome", allowed: ["value", "range", "source", "note"],
            required: [("value", "the outcome on the issue's scale")])
        else { return nil }
        let value = fields["value"].flatMap { context.number($0, at: path.appending("value")) }
        var range: ClosedRange<Double>?
        var rangeFailed = false
        if let node = fields["range"] {
            if let (lower, upper) = context.pair(node, at: path.appending("range")) {
                if lower <= upper {
                    range = lower...upper
                } else {
                    context.fail(.invalidValue, at: path.appending("range"), node.location,
                                 "range [\(NumberText.plain(lower)), \(NumberText.plain(upper))] has its lower bound above its upper bound",
                                 hint: "write the range as [lower, upper]")
                    rangeFailed = true
                }
            } else {
                rangeFailed = true
            }
        }
        let source = optionalString(fields, "source", at: path, what: "a source id")
        let note = optionalString(fields, "note", at: path)
        guard let value, !rangeFailed else { return nil }
        return ObservedOutcome(value: value, range: range, source: source ?? nil, note: note ?? nil)
    }

    // MARK: - Helpers

    /// `.some(nil)` when the key is absent, `.some(text)` when present and text, `nil` on error.
    mutating func optionalString(_ fields: Fields, _ key: String, at path: ScenarioPath, what: String = "text") -> String?? {
        guard let node = fields[key] else { return .some(nil) }
        guard let text = context.string(node, at: path.appending(key), what: what) else { return nil }
        return .some(text)
    }
}
