/// How uncertain one input number is, for Monte Carlo draws.
///
/// - `sd`: a normal distribution around the value with this standard deviation, in the
///   field's own units (scale units for positions, 0–100 points for saliences), truncated to
///   the field's valid range.
/// - `relativeSD`: the same with a standard deviation of this fraction of the value
///   (`0.2` = 20 %); meant for capabilities, whose units are arbitrary.
/// - `range`: a draw between the two bounds (inclusive), in the field's units. Written on a
///   field with its point (`{value: 75, range: [60, 85]}`), the draw is triangular with its
///   mode at the point, and the point must lie in the range. As a scenario-wide default
///   (`uncertainty:`), a range has no point of its own and the draw is uniform.
public enum Spread: Sendable, Hashable {
    case sd(Double)
    case relativeSD(Double)
    case range(lower: Double, upper: Double)

    /// Checks the spread's own invariants; `path` names the spread in the document.
    static func check(_ spread: Spread, at path: ScenarioPath) -> [ScenarioError] {
        switch spread {
        case .sd(let sd):
            return checkNonNegative(sd, at: path.appending("sd"))
        case .relativeSD(let sd):
            return checkNonNegative(sd, at: path.appending("relative-sd"))
        case .range(let lower, let upper):
            let rangePath = path.appending("range")
            if !lower.isFinite || !upper.isFinite {
                return [ScenarioError(.notFinite, at: rangePath, "range bounds must be finite numbers, found [\(NumberText.plain(lower)), \(NumberText.plain(upper))]")]
            }
            if lower > upper {
                return [ScenarioError(.invalidValue, at: rangePath, "range [\(NumberText.plain(lower)), \(NumberText.plain(upper))] has its lower bound above its upper bound", hint: "write the range as [lower, upper]")]
            }
            return []
        }
    }

    /// The error for a field whose point lies outside its own range spread.
    static func checkPoint(_ value: Double, in spread: Spread, at path: ScenarioPath) -> [ScenarioError] {
        guard case .range(let lower, let upper) = spread, value.isFinite, lower.isFinite, upper.isFinite, lower <= upper else { return [] }
        guard value < lower || value > upper else { return [] }
        return [ScenarioError(
            .outOfRange, at: path.appending("range"),
            "the value \(NumberText.plain(value)) lies outside its own range [\(NumberText.plain(lower)), \(NumberText.plain(upper))]",
            hint: "a range is the belief around the coded value: widen the range or move the value into it")]
    }

    /// `spread`, or `nil` when it is a range that does not hold `value` (see ``Stance/with(position:salience:capability:)``).
    static func keeping(_ spread: Spread?, for value: Double) -> Spread? {
        guard case .range(let lower, let upper)? = spread else { return spread }
        return (lower...upper).contains(value) ? spread : nil
    }

    private static func checkNonNegative(_ value: Double, at path: ScenarioPath) -> [ScenarioError] {
        if !value.isFinite {
            return [ScenarioError(.notFinite, at: path, "expected a finite number >= 0, found \(NumberText.plain(value))")]
        }
        if value < 0 {
            return [ScenarioError(.outOfRange, at: path, "expected a number >= 0, found \(NumberText.plain(value))")]
        }
        return []
    }
}

/// Scenario-wide default spreads, used for every field that has no spread of its own.
public struct Uncertainty: Sendable, Hashable {
    /// Default spread of positions (in each issue's scale units, or relative).
    public var position: Spread?
    /// Default spread of saliences (0–100 points).
    public var salience: Spread?
    /// Default spread of capabilities (usually `relativeSD`).
    public var capability: Spread?

    public init(position: Spread? = nil, salience: Spread? = nil, capability: Spread? = nil) {
        self.position = position
        self.salience = salience
        self.capability = capability
    }

    func validationErrors(at path: ScenarioPath) -> [ScenarioError] {
        var errors: [ScenarioError] = []
        if let position { errors += Spread.check(position, at: path.appending("position")) }
        if let salience { errors += Spread.check(salience, at: path.appending("salience")) }
        if let capability { errors += Spread.check(capability, at: path.appending("capability")) }
        return errors
    }
}
