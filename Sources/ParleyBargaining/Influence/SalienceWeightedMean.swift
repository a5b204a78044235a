/// The salience-weighted mean Σ s·v / Σ s that pools a stakeholder's per-issue distances,
/// influences and gains into one figure, shared by the counterfactual-influence and who-won
/// analyses so both pool the same way.
public enum SalienceWeightedMean {
    /// Σ s·v / Σ s over the pairs with a positive, finite weight and a finite value (a
    /// compensated sum, so many small terms do not lose digits); `nil` when no pair qualifies.
    /// The result is in the values' unit. O(n).
    public static func of(_ pairs: [(weight: Double, value: Double)]) -> Double? {
        let used = pairs.filter { $0.weight > 0 && $0.weight.isFinite && $0.value.isFinite }
        let total = used.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        return ShapleyValues.compensatedSum(used.map { $0.weight * $0.value }) / total
    }
}
