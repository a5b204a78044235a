/// A game of incomplete information (Harsanyi 1967–68): each player has a type drawn from a
/// common prior, knows its own type, and chooses an action; payoffs depend on the types and
/// the actions.
///
/// A player with a single type is uninformed about nothing of its own (its type is common
/// knowledge). Strategies are type-contingent action plans; ``harsanyiForm()`` turns the game
/// into the strategic game whose Nash equilibria are the Bayesian equilibria.
public struct BayesianGame: Sendable, Hashable {
    public var title: String
    public private(set) var players: [String]
    /// Action labels per player.
    public private(set) var actions: [[String]]
    /// Type labels per player (at least one each).
    public private(set) var types: [[String]]
    /// The common prior over type profiles, in odometer order (player 1's type fastest).
    public private(set) var prior: [Rational]
    /// `payoffs[typeProfile][actionProfile][player]`, both profiles in odometer order.
    public private(set) var payoffs: [[[Rational]]]

    /// Builds a game and checks it.
    /// - Throws: ``GameError`` when shapes disagree, a prior probability is negative, or the prior does not sum to 1.
    public init(title: String = "", players: [String], actions: [[String]], types: [[String]], prior: [Rational], payoffs: [[[Rational]]]) throws(GameError) {
        guard !players.isEmpty, actions.count == players.count, types.count == players.count else {
            throw GameError(.shape, "every player needs a list of actions and a list of types")
        }
        for p in players.indices {
            guard !actions[p].isEmpty else { throw GameError(.shape, "player '\(players[p])' has no actions") }
            guard !types[p].isEmpty else { throw GameError(.shape, "player '\(players[p])' has no types") }
        }
        let typeCount = types.reduce(1) { $0 * $1.count }
        let actionCount = actions.reduce(1) { $0 * $1.count }
        guard prior.count == typeCount else {
            throw GameError(.shape, "the prior needs \(typeCount) probabilities (one per type profile), found \(prior.count)")
        }
        if let negative = prior.firstIndex(where: { $0.signum < 0 }) {
            throw GameError(.invalidValue, "the prior probability of type profile \(negative + 1) is negative (\(prior[negative]))")
        }
        let total = prior.reduce(Rational.zero, +)
        guard total == .one else {
            throw GameError(.invalidValue, "the prior sums to \(total), not 1", hint: "make the probabilities of each player's types add up to 1")
        }
        guard payoffs.count == typeCount, payoffs.allSatisfy({ $0.count == actionCount && $0.allSatisfy { $0.count == players.count } }) else {
            throw GameError(.shape, "expected payoffs for \(typeCount) type profiles × \(actionCount) action profiles × \(players.count) players")
        }
        self.title = title
        self.players = players
        self.actions = actions
        self.types = types
        self.prior = prior
        self.payoffs = payoffs
    }

    /// The prior as a product of independent marginals, one list per player.
    public static func independentPrior(_ marginals: [[Rational]]) -> [Rational] {
        var result: [Rational] = [.one]
        var stride = 1
        for list in marginals {
            var next = Array(repeating: Rational.zero, count: stride * list.count)
            for (t, probability) in list.enumerated() {
                for k in 0..<stride { next[k + t * stride] = result[k] * probability }
            }
            result = next
            stride *= list.count
        }
        return result
    }

    /// The type (or action) profile stored at `index` of an odometer over `sizes`.
    static func decode(_ index: Int, _ sizes: [Int]) -> [Int] {
        var rest = index
        return sizes.map { size in
            let value = rest % size
            rest /= size
            return value
        }
    }

    static func encode(_ choice: [Int], _ sizes: [Int]) -> Int {
        var index = 0
        var stride = 1
        for (value, size) in zip(choice, sizes) {
            index += value * stride
            stride *= size
        }
        return index
    }

    /// The marginal prior probability of each of `player`'s types.
    public func marginal(player: Int) -> [Rational] {
        var result = Array(repeating: Rational.zero, count: types[player].count)
        let sizes = types.map(\.count)
        for (index, probability) in prior.enumerated() {
            result[Self.decode(index, sizes)[player]] += probability
        }
        return result
    }

    /// What `player` of type `type` believes about the others' types: the prior conditioned on
    /// its own type, as a distribution over type profiles (zero where the profile gives the
    /// player another type). `nil` when that type has prior probability zero.
    public func beliefs(player: Int, type: Int) -> [Rational]? {
        let sizes = types.map(\.count)
        let own = marginal(player: player)[type]
        guard own.signum > 0 else { return nil }
        return prior.enumerated().map { index, probability in
            Self.decode(index, sizes)[player] == type ? probability / own : .zero
        }
    }

    /// The number of type-contingent plans of each player: actions^types.
    public var planCounts: [Int] {
        players.indices.map { p in
            (0..<types[p].count).reduce(1) { count, _ in count * actions[p].count }
        }
    }

    /// The action plan number `plan` of `player`: one action per type (type 1's action changing fastest).
    public func plan(_ plan: Int, player: Int) -> [Int] {
        Self.decode(plan, Array(repeating: actions[player].count, count: types[player].count))
    }

    /// The strategic (Harsanyi) form: player p's strategies are its action plans, labelled
    /// `a/b/...` (the action of each type in order; just `a` for a single type), and payoffs
    /// are ex-ante expected payoffs under the prior. Its Nash equilibria are exactly the
    /// Bayesian Nash equilibria (for types of positive probability).
    /// - Throws: ``GameError`` when the plans would exceed 50 million profiles.
    /// - Complexity: O(Π plans × type profiles × players).
    public func harsanyiForm() throws(GameError) -> NormalFormGame {
        let counts = planCounts
        let total = counts.reduce(1) { $0 * $1 }
        guard total <= 2_000_000 else {
            throw GameError(.tooLarge, "the Harsanyi form would have \(total) strategy profiles")
        }
        let labels = players.indices.map { p in
            (0..<counts[p]).map { k in plan(k, player: p).map { actions[p][$0] }.joined(separator: "/") }
        }
        let typeSizes = types.map(\.count)
        let actionSizes = actions.map(\.count)
        let plans = players.indices.map { p in (0..<counts[p]).map { plan($0, player: p) } }
        var rows: [[Rational]] = []
        rows.reserveCapacity(total)
        for index in 0..<total {
            let choice = Self.decode(index, counts)
            var row = Array(repeating: Rational.zero, count: players.count)
            for (typeIndex, probability) in prior.enumerated() where probability.signum > 0 {
                let typeProfile = Self.decode(typeIndex, typeSizes)
                let actionProfile = players.indices.map { plans[$0][choice[$0]][typeProfile[$0]] }
                let values = payoffs[typeIndex][Self.encode(actionProfile, actionSizes)]
                for p in row.indices { row[p] += probability * values[p] }
            }
            rows.append(row)
        }
        let typeNote = players.indices.filter { types[$0].count > 1 }
            .map { "\(players[$0]) types " + types[$0].joined(separator: "/") }.joined(separator: "; ")
        return try NormalFormGame(title: title, players: players, strategies: labels, payoffs: rows,
                                  comment: "Harsanyi form; plans list one action per type (\(typeNote))")
    }

    /// Behaviour per type from a mixed profile of the Harsanyi form: `[player][type][action]`,
    /// the probability that the player of that type takes each action.
    public func behaviour(_ profile: MixedProfile) -> [[[Rational]]] {
        players.indices.map { p in
            (0..<types[p].count).map { t in
                var probabilities = Array(repeating: Rational.zero, count: actions[p].count)
                for (k, weight) in profile.probabilities[p].enumerated() where weight.signum > 0 {
                    probabilities[plan(k, player: p)[t]] += weight
                }
                return probabilities
            }
        }
    }

    /// The posterior over `player`'s types after it was seen to take `action`, under the prior
    /// and the behaviour `behaviour` (from ``behaviour(_:)``). `nil` when the action has
    /// probability zero (Bayes' rule does not apply).
    public func posterior(player: Int, afterAction action: Int, behaviour: [[[Rational]]]) -> [Rational]? {
        let prior = marginal(player: player)
        let joint = prior.indices.map { prior[$0] * behaviour[player][$0][action] }
        let total = joint.reduce(Rational.zero, +)
        guard total.signum > 0 else { return nil }
        return joint.map { $0 / total }
    }

    /// All Bayesian Nash equilibria of a two-player game (the extreme equilibria of the
    /// Harsanyi form) or, for more players, the pure ones.
    public func equilibria() throws(GameError) -> [NashEquilibrium] {
        let form = try harsanyiForm()
        return players.count == 2 ? try BimatrixEnumeration.solve(form) : form.pureEquilibria()
    }
}
