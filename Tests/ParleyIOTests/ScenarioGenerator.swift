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

    mutating func spread(allowRelative: Bool, within range: ClosedRange<Double>) -> Spread? {
        switch int(0...4) {
        case 0: return .sd(number(in: 0...20))
        case 1 where allowRelative: return .relativeSD(number(in: 0...1))
        case 2:
            let a = number(in: range)
            let b = number(in: range)
            return .range(lower: Swift.min(a, b), upper: Swift.max(a, b))
        default: return nil
        }
    }

    mutating func scenario() throws -> Scenario {
        let sources = try (0..<int(0...3)).map { index in
            try Source(id: "src-\(index)", title: text(), author: chance(0.5) ? text() : nil,
                       date: chance(0.5) ? "2001-12-0\(int(1...9))" : nil, url: chance(0.3) ? "https://example.org/\(index)?a=b#c" : nil,
                       note: chance(0.3) ? text() : nil)
        }
        func evidence(_ generator: inout ScenarioGenerator) throws -> [Evidence] {
            guard !sources.isEmpty else { return [] }
            return try (0..<generator.int(0...2)).map { _ in
                try Evidence(source: sources[generator.int(0...sources.count - 1)].id, quote: generator.text().isEmpty ? "q" : "«" + generator.text() + "»",
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
                observed = ObservedOutcome(value: value, range: chance(0.5) ? value...value : nil,
                                           source: sources.isEmpty ? nil : sources[0].id, note: chance(0.5) ? text() : nil)
            }
            return try PolicyIssue(id: "issue-\(index)", name: text(), description: chance(0.3) ? text() : nil,
                                   scale: scale, anchors: anchors, observed: observed)
        }
        let stakeholders = try (0..<int(1...5)).map { index -> Stakeholder in
            let stances = try issues.filter { _ in chance(0.8) }.map { issue in
                try Stance(issue: issue.id, position: number(in: issue.scale.min...issue.scale.max), salience: number(in: 0...100),
                           capability: chance(0.2) ? number(in: 0...10) : nil,
                           positionSpread: spread(allowRelative: false, within: issue.scale.min...issue.scale.max),
                           salienceSpread: spread(allowRelative: false, within: 0...100),
                           capabilitySpread: nil, evidence: try evidence(&self))
            }
            return try Stakeholder(id: "party-\(index)", name: text(), description: chance(0.3) ? text() : nil,
                                   capability: number(in: 0...1000), capabilitySpread: spread(allowRelative: true, within: 0...1000),
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
        return try Scenario(name: text(), summary: chance(0.5) ? text() : nil, sources: sources, issues: issues,
                            stakeholders: stakeholders, uncertainty: uncertainty, models: models)
    }
}
