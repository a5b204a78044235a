/// A game in strategic (normal) form: finitely many players, each with finitely many pure
/// strategies, and an exact payoff for every player at every pure-strategy profile.
///
/// Profiles are stored in Gambit's order, an odometer in which player 1's strategy changes
/// fastest, so a `.nfg` payoff list maps onto ``payoffs`` one to one.
public struct NormalFormGame: Sendable, Hashable {
    /// A one-line title (Gambit's title string).
    public var title: String
    /// Player names, in order.
    public private(set) var players: [String]
    /// Strategy labels per player, in order.
    public private(set) var strategies: [[String]]
    /// `payoffs[profile][player]`, profiles in odometer order (player 1 fastest).
    public private(set) var payoffs: [[Rational]]
    /// An optional longer description (Gambit's comment).
    public var comment: String

    /// Builds a game and checks its shape.
    /// - Parameters:
    ///   - title: the game's title, as in a Gambit file.
    ///   - players: the players' names.
    ///   - strategies: each player's strategy names.
    ///   - payoffs: one row per pure profile in odometer order (player 1 fastest), one payoff per player.
    ///   - comment: free text kept with the game, as in a Gambit file.
    /// - Throws: ``GameError`` when a player has no strategies or `payoffs` has the wrong size.
    /// - Complexity: O(profiles × players).
    public init(title: String = "", players: [String], strategies: [[String]], payoffs: [[Rational]], comment: String = "") throws(GameError) {
        guard !players.isEmpty else {
            throw GameError(.shape, "a game needs at least one player")
        }
        guard strategies.count == players.count else {
            throw GameError(.shape, "\(players.count) players but strategy lists for \(strategies.count)")
        }
        for (index, list) in strategies.enumerated() where list.isEmpty {
            throw GameError(.shape, "player '\(players[index])' has no strategies", hint: "give every player at least one strategy")
        }
        var count = 1
        for list in strategies {
            let (product, overflow) = count.multipliedReportingOverflow(by: list.count)
            guard !overflow, product <= 50_000_000 else {
                throw GameError(.tooLarge, "the game has more than 50 million pure-strategy profiles")
            }
            count = product
        }
        guard payoffs.count == count else {
            throw GameError(.shape, "expected payoffs for \(count) strategy profiles, found \(payoffs.count)")
        }
        for (index, row) in payoffs.enumerated() where row.count != players.count {
            throw GameError(.shape, "profile \(index + 1) has \(row.count) payoffs; expected one for each of \(players.count) players")
        }
        self.title = title
        self.players = players
        self.strategies = strategies
        self.payoffs = payoffs
        self.comment = comment
    }

    /// A two-player game from the payoff matrices `a` (row player) and `b` (column player),
    /// `a[i][j]` being the row player's payoff when row `i` meets column `j`.
    /// - Throws: ``GameError`` when the matrices are empty, ragged or of different sizes.
    public static func bimatrix(
        _ a: [[Rational]], _ b: [[Rational]], title: String = "",
        players: [String] = ["Player 1", "Player 2"], rowLabels: [String]? = nil, columnLabels: [String]? = nil
    ) throws(GameError) -> NormalFormGame {
        let m = a.count
        let n = a.first?.count ?? 0
        guard m > 0, n > 0 else { throw GameError(.shape, "a bimatrix game needs at least one row and one column") }
        guard b.count == m, a.allSatisfy({ $0.count == n }), b.allSatisfy({ $0.count == n }) else {
            throw GameError(.shape, "the two payoff matrices must both be \(m)×\(n) and rectangular")
        }
        var payoffs: [[Rational]] = []
        payoffs.reserveCapacity(m * n)
        for j in 0..<n {
            for i in 0..<m { payoffs.append([a[i][j], b[i][j]]) }
        }
        return try NormalFormGame(
            title: title, players: players,
            strategies: [rowLabels ?? (1...m).map { "\($0)" }, columnLabels ?? (1...n).map { "\($0)" }],
            payoffs: payoffs)
    }

    /// The number of pure strategies of each player.
    public var shape: [Int] { strategies.map(\.count) }

    /// The number of pure-strategy profiles.
    public var profileCount: Int { payoffs.count }

    /// The index in ``payoffs`` of the profile choosing `choice[p]` for each player `p`.
    /// Indices must be in range (callers build them from ``shape``).
    public func profileIndex(_ choice: [Int]) -> Int {
        var index = 0
        var stride = 1
        for (player, strategy) in choice.enumerated() {
            index += strategy * stride
            stride *= strategies[player].count
        }
        return index
    }

    /// The profile (one strategy index per player) stored at `index`.
    public func profile(at index: Int) -> [Int] {
        var rest = index
        return strategies.map { list in
            let strategy = rest % list.count
            rest /= list.count
            return strategy
        }
    }

    /// Player `player`'s payoff when each player `p` plays pure strategy `choice[p]`.
    public func payoff(_ choice: [Int], player: Int) -> Rational {
        payoffs[profileIndex(choice)][player]
    }

    /// For a two-player game, the row player's matrix `A` and the column player's `B`.
    /// `nil` when the game does not have exactly two players.
    public var bimatrixPayoffs: (a: [[Rational]], b: [[Rational]])? {
        guard players.count == 2 else { return nil }
        let m = strategies[0].count
        let n = strategies[1].count
        var a = Array(repeating: Array(repeating: Rational.zero, count: n), count: m)
        var b = a
        for j in 0..<n {
            for i in 0..<m {
                let row = payoffs[i + j * m]
                a[i][j] = row[0]
                b[i][j] = row[1]
            }
        }
        return (a, b)
    }

    /// The same game with the strategies of each player restricted to `kept[p]` (indices in
    /// the original order, which is kept).
    public func restricted(to kept: [[Int]]) -> NormalFormGame? {
        guard kept.count == players.count, kept.allSatisfy({ !$0.isEmpty }) else { return nil }
        var rows: [[Rational]] = []
        var counter = Array(repeating: 0, count: players.count)
        let total = kept.reduce(1) { $0 * $1.count }
        rows.reserveCapacity(total)
        for _ in 0..<total {
            let choice = counter.enumerated().map { kept[$0.offset][$0.element] }
            rows.append(payoffs[profileIndex(choice)])
            for p in counter.indices {
                counter[p] += 1
                if counter[p] < kept[p].count { break }
                counter[p] = 0
            }
        }
        let labels = kept.enumerated().map { player, list in list.map { strategies[player][$0] } }
        return try? NormalFormGame(title: title, players: players, strategies: labels, payoffs: rows, comment: comment)
    }
}
