public import ParleyCore

/// Draws one Monte Carlo replicate's inputs: a copy of a scenario whose positions, saliences
/// and capabilities are drawn from their spreads.
///
/// Each number uses its own spread if it has one, else the scenario's `uncertainty:` default
/// for its kind, else stays fixed. Normal spreads are truncated to the valid range (positions
/// to the issue's scale, saliences to 0–100, capabilities to >= 0); `range` spreads are
/// uniform between their bounds, clipped to the valid range. Draw order is fixed: stakeholders
/// in file order, each one's capability, then its stances in file order (position, salience,
/// per-issue capability). Every draw takes exactly one word of the stream, including those of
/// numbers without a spread, so adding a spread to one field never shifts another field's draw.
public struct InputSampler: Sendable {
    public let scenario: Scenario

    public init(scenario: Scenario) {
        self.scenario = scenario
    }

    /// The number of random words one replicate consumes.
    public var wordsPerReplicate: Int {
        scenario.stakeholders.reduce(0) { $0 + 1 + 3 * $1.stances.count }
    }

    /// A replicate drawn from `stream`.
    /// - Throws: `ScenarioErrors` only if a drawn scenario broke an invariant, which the
    ///   truncation rules prevent.
    public func draw(using stream: inout some RandomNumberGenerator) throws(ScenarioErrors) -> Scenario {
        let defaults = scenario.uncertainty ?? Uncertainty()
        var stakeholders: [Stakeholder] = []
        for stakeholder in scenario.stakeholders {
            let capability = Self.sample(stakeholder.capability, spread: stakeholder.capabilitySpread ?? defaults.capability,
                                         lower: 0, upper: .infinity, using: &stream)
            var stances: [Stance] = []
            for stance in stakeholder.stances {
                guard let issue = scenario.issue(stance.issue) else { continue }
                let position = Self.sample(stance.position, spread: stance.positionSpread ?? defaults.position,
                                           lower: issue.scale.min, upper: issue.scale.max, using: &stream)
                let salience = Self.sample(stance.salience, spread: stance.salienceSpread ?? defaults.salience,
                                           lower: 0, upper: 100, using: &stream)
                let issueCapability = Self.sample(stance.capability ?? 0, spread: stance.capabilitySpread ?? defaults.capability,
                                                  lower: 0, upper: .infinity, using: &stream)
                stances.append(try Stance(
                    issue: stance.issue, position: position, salience: salience,
                    capability: stance.capability == nil ? nil : issueCapability,
                    positionSpread: stance.positionSpread, salienceSpread: stance.salienceSpread,
                    capabilitySpread: stance.capabilitySpread, evidence: stance.evidence))
            }
            stakeholders.append(try Stakeholder(
                id: stakeholder.id, name: stakeholder.name, description: stakeholder.description, capability: capability,
                capabilitySpread: stakeholder.capabilitySpread, evidence: stakeholder.evidence, stances: stances))
        }
        return try scenario.with(stakeholders: stakeholders)
    }

    /// One draw of `value` under `spread`, kept in [`lower`, `upper`]; consumes one word.
    static func sample(_ value: Double, spread: Spread?, lower: Double, upper: Double, using stream: inout some RandomNumberGenerator) -> Double {
        let u = stream.nextOpenUnit()
        guard let spread else { return value }
        switch spread {
        case .sd(let sd):
            return NormalDistribution.truncatedQuantile(u, mean: value, sd: sd, lower: lower, upper: upper)
        case .relativeSD(let fraction):
            return NormalDistribution.truncatedQuantile(u, mean: value, sd: abs(value) * fraction, lower: lower, upper: upper)
        case .range(let low, let high):
            let a = max(low, lower)
            let b = min(high, upper)
            guard a <= b else { return min(max(value, lower), upper) }
            return min(max(a + (b - a) * u, a), b)
        }
    }
}
