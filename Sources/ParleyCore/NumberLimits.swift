/// The largest magnitude a scenario's numbers may have: scale bounds, capabilities and spreads.
///
/// The models multiply capabilities, saliences and positions and square distances; with every
/// input within ±1e15 those products stay far inside `Double`'s range (1e15² × 1e15 × 100 ≈
/// 1e62), so no forecast, chart or JSON answer meets an infinity or a NaN, and tables print the
/// digits of every value that validates. Real scenarios use 0–100 scales and capabilities in the
/// hundreds; money amounts up to a quadrillion still fit.
public enum NumberLimits {
    /// ±1e15.
    public static let magnitude = 1e15

    /// An error when `value` is finite but beyond ``magnitude``; `what` names the field.
    public static func check(_ value: Double, at path: ScenarioPath, what: String) -> [ScenarioError] {
        guard value.isFinite, value.magnitude > magnitude else { return [] }
        return [ScenarioError(
            .outOfRange, at: path,
            "\(what) \(NumberText.plain(value)) is beyond ±1e15, the largest magnitude Parley computes with (limit: number magnitude)",
            hint: "rescale the issue (thousands, millions) so that its numbers stay within ±1e15")]
    }
}
