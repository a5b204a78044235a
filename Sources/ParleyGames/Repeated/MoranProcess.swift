import Dispatch
import ParleyCore
import Synchronization

/// A Moran process on a well-mixed population (axelrod's `MoranProcess` with a complete
/// interaction graph).
///
/// Each generation every pair of individuals plays one match; an individual's fitness is the
/// sum of its payoffs per turn. Birth–death (`.birthDeath`, axelrod's default `"bd"`): one
/// individual is chosen to reproduce with probability proportional to fitness, and its
/// offspring replaces one individual chosen uniformly from the whole population (itself
/// included). Death–birth (`.deathBirth`): one individual dies uniformly at random and the
/// others compete for its place. With probability `mutationRate` the offspring is instead a
/// different strategy, uniform among the other types of the initial population. Without
/// mutation the process stops at fixation (one type left).
public struct MoranProcess: Sendable {
    public enum Mode: String, Sendable, CaseIterable { case birthDeath = "bd", deathBirth = "db" }

    /// The distinct strategies, in order of first appearance in the initial population.
    public let types: [RepeatedPlayer]
    /// The initial population as indices into `types`.
    public let initial: [Int]
    public let settings: MatchSettings
    public let mutationRate: Double
    public let mode: Mode
    /// The process stops after this many generations even without fixation.
    public let maximumGenerations: Int

    /// - Throws: ``RepeatedGameError`` for a population under 2 or a rate outside 0...1.
    public init(
        population: [RepeatedPlayer], settings: MatchSettings, mutationRate: Double = 0, mode: Mode = .birthDeath,
        maximumGenerations: Int = 10_000
    ) throws(RepeatedGameError) {
        guard population.count >= 2 else {
            throw RepeatedGameError(.tooFewPlayers, "a Moran process needs at least two individuals, found \(population.count)")
        }
        guard mutationRate >= 0, mutationRate <= 1 else {
            throw RepeatedGameError(.invalidSettings, "the mutation rate is a probability in 0...1, found \(mutationRate)")
        }
        guard maximumGenerations >= 1 else {
            throw RepeatedGameError(.invalidSettings, "the maximum number of generations must be at least 1")
        }
        var types: [RepeatedPlayer] = []
        var initial: [Int] = []
        for player in population {
            if let index = types.firstIndex(of: player) {
                initial.append(index)
            } else {
                initial.append(types.count)
                types.append(player)
            }
        }
        self.types = types
        self.initial = initial
        self.settings = settings
        self.mutationRate = mutationRate
        self.mode = mode
        self.maximumGenerations = maximumGenerations
    }

    /// One run with the stream for (`seed`, `run`).
    /// - Complexity: O(generations × N² × turns) without caching; pairs of deterministic
    ///   types are played once per run when matches are repeatable.
    public func run(seed: UInt64, run: UInt64 = 0) -> MoranRun {
        var random = RandomStream(seed: seed, index: run, purpose: "moran")
        var population = initial
        var counts = Self.counts(population, types: types.count)
        var history = [counts]
        var cache: [Int: (Double, Double)] = [:]
        var generation = 0
        while generation < maximumGenerations {
            if mutationRate == 0, counts.filter({ $0 > 0 }).count == 1 { break }
            let (newborn, slot): (Int, Int)
            switch mode {
            case .birthDeath:
                let fitness = scores(population, excluding: nil, random: &random, cache: &cache)
                let parent = Self.proportionate(fitness, random: &random)
                slot = Int(random.nextInt(below: UInt64(population.count)))
                newborn = mutate(population[parent], random: &random)
            case .deathBirth:
                slot = Int(random.nextInt(below: UInt64(population.count)))
                var fitness = scores(population, excluding: slot, random: &random, cache: &cache)
                fitness.remove(at: slot)
                var parent = Self.proportionate(fitness, random: &random)
                if parent >= slot { parent += 1 }
                newborn = mutate(population[parent], random: &random)
            }
            population[slot] = newborn
            counts = Self.counts(population, types: types.count)
            history.append(counts)
            generation += 1
        }
        let alive = counts.indices.filter { counts[$0] > 0 }
        return MoranRun(types: types.map(\.name), populations: history, winner: alive.count == 1 ? alive.first : nil)
    }

    /// `runs` independent runs on up to `jobs` threads; run k uses index k.
    public func fixations(runs: Int, seed: UInt64, jobs: Int = Tournament.defaultJobs) -> [MoranRun] {
        guard runs > 0 else { return [] }
        let next = Atomic<Int>(0)
        let results = Mutex<[MoranRun?]>(Array(repeating: nil, count: runs))
        let process = self
        DispatchQueue.concurrentPerform(iterations: Swift.max(1, Swift.min(jobs, runs))) { _ in
            while true {
                let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                if k >= runs { break }
                let outcome = process.run(seed: seed, run: UInt64(k))
                results.withLock { $0[k] = outcome }
            }
        }
        return results.withLock { $0 }.compactMap { $0 }
    }

    private func mutate(_ type: Int, random: inout RandomStream) -> Int {
        guard mutationRate > 0, types.count > 1 else { return type }
        guard random.nextUnit() < mutationRate else { return type }
        let other = Int(random.nextInt(below: UInt64(types.count - 1)))
        return other >= type ? other + 1 : other
    }

    /// Each individual's summed payoff per turn against all others (`excluding` sits out).
    private func scores(_ population: [Int], excluding: Int?, random: inout RandomStream, cache: inout [Int: (Double, Double)]) -> [Double] {
        var fitness = Array(repeating: 0.0, count: population.count)
        for i in population.indices where i != excluding {
            for j in (i + 1)..<population.count where j != excluding {
                let (a, b) = (population[i], population[j])
                let key = a * types.count + b
                let result: (Double, Double)
                if let cached = cache[key] {
                    result = cached
                } else {
                    let summary = RepeatedMatch.summary(types[a], types[b], settings: settings, seed: random.next())
                    let turns = Double(Swift.max(1, summary.turns))
                    result = (summary.firstScore / turns, summary.secondScore / turns)
                    if settings.isRepeatable, !types[a].isStochastic, !types[b].isStochastic { cache[key] = result }
                }
                fitness[i] += result.0
                fitness[j] += result.1
            }
        }
        return fitness
    }

    /// The first index whose cumulative fitness reaches u × total (axelrod's
    /// `fitness_proportionate_selection`); uniform when every fitness is 0.
    static func proportionate(_ fitness: [Double], random: inout RandomStream) -> Int {
        let total = fitness.reduce(0, +)
        let r = random.nextUnit() * total
        guard total > 0 else { return Int(random.nextInt(below: UInt64(Swift.max(1, fitness.count)))) }
        var sum = 0.0
        for (index, value) in fitness.enumerated() {
            sum += value
            if sum >= r { return index }
        }
        return fitness.count - 1
    }

    static func counts(_ population: [Int], types: Int) -> [Int] {
        var counts = Array(repeating: 0, count: types)
        for type in population { counts[type] += 1 }
        return counts
    }
}

/// One Moran run: the count of each type after every generation.
public struct MoranRun: Sendable, Hashable {
    /// The type names, in ``MoranProcess/types`` order.
    public let types: [String]
    /// `populations[g][k]`: individuals of type k after generation g (g = 0 is the start).
    public let populations: [[Int]]
    /// The fixated type, or `nil` when the run stopped with several types alive.
    public let winner: Int?

    /// Generations played.
    public var generations: Int { populations.count - 1 }
}
