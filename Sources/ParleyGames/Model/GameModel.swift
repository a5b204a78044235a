public import ParleyCore

/// A game as an analyst writes it (a Parley game file): players with actions and, for
/// incomplete information, types with prior probabilities; payoffs per profile; named
/// parameters with the evidence behind each number; and an optional sensitivity analysis.
///
/// Payoffs and priors are ``LinearExpression``s in the parameters, so the same model can be
/// re-solved as a parameter varies (``DominanceMap``).
public struct GameModel: Sendable, Hashable {
    public struct Player: Sendable, Hashable {
        public var id: String
        public var name: String
        public var actions: [String]
        /// Empty for a player whose type is common knowledge.
        public var types: [PlayerType]
        public init(id: String, name: String, actions: [String], types: [PlayerType] = []) {
            self.id = id
            self.name = name
            self.actions = actions
            self.types = types
        }
    }

    public struct PlayerType: Sendable, Hashable {
        public var id: String
        public var prior: LinearExpression
        public var evidence: [Evidence]
        public init(id: String, prior: LinearExpression, evidence: [Evidence] = []) {
            self.id = id
            self.prior = prior
            self.evidence = evidence
        }
    }

    public struct Parameter: Sendable, Hashable {
        public var id: String
        public var value: Rational
        public var meaning: String?
        public var evidence: [Evidence]
        public init(id: String, value: Rational, meaning: String? = nil, evidence: [Evidence] = []) {
            self.id = id
            self.value = value
            self.meaning = meaning
            self.evidence = evidence
        }
    }

    /// The payoffs at one profile: one action per player and, for players with types, one type each.
    public struct Outcome: Sendable, Hashable {
        /// Action index per player.
        public var actions: [Int]
        /// Type index per player (0 for players without types).
        public var types: [Int]
        /// One payoff per player.
        public var payoffs: [LinearExpression]
        public var evidence: [Evidence]
        public init(actions: [Int], types: [Int], payoffs: [LinearExpression], evidence: [Evidence] = []) {
            self.actions = actions
            self.types = types
            self.payoffs = payoffs
            self.evidence = evidence
        }
    }

    /// A grid over one or two parameters on which to ask whether `action` of `player` is
    /// dominant, an equilibrium choice, or neither.
    public struct Analysis: Sendable, Hashable {
        public var player: Int
        public var action: Int
        public var sweeps: [Sweep]
        public init(player: Int, action: Int, sweeps: [Sweep]) {
            self.player = player
            self.action = action
            self.sweeps = sweeps
        }
    }

    public struct Sweep: Sendable, Hashable {
        public var parameter: String
        public var from: Rational
        public var to: Rational
        /// Intervals between `from` and `to` (steps + 1 grid points).
        public var steps: Int
        public init(parameter: String, from: Rational, to: Rational, steps: Int) {
            self.parameter = parameter
            self.from = from
            self.to = to
            self.steps = steps
        }

        public var points: [Rational] {
            guard steps > 0 else { return [from] }
            return (0...steps).map { from + (to - from) * (Rational(numerator: ExactInt($0), denominator: ExactInt(steps)) ?? .zero) }
        }
    }

    public var name: String
    public var summary: String?
    public var sources: [Source]
    public var parameters: [Parameter]
    public var players: [Player]
    public var outcomes: [Outcome]
    public var analysis: Analysis?

    public init(name: String, summary: String? = nil, sources: [Source] = [], parameters: [Parameter] = [], players: [Player],
                outcomes: [Outcome], analysis: Analysis? = nil) {
        self.name = name
        self.summary = summary
        self.sources = sources
        self.parameters = parameters
        self.players = players
        self.outcomes = outcomes
        self.analysis = analysis
    }

    /// Whether some player has more than one type.
    public var hasTypes: Bool { players.contains { $0.types.count > 1 } }

    /// The parameter values, with `overrides` replacing some.
    public func values(overriding overrides: [String: Rational] = [:]) -> [String: Rational] {
        var values: [String: Rational] = [:]
        for parameter in parameters { values[parameter.id] = parameter.value }
        for (key, value) in overrides { values[key] = value }
        return values
    }

    /// The game with parameters at their values (or `overrides`).
    /// - Throws: ``GameError`` when an outcome is missing or repeated, an expression names an
    ///   unknown parameter, or the prior is not a probability distribution.
    public func bayesianGame(overriding overrides: [String: Rational] = [:]) throws(GameError) -> BayesianGame {
        let values = values(overriding: overrides)
        func evaluate(_ expression: LinearExpression) throws(GameError) -> Rational {
            switch expression.evaluate(values) {
            case .success(let value): return value
            case .failure(let error): throw error
            }
        }
        let actionSizes = players.map(\.actions.count)
        let typeLists = players.map { $0.types.isEmpty ? ["-"] : $0.types.map(\.id) }
        let typeSizes = typeLists.map(\.count)
        var marginals: [[Rational]] = []
        for player in players {
            if player.types.isEmpty {
                marginals.append([.one])
            } else {
                var list: [Rational] = []
                for type in player.types { list.append(try evaluate(type.prior)) }
                marginals.append(list)
            }
        }
        let typeCount = typeSizes.reduce(1, *)
        let actionCount = actionSizes.reduce(1, *)
        var table: [[[Rational]?]] = Array(repeating: Array(repeating: nil, count: actionCount), count: typeCount)
        for outcome in outcomes {
            let t = BayesianGame.encode(outcome.types, typeSizes)
            let a = BayesianGame.encode(outcome.actions, actionSizes)
            var row: [Rational] = []
            for expression in outcome.payoffs { row.append(try evaluate(expression)) }
            table[t][a] = row
        }
        var payoffs: [[[Rational]]] = []
        for t in 0..<typeCount {
            var rows: [[Rational]] = []
            for a in 0..<actionCount {
                guard let row = table[t][a] else {
                    let actions = BayesianGame.decode(a, actionSizes).enumerated().map { players[$0.offset].actions[$0.element] }
                    let types = BayesianGame.decode(t, typeSizes).enumerated().filter { !players[$0.offset].types.isEmpty }
                        .map { "\(players[$0.offset].id) \(typeLists[$0.offset][$0.element])" }
                    throw GameError(.shape, "no payoffs for actions (\(actions.joined(separator: ", ")))" + (types.isEmpty ? "" : " when \(types.joined(separator: ", "))"),
                                    hint: "give one entry under 'payoffs' for every combination of actions" + (hasTypes ? " and types" : ""))
                }
                rows.append(row)
            }
            payoffs.append(rows)
        }
        return try BayesianGame(title: name, players: players.map(\.name), actions: players.map(\.actions), types: typeLists,
                                prior: BayesianGame.independentPrior(marginals), payoffs: payoffs)
    }
}
