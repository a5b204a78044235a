import ParleyCore

/// Random but valid scenarios with awkward text (quotes, colons, hashes, newlines, words that
/// YAML would read as booleans or numbers, non-ASCII) and awkward numbers, for round trips.
struct ScenarioGenerator {
    var stream: RandomStream

    init(seed: UInt64) {
        stream = RandomStream(seed: seed, purpose: "io-round-trip")
    }

    private static let awkward = [
        "true", "no", "null", "~", "123", "1e5", "-7", "0x1F", ".inf", "2001-12-05", "yes", "on", "- item", "? key",
        "a: b", "a #b", "#hash", "[x]", "{y}", "'single'", "\"double\"", "back\\slash", "tab\there", "line\nbreak",
        " leading", "trailing ", "Zarif: \"This is the best deal you can get\"", "Café", "中文", "emoji 🙂",
        "sep\u{2028}arator", "&anchor", "*alias", "!tag", "|pipe", ">fold", "%percent", "@at", "`tick`", "a,b",
    ]

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(stream.nextInt(below: UInt64(range.upperBound - range.lowerBound + 1)))
    }

    mutating func chance(_ p: Double) -> Bool { stream.nextUnit() < p }

    mutating func text() -> String {
        if chance(0.4) { return Self.awkward[int(0...Self.awkward.count - 1)] }
        let words = ["Northern", "Alliance", "share", "of", "posts", "Bonn", "x", "Q", "talks", "2001"]
        return (0..<int(1...4)).map { _ in words[int(0...words.count - 1)] }.joined(separator: " ")
    }

    /// A number that is awkward to print: whole, decimal, tiny, or long.
    mutating func number(in range: ClosedRange<Double>) -> Double {
        switch int(0...3) {
        case 0: return Swift.max(range.lowerBound, Swift.min(range.upperBound, (range.lowerBound + (range.upperBound - range.lowerBound) * stream.nextUnit()).rounded()))
        case 1: return range.lowerBound + (range.upperBound - range.lowerBound) * stream.nextUnit()
        case 2: return Swift.min(range.upperBound, range.lowerBound + 1e-7 * stream.nextUnit())
        default: return Swift.max(range.lowerBound, Swift.min(range.upperBound, (stream.nextUnit() * 1000).rounded() / 1000 + range.lowerBound))
        }
    }

    /// A spread for `value`; a range always holds the value (its point).
    mutating func spread(allowRelative: Bool, around value: Double, within range: ClosedRange<Double>) -> Spread? {
        switch int(0...4) {
        case 0: return .sd(number(in: 0...20))
        case 1 where allowRelative: return .relativeSD(number(in: 0...1))
        case 2:
            let a = number(in: range.lowerBound...value)
            let b = number(in: value...range.upperBound)
            return .range(lower: Swift.min(a, value), upper: Swift.max(b, value))
        default: return nil
        }
    }

    mutating func date() -> String? {
        switch int(0...3) {
        case 0: return "200\(int(0...9))"
        case 1: return "2001-1\(int(0...2))"
        case 2: return "2001-11-2\(int(0...9))"
        default: return nil
        }
    }

    mutating func scenario() throws -> Scenario {
        let sources = try (0..<int(0...3)).map { index in
            try Source(id: "src-\(index)", title: text(), author: chance(0.5) ? text() : nil,
                       date: chance(0.5) ? "2001-12-0\(int(1...9))" : nil, url: chance(0.3) ? "https://example.org/\(index)?a=b#c" : nil,
                       note: chance(0.3) ? text() : nil, text: chance(0.3) ? "sources/src-\(index).txt" : nil)
        }
        func evidence(_ generator: inout ScenarioGenerator) throws -> [Evidence] {
            guard !sources.isEmpty else { return [] }
            return try (0..<generator.int(0...2)).map { _ in
                try Evidence(source: sources[generator.int(0...sources.count - 1)].id, quote: generator.text().isEmpty ? "q" : "«" + generator.text() + "»",
                             kind: Evidence.Kind.allCases[generator.int(0...2)], date: generator.date(),
                             about: generator.chance(0.5) ? Evidence.Subject.allCases[generator.int(0...3)] : nil,
                             page: generator.chance(0.2) ? "p. \(generator.int(1...300))" : nil, note: generator.chance(0.3) ? generator.text() : nil)
            }
        }
        let issues = try (0..<int(1...3)).map { index -> PolicyIssue in
            let low = number(in: -50...50)
            let scale = try Scale(min: low, max: low + 1 + number(in: 0...200), unit: chance(0.5) ? text() : nil)
            var anchorValues = Set<Double>()
            for _ in 0..<int(0...3) { anchorValues.insert(number(in: scale.min...scale.max)) }
            let anchors = anchorValues.sorted().map { Anchor(value: $0, label: text()) }
            var observed: ObservedOutcome?
            if chance(0.5) {
                let value = number(in: scale.min...scale.max)
                let low = number(in: scale.min...value)
                let high = number(in: value...scale.max)
                observed = ObservedOutcome(value: value, range: chance(0.5) ? Swift.min(low, value)...Swift.max(high, value) : nil,
                                           source: sources.isEmpty ? nil : sources[0].id, note: chance(0.5) ? text() : nil)
            }
            let statusQuo = chance(0.5) ? StatusQuo(value: number(in: scale.min...scale.max), evidence: try evidence(&self)) : nil
            return try PolicyIssue(id: "issue-\(index)", name: text(), description: chance(0.3) ? text() : nil,
                                   scale: scale, anchors: anchors, observed: observed, statusQuo: statusQuo)
        }
        let stakeholders = try (0..<int(1...5)).map { index -> Stakeholder in
            let stances = try issues.filter { _ in chance(0.8) }.map { issue in
                let position = number(in: issue.scale.min...issue.scale.max)
                let salience = number(in: 0...100)
                let codings = try (0..<(chance(0.3) ? int(1...3) : 0)).map { coder in
                    try Coding(coder: "c\(coder + 1)", position: number(in: issue.scale.min...issue.scale.max), salience: number(in: 0...100))
                }
                return try Stance(issue: issue.id, position: position, salience: salience,
                                  capability: chance(0.2) ? number(in: 0...10) : nil,
                                  positionSpread: spread(allowRelative: false, around: position, within: issue.scale.min...issue.scale.max),
                                  salienceSpread: spread(allowRelative: false, around: salience, within: 0...100),
                                  capabilitySpread: nil, evidence: try evidence(&self), codings: codings)
            }
            let capability = number(in: 0...1000)
            return try Stakeholder(id: "party-\(index)", name: text(), description: chance(0.3) ? text() : nil,
                                   capability: capability, capabilitySpread: spread(allowRelative: true, around: capability, within: 0...1000),
                                   evidence: try evidence(&self), stances: stances)
        }
        var models = ModelSettings()
        if chance(0.3) {
            var spatial = SpatialSettings()
            spatial.votingRule = SpatialSettings.VotingRule.allCases[int(0...5)]
            spatial.bargainModel = SpatialSettings.BargainModel.allCases[int(0...2)]
            spatial.seed = chance(0.5) ? stream.next() : nil
            models.spatial = spatial
        }
        let uncertainty = chance(0.5) ? Uncertainty(position: .sd(number(in: 0...10)), salience: nil, capability: .relativeSD(0.2)) : nil
        var forum: Forum?
        if chance(0.4) {
            let ids = stakeholders.map(\.id)
            let rule = Forum.Rule.allCases[int(0...3)]
            let members = chance(0.5) ? ids.filter { _ in chance(0.7) } : nil
            let threshold: Double? = switch rule {
            case .majority: chance(0.5) ? 0.5 + 0.4 * stream.nextUnit() : nil
            case .qualifiedMajority: 0.51 + 0.49 * stream.nextUnit()
            default: nil
            }
            forum = try Forum(rule: rule, members: members?.isEmpty == true ? nil : members, threshold: threshold,
                              setter: chance(0.5) ? ids[int(0...ids.count - 1)] : nil, statusQuoCost: chance(0.5) ? number(in: 0...20) : 0)
        }
        let targets = issues.map(\.id) + stakeholders.map(\.id)
        let notes = try (0..<int(0...2)).map { index in
            try ScenarioNote(id: "note-\(index)", about: chance(0.5) ? targets[int(0...targets.count - 1)] : nil,
                             title: chance(0.5) ? text() : nil, text: "«" + text() + "»", evidence: try evidence(&self))
        }
        return try Scenario(name: text(), summary: chance(0.5) ? text() : nil, sources: sources, issues: issues,
                            stakeholders: stakeholders, uncertainty: uncertainty, models: models,
                            asOf: chance(0.5) ? "2001-11-26" : nil, forum: forum, notes: notes)
    }
}
