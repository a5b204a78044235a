import ParleyCore

/// The reproducible random bimatrix games of the peer comparison (reference
/// `game-theory.md` §1), so that Parley, Gambit, nashpy and lrsnash solve the same inputs.
///
/// Payoffs are SplitMix64 outputs modulo 100 (integers 0...99): first `A` row by row, then `B`
/// row by row. Instance `k` of the `n×n` size uses seed `1000 n + k`.
public enum RandomBimatrix {
    /// The `rows × columns` game generated from `seed`.
    public static func game(rows: Int, columns: Int, seed: UInt64) -> NormalFormGame? {
        var stream = SplitMix64(state: seed)
        func matrix() -> [[Rational]] {
            (0..<rows).map { _ in (0..<columns).map { _ in Rational(Int(stream.next() % 100)) } }
        }
        let a = matrix()
        let b = matrix()
        return try? NormalFormGame.bimatrix(a, b, title: "SplitMix64 \(rows)x\(columns) seed \(seed)")
    }

    /// The seed of instance `index` of the square size `size`: `1000 * size + index`.
    public static func seed(size: Int, index: Int) -> UInt64 {
        UInt64(1000 * size + index)
    }
}
