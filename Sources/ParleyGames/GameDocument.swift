/// A game read from a file: a strategic-form game (Gambit `.nfg`), an analyst's model
/// (a Parley game file, possibly Bayesian), or an extensive-form game (Gambit `.efg`, or a
/// Parley game file with `nodes`).
public enum GameDocument: Sendable {
    case normalForm(NormalFormGame)
    case model(GameModel)
    case extensive(ExtensiveFormGame)

    /// The strategic form that equilibrium methods solve: the game itself, the Harsanyi form of
    /// a model, or the reduced normal form of a tree.
    public func strategicForm() throws(GameError) -> NormalFormGame {
        switch self {
        case .normalForm(let game): return game
        case .model(let model): return try model.bayesianGame().harsanyiForm()
        case .extensive(let tree): return try tree.reducedNormalForm()
        }
    }
}
