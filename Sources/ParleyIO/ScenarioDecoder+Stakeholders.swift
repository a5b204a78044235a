import ParleyBargaining
import ParleyCore

/// The stakeholder, uncertainty and model-settings parts of the `parley/1` schema.
extension ScenarioDecoder {
    // MARK: - Stakeholders

    mutating func decodeStakeholder(_ node: DocumentNode, at path: ScenarioPath) -> Stakeholder? {
        guard let fields = context.fields(
            node, at: path, what: "a stakeholder", allowed: ["id", "name", "description", "capability", "evidence", "stances"],
            required: [("id", "an id such as 'party-a'"), ("name", "a name"),
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

    mutating func decodeStances(_ node: DocumentNode, at path: ScenarioPath) -> [Stance]? {
        context.record(path, at: node.location)
        guard case .mapping(let pairs, _) = node else {
            context.fail(.wrongType, at: path, node.location,
                         "expected stances as a mapping from issue id to stance, such as 'budget-share: {position: 75, salience: 95}', found \(node.kindDescription)")
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

    mutating func decodeStance(_ node: DocumentNode, issue: String, at path: ScenarioPath) -> Stance? {
        guard let fields = context.fields(
            node, at: path, what: "a stance", allowed: ["position", "salience", "capability", "evidence", "codings"],
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
        var codings: [Coding]? = []
        if let node = fields["codings"] { codings = decodeCodings(node, issue: issue, at: path.appending("codings")) }
        if let position, let scale = scales[issue], !scale.contains(position.value), let node = fields["position"] {
            let valueNode: DocumentNode = if case .mapping = node, let inner = Fields.value(of: node) { inner } else { node }
            context.fail(.outOfRange, at: path.appending("position"), valueNode.location,
                         "\(NumberText.plain(position.value)) is outside the scale \(scale.rangeText) of issue '\(issue)'")
        }
        guard let position, let salience else { return nil }
        do {
            let stance = try Stance(issue: issue, position: position.value, salience: salience.value, capability: capability?.value,
                                    positionSpread: position.spread, salienceSpread: salience.spread,
                                    capabilitySpread: capability?.spread, evidence: evidence ?? [], codings: codings ?? [])
            return evidence == nil || capabilityFailed || codings == nil ? nil : stance
        } catch {
            context.absorb(error, under: path)
            return nil
        }
    }

    // MARK: - Uncertainty

    /// A number, or `{value: x, sd: s}` / `{value: x, relative-sd: r}` / `{value: x, range: [a, b]}`.
    mutating func decodeSpreadValue(
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
    mutating func decodeSpread(_ fields: Fields, at path: ScenarioPath, allowRelative: Bool, required: Bool) -> Spread?? {
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

    mutating func decodeUncertainty(_ node: DocumentNode, at path: ScenarioPath) -> Uncertainty? {
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

    mutating func decodeModels(_ node: DocumentNode, at path: ScenarioPath) -> ModelSettings? {
        let configurable = ModelCatalog.optionSpecs
        guard let fields = context.fields(node, at: path, what: "the models section", allowed: ["spatial"] + configurable.map(\.model))
        else { return nil }
        var settings = ModelSettings()
        var failed = false
        for (key, value) in fields.entries.map({ ($0.key.text, $0.value) }) {
            if key == "spatial" {
                if let decoded = decodeSpatial(value, at: path.appending("spatial")) { settings.spatial = decoded } else { failed = true }
            } else if let specs = configurable.first(where: { $0.model == key })?.specs {
                if let options = decodeOptions(value, model: key, specs: specs, at: path.appending(key)) {
                    settings.options.append(options)
                } else {
                    failed = true
                }
            }
        }
        return failed ? nil : settings
    }

    /// `{key: value, ...}` checked against the model's option list.
    mutating func decodeOptions(_ node: DocumentNode, model: String, specs: [ModelOptionSpec], at path: ScenarioPath) -> ModelOptions? {
        guard let fields = context.fields(node, at: path, what: "\(model) options", allowed: specs.map(\.key)) else { return nil }
        var entries: [ModelOptions.Entry] = []
        var failed = false
        for (keyNode, value) in fields.entries {
            guard let spec = specs.first(where: { $0.key == keyNode.text }) else { continue }
            let valuePath = path.appending(spec.key)
            func failValue(_ found: String) {
                context.fail(.invalidValue, at: valuePath, value.location, "'\(found)' is not a valid \(spec.key): expected \(spec.expectation)",
                             hint: { if case .choice(let names) = spec.values { return Suggestion.closest(to: found, in: names).map { "did you mean '\($0)'?" } }; return nil }())
                failed = true
            }
            switch spec.values {
            case .choice(let names):
                guard let text = context.string(value, at: valuePath, what: spec.expectation) else { failed = true; continue }
                if names.contains(text) { entries.append(.init(key: spec.key, value: .text(text))) } else { failValue(text) }
            case .number(let range):
                guard let number = context.number(value, at: valuePath, what: spec.expectation) else { failed = true; continue }
                if range.contains(number) { entries.append(.init(key: spec.key, value: .number(number))) } else { failValue(NumberText.plain(number)) }
            case .integer(let range):
                guard let number = context.number(value, at: valuePath, what: spec.expectation) else { failed = true; continue }
                if number == number.rounded(), number >= Double(range.lowerBound), number <= Double(range.upperBound) {
                    entries.append(.init(key: spec.key, value: .number(number)))
                } else {
                    failValue(NumberText.plain(number))
                }
            case .choiceOrNumber(let names, let range):
                if case .scalar(let scalar) = value, case .number(let number) = scalar.resolved {
                    if range.contains(number) { entries.append(.init(key: spec.key, value: .number(number))) } else { failValue(NumberText.plain(number)) }
                } else if let text = context.string(value, at: valuePath, what: spec.expectation) {
                    if names.contains(text) { entries.append(.init(key: spec.key, value: .text(text))) } else { failValue(text) }
                } else {
                    failed = true
                }
            }
        }
        return failed ? nil : ModelOptions(model: model, entries: entries)
    }

    mutating func decodeSpatial(_ node: DocumentNode, at path: ScenarioPath) -> SpatialSettings? {
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

    mutating func decodeIdealAdjustment(_ node: DocumentNode, at path: ScenarioPath) -> SpatialSettings.IdealAdjustment? {
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
}
