/// A strategic game's payoffs in double precision, with each player's expected payoff per pure
/// strategy against a mixed profile and its derivatives: what the n-player path followers
/// (logit QRE tracing, support refinement) evaluate at every step.
///
/// Strategies are numbered globally: player `i`'s strategy `s` is `offsets[i] + s`, so a mixed
/// profile is one flat vector of `strategyCount` probabilities.
struct PayoffTable: Sendable {
    let shape: [Int]
    let offsets: [Int]
    let strategyCount: Int
    /// `payoffs[profile * players + player]`, profiles in the game's odometer order.
    let payoffs: [Double]
    /// Largest minus smallest payoff over all players (1 when all payoffs are equal).
    let range: Double

    init(_ game: NormalFormGame) {
        shape = game.shape
        var running = 0
        offsets = shape.map { count in
            defer { running += count }
            return running
        }
        strategyCount = running
        payoffs = game.payoffs.flatMap { $0.map(\.doubleValue) }
        let high = payoffs.max() ?? 0
        let low = payoffs.min() ?? 0
        range = high > low ? high - low : 1
    }

    var playerCount: Int { shape.count }

    /// The player a global strategy index belongs to.
    func player(of index: Int) -> Int {
        var player = 0
        while player + 1 < offsets.count && offsets[player + 1] <= index { player += 1 }
        return player
    }

    /// `values[k]`: the expected payoff of global strategy `k` to its player against the others'
    /// mixtures in `p`. With `derivatives`, also `jacobian[k][l] = ∂values[k]/∂p[l]` (zero for
    /// `l` of the same player).
    /// - Complexity: O(profiles × players³).
    func strategyValues(_ p: [Double], derivatives: Bool) -> (values: [Double], jacobian: [[Double]]) {
        let n = playerCount
        var values = Array(repeating: 0.0, count: strategyCount)
        var jacobian = derivatives ? Array(repeating: Array(repeating: 0.0, count: strategyCount), count: strategyCount) : []
        var choice = Array(repeating: 0, count: n)
        let profiles = payoffs.count / max(n, 1)
        var probability = Array(repeating: 0.0, count: n)
        for profile in 0..<profiles {
            for k in 0..<n { probability[k] = p[offsets[k] + choice[k]] }
            for i in 0..<n {
                let payoff = payoffs[profile * n + i]
                if payoff == 0 { continue }
                let row = offsets[i] + choice[i]
                var weight = payoff
                for k in 0..<n where k != i { weight *= probability[k] }
                values[row] += weight
                guard derivatives else { continue }
                for j in 0..<n where j != i {
                    var partial = payoff
                    for k in 0..<n where k != i && k != j { partial *= probability[k] }
                    jacobian[row][offsets[j] + choice[j]] += partial
                }
            }
            for k in 0..<n {
                choice[k] += 1
                if choice[k] < shape[k] { break }
                choice[k] = 0
            }
        }
        return (values, jacobian)
    }

    /// The largest gain any player gets by switching to a pure best response.
    func regret(_ p: [Double]) -> Double {
        let values = strategyValues(p, derivatives: false).values
        var worst = 0.0
        for i in 0..<playerCount {
            let range = offsets[i]..<(offsets[i] + shape[i])
            var current = 0.0
            for k in range { current += p[k] * values[k] }
            let best = range.map { values[$0] }.max() ?? current
            worst = max(worst, best - current)
        }
        return worst
    }

    /// The centroid: every player mixes uniformly.
    var centroid: [Double] {
        shape.flatMap { count in Array(repeating: 1.0 / Double(count), count: count) }
    }

    /// A flat vector split per player.
    func split(_ p: [Double]) -> [[Double]] {
        shape.indices.map { i in Array(p[offsets[i]..<(offsets[i] + shape[i])]) }
    }
}
