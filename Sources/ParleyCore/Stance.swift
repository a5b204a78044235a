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
    /// Independent coders' values of this stance, in file order, each coder at most once.
    /// `position` and `salience` stay the values every model uses; the codings feed
    /// reliability and, on request, Monte Carlo draws over coders.
    public let codings: [Coding]

    /// Creates a stance.
    /// - Throws: ``ScenarioErrors`` when a number is not finite, the salience is outside
    ///   0–100, the capability negative, a spread's point lies outside its own range, or a
    ///   coder appears twice. Whether the position (and each coding's) lies on the issue's
    ///   scale is checked by ``Scenario``, which knows the scale. Paths are relative to the stance.
    public init(
        issue: String, position: Double, salience: Double, capability: Double? = nil,
        positionSpread: Spread? = nil, salienceSpread: Spread? = nil, capabilitySpread: Spread? = nil,
        evidence: [Evidence] = [], codings: [Coding] = []
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
        if let positionSpread { errors += Spread.checkPoint(position, in: positionSpread, at: ["position"]) }
        if let salienceSpread { errors += Spread.checkPoint(salience, in: salienceSpread, at: ["salience"]) }
        if let capability, let capabilitySpread { errors += Spread.checkPoint(capability, in: capabilitySpread, at: ["capability"]) }
        var coders = Set<String>()
        for (index, coding) in codings.enumerated() where !coders.insert(coding.coder).inserted {
            errors.append(ScenarioError(.duplicate, at: ["codings", .index(index), "coder"], "coder '\(coding.coder)' codes this stance twice",
                                        hint: "each coder gives one coding per stance"))
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        self.issue = issue
        self.position = position
        self.salience = salience
        self.capability = capability
        self.positionSpread = positionSpread
        self.salienceSpread = salienceSpread
        self.capabilitySpread = capabilitySpread
        self.evidence = evidence
        self.codings = codings
    }

    /// A copy with other numbers, keeping issue, evidence and codings; used by Monte Carlo
    /// draws and what-if edits. Spreads are kept too, except one whose range no longer holds
    /// its new point (a drawn or edited value has left its own range: the spread no longer
    /// describes it, and is dropped).
    /// - Throws: ``ScenarioErrors`` as ``init(issue:position:salience:capability:positionSpread:salienceSpread:capabilitySpread:evidence:codings:)``.
    public func with(position: Double? = nil, salience: Double? = nil, capability: Double? = nil) throws(ScenarioErrors) -> Stance {
        let newPosition = position ?? self.position
        let newSalience = salience ?? self.salience
        let newCapability = capability ?? self.capability
        return try Stance(
            issue: issue, position: newPosition, salience: newSalience, capability: newCapability,
            positionSpread: Spread.keeping(positionSpread, for: newPosition),
            salienceSpread: Spread.keeping(salienceSpread, for: newSalience),
            capabilitySpread: newCapability.map { Spread.keeping(capabilitySpread, for: $0) } ?? capabilitySpread,
            evidence: evidence, codings: codings)
    }
}
