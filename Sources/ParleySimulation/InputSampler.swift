public import ParleyCore

/// Draws one Monte Carlo replicate's inputs: a copy of a scenario whose positions, saliences
/// and capabilities are drawn from their spreads, and (separately) the observed outcomes
/// drawn from their ranges.
///
/// Each number uses its own spread if it has one, else the scenario's `uncertainty:` default
/// for its kind, else stays fixed. Normal spreads are truncated to the valid range (positions
/// to the issue's scale, saliences to 0–100, capabilities to >= 0). A `range` written on the
/// field with its point (`{value: 55, range: [30, 70]}`) is drawn from the triangular
/// distribution with its mode at the point and support on the range; a `range` given as a
/// scenario-wide default has no point of its own and is drawn uniformly. Both are truncated
/// to the valid range by inversion (the draw is conditioned on the valid part of the range).
///
/// **Streams and draw order.** ``draw(using:)`` reads the stream
/// `RandomStream(seed:index:purpose: "monte-carlo")` (``inputPurpose``) in a fixed order:
/// stakeholders in file order, each one's capability, then its stances in file order
/// (position, salience, per-issue capability). Every draw takes exactly one word, including
/// those of numbers without a spread, so adding a spread to one field never shifts another
/// field's draw. With ``drawsFromCodings``, one more choice per stance with codings follows
/// all of those words (stances in the same order), so the other draws stay the same.
/// ``drawObserved(using:)`` reads its own stream, purpose `"observed-outcome"`
/// (``observedPurpose``), one word per issue in file order: drawing the observed outcomes
/// never moves an input draw, and vice versa.
public struct InputSampler: Sendable {
    /// The purpose of the input stream of replicate `i`: `RandomStream(seed:index: i, purpose: inputPurpose)`.
    public static let inputPurpose = "monte-carlo"
    /// The purpose of the observed-outcome stream of replicate `i`.
    public static let observedPurpose = "observed-outcome"

    public let scenario: Scenario
    /// Whether each stance with `codings:` takes, per replicate, the position and salience of
    /// one of its coders chosen uniformly at random (before its spread is applied), so that
    /// disagreement between coders flows into the results.
    public let drawsFromCodings: Bool

    public init(scenario: Scenario, drawsFromCodings: Bool = false) {
        self.scenario = scenario
        self.drawsFromCodings = drawsFromCodings
    }

    /// The number of random words one replicate's ``draw(using:)`` consumes (at least this
    /// many with ``drawsFromCodings``: a coder choice usually takes one word, rarely more).
    public var wordsPerReplicate: Int {
        scenario.stakeholders.reduce(0) { total, stakeholder in
            total + 1 + 3 * stakeholder.stances.count
                + (drawsFromCodings ? stakeholder.stances.filter { !$0.codings.isEmpty }.count : 0)
        }
    }

    /// A replicate drawn from `stream`.
    /// - Throws: `ScenarioErrors` only if a drawn scenario broke an invariant, which the
    ///   truncation rules prevent.
    public func draw(using stream: inout some RandomNumberGenerator) throws(ScenarioErrors) -> Scenario {
        let defaults = scenario.uncertainty ?? Uncertainty()
        // First every field's uniform, in the documented order; then the coder choices.
        var uniforms: [(capability: Double, stances: [(position: Double, salience: Double, capability: Double)])] = []
        for stakeholder in scenario.stakeholders {
            let capability = stream.nextOpenUnit()
            var stances: [(Double, Double, Double)] = []
            for _ in stakeholder.stances {
                stances.append((stream.nextOpenUnit(), stream.nextOpenUnit(), stream.nextOpenUnit()))
            }
            uniforms.append((capability, stances))
        }
        var coders: [[Coding?]] = []
        for stakeholder in scenario.stakeholders {
            coders.append(stakeholder.stances.map { stance in
                guard drawsFromCodings, !stance.codings.isEmpty else { return nil }
                let index = Int(stream.nextInt(below: UInt64(stance.codings.count)))
                return stance.codings.indices.contains(index) ? stance.codings[index] : nil
            })
        }
        var stakeholders: [Stakeholder] = []
        for (partyIndex, stakeholder) in scenario.stakeholders.enumerated() {
            let u = uniforms[partyIndex]
            let capability = Self.sample(
                stakeholder.capability, own: stakeholder.capabilitySpread, fallback: defaults.capability,
                lower: 0, upper: .infinity, u: u.capability)
            var stances: [Stance] = []
            for (stanceIndex, stance) in stakeholder.stances.enumerated() {
                guard let issue = scenario.issue(stance.issue) else { continue }
                let v = u.stances[stanceIndex]
                let coding = coders[partyIndex][stanceIndex]
                let position = Self.sample(
                    coding?.position ?? stance.position, own: stance.positionSpread, fallback: defaults.position,
                    lower: issue.scale.min, upper: issue.scale.max, u: v.position)
                let salience = Self.sample(
                    coding?.salience ?? stance.salience, own: stance.salienceSpread, fallback: defaults.salience,
                    lower: 0, upper: 100, u: v.salience)
                let issueCapability = Self.sample(
                    stance.capability ?? 0, own: stance.capabilitySpread, fallback: defaults.capability,
                    lower: 0, upper: .infinity, u: v.capability)
                stances.append(try Stance(
                    issue: stance.issue, position: position, salience: salience,
                    capability: stance.capability == nil ? nil : issueCapability,
                    positionSpread: Self.keeping(stance.positionSpread, position),
                    salienceSpread: Self.keeping(stance.salienceSpread, salience),
                    capabilitySpread: stance.capability == nil ? stance.capabilitySpread : Self.keeping(stance.capabilitySpread, issueCapability),
                    evidence: stance.evidence, codings: stance.codings))
            }
            stakeholders.append(try Stakeholder(
                id: stakeholder.id, name: stakeholder.name, description: stakeholder.description, capability: capability,
                capabilitySpread: Self.keeping(stakeholder.capabilitySpread, capability), evidence: stakeholder.evidence, stances: stances))
        }
        return try scenario.with(stakeholders: stakeholders)
    }

    /// The observed outcome of each issue (in scenario order) for one replicate: `nil` for an
    /// issue without one, the recorded value when it has no range, else a draw from the
    /// triangular distribution on the range with its mode at the recorded value. Consumes one
    /// word per issue; use the stream `RandomStream(seed:index:purpose: InputSampler.observedPurpose)`.
    public func drawObserved(using stream: inout some RandomNumberGenerator) -> [Double?] {
        scenario.issues.map { issue in
            let u = stream.nextOpenUnit()
            guard let observed = issue.observed else { return nil }
            guard let range = observed.range else { return observed.value }
            return Self.triangularQuantile(u, lower: range.lowerBound, mode: observed.value, upper: range.upperBound,
                                           within: issue.scale.min...issue.scale.max)
        }
    }

    /// One draw of `value` from the `u`-quantile of its spread (its `own`, else the scenario's
    /// `fallback`), kept in [`lower`, `upper`].
    static func sample(_ value: Double, own: Spread?, fallback: Spread?, lower: Double, upper: Double, u: Double) -> Double {
        guard let spread = own ?? fallback else { return value }
        switch spread {
        case .sd(let sd):
            return NormalDistribution.truncatedQuantile(u, mean: value, sd: sd, lower: lower, upper: upper)
        case .relativeSD(let fraction):
            return NormalDistribution.truncatedQuantile(u, mean: value, sd: abs(value) * fraction, lower: lower, upper: upper)
        case .range(let low, let high):
            let a = max(low, lower)
            let b = min(high, upper)
            guard a <= b else { return min(max(value, lower), upper) }
            if own == nil {
                return min(max(a + (b - a) * u, a), b)  // a default range has no point: uniform
            }
            return triangularQuantile(u, lower: low, mode: value, upper: high, within: lower...upper)
        }
    }

    /// The `u`-quantile of the triangular distribution on [`lower`, `upper`] with its mode at
    /// `mode` (clamped into the range), conditioned on [`within`] by inversion.
    ///
    /// CDF: F(x) = (x − a)² / ((b − a)(c − a)) for x <= c, 1 − (b − x)² / ((b − a)(b − c)) above.
    public static func triangularQuantile(_ u: Double, lower: Double, mode: Double, upper: Double, within: ClosedRange<Double>) -> Double {
        let a = min(lower, upper)
        let b = max(lower, upper)
        guard b > a else { return min(max(a, within.lowerBound), within.upperBound) }
        let c = min(max(mode, a), b)
        let width = b - a
        func cdf(_ x: Double) -> Double {
            if x <= a { return 0 }
            if x >= b { return 1 }
            if x <= c { return c > a ? (x - a) * (x - a) / (width * (c - a)) : 0 }
            return b > c ? 1 - (b - x) * (b - x) / (width * (b - c)) : 1
        }
        let low = max(a, within.lowerBound)
        let high = min(b, within.upperBound)
        guard low <= high else { return min(max(c, within.lowerBound), within.upperBound) }
        let p = cdf(low) + u * (cdf(high) - cdf(low))
        let peak = (c - a) / width
        let x = p < peak ? a + (p * width * (c - a)).squareRoot() : b - ((1 - p) * width * (b - c)).squareRoot()
        return min(max(x, low), high)
    }

    /// `spread`, unless it is a range that does not hold `value` (cannot happen for draws, kept as a guard).
    private static func keeping(_ spread: Spread?, _ value: Double) -> Spread? {
        guard case .range(let low, let high)? = spread else { return spread }
        return value >= low && value <= high ? spread : nil
    }
}
