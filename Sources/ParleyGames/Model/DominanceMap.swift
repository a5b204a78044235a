/// Where an action stops being dominant as parameters vary: the model is re-solved exactly at
/// every point of a one- or two-parameter grid.
public struct DominanceMap: Sendable, Hashable {
    /// What the action is at one grid point, from strongest to weakest.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// Strictly better than every other plan against everything the others may do.
        case strictlyDominant = "strictly-dominant"
        /// Never worse than any other plan, and better against something.
        case weaklyDominant = "weakly-dominant"
        /// Not dominant, but taken for sure in every equilibrium.
        case everyEquilibrium = "every-equilibrium"
        /// Taken for sure in some equilibria only.
        case someEquilibria = "some-equilibria"
        /// Taken for sure in no equilibrium.
        case noEquilibrium = "no-equilibrium"

        /// One character for the map.
        public var symbol: Character {
            switch self {
            case .strictlyDominant: "#"
            case .weaklyDominant: "+"
            case .everyEquilibrium: "o"
            case .someEquilibria: "~"
            case .noEquilibrium: "."
            }
        }
    }

    public struct Point: Sendable, Hashable {
        /// Parameter values, in the order of the sweeps.
        public var values: [Rational]
        public var status: Status
    }

    public var player: Int
    public var action: Int
    public var sweeps: [GameModel.Sweep]
    /// Grid points, the first sweep's value changing fastest.
    public var points: [Point]

    /// Classifies the plan "every type of `player` takes `action`" at every grid point.
    /// - Throws: ``GameError`` when the model cannot be built at some point (a prior leaves 0...1, ...).
    /// - Complexity: grid points × (dominance check + equilibrium enumeration of the Harsanyi form).
    public init(model: GameModel, analysis: GameModel.Analysis) throws(GameError) {
        player = analysis.player
        action = analysis.action
        sweeps = analysis.sweeps
        let axes = analysis.sweeps.map(\.points)
        let sizes = axes.map(\.count)
        let total = sizes.reduce(1, *)
        var points: [Point] = []
        for index in 0..<total {
            let choice = BayesianGame.decode(index, sizes)
            var overrides: [String: Rational] = [:]
            let values = choice.enumerated().map { axes[$0.offset][$0.element] }
            for (k, sweep) in analysis.sweeps.enumerated() { overrides[sweep.parameter] = values[k] }
            let game = try model.bayesianGame(overriding: overrides)
            points.append(Point(values: values, status: try Self.status(game, player: analysis.player, action: analysis.action)))
        }
        self.points = points
    }

    /// The status of "every type of `player` takes `action`" in `game`.
    public static func status(_ game: BayesianGame, player: Int, action: Int) throws(GameError) -> Status {
        let form = try game.harsanyiForm()
        let typeCount = game.types[player].count
        let plan = BayesianGame.encode(Array(repeating: action, count: typeCount), Array(repeating: game.actions[player].count, count: typeCount))
        let others = (0..<form.strategies[player].count).filter { $0 != plan }
        if others.allSatisfy({ form.dominates(plan, $0, player: player, kind: .strict) }) { return .strictlyDominant }
        if others.allSatisfy({ form.dominates(plan, $0, player: player, kind: .weak) }) { return .weaklyDominant }
        let equilibria = try game.equilibria()
        let takes = equilibria.map { $0.profile.probabilities[player][plan] == .one }
        if !takes.isEmpty, takes.allSatisfy({ $0 }) { return .everyEquilibrium }
        return takes.contains(true) ? .someEquilibria : .noEquilibrium
    }
}
