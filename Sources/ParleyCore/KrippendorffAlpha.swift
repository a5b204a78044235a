/// Krippendorff's alpha, the agreement coefficient for any number of coders, missing values
/// and (here) the interval metric δ²(a, b) = (a − b)² (Krippendorff, *Content Analysis*, 4th
/// ed., 2019, ch. 12; Hayes & Krippendorff, Communication Methods and Measures 1(1), 2007).
///
/// α = 1 − D_o / D_e, where, over the n values in units holding at least two values,
/// - the observed disagreement D_o = (1/n) Σ_u 1/(m_u − 1) Σ_{i≠j in u} (v_i − v_j)²,
/// - the expected disagreement D_e = 1/(n(n − 1)) Σ_{i≠j} (v_i − v_j)² over all n values,
/// with m_u the number of values in unit u and the sums over ordered pairs. α = 1 is perfect
/// agreement, 0 agreement at chance level; negative values mean systematic disagreement.
/// Krippendorff suggests relying on α ≥ 0.8 and drawing tentative conclusions from α ≥ 0.667.
public enum KrippendorffAlpha {
    /// α for the interval metric.
    ///
    /// - Parameter data: one row per unit (a coded item), one column per coder, `nil` where a
    ///   coder gave no value; rows may differ in length (missing trailing values). Non-finite
    ///   values count as missing.
    /// - Returns: α, or `nil` when it is undefined: fewer than two pairable values, or no
    ///   variation at all among them (D_e = 0).
    /// - Complexity: O(Σ m_u²) for the units' value counts m_u; O(n) memory.
    public static func interval(_ data: [[Double?]]) -> Double? {
        let units = data.map { row in row.compactMap { $0 }.filter(\.isFinite) }.filter { $0.count >= 2 }
        let values = units.flatMap { $0 }
        let n = Double(values.count)
        guard values.count >= 2 else { return nil }
        // Centre on the mean: Σ_{i≠j} (v_i − v_j)² = 2 n Σ (v − mean)², without cancellation.
        let mean = values.reduce(0, +) / n
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let expected = 2 * n * squares / (n * (n - 1))
        guard expected > 0 else { return nil }
        var observed = 0.0
        for unit in units {
            var within = 0.0
            for i in unit.indices {
                for j in unit.indices where j > i {
                    within += 2 * (unit[i] - unit[j]) * (unit[i] - unit[j])
                }
            }
            observed += within / Double(unit.count - 1)
        }
        observed /= n
        return 1 - observed / expected
    }
}
