/// Strict dominance between a player's pure strategies conditional on the others' supports,
/// precomputed as bit sets over the opponents' pure profiles: what ``PolynomialEnumeration``
/// uses to rule out support profiles before searching them.
///
/// For player `i` and strategies `s`, `t`, the set `better(i, s, t)` holds the opponents'
/// profiles `o` with `u_i(t, o) > u_i(s, o)` (compared exactly). `s` is strictly dominated by
/// `t` given the others' supports `S₋ᵢ` exactly when every profile of `S₋ᵢ` is in that set.
struct ConditionalDominance: Sendable {
    let shape: [Int]
    /// Per player: the 64-bit words of each bit set, and the sets for every (s, t), `s * mᵢ + t`.
    private let words: [Int]
    private let better: [[UInt64]]
    /// Per player: the stride of each other player in the flat index of opponents' profiles.
    private let strides: [[Int]]

    /// - Complexity: O(players × strategies × profiles) payoff comparisons.
    init(_ game: NormalFormGame) {
        shape = game.shape
        let n = shape.count
        var words: [Int] = []
        var better: [[UInt64]] = []
        var strides: [[Int]] = []
        for i in 0..<n {
            var stride = 1
            var own = Array(repeating: 0, count: n)
            for j in 0..<n where j != i {
                own[j] = stride
                stride *= shape[j]
            }
            let opponentProfiles = stride
            let count = (opponentProfiles + 63) / 64
            let m = shape[i]
            var sets = Array(repeating: UInt64(0), count: m * m * count)
            var choice = Array(repeating: 0, count: n)
            for o in 0..<opponentProfiles {
                var rest = o
                for j in 0..<n where j != i {
                    choice[j] = rest % shape[j]
                    rest /= shape[j]
                }
                for s in 0..<m {
                    choice[i] = s
                    let low = game.payoffs[game.profileIndex(choice)][i]
                    for t in 0..<m where t != s {
                        choice[i] = t
                        if game.payoffs[game.profileIndex(choice)][i] > low {
                            sets[(s * m + t) * count + o / 64] |= UInt64(1) << UInt64(o % 64)
                        }
                    }
                }
            }
            words.append(count)
            better.append(sets)
            strides.append(own)
        }
        self.words = words
        self.better = better
        self.strides = strides
    }

    /// Whether some strategy in a player's support is strictly dominated by another of its
    /// strategies against every profile of the others' supports.
    /// - Complexity: O(players × (support profiles of the others + strategies² × words)).
    func dominated(_ supports: [[Int]]) -> Bool {
        let n = shape.count
        guard supports.count == n, supports.allSatisfy({ !$0.isEmpty }) else { return false }
        var mask = Array(repeating: UInt64(0), count: words.max() ?? 1)
        var digits = Array(repeating: 0, count: n)
        for i in 0..<n {
            let count = words[i]
            for w in 0..<count { mask[w] = 0 }
            // The flat indices of the others' support profiles (an odometer over their supports).
            for j in 0..<n { digits[j] = 0 }
            while true {
                var flat = 0
                for j in 0..<n where j != i { flat += supports[j][digits[j]] * strides[i][j] }
                mask[flat / 64] |= UInt64(1) << UInt64(flat % 64)
                var j = 0
                while j < n {
                    if j != i {
                        digits[j] += 1
                        if digits[j] < supports[j].count { break }
                        digits[j] = 0
                    }
                    j += 1
                }
                if j == n { break }
            }
            let m = shape[i]
            for s in supports[i] {
                for t in 0..<m where t != s {
                    let base = (s * m + t) * count
                    var covered = true
                    for w in 0..<count where mask[w] & ~better[i][base + w] != 0 {
                        covered = false
                        break
                    }
                    if covered { return true }
                }
            }
        }
        return false
    }
}
