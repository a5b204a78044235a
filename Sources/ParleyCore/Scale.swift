/// The numeric line on which an issue's positions lie, with `min < max`, both finite.
public struct Scale: Sendable, Hashable {
    public let min: Double
    public let max: Double
    /// What one step on the scale means: `percent`, `years`, ...
    public let unit: String?

    /// Creates a scale.
    /// - Throws: ``ScenarioErrors`` when a bound is not finite or beyond ``NumberLimits/magnitude``,
    ///   or `min >= max`; paths are
    ///   relative to the scale.
    public init(min: Double, max: Double, unit: String? = nil) throws(ScenarioErrors) {
        var errors: [ScenarioError] = []
        for (key, value) in [("min", min), ("max", max)] {
            if !value.isFinite {
                errors.append(ScenarioError(.notFinite, at: [.key(key)], "expected a finite number, found \(NumberText.plain(value))"))
            }
            errors += NumberLimits.check(value, at: [.key(key)], what: "scale \(key)")
        }
        if errors.isEmpty, min >= max {
            errors.append(ScenarioError(
                .invalidValue, at: ["min"],
                "scale min \(NumberText.plain(min)) must be below max \(NumberText.plain(max))",
                hint: "a scale needs two different ends, for example {min: 0, max: 100}"))
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        self.min = min
        self.max = max
        self.unit = unit
    }

    /// The 0–100 scale used when a format carries no bounds (KTAB, decide without `#M` rows).
    public static let percent = Scale(uncheckedMin: 0, max: 100, unit: nil)

    private init(uncheckedMin: Double, max: Double, unit: String?) {
        self.min = uncheckedMin
        self.max = max
        self.unit = unit
    }

    /// `max - min`, always positive.
    public var width: Double { max - min }

    /// Whether `value` lies on the scale, bounds included.
    public func contains(_ value: Double) -> Bool { value >= min && value <= max }

    /// `value` mapped linearly to 0–100 (min → 0, max → 100).
    public func toPercent(_ value: Double) -> Double { (value - min) / width * 100 }

    /// A 0–100 value mapped back onto this scale.
    public func fromPercent(_ percent: Double) -> Double { min + percent / 100 * width }

    /// `value` moved onto the scale if it lies outside (guards rounding in computations).
    public func clamp(_ value: Double) -> Double { Swift.min(Swift.max(value, min), max) }

    /// `0...100 percent` style text for messages.
    public var rangeText: String { "\(NumberText.plain(min))...\(NumberText.plain(max))" }
}
