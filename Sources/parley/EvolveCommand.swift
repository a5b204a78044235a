import ArgumentParser
import ParleyCore
import ParleyGames
import ParleyIO
import ParleyReports

struct EvolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evolve",
        abstract: "Evolutionary dynamics of iterated-game strategies: Moran process or replicator dynamics.",
        discussion: """
            moran: a population with one individual per listed player (list a name twice for two) evolves by \
            fitness-proportional reproduction until one strategy is left; --runs repeats it and counts who \
            fixates. replicator: the shares of the listed strategies follow the replicator equation on the \
            tournament's payoff matrix.

            Example:
              parley evolve --players TitForTat,TitForTat,Defector,Defector --runs 200 --seed 1
              parley evolve --dynamics replicator --players classic --time 50
            """)

    @OptionGroup var options: RepeatedGameOptions

    @Option(help: "moran or replicator.")
    var dynamics: String = "moran"

    @Option(help: "Moran: independent runs.")
    var runs: Int = 100

    @Option(name: .customLong("mutation-rate"), help: "Moran: probability that an offspring is another strategy.")
    var mutationRate: Double = 0

    @Option(help: "Moran: bd (birth-death) or db (death-birth).")
    var mode: String = "bd"

    @Option(name: .customLong("max-generations"), help: "Moran: stop a run after this many generations.")
    var maxGenerations: Int = 10_000

    @Option(help: "Replicator: time to integrate (step 0.01).")
    var time: Double = 50

    @Flag(help: "Write one JSON document to stdout and nothing else.")
    var json = false

    func validate() throws {
        guard ["moran", "replicator"].contains(dynamics) else { throw ValidationError("--dynamics must be moran or replicator") }
        guard MoranProcess.Mode(rawValue: mode) != nil else { throw ValidationError("--mode must be bd or db") }
        if runs < 1 { throw ValidationError("--runs must be at least 1") }
        if !(time > 0 && time <= 1_000_000) { throw ValidationError("--time must be positive") }
    }

    func run() throws {
        let players = try options.resolvedPlayers()
        options.noteLeftOut()
        let settings = try options.settings()
        let jobs = options.jobs ?? Tournament.defaultJobs
        let group = try options.groupSettings()
        if dynamics == "replicator" {
            if group != nil { throw ValidationError("--dynamics replicator needs a 2x2 game; n-player games evolve with moran") }
            try replicator(players, settings: settings, jobs: jobs)
            return
        }
        let process = try usage {
            try MoranProcess(population: players, settings: settings, mutationRate: mutationRate,
                             mode: MoranProcess.Mode(rawValue: mode) ?? .birthDeath, maximumGenerations: maxGenerations, group: group)
        }
        let outcome = process.tally(runs: runs, seed: options.seed, jobs: jobs)
        if json {
            Console.out(TournamentJSON.moran(outcome, process: process, seed: options.seed), terminator: "")
            return
        }
        var table = TextTable(columns: [.init("strategy", minimumWidth: 12), .init("initial", alignment: .right),
                                        .init("fixations", alignment: .right), .init("share", alignment: .right)])
        for k in process.types.indices {
            let count = k < outcome.fixations.count ? outcome.fixations[k] : 0
            table.append([process.types[k].name, String(process.initial.filter { $0 == k }.count), String(count),
                          percent(Double(count) / Double(max(1, outcome.runs)))])
        }
        let heading = "Moran process (\(mode)): \(players.count) individuals, \(runs) runs, "
            + (group.map { "\($0.game) played by the whole population, " } ?? options.game.map { "game \($0), " } ?? "")
            + "\(options.lengthText), noise \(options.noise), seed \(options.seed)"
        Console.out(heading + "\n")
        Console.out(table.render(width: Console.width, style: Console.stdoutStyle))
        let unfixed = outcome.unfixed
        if unfixed > 0 { Console.out("\n\(unfixed) runs had not fixated after \(maxGenerations) generations.") }
    }

    private func replicator(_ players: [RepeatedPlayer], settings: MatchSettings, jobs: Int) throws {
        var unique: [RepeatedPlayer] = []
        for player in players where !unique.contains(player) { unique.append(player) }
        let seed = options.seed
        let result = try usage { try Tournament(players: unique, settings: settings, repetitions: 1, seed: seed) }.play(jobs: jobs)
        let steps = Int((time / 0.01).rounded())
        let path = try usage { try ReplicatorDynamics(payoffs: result.payoffMatrix).trajectory(step: 0.01, steps: steps) }
        if json {
            Console.out(TournamentJSON.replicator(names: unique.map(\.name), path: path, step: 0.01, every: max(1, steps / 50)), terminator: "")
            return
        }
        var table = TextTable(columns: [.init("strategy", minimumWidth: 12), .init("start", alignment: .right),
                                        .init("t = \(NumberText.plain(time))", alignment: .right)])
        let final = path.last ?? []
        for k in unique.indices.sorted(by: { final[$0] > final[$1] }) {
            table.append([unique[k].name, percent(path[0][k]), percent(final[k])])
        }
        Console.out("Replicator dynamics on the tournament's payoff matrix (\(options.lengthText), noise \(options.noise))\n")
        Console.out(table.render(width: Console.width, style: Console.stdoutStyle))
    }

    private func percent(_ value: Double) -> String {
        let tenths = (value * 1000).rounded() / 10
        return "\(tenths)%"
    }
}

