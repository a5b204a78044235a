import ParleyCore

// The lookup-table players of axelrod 4.14 `lookerup.py` (LookerUp, the evolved tables,
// Winner12/21) and `gambler.py` (Gambler: a table of cooperation probabilities).

/// A lookup table over the opponent's first `openingDepth` moves, this player's last
/// `ownDepth` moves and the opponent's last `theirDepth` moves.
///
/// The key is the string openings + own + theirs (oldest first in each part) read as a
/// binary number with C = 0 and D = 1, most significant first, which is axelrod's
/// `itertools.product((C, D), repeat=...)` order. `probabilities[key]` is the probability of
/// cooperating (exactly 0 or 1 for a deterministic table, so no random draw is made).
/// Until the opponent has played `initialMoves.count` rounds the player plays
/// `initialMoves` (axelrod's initial-actions pool).
final class LookupTableData: Sendable {
    let ownDepth: Int
    let theirDepth: Int
    let openingDepth: Int
    let probabilities: [Double]
    let initialMoves: [Choice]

    /// `nil` unless the table has 2^(own + theirs + openings) entries, each in 0...1, and the
    /// depths are at most 16 in total.
    init?(ownDepth: Int, theirDepth: Int, openingDepth: Int, probabilities: [Double], initialMoves: [Choice]) {
        let bits = ownDepth + theirDepth + openingDepth
        guard ownDepth >= 0, theirDepth >= 0, openingDepth >= 0, bits <= 16,
              probabilities.count == 1 << bits, probabilities.allSatisfy({ $0 >= 0 && $0 <= 1 }) else { return nil }
        self.ownDepth = ownDepth
        self.theirDepth = theirDepth
        self.openingDepth = openingDepth
        self.probabilities = probabilities
        self.initialMoves = initialMoves
    }

    /// A deterministic table from a pattern of C and D in key order.
    convenience init?(ownDepth: Int, theirDepth: Int, openingDepth: Int, pattern: String, initialMoves: String) {
        guard let moves = Choice.sequence(pattern), let initial = Choice.sequence(initialMoves) else { return nil }
        self.init(ownDepth: ownDepth, theirDepth: theirDepth, openingDepth: openingDepth,
                  probabilities: moves.map { $0 == .cooperate ? 1 : 0 }, initialMoves: initial)
    }

    /// A table of probabilities written as space-separated decimals in key order.
    convenience init?(ownDepth: Int, theirDepth: Int, openingDepth: Int, probabilityText: String, initialMoves: String) {
        var values: [Double] = []
        for word in probabilityText.split(separator: " ") {
            guard let value = Double(word) else { return nil }
            values.append(value)
        }
        guard let initial = Choice.sequence(initialMoves) else { return nil }
        self.init(ownDepth: ownDepth, theirDepth: theirDepth, openingDepth: openingDepth, probabilities: values, initialMoves: initial)
    }

    /// True when every entry is 0 or 1.
    var isDeterministic: Bool { probabilities.allSatisfy { $0 == 0 || $0 == 1 } }
}

/// Plays a ``LookupTableData``. O(depth) per round.
struct LookupTablePlayer: RepeatedStrategy {
    let data: LookupTableData

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let n = h.count
        if n < data.initialMoves.count { return data.initialMoves[n] }
        var key = 0
        for i in 0..<data.openingDepth {
            key = key << 1 | Int((h.theirs(at: i) ?? .cooperate).rawValue)
        }
        for back in stride(from: data.ownDepth, through: 1, by: -1) {
            key = key << 1 | Int((h.mine(back: back) ?? .cooperate).rawValue)
        }
        for back in stride(from: data.theirDepth, through: 1, by: -1) {
            key = key << 1 | Int((h.theirs(back: back) ?? .cooperate).rawValue)
        }
        return random.choice(cooperatingWith: data.probabilities[key])
    }
}
