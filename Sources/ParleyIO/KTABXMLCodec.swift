import ParleyCore

/// KTAB's SMP XML format (`smpSchema.xsd`): `<Scenario>` with `name`, `desc`, `prngSeed`,
/// optional `<ModelParameters>` (nine settings by their KTAB names), `<Dimensions>` of
/// `<dName>`, `<Actors>` of `<Actor>` {name, description, capability, `<Position>` of
/// `<dCoord>`, `<Salience>` of `<dSal>`}, and optional `<IdealAdjustment>` of `<iaPair>`
/// {adjustingIdeal, referencePos, adjust}, which name actors.
///
/// Positions and saliences are 0–100 (imported issues get the scale 0–100). A `prngSeed` of 0
/// means no seed, as in KTAB, and reads as `seed: nil`. `models.spatial` is set when the file
/// has model parameters, a non-zero seed or ideal adjustments.
///
/// Parley adds an `id` attribute to `<dName>` and `<Actor>` (KTAB ignores attributes), only
/// when the names would not give back the ids.
enum KTABXMLCodec {
    static let formatName = "KTAB XML"

    /// Reads a KTAB XML file.
    /// - Throws: `ScenarioErrors` listing every problem, each with its line and column.
    static func decode(_ text: String, file: String?) throws(ScenarioErrors) -> Scenario {
        let root = try XMLTreeReader.read(text, file: file)
        var context = DecodingContext(file: file)
        guard root.name == "Scenario" else {
            throw ScenarioErrors([ScenarioError(
                .invalidValue, "expected a KTAB scenario (root element <Scenario>), found <\(root.name)>", location: root.location)])
        }
        checkChildren(root, allowed: ["name", "desc", "prngSeed", "ModelParameters", "Dimensions", "Actors", "IdealAdjustment"],
                      context: &context)
        let name = root.child("name")?.trimmedText ?? ""
        let summary = root.child("desc")?.trimmedText ?? ""
        var draft = KTABDraft(name: name.isEmpty ? (Interop.fileStem(file) ?? "KTAB scenario") : name,
                              summary: summary.isEmpty ? nil : summary)
        var spatial = SpatialSettings()
        var hasSpatial = false
        if let seedNode = root.child("prngSeed") {
            let text = seedNode.trimmedText
            if let seed = ScenarioDecoder.parseSeed(text) {
                if seed != 0 {
                    spatial.seed = seed
                    hasSpatial = true
                }
            } else if !text.isEmpty {
                context.fail(.invalidValue, at: .root, seedNode.location,
                             "<prngSeed>: expected an integer 0-18446744073709551615, decimal or 0x-hexadecimal, found '\(text)'")
            }
        }
        if let parameters = root.child("ModelParameters") {
            hasSpatial = true
            readParameters(parameters, into: &spatial, context: &context)
        }
        if let dimensions = root.child("Dimensions") {
            checkChildren(dimensions, allowed: ["dName"], repeating: ["dName"], context: &context)
            for (index, node) in dimensions.children("dName").enumerated() {
                let dimensionName = node.trimmedText
                if dimensionName.isEmpty {
                    context.fail(.invalidValue, at: .root, node.location, "empty <dName>: dimension \(index + 1) needs a name")
                }
                draft.dimensions.append(.init(name: dimensionName, id: node.attribute("id"), location: node.location))
            }
        }
        if draft.dimensions.isEmpty {
            context.fail(.missingField, at: .root, root.child("Dimensions")?.location ?? root.location,
                         "expected <Dimensions> with at least one <dName>, found none")
        }
        if let actors = root.child("Actors") {
            checkChildren(actors, allowed: ["Actor"], repeating: ["Actor"], context: &context)
            for actor in actors.children("Actor") {
                if let row = readActor(actor, dimensions: draft.dimensions, context: &context) {
                    draft.rows.append(row)
                } else if let name = actor.child("name")?.trimmedText {
                    draft.failedNames.insert(name)
                }
            }
        }
        if root.child("Actors")?.children("Actor").isEmpty ?? true {
            context.fail(.missingField, at: .root, root.child("Actors")?.location ?? root.location,
                         "expected <Actors> with at least one <Actor>, found none")
        }
        if let adjustments = root.child("IdealAdjustment") {
            checkChildren(adjustments, allowed: ["iaPair"], repeating: ["iaPair"], context: &context)
            for pair in adjustments.children("iaPair") {
                if let read = readPair(pair, context: &context) {
                    draft.idealPairs.append(read)
                    hasSpatial = true
                }
            }
        }
        draft.spatial = hasSpatial ? spatial : nil
        guard let scenario = draft.scenario(sourceID: "ktab-xml", format: formatName, context: &context) else {
            throw ScenarioErrors(context.sortedErrors)
        }
        return scenario
    }

    /// Writes `scenario` as KTAB XML, with notes on what KTAB could not take as it is.
    static func encode(_ scenario: Scenario) throws(ScenarioErrors) -> EncodedScenario {
        var table = KTABTable(scenario, format: formatName,
                              dropped: [.evidence, .sources, .anchors, .observedOutcomes, .uncertainty,
                                        .issueDescriptions, .scaleUnits],
                              clean: Interop.trimmed)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<Scenario xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"smpSchema.xsd\">\n"
        out += "  <name>\(escape(scenario.name))</name>\n"
        out += "  <desc>\(escape(scenario.summary ?? ""))</desc>\n"
        let spatial = scenario.models.spatial
        if spatial?.seed == 0 {
            table.notes.append("KTAB reads prngSeed 0 as 'no seed': the seed 0 will read back as none")
        }
        out += "  <prngSeed>\(spatial?.seed.map { String($0) } ?? "0")</prngSeed>\n"
        if let spatial {
            out += "  <ModelParameters>\n"
            for (element, value) in parameterValues(spatial) {
                out += "    <\(element)>\(value)</\(element)>\n"
            }
            out += "  </ModelParameters>\n"
        }
        out += "  <Dimensions>\n"
        for (index, name) in table.dimensionNames.enumerated() {
            out += "    <dName\(table.writesIssueIDs ? " id=\"\(escape(table.issueIDs[index]))\"" : "")>\(escape(name))</dName>\n"
        }
        out += "  </Dimensions>\n  <Actors>\n"
        for row in table.rows {
            out += "    <Actor\(table.writesStakeholderIDs ? " id=\"\(escape(row.id))\"" : "")>\n"
            out += "      <name>\(escape(row.name))</name>\n"
            out += "      <description>\(escape(row.description))</description>\n"
            out += "      <capability>\(NumberText.plain(row.capability))</capability>\n"
            out += "      <Position>\n" + row.positions.map { "        <dCoord>\(NumberText.plain($0))</dCoord>\n" }.joined()
            out += "      </Position>\n      <Salience>\n"
            out += row.saliences.map { "        <dSal>\(NumberText.plain($0))</dSal>\n" }.joined()
            out += "      </Salience>\n    </Actor>\n"
        }
        out += "  </Actors>\n"
        if let pairs = spatial?.idealAdjustments, !pairs.isEmpty {
            let nameByID = Dictionary(table.rows.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            out += "  <IdealAdjustment>\n"
            for pair in pairs {
                out += "    <iaPair>\n"
                out += "      <adjustingIdeal>\(escape(nameByID[pair.adjusting] ?? pair.adjusting))</adjustingIdeal>\n"
                out += "      <referencePos>\(escape(nameByID[pair.reference] ?? pair.reference))</referencePos>\n"
                out += "      <adjust>\(NumberText.plain(pair.adjust))</adjust>\n"
                out += "    </iaPair>\n"
            }
            out += "  </IdealAdjustment>\n"
            let names = table.rows.map(\.name)
            if Set(names).count != names.count {
                table.notes.append("KTAB's ideal adjustments name actors, and two actors share a name: the adjustments may attach to the wrong one")
            }
        }
        out += "</Scenario>\n"
        return EncodedScenario(text: out, notes: table.notes)
    }

    // MARK: - Reading

    private static func readParameters(_ node: XMLNode, into spatial: inout SpatialSettings, context: inout DecodingContext) {
        let names = parameterValues(spatial).map(\.element)
        checkChildren(node, allowed: names, context: &context)
        func pick<T: KTABNamed>(_ element: String, _ type: T.Type, _ assign: (T) -> Void) {
            guard let child = node.child(element) else { return }
            let text = child.trimmedText
            if let value = T(ktabName: text) {
                assign(value)
            } else {
                let allowed = T.allCases.map(\.ktabName)
                context.fail(.invalidValue, at: .root, child.location,
                             "<\(element)>: '\(text)' is not a KTAB \(element) value; expected one of: \(allowed.joined(separator: ", "))",
                             hint: Suggestion.closest(to: text, in: allowed).map { "did you mean '\($0)'?" })
            }
        }
        pick("VictoryProbModel", SpatialSettings.VictoryProbModel.self) { spatial.victoryProbModel = $0 }
        pick("PCEModel", SpatialSettings.PCEModel.self) { spatial.pceModel = $0 }
        pick("StateTransitions", SpatialSettings.StateTransitions.self) { spatial.stateTransitions = $0 }
        pick("VotingRule", SpatialSettings.VotingRule.self) { spatial.votingRule = $0 }
        pick("BigRAdjust", SpatialSettings.BigRAdjust.self) { spatial.bigRAdjust = $0 }
        pick("BigRRange", SpatialSettings.BigRRange.self) { spatial.bigRRange = $0 }
        pick("ThirdPartyCommit", SpatialSettings.ThirdPartyCommit.self) { spatial.thirdPartyCommit = $0 }
        pick("InterVecBrgn", SpatialSettings.InterVecBargain.self) { spatial.interVecBargain = $0 }
        pick("BargnModel", SpatialSettings.BargainModel.self) { spatial.bargainModel = $0 }
    }

    private static func readActor(_ node: XMLNode, dimensions: [KTABDraft.Dimension], context: inout DecodingContext) -> KTABDraft.Row? {
        checkChildren(node, allowed: ["name", "description", "capability", "Position", "Salience"], context: &context)
        let errorsBefore = context.errors.count
        let name = node.child("name")?.trimmedText ?? ""
        if name.isEmpty {
            context.fail(.missingField, at: .root, node.child("name")?.location ?? node.location, "<Actor>: expected a non-empty <name>")
        }
        let who = name.isEmpty ? "the actor at line \(node.location.line)" : "actor '\(name)'"
        var capability = 0.0
        if let element = node.child("capability") {
            if let value = Interop.number(element.trimmedText), value >= 0 {
                capability = value
            } else {
                context.fail(.invalidValue, at: .root, element.location,
                             "<capability> of \(who): expected a number >= 0, found '\(element.trimmedText)'")
            }
        } else {
            context.fail(.missingField, at: .root, node.location, "\(who): missing <capability> (a number >= 0)")
        }
        let positions = coordinates(node, list: "Position", item: "dCoord", who: who, dimensions: dimensions, context: &context)
        let saliences = coordinates(node, list: "Salience", item: "dSal", who: who, dimensions: dimensions, context: &context)
        if let saliences {
            let sum = saliences.reduce(0, +)
            if sum > 100 + 1e-9 {
                context.fail(.outOfRange, at: .root, node.child("Salience")?.location ?? node.location,
                             "the saliences of \(who) sum to \(Interop.rounded(sum, digits: 4)); KTAB requires at most 100 per actor",
                             hint: "scale \(who)'s saliences down so they sum to 100 or less (Parley does this when it writes KTAB files)")
            }
        }
        guard context.errors.count == errorsBefore, let positions, let saliences else { return nil }
        let description = node.child("description")?.trimmedText ?? ""
        return KTABDraft.Row(name: name, description: description.isEmpty ? nil : description, capability: capability,
                             positions: positions, saliences: saliences, id: node.attribute("id"), location: node.location)
    }

    /// The numbers of `<Position>`/`<dCoord>` or `<Salience>`/`<dSal>`, one per dimension, each 0–100.
    private static func coordinates(
        _ actor: XMLNode, list: String, item: String, who: String, dimensions: [KTABDraft.Dimension],
        context: inout DecodingContext
    ) -> [Double]? {
        guard let listNode = actor.child(list) else {
            context.fail(.missingField, at: .root, actor.location, "\(who): missing <\(list)> with one <\(item)> per dimension")
            return nil
        }
        checkChildren(listNode, allowed: [item], repeating: [item], context: &context)
        let items = listNode.children(item)
        if items.count != dimensions.count {
            context.fail(.invalidValue, at: .root, listNode.location,
                         "<\(list)> of \(who): expected \(dimensions.count) <\(item)> (one per dimension), found \(items.count)")
        }
        var values: [Double] = []
        for (index, element) in items.enumerated() {
            let text = element.trimmedText
            let dimension = index < dimensions.count ? " (\(dimensions[index].name))" : ""
            if text.isEmpty {
                context.fail(.missingField, at: .root, element.location,
                             "empty <\(item)> for \(who), dimension \(index + 1)\(dimension): expected a number 0-100",
                             hint: "KTAB stops on an empty element too ('no text for the following xml element'); write the number")
            } else if let value = Interop.number(text), (0...100).contains(value) {
                values.append(value)
            } else {
                context.fail(.outOfRange, at: .root, element.location,
                             "<\(item)> for \(who), dimension \(index + 1)\(dimension): expected a number 0-100, found '\(text)'")
            }
        }
        return values.count == dimensions.count && items.count == dimensions.count ? values : nil
    }

    private static func readPair(_ node: XMLNode, context: inout DecodingContext) -> KTABDraft.IdealPair? {
        checkChildren(node, allowed: ["adjustingIdeal", "referencePos", "adjust"], context: &context)
        var texts: [String] = []
        for element in ["adjustingIdeal", "referencePos", "adjust"] {
            let text = node.child(element)?.trimmedText ?? ""
            if text.isEmpty {
                context.fail(.missingField, at: .root, node.child(element)?.location ?? node.location,
                             "<iaPair>: expected a non-empty <\(element)>")
            }
            texts.append(text)
        }
        guard texts.count == 3, !texts.contains(where: \.isEmpty) else { return nil }
        guard let adjust = Interop.number(texts[2]), (0...1).contains(adjust) else {
            context.fail(.outOfRange, at: .root, node.child("adjust")?.location ?? node.location,
                         "<adjust>: expected a weight 0-1, found '\(texts[2])'")
            return nil
        }
        return KTABDraft.IdealPair(adjusting: texts[0], reference: texts[1], adjust: adjust, location: node.location)
    }

    /// Reports children not in `allowed` (with a "did you mean") and repeats of those not in `repeating`.
    private static func checkChildren(_ node: XMLNode, allowed: [String], repeating: Set<String> = [], context: inout DecodingContext) {
        var seen: [String: Int] = [:]
        for child in node.children {
            guard allowed.contains(child.name) else {
                context.fail(.unknownKey, at: .root, child.location,
                             "unknown element <\(child.name)> in <\(node.name)>; expected \(allowed.map { "<\($0)>" }.joined(separator: ", "))",
                             hint: Suggestion.closest(to: child.name, in: allowed).map { "did you mean <\($0)>?" })
                continue
            }
            if let first = seen[child.name], !repeating.contains(child.name) {
                context.fail(.duplicate, at: .root, child.location, "<\(child.name)> appears twice in <\(node.name)> (first at line \(first))")
            }
            seen[child.name] = seen[child.name] ?? child.location.line
        }
    }

    // MARK: - Writing

    /// The nine `<ModelParameters>` elements with `settings`' KTAB names, in the schema's order.
    private static func parameterValues(_ settings: SpatialSettings) -> [(element: String, value: String)] {
        [
            ("VictoryProbModel", settings.victoryProbModel.ktabName),
            ("PCEModel", settings.pceModel.ktabName),
            ("StateTransitions", settings.stateTransitions.ktabName),
            ("VotingRule", settings.votingRule.ktabName),
            ("BigRAdjust", settings.bigRAdjust.ktabName),
            ("BigRRange", settings.bigRRange.ktabName),
            ("ThirdPartyCommit", settings.thirdPartyCommit.ktabName),
            ("InterVecBrgn", settings.interVecBargain.ktabName),
            ("BargnModel", settings.bargainModel.ktabName),
        ]
    }

    private static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
