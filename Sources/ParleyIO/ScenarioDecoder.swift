import ParleyCore

/// Applies the `parley/1` schema to a ``DocumentNode`` tree (from YAML or JSON).
struct ScenarioDecoder {
    private var context: DecodingContext
    /// Scales of the issues decoded so far, so stances can be checked against them while the
    /// rest of the file is still being read (and reported together with other errors).
    private var scales: [String: Scale] = [:]
    /// Ids of the sources, once decoded, so citations can be checked along with everything else.
    private var sourceIDs: [String]?

    init(file: String?) {
        context = DecodingContext(file: file)
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

    private mutating func decodeScenario(_ root: DocumentNode) -> Scenario? {
        guard let fields = context.fields(
            root, at: .root, what: "a Parley scenario",
            allowed: ["format", "name", "summary", "sources", "issues", "stakeholders", "uncertainty", "models"],
            required: [("format", "'parley/1'"), ("name", "the scenario's name"), ("issues", "a list of issues"),
                       ("stakeholders", "a list of stakeholders")])
        else { return nil }

        if let node = fields["format"], let format = context.string(node, at: ["format"]), format != Scenario.formatTag {
            context.fail(.invalidValue, at: ["format"], node.location, "unsupported format '\(format)': expected '\(Scenario.formatTag)'",
                         hint: "this version of Parley reads format: \(Scenario.formatTag)")
        }
        let name = fields["name"].flatMap { context.string($0, at: ["name"]) }
        let summary = fields["summary"].flatMap { context.string($0, at: ["summary"]) }
        let sources = decodeList(fields["sources"], at: ["sources"], what: "a list of sources") { decoder, node, path in
            decoder.decodeSource(node, at: path)
        }
        sourceIDs = sources?.map(\.id)
        let issues = decodeList(fields["issues"], at: ["issues"], what: "a list of issues") { decoder, node, path in
            let issue = decoder.decodeIssue(node, at: path)
            if let issue, decoder.scales[issue.id] == nil { decoder.scales[issue.id] = issue.scale }
            return issue
        }
        let stakeholders = decodeList(fields["stakeholders"], at: ["stakeholders"], what: "a list of stakeholders") { decoder, node, path in
            decoder.decodeStakeholder(node, at: path)
        }
        let uncertainty = fields["uncertainty"].flatMap { decodeUncertainty($0, at: ["uncertainty"]) }
        let models = fields["models"].flatMap { decodeModels($0, at: ["models"]) } ?? ModelSettings()

        // Cross-checks only make sense once every part decoded: a dropped issue would
        // otherwise turn into misleading "unknown issue" errors.
        guard context.errors.isEmpty, let name, let sources, let issues, let stakeholders else { return nil }
        do {
            return try Scenario(name: name, summary: summary, sources: sources, issues: issues, stakeholders: stakeholders,
                                uncertainty: uncertainty, models: models)
        } catch {
            context.absorb(error, under: .root)
            return nil
        }
    }

    /// Decodes each item; the list is `nil` if any item failed (errors are recorded).
    private mutating func decodeList<T>(
        _ node: DocumentNode?, at path: ScenarioPath, what: String,
        _ item: (inout ScenarioDecoder, DocumentNode, ScenarioPath) -> T?
    ) -> [T]? {
        guard let node else { return [] }
        guard let items = context.list(node, at: path, what: what) else { return nil }
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

    private mutating func decodeSource(_ node: DocumentNode, at path: ScenarioPath) -> Source? {
        guard let fields = context.fields(
            node, at: path, what: "a source", allowed: ["id", "title", "author", "date", "url", "note"],
            required: [("id", "an id such as 'mousavian2014'"), ("title", "the document's title")])
        else { return nil }
        let id = fields["id"].flatMap { context.string($0, at: path.appending("id"), what: "an id") }
        let title = fields["title"].flatMap { context.string($0, at: path.appending("title")) }
        let author = optionalString(fields, "author", at: path)
        let date = optionalString(fields, "date", at: path)
        let url = optionalString(fields, "url", at: path)
        let note = optionalString(fields, "note", at: path)
        guard let id, let title else { return nil }
        do {
            return try Source(id: id, title: title, author: author ?? nil, date: date ?? nil, url: url ?? nil, note: note ?? nil)
        } catch {
            context.absorb(error, under: path)
            return nil
        }
    }

    private mutating func decodeEvidenceList(_ node: DocumentNode?, at path: ScenarioPath) -> [Evidence]? {
        decodeList(node, at: path, what: "a list of evidence") { decoder, item, itemPath in
            decoder.decodeEvidence(item, at: itemPath)
        }
    }

    private mutating func decodeEvidence(_ node: DocumentNode, at path: ScenarioPath) -> Evidence? {
        guard let fields = context.fields(
            node, at: path, what: "a piece of evidence", allowed: ["source", "quote", "about", "page", "note"],
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
        if let source, let known = sourceIDs {
            let problems = Scenario.checkSource(source, known: known, at: path.appending("source"))
            for problem in problems {
                context.fail(problem.code, at: problem.path, fields["source"]?.location ?? fields.location, problem.message, hint: problem.hint)
            }
            if !problems.isEmpty { return nil }
        }
        guard let source, let quote, !aboutFailed else { return nil }
        do {
            return try Evidence(source: source, quote: quote, about: about, page: page ?? nil, note: note ?? nil)
        } catch {
            context.absorb(error, under: path)
            return nil
        }
    }

    // MARK: - Issues

    private mutating func decodeIssue(_ node: DocumentNode, at path: ScenarioPath) -> PolicyIssue? {
        guard let fields = context.fields(
            node, at: path, what: "an issue", allowed: ["id", "name", "description", "scale", "anchors", "observed"],
            required: [("id", "an id such as 'na-share'"), ("name", "a short name"), ("scale", "{min: 0, max: 100}")])
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
        guard let id, let name, let scale else { return nil }
        do {
            let issue = try PolicyIssue(id: id, name: name, description: description ?? nil, scale: scale, anchors: anchors ?? [], observed: observed)
            return anchors == nil || observedFailed ? nil : issue
        } catch {
            context.absorb(error, under: path)
            return nil
        }
    }

    private mutating func decodeScale(_ node: DocumentNode, at path: ScenarioPath) -> Scale? {
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

    private mutating func decodeAnchors(_ node: DocumentNode, at path: ScenarioPath) -> [Anchor]? {
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

    private mutating func decodeObserved(_ node: DocumentNode, at path: ScenarioPath) -> ObservedOutcome? {
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
                                 "range [\(NumberText.plain(lower)), \(NumberText.plain(upper))] has its lower bound above its upper bound")
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

    // MARK: - Stakeholders

    private mutating func decodeStakeholder(_ node: DocumentNode, at path: ScenarioPath) -> Stakeholder? {
        guard let fields = context.fields(
            node, at: path, what: "a stakeholder", allowed: ["id", "name", "description", "capability", "evidence", "stances"],
            required: [("id", "an id such as 'northern-alliance'"), ("name", "a name"),
                       ("capability", "a number >= 0 (relative power)"), ("stances", "a mapping of issue ids to stances")])
        else { return nil }
        let id = fields["id"].flatMap { context.string($0, at: path.appending("id"), what: "an id") }
        let name = fields["name"].flatMap { context.string($0, at: path.appending("name")) }
        let description = optionalString(fields, "description", at: path)
        let capability = fields["capability"].flatMap {
            decodeSpreadValue($0, at: path.appending("capability"), what: "a capability (a number >= 0)", allowRelative: true)
        }
        let evidence = decodeEvidenceList(fields["evidence"], at: path.appending("evidence"))
        let stances = fields["stances"].flatMap { decodeStances($0, at: path.appending("stances")) }
        guard let id, let name, let capability else { return nil }
        // Check the stakeholder's own fields even when a stance or evidence failed, so that all
        // errors are reported together.
        do {
            let stakeholder = try Stakeholder(id: id, name: name, description: description ?? nil, capability: capability.value,
                                              capabilitySpread: capability.spread, evidence: evidence ?? [], stances: stances ?? [])
            return evidence == nil || stances == nil ? nil : stakeholder
        } catch {
            context.absorb(error, under: path)
            return nil
        }
    }

    private mutating func decodeStances(_ node: DocumentNode, at path: ScenarioPath) -> [Stance]? {
        context.record(path, at: node.location)
        guard case .mapping(let pairs, _) = node else {
            context.fail(.wrongType, at: path, node.location,
                         "expected stances as a mapping from issue id to stance, such as 'na-share: {position: 75, salience: 95}', found \(node.kindDescription)")
            return nil
        }
        var stances: [Stance] = []
        var failed = false
        var seen = Set<String>()
        for pair in pairs {
            let issue = pair.key.text
            let stancePath = path.appending(issue)
            context.record(stancePath, at: pair.key.location)
            guard seen.insert(issue).inserted else {
                context.fail(.duplicate, at: stancePath, pair.key.location, "two stances on issue '\(issue)'")
                failed = true
                continue
            }
            let stance = decodeStance(pair.value, issue: issue, at: stancePath)
            // Errors about the stance as a whole point at its issue key.
            context.record(stancePath, at: pair.key.location)
            if let stance {
                stances.append(stance)
            } else {
                failed = true
            }
        }
        return failed ? nil : stances
    }

    private mutating func decodeStance(_ node: DocumentNode, issue: String, at path: ScenarioPath) -> Stance? {
        guard let fields = context.fields(
            node, at: path, what: "a stance", allowed: ["position", "salience", "capability", "evidence"],
            required: [("position", "a number on the issue's scale"), ("salience", "a number 0-100")])
        else { return nil }
        let position = fields["position"].flatMap {
            decodeSpreadValue($0, at: path.appending("position"), what: "a position on the issue's scale", allowRelative: false)
        }
        let salience = fields["salience"].flatMap {
            decodeSpreadValue($0, at: path.appending("salience"), what: "a salience 0-100", allowRelative: false)
        }
        var capability: (value: Double, spread: Spread?)?
        var capabilityFailed = false
        if let node = fields["capability"] {
            capability = decodeSpreadValue(node, at: path.appending("capability"), what: "a capability (a number >= 0)", allowRelative: true)
            capabilityFailed = capability == nil
        }
        let evidence = decodeEvidenceList(fields["evidence"], at: path.appending("evidence"))
        if let position, let scale = scales[issue], !scale.contains(position.value), let node = fields["position"] {
            let valueNode: DocumentNode = if case .mapping = node, let inner = Fields.value(of: node) { inner } else { node }
            context.fail(.outOfRange, at: path.appending("position"), valueNode.location,
                         "\(NumberText.plain(position.value)) is outside the scale \(scale.rangeText) of issue '\(issue)'")
        }
        guard let position, let salience else { return nil }
        do {
            let stance = try Stance(issue: issue, position: position.value, salience: salience.value, capability: capability?.value,
                                    positionSpread: position.spread, salienceSpread: salience.spread,
                                    capabilitySpread: capability?.spread, evidence: evidence ?? [])
            return evidence == nil || capabilityFailed ? nil : stance
        } catch {
            context.absorb(error, under: path)
            return nil
        }
    }

    // MARK: - Uncertainty

    /// A number, or `{value: x, sd: s}` / `{value: x, relative-sd: r}` / `{value: x, range: [a, b]}`.
    private mutating func decodeSpreadValue(
        _ node: DocumentNode, at path: ScenarioPath, what: String, allowRelative: Bool
    ) -> (value: Double, spread: Spread?)? {
        guard case .mapping = node else {
            return context.number(node, at: path, what: what).map { ($0, nil) }
        }
        var allowed = ["value", "sd", "range"]
        if allowRelative { allowed.insert("relative-sd", at: 2) }
        guard let fields = context.fields(node, at: path, what: "\(what) with its uncertainty", allowed: allowed,
                                          required: [("value", what)]) else { return nil }
        let value = fields["value"].flatMap { context.number($0, at: path.appending("value"), what: what) }
        let spread = decodeSpread(fields, at: path, allowRelative: allowRelative, required: false)
        guard let value, let spread else { return nil }
        return (value, spread)
    }

    /// The spread part of a mapping: at most one of sd / relative-sd / range (exactly one when
    /// `required`). `.some(nil)` means "no spread given"; `nil` means an error was recorded.
    private mutating func decodeSpread(_ fields: Fields, at path: ScenarioPath, allowRelative: Bool, required: Bool) -> Spread?? {
        let given = ["sd", "relative-sd", "range"].filter { fields[$0] != nil }
        if given.count > 1 {
            context.fail(.invalidValue, at: path, fields.location, "give one spread, not \(given.joined(separator: " and "))",
                         hint: "sd: a normal spread in the field's units; relative-sd: a fraction of the value; range: [lower, upper]")
            return nil
        }
        if given.isEmpty {
            if required {
                context.fail(.missingField, at: path, fields.location,
                             "expected a spread: one of sd\(allowRelative ? ", relative-sd" : "") or range")
                return nil
            }
            return .some(nil)
        }
        if let node = fields["sd"] {
            guard let sd = context.number(node, at: path.appending("sd"), what: "a standard deviation >= 0") else { return nil }
            return .some(.sd(sd))
        }
        if let node = fields["relative-sd"] {
            guard let sd = context.number(node, at: path.appending("relative-sd"), what: "a fraction >= 0 (0.2 = 20%)") else { return nil }
            return .some(.relativeSD(sd))
        }
        if let node = fields["range"] {
            guard let (lower, upper) = context.pair(node, at: path.appending("range")) else { return nil }
            return .some(.range(lower: lower, upper: upper))
        }
        return .some(nil)
    }

    private mutating func decodeUncertainty(_ node: DocumentNode, at path: ScenarioPath) -> Uncertainty? {
        guard let fields = context.fields(node, at: path, what: "the uncertainty section", allowed: ["position", "salience", "capability"])
        else { return nil }
        var uncertainty = Uncertainty()
        var failed = false
        for key in ["position", "salience", "capability"] {
            guard let child = fields[key] else { continue }
            let childPath = path.appending(key)
            let relative = key != "salience"
            guard let spreadFields = context.fields(
                child, at: childPath, what: "a default spread for \(key)s",
                allowed: relative ? ["sd", "relative-sd", "range"] : ["sd", "range"])
            else {
                failed = true
                continue
            }
            guard let spread = decodeSpread(spreadFields, at: childPath, allowRelative: relative, required: true) else {
                failed = true
                continue
            }
            switch key {
            case "position": uncertainty.position = spread
            case "salience": uncertainty.salience = spread
            default: uncertainty.capability = spread
            }
        }
        return failed ? nil : uncertainty
    }

    // MARK: - Models

    private mutating func decodeModels(_ node: DocumentNode, at path: ScenarioPath) -> ModelSettings? {
        guard let fields = context.fields(node, at: path, what: "the models section", allowed: ["spatial"]) else { return nil }
        var settings = ModelSettings()
        if let spatial = fields["spatial"] {
            guard let decoded = decodeSpatial(spatial, at: path.appending("spatial")) else { return nil }
            settings.spatial = decoded
        }
        return settings
    }

    private mutating func decodeSpatial(_ node: DocumentNode, at path: ScenarioPath) -> SpatialSettings? {
        guard let fields = context.fields(
            node, at: path, what: "spatial model settings",
            allowed: ["victory-prob-model", "pce-model", "state-transitions", "voting-rule", "big-r-adjust", "big-r-range",
                      "third-party-commit", "inter-vec-bargain", "bargain-model", "seed", "ideal-adjustments"])
        else { return nil }
        var settings = SpatialSettings()
        let errorsBefore = context.errors.count
        func pick<T: KTABNamed>(_ key: String, _ type: T.Type, into assign: (T) -> Void, _ decoder: inout ScenarioDecoder) {
            guard let node = fields[key] else { return }
            if let value = decoder.context.choice(node, at: path.appending(key), from: T.allCases.map { ($0.rawValue, $0) }, what: key) {
                assign(value)
            }
        }
        pick("victory-prob-model", SpatialSettings.VictoryProbModel.self, into: { settings.victoryProbModel = $0 }, &self)
        pick("pce-model", SpatialSettings.PCEModel.self, into: { settings.pceModel = $0 }, &self)
        pick("state-transitions", SpatialSettings.StateTransitions.self, into: { settings.stateTransitions = $0 }, &self)
        pick("voting-rule", SpatialSettings.VotingRule.self, into: { settings.votingRule = $0 }, &self)
        pick("big-r-adjust", SpatialSettings.BigRAdjust.self, into: { settings.bigRAdjust = $0 }, &self)
        pick("big-r-range", SpatialSettings.BigRRange.self, into: { settings.bigRRange = $0 }, &self)
        pick("third-party-commit", SpatialSettings.ThirdPartyCommit.self, into: { settings.thirdPartyCommit = $0 }, &self)
        pick("inter-vec-bargain", SpatialSettings.InterVecBargain.self, into: { settings.interVecBargain = $0 }, &self)
        pick("bargain-model", SpatialSettings.BargainModel.self, into: { settings.bargainModel = $0 }, &self)
        if let node = fields["seed"], let text = context.string(node, at: path.appending("seed"), what: "a seed (an integer 0...2^64-1)") {
            if let seed = Self.parseSeed(text) {
                settings.seed = seed
            } else {
                context.fail(.invalidValue, at: path.appending("seed"), node.location, "'\(text)' is not a seed: expected an integer 0...18446744073709551615, decimal or 0x-hexadecimal")
            }
        }
        if let node = fields["ideal-adjustments"] {
            let pairs = decodeList(node, at: path.appending("ideal-adjustments"), what: "a list of ideal adjustments") { decoder, item, itemPath in
                decoder.decodeIdealAdjustment(item, at: itemPath)
            }
            settings.idealAdjustments = pairs ?? []
        }
        return context.errors.count == errorsBefore ? settings : nil
    }

    private mutating func decodeIdealAdjustment(_ node: DocumentNode, at path: ScenarioPath) -> SpatialSettings.IdealAdjustment? {
        guard let fields = context.fields(
            node, at: path, what: "an ideal adjustment", allowed: ["adjusting", "reference", "adjust"],
            required: [("adjusting", "a stakeholder id"), ("reference", "a stakeholder id"), ("adjust", "a weight 0-1")])
        else { return nil }
        let adjusting = fields["adjusting"].flatMap { context.string($0, at: path.appending("adjusting"), what: "a stakeholder id") }
        let reference = fields["reference"].flatMap { context.string($0, at: path.appending("reference"), what: "a stakeholder id") }
        let adjust = fields["adjust"].flatMap { context.number($0, at: path.appending("adjust"), what: "a weight 0-1") }
        guard let adjusting, let reference, let adjust else { return nil }
        return SpatialSettings.IdealAdjustment(adjusting: adjusting, reference: reference, adjust: adjust)
    }

    /// A 64-bit seed in decimal or `0x` hexadecimal, as KTAB writes them.
    static func parseSeed(_ text: String) -> UInt64? {
        if text.hasPrefix("0x") || text.hasPrefix("0X") { return UInt64(text.dropFirst(2), radix: 16) }
        return UInt64(text)
    }

    // MARK: - Helpers

    /// `.some(nil)` when the key is absent, `.some(text)` when present and text, `nil` on error.
    private mutating func optionalString(_ fields: Fields, _ key: String, at path: ScenarioPath, what: String = "text") -> String?? {
        guard let node = fields[key] else { return .some(nil) }
        guard let text = context.string(node, at: path.appending(key), what: what) else { return nil }
        return .some(text)
    }
}
