import ParleyCore

/// The evidence audit `parley validate` prints, as the JSON `POST /api/validate` answers with.
enum EvidenceJSON {
    /// `{"quotes_verified", "quotes_unverifiable", "paraphrases", "inferences", "hindsight", "as_of",
    /// "numbers": [{"stakeholder", "issue", "pieces", "quotes", "paraphrases", "inferences", "hindsight"}]}`:
    /// the scenario's counts, then one entry per capability (`issue` null) and stance, in document order,
    /// so the app can mark each number with the state of its evidence. O(e · s) for e pieces of evidence, s sources.
    static func audit(_ scenario: Scenario) -> JSONValue {
        let counts = scenario.evidenceCounts
        struct Tally { var pieces = 0, quotes = 0, paraphrases = 0, inferences = 0, hindsight = 0 }
        var keys: [(stakeholder: String, issue: String?)] = []
        var tallies: [Tally] = []
        for stakeholder in scenario.stakeholders {
            keys.append((stakeholder.id, nil))
            tallies.append(Tally())
            for stance in stakeholder.stances {
                keys.append((stakeholder.id, stance.issue))
                tallies.append(Tally())
            }
        }
        for record in scenario.evidenceRecords {
            let key: (String, String?)
            switch record.subject {
            case .capability(let stakeholder): key = (stakeholder, nil)
            case .stance(let stakeholder, let issue): key = (stakeholder, issue)
            case .statusQuo, .note: continue
            }
            guard let index = keys.firstIndex(where: { $0.stakeholder == key.0 && $0.issue == key.1 }) else { continue }
            tallies[index].pieces += 1
            switch record.evidence.kind {
            case .quote: tallies[index].quotes += 1
            case .paraphrase: tallies[index].paraphrases += 1
            case .inference: tallies[index].inferences += 1
            }
            if record.isHindsight { tallies[index].hindsight += 1 }
        }
        let numbers: [JSONValue] = zip(keys, tallies).map { key, tally in
            .object([
                ("stakeholder", .string(key.stakeholder)), ("issue", .optional(key.issue)),
                ("pieces", .integer(Int64(tally.pieces))), ("quotes", .integer(Int64(tally.quotes))),
                ("paraphrases", .integer(Int64(tally.paraphrases))), ("inferences", .integer(Int64(tally.inferences))),
                ("hindsight", .integer(Int64(tally.hindsight))),
            ])
        }
        return .object([
            ("quotes_verified", .integer(Int64(counts.quotesVerified))),
            ("quotes_unverifiable", .integer(Int64(counts.quotesUnverifiable))),
            ("paraphrases", .integer(Int64(counts.paraphrases))),
            ("inferences", .integer(Int64(counts.inferences))),
            ("hindsight", .integer(Int64(counts.hindsight))),
            ("as_of", .optional(scenario.asOf)),
            ("numbers", .array(numbers)),
        ])
    }
}
