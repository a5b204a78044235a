/// How the forum of a negotiation decides (`forum:` in a scenario): who votes, by which rule,
/// who proposes, and what failing to agree costs.
///
/// The rules, for the procedural model and for readers:
/// - ``Rule/consensus`` and ``Rule/unanimity``: every member is a veto player, whatever its
///   capability. (Consensus means no member objects; unanimity that every member says yes.
///   On one dimension with single-peaked preferences the two give the same win-set.)
/// - ``Rule/majority``: a proposal passes when the members supporting it hold **more than**
///   `threshold` of the members' total capability; the threshold defaults to 0.5 and must lie
///   in [0.5, 1).
/// - ``Rule/qualifiedMajority``: a proposal passes when its supporters hold **at least**
///   `threshold` of the members' total capability; the threshold is required, in (0.5, 1].
///
/// ``isPassing(supportShare:)`` states the weighted rules once so every engine counts alike.
public struct Forum: Sendable, Hashable {
    /// A decision rule (`rule:` in the file).
    public enum Rule: String, Sendable, Hashable, CaseIterable {
        case consensus
        case unanimity
        case majority
        case qualifiedMajority = "qualified-majority"

        /// Whether every member can block (consensus, unanimity), as opposed to a weighted vote.
        public var isVetoRule: Bool { self == .consensus || self == .unanimity }
    }

    public let rule: Rule
    /// Stakeholder ids of the members who decide, in file order; `nil` means every stakeholder.
    public let members: [String]?
    /// The share of the members' capability a proposal needs, as written; `nil` when not given.
    /// See ``effectiveThreshold`` for the value that applies.
    public let threshold: Double?
    /// The stakeholder id of the agenda setter, who proposes; the procedural model needs one.
    /// It need not be a member (a mediator drafts but does not vote).
    public let setter: String?
    /// What each member loses if the talks fail, in scale units of each issue, >= 0 (Franchino
    /// and Mariotto's costly status quo); 0 by default.
    public let statusQuoCost: Double

    /// Creates a forum.
    /// - Throws: ``ScenarioErrors`` when the members list is empty or repeats an id, the
    ///   threshold is missing (qualified majority), given for a veto rule, or outside the rule's
    ///   range, or the cost is negative or not finite. Whether the ids name stakeholders is
    ///   checked by ``Scenario``. Paths are relative to the forum.
    public init(rule: Rule, members: [String]? = nil, threshold: Double? = nil, setter: String? = nil, statusQuoCost: Double = 0)
        throws(ScenarioErrors)
    {
        var errors: [ScenarioError] = []
        if let members {
            if members.isEmpty {
                errors.append(ScenarioError(.empty, at: ["members"], "a forum needs at least one member",
                                            hint: "leave members: out to make every stakeholder a member"))
            }
            var seen = Set<String>()
            for (index, member) in members.enumerated() where !seen.insert(member).inserted {
                errors.append(ScenarioError(.duplicate, at: ["members", .index(index)], "'\(member)' is listed twice among the members"))
            }
        }
        switch (rule, threshold) {
        case (.consensus, .some), (.unanimity, .some):
            errors.append(ScenarioError(
                .invalidValue, at: ["threshold"], "a threshold has no meaning under \(rule.rawValue): every member can block",
                hint: "remove threshold:, or use rule: qualified-majority for a weighted vote"))
        case (.qualifiedMajority, .none):
            errors.append(ScenarioError(
                .missingField, at: ["threshold"], "rule qualified-majority needs a threshold: the share of the members' capability needed, in (0.5, 1]",
                hint: "for example threshold: 0.65"))
        case (.majority, .some(let value)):
            if !value.isFinite || value < 0.5 || value >= 1 {
                errors.append(ScenarioError(
                    .outOfRange, at: ["threshold"], "a majority threshold must lie in [0.5, 1) (more than this share passes), found \(NumberText.plain(value))",
                    hint: "use rule: qualified-majority with threshold: 1 to require every unit of weight, or rule: unanimity"))
            }
        case (.qualifiedMajority, .some(let value)):
            if !value.isFinite || value <= 0.5 || value > 1 {
                errors.append(ScenarioError(
                    .outOfRange, at: ["threshold"], "a qualified-majority threshold must lie in (0.5, 1] (at least this share passes), found \(NumberText.plain(value))",
                    hint: "a simple majority is rule: majority"))
            }
        default:
            break
        }
        if !statusQuoCost.isFinite {
            errors.append(ScenarioError(.notFinite, at: ["status_quo_cost"], "expected a finite number >= 0, found \(NumberText.plain(statusQuoCost))"))
        } else if statusQuoCost < 0 {
            errors.append(ScenarioError(.outOfRange, at: ["status_quo_cost"], "status_quo_cost \(NumberText.plain(statusQuoCost)) is negative: expected scale units >= 0",
                                        hint: "0 means failing to agree costs nothing"))
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        self.rule = rule
        self.members = members
        self.threshold = threshold
        self.setter = setter
        self.statusQuoCost = statusQuoCost
    }

    /// The threshold that applies: the written one, else 0.5 for a majority; `nil` for the veto rules.
    public var effectiveThreshold: Double? {
        switch rule {
        case .consensus, .unanimity: nil
        case .majority: threshold ?? 0.5
        case .qualifiedMajority: threshold
        }
    }

    /// The member ids among `stakeholders` (ids in scenario order): the listed members, or all.
    public func memberIDs(among stakeholders: [String]) -> [String] {
        members ?? stakeholders
    }

    /// Whether supporters holding `supportShare` (0–1) of the members' total capability pass
    /// a proposal under a weighted rule: more than the threshold (majority), at least it
    /// (qualified majority). Under the veto rules only a share of 1 passes; the caller must
    /// still check that no member with zero capability objects.
    public func isPassing(supportShare: Double) -> Bool {
        switch rule {
        case .consensus, .unanimity: supportShare >= 1
        case .majority: supportShare > (threshold ?? 0.5)
        case .qualifiedMajority: supportShare >= (threshold ?? 1)
        }
    }
}
