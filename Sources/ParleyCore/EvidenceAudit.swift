/// One piece of evidence of a scenario, with what it supports and where it stands in time.
public struct EvidenceRecord: Sendable, Hashable {
    /// The number or text a piece of evidence backs.
    public enum Subject: Sendable, Hashable {
        /// A stakeholder's capability (its `evidence:` list).
        case capability(stakeholder: String)
        /// A stakeholder's stance on an issue (position, salience, or both; see ``Evidence/about``).
        case stance(stakeholder: String, issue: String)
        /// An issue's status quo.
        case statusQuo(issue: String)
        /// A note, by id.
        case note(String)
    }

    public let subject: Subject
    /// Where the evidence sits in the document, such as `stakeholders[2].stances.budget-share.evidence[0]`.
    public let path: ScenarioPath
    public let evidence: Evidence
    /// The evidence's own date, else its source's; `nil` when neither is known.
    public let effectiveDate: String?
    /// Whether the effective date lies wholly after the scenario's `as_of` (see ``Scenario/isHindsight(_:)``).
    public let isHindsight: Bool
}

/// How much of a scenario's evidence can be audited: the figures `parley validate` prints.
public struct EvidenceCounts: Sendable, Hashable {
    /// `kind: quote` evidence found verbatim in its source's local text.
    public var quotesVerified = 0
    /// `kind: quote` evidence that could not be checked (its source has no `text:`, or the text was not loaded).
    public var quotesUnverifiable = 0
    public var paraphrases = 0
    public var inferences = 0
    /// Evidence dated after `as_of`, of any kind.
    public var hindsight = 0
    /// Of ``hindsight``, the evidence behind a coded number (a capability, a stance, a status
    /// quo); the rest is in notes, which may tell what happened later.
    public var hindsightBehindNumbers = 0

    public init() {}

    /// Every piece of evidence counted once.
    public var total: Int { quotesVerified + quotesUnverifiable + paraphrases + inferences }
}

extension Scenario {
    /// The date a piece of evidence stands at: its own `date`, else its source's; `nil` when
    /// neither is given (or the source is unknown).
    public func effectiveDate(of evidence: Evidence) -> String? {
        evidence.date ?? source(evidence.source)?.date
    }

    /// Whether `evidence` is hindsight: the scenario has `as_of` and the evidence's effective
    /// date lies wholly after it (`2001-12` is after `2001-11-26`; `2001` is not, since the
    /// year may include days before). Evidence with no date is not flagged.
    public func isHindsight(_ evidence: Evidence) -> Bool {
        guard let asOf = asOf.flatMap(PartialDate.init), let date = effectiveDate(of: evidence).flatMap(PartialDate.init) else {
            return false
        }
        return date.isDefinitelyAfter(asOf)
    }

    /// Every piece of evidence in document order: status quos (issue by issue), then each
    /// stakeholder's capability evidence and stances, then notes.
    /// - Complexity: O(e · s) for e pieces of evidence and s sources.
    public var evidenceRecords: [EvidenceRecord] {
        var records: [EvidenceRecord] = []
        func add(_ list: [Evidence], _ subject: EvidenceRecord.Subject, _ base: ScenarioPath) {
            for (index, evidence) in list.enumerated() {
                records.append(EvidenceRecord(
                    subject: subject, path: base.appending("evidence").appending(index: index), evidence: evidence,
                    effectiveDate: effectiveDate(of: evidence), isHindsight: isHindsight(evidence)))
            }
        }
        for (index, issue) in issues.enumerated() {
            if let statusQuo = issue.statusQuo {
                add(statusQuo.evidence, .statusQuo(issue: issue.id), ["issues", .index(index), "status_quo"])
            }
        }
        for (index, stakeholder) in stakeholders.enumerated() {
            let base: ScenarioPath = ["stakeholders", .index(index)]
            add(stakeholder.evidence, .capability(stakeholder: stakeholder.id), base)
            for stance in stakeholder.stances {
                add(stance.evidence, .stance(stakeholder: stakeholder.id, issue: stance.issue), base.appending("stances").appending(stance.issue))
            }
        }
        for (index, note) in notes.enumerated() {
            add(note.evidence, .note(note.id), ["notes", .index(index)])
        }
        return records
    }

    /// Counts of verified and unverifiable quotes, paraphrases, inferences and hindsight.
    public var evidenceCounts: EvidenceCounts {
        var counts = EvidenceCounts()
        for record in evidenceRecords {
            switch record.evidence.kind {
            case .quote:
                if record.evidence.verified { counts.quotesVerified += 1 } else { counts.quotesUnverifiable += 1 }
            case .paraphrase: counts.paraphrases += 1
            case .inference: counts.inferences += 1
            }
            if record.isHindsight {
                counts.hindsight += 1
                if case .note = record.subject {} else { counts.hindsightBehindNumbers += 1 }
            }
        }
        return counts
    }

    /// The hindsight evidence behind `stakeholder`'s stance on `issue` (position, salience or
    /// both), so a report can mark the numbers that rest on it. Empty when none.
    public func hindsightEvidence(stakeholder: String, issue: String) -> [Evidence] {
        (self.stakeholder(stakeholder)?.stance(on: issue)?.evidence ?? []).filter(isHindsight)
    }

    /// The hindsight evidence behind `stakeholder`'s capability. Empty when none.
    public func hindsightCapabilityEvidence(stakeholder: String) -> [Evidence] {
        (self.stakeholder(stakeholder)?.evidence ?? []).filter(isHindsight)
    }
}
