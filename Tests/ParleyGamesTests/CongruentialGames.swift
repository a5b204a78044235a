@testable import ParleyGames

/// A game of the given shape whose payoffs, profile by profile (player 0's strategy fastest) and
/// player by player, are 0...`range`-1 from a 64-bit linear congruential sequence started at `seed`
/// (small ranges make ties). The enumpoly tests' reproducible random games.
func congruentialGame(_ shape: [Int], seed: UInt64, range: UInt64) throws -> NormalFormGame {
    var state = seed
    var rows: [[Rational]] = []
    for _ in 0..<shape.reduce(1, *) {
        var row: [Rational] = []
        for _ in shape {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            row.append(Rational(Int((state >> 33) % range)))
        }
        rows.append(row)
    }
    return try NormalFormGame(players: shape.indices.map { "P\($0)" },
                              strategies: shape.map { m in (0..<m).map { "s\($0)" } }, payoffs: rows)
}
