/// What one stakeholder wants on one issue and how much it cares.
public struct Stance: Sendable, Hashable {
    /// The id of the ``PolicyIssue``.
    public let issue: String
    /// The preferred outcome, on the issue's scale.
    public let position: Double
    /// How much the issue matters to the stakeholder, 0 (not at all) to 100 (above all else).
    public let salience: Double
    /// Capability on this issue only, overriding the stakeholder's (decide's per-issue power).
    public let capability: Double?
    public let positionSpread: Spread?
    public let salienceSpread: Spread?
    public let capabilitySpread: Spread?
    public let evidence: [Evidence]

    /// Creates a stance.
    /// - Throws: ``ScenarioErrors`` when a number is not finite, the salience is outside
    ///   0–100 or the capability negative. Whether the position lies on the issue's scale is
    ///   checked by ``Scenario``, which knows the scale. Paths are relative to the stance.
    public init(
        issue: String, position: Double, salience: Double, capability: Double? = nil,
        positionSpread: Spread? = nil, salienceSpread: Spread? = nil, capabilitySpread: Spread? = nil,
        evidence: [Evidence] = []
    ) throws(ScenarioErrors) {
        var errors: [ScenarioError] = []
        if !position.isFinite {
            errors.append(ScenarioError(.notFinite, at: ["position"], "expected a finite number, found \(NumberText.plain(position))"))
        }
        if !salience.isFinite {
            errors.append(ScenarioError(.notFinite, at: ["salience"], "expected a finite number 0-100, found \(NumberText.plain(salience))"))
        } else if !(0...100).contains(salience) {
            errors.append(ScenarioError(
                .outOfRange, at: ["salience"], "salience \(NumberText.plain(salience)) is outside 0...100",
                hint: "salience is 0 (indifferent) to 100 (the issue matters above all); a 0-1 value x is written 100x"))
        }
        if let capability {
            errors += Stakeholder.checkCapability(capability, at: ["capability"])
        }
        if let positionSpread { errors += Spread.check(positionSpread, at: ["position"]) }
        if let salienceSpread { errors += Spread.check(salienceSpread, at: ["salience"]) }
        if let capabilitySpread { errors += Spread.check(capabilitySpread, at: ["capability"]) }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        self.issue = issue
        self.position = position
        self.salience = salience
        self.capability = capability
        self.positionSpread = positionSpread
        self.salienceSpread = salienceSpread
        self.capabilitySpread = capabilitySpread
        self.evidence = evidence
    }

    /// A copy with other numbers, keeping issue, spreads and evidence; used by Monte Carlo
    /// draws and what-if edits.
    /// - Throws: ``ScenarioErrors`` as ``init(issue:position:salience:capability:positionSpread:salienceSpread:capabilitySpread:evidence:)``.
    public func with(position: Double? = nil, salience: Double? = nil) throws(ScenarioErrors) -> Stance {
        try Stance(
            issue: issue, position: position ?? self.position, salience: salience ?? self.salience,
            capability: capability, positionSpread: positionSpread, salienceSpread: salienceSpread,
            capabilitySpread: capabilitySpread, evidence: evidence)
    }
}
