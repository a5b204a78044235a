import ParleyCore

extension GameModel {
    /// A model holding `game` as it is: ids made from the player and strategy names (unique
    /// slugs; a name that is not a valid id becomes one, such as `Player 1` → `player-1`),
    /// constant payoffs, no types, parameters or evidence.
    public init(normalForm game: NormalFormGame) {
        var taken = Set<String>()
        var players: [Player] = []
        for (p, name) in game.players.enumerated() {
            let id = Identifier.uniqueSlug(from: name.isEmpty ? "player-\(p + 1)" : name, taken: taken)
            taken.insert(id)
            var actionIds = Set<String>()
            var actions: [String] = []
            for (s, label) in game.strategies[p].enumerated() {
                let action = Identifier.uniqueSlug(from: label.isEmpty ? "s\(s + 1)" : label, taken: actionIds)
                actionIds.insert(action)
                actions.append(action)
            }
            players.append(Player(id: id, name: name, actions: actions))
        }
        let outcomes = (0..<game.profileCount).map { index in
            Outcome(actions: game.profile(at: index), types: Array(repeating: 0, count: game.players.count),
                    payoffs: game.payoffs[index].map { LinearExpression(constant: $0) })
        }
        self.init(name: game.title.isEmpty ? "Untitled game" : game.title, summary: game.comment.isEmpty ? nil : game.comment,
                  players: players, outcomes: outcomes)
    }
}
