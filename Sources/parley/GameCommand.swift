public import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParleyAnalysis
import ParleyCore
import ParleyGames
import ParleyIO
import ParleyReports

struct GameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "game",
        abstract: "Solve strategic games (Gambit .nfg/.efg or Parley game files) exactly, and convert between formats.",
        subcommands: [GameSolveCommand.self, GameConvertCommand.self])
}

struct GameSolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solve",
        abstract: "Find the equilibria of a game, exactly; print dominance and, for a model with an analysis, its dominance map.",
        discussion: """
            FILE is a Gambit strategic form (.nfg), a Gambit tree (.efg) or a Parley game file (.yaml/.json, \
            format: parley-game/1). Methods: \(SolveMethod.allCases.map(\.rawValue).joined(separator: ", ")). \
            auto: all extreme equilibria of two-player games (enum); for more players the pure ones plus one \
            mixed equilibrium from the logit branch (logit: traced numerically, refined on its support and \
            verified exactly; an equilibrium that cannot be made exact is shown with its exact regret); simpdiv: \
            one equilibrium of any game by simplicial subdivision on ever finer grids, refined the same way; \
            backward induction for perfect-information trees, Lemke on the sequence form (sequence-form: one \
            equilibrium in behaviour strategies) for other two-player trees; subgame-perfect solves a tree's \
            subgames bottom-up. Trees may be .efg or game files with 'nodes'. Probabilities and payoffs are exact rationals.

            Example:
              parley game solve Examples/iran-2001-cooperation.yaml
              parley game solve game.nfg --method lemke-howson --label 3 --json
              parley game solve poker.efg --method subgame-perfect
              parley game solve three-players.nfg --method logit --lambda 0.5
              parley game solve three-players.nfg --method enumpoly --time-limit 60

            enumpoly (every equilibrium of any game) stops after --time-limit seconds (600 by default), \
            prints what it found with the supports done out of the total, and exits with status 75; runs \
            longer than two seconds print their progress on stderr.
            """)

    @Argument(help: "The game file.")
    var file: String

    @Option(help: ArgumentHelp("Solution method.", valueName: "name"))
    var method: SolveMethod = .automatic

    @Option(help: ArgumentHelp("For lemke-howson: the label dropped first (1 = the first row strategy).", valueName: "n"))
    var label: Int = 1

    @Option(help: ArgumentHelp("For logit: report the quantal-response equilibrium at this precision λ instead of the limit.", valueName: "x"))
    var lambda: Double?

    @Flag(help: "In iterated elimination, also remove strategies dominated only by a mixture of others (exact LP).")
    var mixedDominance = false

    @Flag(help: "Write one JSON document to stdout and nothing else.")
    var json = false

    @Option(help: ArgumentHelp("For enumpoly: stop after this many seconds and report the equilibria found so far (exit status 75).", valueName: "seconds"))
    var timeLimit: Double?

    /// For scripts/gambit_benchmark.py: solve this many times and print the median wall time of
    /// one solve (reading excluded) on stderr, so peers and Parley are timed on the same inputs.
    @Option(help: ArgumentHelp("Solve N times; print the median seconds per solve on stderr.", valueName: "n", visibility: .hidden))
    var benchmark: Int = 0

    func validate() throws {
        if label < 1 { throw ValidationError("--label must be 1 or more") }
        if benchmark < 0 || benchmark > 10_000 { throw ValidationError("--benchmark must be between 0 and 10000") }
        if let lambda, !(lambda.isFinite && lambda >= 0) { throw ValidationError("--lambda must be a finite number ≥ 0") }
        if lambda != nil && method != .logit { throw ValidationError("--lambda applies to --method logit only") }
        if let timeLimit, !(timeLimit.isFinite && timeLimit > 0 && timeLimit <= 31_536_000) {
            throw ValidationError("--time-limit must be a number of seconds above 0 (at most a year)")
        }
        if timeLimit != nil && method != .enumpoly { throw ValidationError("--time-limit applies to --method enumpoly only") }
    }

    func run() throws {
        try Console.run {
            let document = try GameFile.read(file)
            let solve = { (dominance: Bool) throws(GameError) -> GameSolution in
                try GameAnalysis.solution(of: document, options: GameSolveOptions(
                    method: method, label: label, lambda: lambda, mixedDominance: mixedDominance, dominance: dominance,
                    timeLimit: timeLimit), progress: method == .enumpoly ? Self.reportProgress : nil)
            }
            let solution: GameSolution
            do throws(GameError) {
                solution = try solve(benchmark == 0)
                if benchmark > 0 {
                    var seconds: [Double] = []
                    var cpu: [Double] = []
                    let clock = ContinuousClock()
                    for _ in 0..<benchmark {
                        let start = clock.now
                        let cpuStart = Self.processCPUSeconds()
                        _ = try solve(false)
                        cpu.append(Self.processCPUSeconds() - cpuStart)
                        let elapsed = clock.now - start
                        seconds.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
                    }
                    seconds.sort()
                    cpu.sort()
                    Console.err("median_seconds \(seconds[seconds.count / 2])")
                    Console.err("median_cpu_seconds \(cpu[cpu.count / 2])")
                }
            } catch {
                throw ScenarioErrors([ScenarioError(.invalidValue, error.message, hint: error.hint, location: SourceLocation(file: file, line: 1, column: 1))])
            }
            if json {
                Console.out(GameJSON.render(solution), terminator: "")
            } else {
                Console.out(GameText.render(solution, model: document.model, width: Console.width, style: Console.stdoutStyle))
            }
            if let enumeration = solution.enumeration, !enumeration.complete {
                Console.err(Console.stderrStyle.yellow("note: ") + "the time limit stopped enumpoly after \(enumeration.supportsDone) of "
                            + "\(enumeration.supportsTotal) support profiles; the equilibria above are those found so far")
                throw ExitCode(ExitStatus.incomplete.rawValue)
            }
        }
    }

    /// The CPU time of this process so far, in seconds (what Python's `time.process_time` reads).
    static func processCPUSeconds() -> Double {
        var time = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return 0 }
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// Progress of a long enumpoly run on stderr: nothing in the first two seconds, then a line
    /// about every five seconds (the solver calls about once a second).
    @Sendable static func reportProgress(_ progress: PolynomialEnumeration.Progress) {
        let seconds = Int(progress.seconds)
        guard progress.seconds >= 2, seconds % 5 == 0 || seconds == 2 || progress.supportsDone == progress.supportsTotal else { return }
        let percent = progress.supportsTotal > 0 ? 100 * progress.supportsDone / progress.supportsTotal : 100
        Console.err("enumpoly: \(progress.supportsDone) of \(progress.supportsTotal) support profiles (\(percent)%), "
                    + "\(progress.equilibria) equilibri\(progress.equilibria == 1 ? "um" : "a") so far, \(seconds) s")
    }
}

struct GameConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a game between Gambit .nfg/.efg and Parley game files (.yaml/.json).",
        discussion: """
            A Parley model or a tree written as .nfg becomes its strategic form (Harsanyi form, reduced normal \
            form). A tree (.efg) written as .yaml/.json keeps its nodes, information sets, labels and numbers, \
            and converts back to the same .efg. The input is checked first and nothing is written when it is \
            bad; the output appears atomically.

            Example:
              parley game convert Examples/iran-2001-cooperation.yaml iran.nfg
              parley game convert game.nfg game.yaml
              parley game convert poker.efg poker.yaml
            """)

    @Argument(help: "The input game file.")
    var input: String

    @Argument(help: "The output file (.nfg, .efg, .yaml or .json).")
    var output: String

    func validate() throws {
        if GameFormat(path: output) == nil {
            throw ValidationError("cannot tell the output format from '\(output)'; use .nfg, .efg, .yaml or .json")
        }
    }

    func run() throws {
        try Console.run {
            let document = try GameFile.read(input)
            for note in try GameFile.write(document, to: output) {
                Console.err(Console.stderrStyle.yellow("note: ") + note)
            }
            Console.err("wrote \(output)")
        }
    }
}

extension SolveMethod: ExpressibleByArgument {}

extension GameDocument {
    var model: GameModel? {
        if case .model(let model) = self { return model }
        return nil
    }
}
