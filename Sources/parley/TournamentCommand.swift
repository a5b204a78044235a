import ArgumentParser
import Foundation
import ParleyGames
import ParleyIO
import ParleyCore
import ParleyReports

/// Options shared by `tournament` and `evolve`: players and match rules.
struct RepeatedGameOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Comma-separated strategies (names or keys; 'classic', 'first', 'deterministic', 'all' expand).", valueName: "A,B,..."))
    var players: String = "classic"

    @Option(help: "Turns per match (default 200).")
    var turns: Int?

    @Option(name: .customLong("prob-end"), help: "Instead of fixed turns: each turn is the last with this probability.")
    var probEnd: Double?

    @Option(help: "Probability (0-1) that each move is flipped after it is chosen.")
    var noise: Double = 0

    @Option(help: "Stage game payoffs R,S,T,P (default 3,0,5,1).")
    var payoffs: String?

    @Option(help: ArgumentHelp(
        "The game: pd[:R,S,T,P], bimatrix:a,b,c,d/e,f,g,h (any 2x2 bimatrix), ultimatum[:PIE,OFFER], us-iran[:sincere|tactical], or the n-player public-goods:M[,E] and volunteer[:B,C].",
        valueName: "name[:params]"))
    var game: String?

    @Option(name: .customLong("group-threshold"), help: "n-player games: how many of the others must cooperate for a strategy to see cooperation (default: a majority; 1 in the volunteer's dilemma).")
    var groupThreshold: Int?

    @Option(help: "Master seed of every random stream.")
    var seed: UInt64 = 0

    @Option(help: "Parallel jobs (default: the CPUs this process may use: cgroup cpu.max, affinity, SLURM_CPUS_PER_TASK).")
    var jobs: Int?

    @Option(name: .customLong("axelrod-data"), help: ArgumentHelp(
        "Folder (or file) holding axelrod's model_attention.pth, which EvolvedAttention and 12 meta strategies need (default: $PARLEY_AXELROD_DATA; see docs/repeated-games.md).",
        valueName: "DIR"))
    var axelrodData: String?

    func validate() throws {
        _ = try resolvedPlayers()
        _ = try settings()
        _ = try groupSettings()
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// Loads axelrod's data from `--axelrod-data`, else from $PARLEY_AXELROD_DATA when set.
    func installAxelrodData() throws {
        try usage {
            if let axelrodData { try AxelrodData.install(path: axelrodData) } else { try AxelrodData.installFromEnvironment() }
        }
    }

    /// One line on stderr when `all` leaves out the strategies that need axelrod's data.
    func noteLeftOut() {
        let groups = players.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let missing = StrategyCatalog.needingAxelrodData
        guard !missing.isEmpty, groups.contains("all") else { return }
        Console.err("note: without axelrod's model_attention.pth (--axelrod-data DIR or \(AxelrodData.environmentVariable)), "
            + "'all' leaves out EvolvedAttention and the \(missing.count - 1) meta strategies whose team contains it")
    }

    func resolvedPlayers() throws -> [RepeatedPlayer] {
        try installAxelrodData()
        var out: [RepeatedPlayer] = []
        for raw in players.split(separator: ",") {
            let name = raw.trimmingCharacters(in: .whitespaces)
            switch name.lowercased() {
            case "classic": out += StrategyCatalog.classic
            case "first": out += StrategyCatalog.firstTournament
            case "deterministic": out += StrategyCatalog.deterministic
            case "all": out += StrategyCatalog.all
            default:
                out.append(try usage { try StrategyCatalog.player(named: name) })
            }
        }
        return out
    }

    func settings() throws -> MatchSettings {
        var game = StageGame.prisonersDilemma
        if let choice = try gameChoice() {
            if payoffs != nil { throw ValidationError("give --payoffs or --game, not both") }
            if case .pair(let stage) = choice { game = stage }
        }
        if let payoffs {
            let values = payoffs.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard values.count == 4 else { throw ValidationError("--payoffs takes four numbers R,S,T,P, found '\(payoffs)'") }
            game = try usage { try StageGame(r: values[0], s: values[1], t: values[2], p: values[3]) }
        }
        if probEnd != nil, turns != nil {
            throw ValidationError("give --turns or --prob-end, not both")
        }
        let length: MatchLength = probEnd.map { .endProbability($0, maximumTurns: 100_000) } ?? .turns(turns ?? 200)
        let noise = self.noise
        return try usage { try MatchSettings(game: game, length: length, noise: noise) }
    }

    /// The parsed `--game`, or `nil` without one.
    func gameChoice() throws -> RepeatedGameChoice? {
        guard let game else { return nil }
        return try usage { try RepeatedGameChoice.parse(game) }
    }

    /// The n-player game's settings when `--game` names one; `nil` for a 2x2 game.
    func groupSettings() throws -> GroupSettings? {
        guard case .group(let game) = try gameChoice() else {
            if groupThreshold != nil { throw ValidationError("--group-threshold applies to n-player games (--game public-goods or volunteer)") }
            return nil
        }
        let (match, threshold) = (try settings(), groupThreshold)
        return try usage { try GroupSettings(game: game, match: match, threshold: threshold) }
    }

    var lengthText: String {
        if let probEnd { return "prob-end \(probEnd)" }
        return "\(turns ?? 200) turns"
    }
}


struct TournamentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tournament",
        abstract: "Round-robin tournament of iterated-game strategies, scored and ranked as axelrod does.",
        discussion: """
            Each pair meets --repetitions times (self-play too, which never counts towards scores). Scores are \
            payoffs per turn per opponent; players are ranked by the median over repetitions. \
            The strategies (axelrod 4.14's, with EvolvedAttention and the meta strategies built on it when \
            axelrod's weights are given by --axelrod-data) are listed by --list.

            Example:
              parley tournament --players TitForTat,Grudger,Defector,GTFT --turns 200 --repetitions 10 --seed 1
              parley tournament --players classic --noise 0.05 --json
            """)

    @OptionGroup var options: RepeatedGameOptions

    @Option(help: "Matches per pair.")
    var repetitions: Int = 10

    @Flag(name: .customLong("no-self-play"), help: "Skip each player's match against itself.")
    var noSelfPlay = false

    @Option(name: .customLong("group-size"), help: "n-player games: players per group; every group of this many distinct players plays (default: 4, or all players if fewer).")
    var groupSize: Int?

    @Flag(help: "List the strategies and exit.")
    var list = false

    @Option(name: .customLong("case"), help: ArgumentHelp("A repeated-game case file (parley-repeated/1) to analyse instead.", valueName: "file"))
    var caseFile: String?

    @Flag(help: "Write one JSON document to stdout and nothing else.")
    var json = false

    /// For scripts/bench_axelrod.py: play the tournament N times in-process and print the
    /// median engine time on stderr (no process start-up in the figure).
    @Option(name: .customLong("benchmark-runs"), help: .hidden)
    var benchmarkRuns: Int?

    func validate() throws {
        if let benchmarkRuns, benchmarkRuns < 1 { throw ValidationError("--benchmark-runs must be at least 1") }
        if repetitions < 1 { throw ValidationError("--repetitions must be at least 1") }
    }

    func run() throws {
        if list {
            for entry in StrategyCatalog.entries {
                let kind = entry.player.isStochastic ? "stochastic" : "deterministic"
                Console.out("\(entry.key)  \"\(entry.player.name)\"  \(kind)  [\(entry.player.source)]")
            }
            let missing = StrategyCatalog.needingAxelrodData
            if !missing.isEmpty {
                Console.err("note: \(missing.count) more need axelrod's model_attention.pth (--axelrod-data DIR or "
                    + "\(AxelrodData.environmentVariable)): \(missing.joined(separator: ", "))")
            }
            return
        }
        if let caseFile {
            try Console.run {
                let study = try RepeatedGameFile.read(caseFile)
                let outcomes = study.study.analyse()
                Console.out(json ? TournamentJSON.scriptedCase(study, outcomes) : CaseReport.text(study, outcomes, width: Console.width, style: Console.stdoutStyle),
                            terminator: json ? "" : "\n")
            }
            return
        }
        let players = try options.resolvedPlayers()
        options.noteLeftOut()
        if let group = try options.groupSettings() {
            try playGroups(players, group: group)
            return
        }
        if groupSize != nil { throw ValidationError("--group-size applies to n-player games (--game public-goods or volunteer)") }
        let settings = try options.settings()
        let (repetitions, selfPlay, seed) = (repetitions, !noSelfPlay, options.seed)
        let tournament = try usage {
            try Tournament(players: players, settings: settings, repetitions: repetitions, selfPlay: selfPlay, seed: seed)
        }
        let jobs = options.jobs ?? Tournament.defaultJobs
        if let benchmarkRuns {
            var times: [Double] = []
            for _ in 0..<benchmarkRuns {
                let start = ContinuousClock.now
                _ = tournament.play(jobs: jobs)
                let elapsed = ContinuousClock.now - start
                times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            }
            Console.err("median_seconds \(TournamentResult.median(times))")
        }
        let result = tournament.play(jobs: jobs)
        if json {
            Console.out(TournamentJSON.tournament(result, tournament: tournament), terminator: "")
            return
        }
        let rows = result.ranking.enumerated().map { rank, i in
            TournamentRow(rank: rank + 1, name: result.players[i].name, medianScore: result.medianScore(i),
                          meanScore: result.meanScore(i), medianWins: result.medianWins(i), cooperation: result.cooperatingRating[i])
        }
        let title = "Tournament: \(players.count) players, \(options.lengthText), \(repetitions) repetitions, "
            + "noise \(options.noise), seed \(options.seed)"
        Console.out(TournamentTable.render(title: title, rows: rows, width: Console.width, style: Console.stdoutStyle))
    }
}

extension TournamentCommand {
    /// The n-player tournament: every group of `--group-size` distinct players.
    func playGroups(_ players: [RepeatedPlayer], group: GroupSettings) throws {
        let size = groupSize ?? min(4, players.count)
        let (repetitions, seed) = (repetitions, options.seed)
        let tournament = try usage {
            try GroupTournament(players: players, settings: group, groupSize: size, repetitions: repetitions, seed: seed)
        }
        let result = tournament.play(jobs: options.jobs ?? Tournament.defaultJobs)
        if json {
            Console.out(TournamentJSON.groupTournament(result, tournament: tournament), terminator: "")
            return
        }
        let rows = result.ranking.enumerated().map { rank, i in
            TournamentRow(rank: rank + 1, name: result.players[i].name, medianScore: result.medianScore(i),
                          meanScore: result.meanScore(i), medianWins: result.medianWins(i), cooperation: result.cooperatingRating[i])
        }
        let title = "Tournament: \(group.game), \(players.count) players in \(tournament.groups.count) groups of \(size) "
            + "(cooperation seen when \(group.threshold(size: size)) of \(size - 1) others cooperate), \(options.lengthText), "
            + "\(repetitions) repetitions, noise \(options.noise), seed \(options.seed)"
        Console.out(TournamentTable.render(title: title, rows: rows, width: Console.width, style: Console.stdoutStyle))
    }
}

/// Runs `body`, turning a ``RepeatedGameError`` into a usage error (exit 64) with its hint.
func usage<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as RepeatedGameError {
        throw ValidationError(error.message + (error.hint.map { "; \($0)" } ?? ""))
    }
}
