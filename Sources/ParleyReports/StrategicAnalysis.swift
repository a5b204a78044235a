import ParleyCore
public import ParleyGames
public import ParleyIO

/// A solved game for the report's strategic section: the file's document and what
/// `GameSolver` found (dominance, equilibria, the dominance map of a model).
public struct GameAnalysis: Sendable {
    /// The name shown: the model's name, else the game's title, else `file`.
    public var name: String
    public var file: String
    public var document: GameDocument
    public var solution: GameSolution

    public init(file: String, document: GameDocument, solution: GameSolution) {
        self.file = file
        self.document = document
        self.solution = solution
        let base = file.split(separator: "/").last.map(String.init) ?? file
        switch document {
        case .model(let model): name = model.name.isEmpty ? base : model.name
        case .normalForm(let game): name = game.title.isEmpty ? base : game.title
        case .extensive(let tree): name = tree.title.isEmpty ? base : tree.title
        }
    }

    /// Reads nothing: solves `document` with the automatic method and dominance, as `parley game solve` does.
    /// - Throws: `GameError` when the game cannot be solved (too large, a prior outside 0...1 on the map's grid, ...).
    public static func solve(file: String, document: GameDocument) throws(GameError) -> GameAnalysis {
        let solution: GameSolution
        switch document {
        case .normalForm(let game): solution = try GameSolver.solve(game, method: .automatic)
        case .model(let model): solution = try GameSolver.solve(model, method: .automatic)
        case .extensive(let tree): solution = try GameSolver.solve(tree, method: .automatic)
        }
        return GameAnalysis(file: file, document: document, solution: solution)
    }

    /// The model, when the file is a Parley game file.
    public var model: GameModel? {
        if case .model(let model) = document { return model }
        return nil
    }
}

/// A repeated-game case for the report: the scripted-defection study's outcomes and, per noise
/// level of the case, a round-robin tournament among its replies and the counterpart's strategy.
public struct RepeatedAnalysis: Sendable {
    /// One tournament at one noise level.
    public struct Round: Sendable {
        public var noise: Double
        public var result: TournamentResult
        /// A label per player, in the result's order ("grim trigger").
        public var labels: [String]
    }

    public var study: RepeatedGameCase
    public var outcomes: [ReplyOutcome]
    public var tournaments: [Round]
    /// Matches per pair in each tournament.
    public var repetitions: Int

    /// Analyses `study` and plays its tournaments: the replies and the counterpart's strategy
    /// (once, when it is also a reply), the case's stage game and horizon, one tournament per
    /// noise level, `repetitions` matches per pair, seeded with the case's seed.
    /// - Complexity: the study's runs plus players² × repetitions × turns per noise level.
    /// - Throws: `RepeatedGameError` when a tournament cannot be set up.
    public init(study: RepeatedGameCase, repetitions: Int = 50, jobs: Int = Tournament.defaultJobs) throws(RepeatedGameError) {
        self.study = study
        self.repetitions = repetitions
        outcomes = study.study.analyse()
        var players = study.study.replies
        var labels = study.study.replies.indices.map { $0 < study.replyLabels.count ? study.replyLabels[$0] : study.study.replies[$0].name }
        if !players.contains(where: { $0.name == study.study.counterpart.name }) {
            players.append(study.study.counterpart)
            labels.append(study.study.counterpart.name)
        }
        var rounds: [Round] = []
        for noise in study.study.noiseLevels.isEmpty ? [0] : study.study.noiseLevels {
            let settings = try MatchSettings(game: study.study.game, length: .turns(study.study.turns), noise: noise)
            let tournament = try Tournament(players: players, settings: settings, repetitions: repetitions, selfPlay: true, seed: study.study.seed)
            rounds.append(Round(noise: noise, result: tournament.play(jobs: jobs), labels: labels))
        }
        tournaments = rounds
    }
}

/// A part of the report's strategic analysis, in the order the files were given.
public enum StrategicPart: Sendable {
    case game(GameAnalysis)
    case repeated(RepeatedAnalysis)

    /// The part's heading.
    public var name: String {
        switch self {
        case .game(let game): game.name
        case .repeated(let repeated): repeated.study.name
        }
    }
}
