/// A party at the table: a delegation, a government, an organisation.
///
/// Named `Stakeholder` rather than `Actor`, which Swift reserves for concurrency.
public struct Stakeholder: Sendable, Hashable, Identifiable {
    /// Unique among the scenario's stakeholders; see ``Identifier``.
    public let id: String
    public let name: String
    public let description: String?
    /// Power to affect outcomes, >= 0, in any unit: only ratios between stakeholders matter.
    public let capability: Double
    public let capabilitySpread: Spread?
    /// Evidence for the capability.
    public let evidence: [Evidence]
    /// At most one stance per issue, in file order. A stakeholder may skip an issue.
    public let stances: [Stance]

    /// Creates a stakeholder.
    /// - Throws: ``ScenarioErrors`` for a malformed id, an empty name, a negative or
    ///   non-finite capability, or two stances on one issue. Paths are relative to the stakeholder.
    public init(
        id: String, name: String, description: String? = nil, capability: Double,
        capabilitySpread: Spread? = nil, evidence: [Evidence] = [], stances: [Stance]
    ) throws(ScenarioErrors) {
        var errors: [ScenarioError] = []
        if let error = Identifier.check(id, at: ["id"]) { errors.append(error) }
        if name.trimmingWhitespace().isEmpty {
            errors.append(ScenarioError(.invalidValue, at: ["name"], "expected a non-empty name"))
        }
        errors += Self.checkCapability(capability, at: ["capability"])
        if let capabilitySpread {
            errors += Spread.check(capabilitySpread, at: ["capability"])
            errors += Spread.checkPoint(capability, in: capabilitySpread, at: ["capability"])
        }
        var seen = Set<String>()
        for stance in stances where !seen.insert(stance.issue).inserted {
            errors.append(ScenarioError(.duplicate, at: ["stances", .key(stance.issue)], "two stances on issue '\(stance.issue)'"))
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        self.id = id
        self.name = name
        self.description = description
        self.capability = capability
        self.capabilitySpread = capabilitySpread
        self.evidence = evidence
        self.stances = stances
    }

    /// The stance on `issue`, if the stakeholder takes one.
    public func stance(on issue: String) -> Stance? {
        stances.first { $0.issue == issue }
    }

    /// The capability that counts on `issue`: the stance's override, else the stakeholder's.
    public func capability(on issue: String) -> Double {
        stance(on: issue)?.capability ?? capability
    }

    static func checkCapability(_ value: Double, at path: ScenarioPath) -> [ScenarioError] {
        if !value.isFinite {
            return [ScenarioError(.notFinite, at: path, "expected a finite number >= 0, found \(NumberText.plain(value))")]
        }
        if value < 0 {
            return [ScenarioError(
                .outOfRange, at: path, "capability \(NumberText.plain(value)) is negative: expected a number >= 0",
                hint: "capability is relative power; use 0 for a party with no influence")]
        }
        return []
    }
}
