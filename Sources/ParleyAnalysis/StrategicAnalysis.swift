import ParleyCore
public import ParleyGames


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

    /// Reads nothing: solves `document` as `parley game solve` does (by default: the automatic
    /// method, with dominance).
    /// - Throws: `GameError` when the game cannot be solved (too large, a prior outside 0...1 on the map's grid, ...).
    public static func solve(file: String, document: GameDocument, options: GameSolveOptions = GameSolveOptions()) throws(GameError) -> GameAnalysis {
        GameAnalysis(file: file, document: document, solution: try solution(of: document, options: options))
    }

    /// The solution of `document` under `options`: the one place that picks the solver for a
    /// strategic form, an analyst's model or a tree.
    /// For `enumpoly`, `progress` is called about once a second with the supports done so far.
    /// - Throws: `GameError` as ``solve(file:document:options:)``.
    public static func solution(of document: GameDocument, options: GameSolveOptions,
                                progress: (@Sendable (PolynomialEnumeration.Progress) -> Void)? = nil) throws(GameError) -> GameSolution {
        var enumeration = GameSolver.enumerationDefaults
        if let seconds = options.timeLimit, seconds.isFinite, seconds > 0 {
            enumeration.timeLimit = .milliseconds(Int64((min(seconds, 1e9) * 1000).rounded(.up)))
        }
        enumeration.progress = progress
        switch document {
        case .normalForm(let game):
            return try GameSolver.solve(game, method: options.method, label: options.label, dominance: options.dominance,
                                        lambda: options.lambda, mixedDominance: options.mixedDominance, enumeration: enumeration)
        case .model(let model):
            return try GameSolver.solve(model, method: options.method, label: options.label, dominance: options.dominance,
                                        enumeration: enumeration)
        case .extensive(let tree):
            return try GameSolver.solve(tree, method: options.method, label: options.label, dominance: options.dominance,
                                        enumeration: enumeration)
        }
    }

    /// For a model with a dominance map: the status of the mapped player's action at the values
    /// the file codes (before any sweep), e.g. strictly dominant; `nil` otherwise.
    public var codedStatus: DominanceMap.Status? {
        guard let model, let map = solution.map, map.player < model.players.count,
              map.action < model.players[map.player].actions.count,
              let bayesian = try? model.bayesianGame() else { return nil }
        return try? DominanceMap.status(bayesian, player: map.player, action: map.action)
    }

    /// The model, when the file is a Parley game file.
    public var model: GameModel? {
        if case .model(let model) = document { return model }
        return nil
    }
}

/// How `parley game solve` and the report solve a game.
public struct GameSolveOptions: Sendable, Hashable {
    /// The solution method (`auto` by default).
    public var method: SolveMethod
    /// For Lemke–Howson: the label dropped first (1-based).
    public var label: Int
    /// For logit on a strategic form: report the quantal-response equilibrium at this λ.
    public var lambda: Double?
    /// Also remove strategies dominated only by mixtures (strategic forms).
    public var mixedDominance: Bool
    /// Report dominance and iterated elimination.
    public var dominance: Bool
    /// For `enumpoly`: stop after this many seconds (positive, at most a day) and report what was
    /// found; `nil`: `GameSolver.enumerationDefaults` (ten minutes).
    public var timeLimit: Double?

    public init(method: SolveMethod = .automatic, label: Int = 1, lambda: Double? = nil, mixedDominance: Bool = false, dominance: Bool = true,
                timeLimit: Double? = nil) {
        self.method = method
        self.label = label
        self.lambda = lambda
        self.mixedDominance = mixedDominance
        self.dominance = dominance
        self.timeLimit = timeLimit
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
    /// - Parameters:
    ///   - study: the case.
    ///   - repetitions: matches per pair in each tournament.
    ///   - jobs: threads for the tournaments; the result never depends on it.
    ///   - playTournaments: `false` analyses the scripted defection only (``tournaments`` stays empty).
    /// - Complexity: the study's runs plus players² × repetitions × turns per noise level.
    /// - Throws: `RepeatedGameError` when a tournament cannot be set up.
    public init(study: RepeatedGameCase, repetitions: Int = 50, jobs: Int = Tournament.defaultJobs, playTournaments: Bool = true) throws(RepeatedGameError) {
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
        for noise in !playTournaments ? [] : study.study.noiseLevels.isEmpty ? [0] : study.study.noiseLevels {
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
