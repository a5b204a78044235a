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
///
/// In an asymmetric stage game each pair meets in both roles (``RepeatedMatch/meeting(_:_:settings:seed:index:)``).
/// With a ``GroupSettings`` the population plays an n-player game instead: each generation
/// the whole population (in death–birth, everyone but the one who died) plays one group
/// match, and fitness is the payoff per turn.
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
    /// The n-player game the population plays, or `nil` for pairwise matches.
    public let group: GroupSettings?
    /// `pairPayoffs[a][b]`: type a's payoff per turn against type b, when every type is
    /// deterministic and matches are repeatable (computed once); else `nil`.
    let pairPayoffs: [[Double]]?

    /// - Throws: ``RepeatedGameError`` for a population under 2, a rate outside 0...1, or a
    ///   negative payoff (fitness is proportional to payoff).
    public init(
        population: [RepeatedPlayer], settings: MatchSettings, mutationRate: Double = 0, mode: Mode = .birthDeath,
        maximumGenerations: Int = 10_000, group: GroupSettings? = nil
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
        let view = group?.game.view(size: population.count)
        let payoffs = view.map { [$0.r, $0.s, $0.t, $0.p] } ?? (settings.game.firstPayoffs + settings.game.secondPayoffs)
        guard payoffs.allSatisfy({ $0 >= 0 }) else {
            throw RepeatedGameError(.invalidGame, "a Moran process selects in proportion to payoff, so payoffs must be >= 0, found \(payoffs.map(\.cleanText))",
                                    hint: "add the same constant to every payoff; it changes no best reply")
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
        self.group = group
        if group == nil, settings.isRepeatable, !types.contains(where: \.isStochastic) {
            pairPayoffs = types.map { a in
                types.map { b in
                    let summary = RepeatedMatch.meeting(a, b, settings: settings)
                    return summary.firstScore / Double(Swift.max(1, summary.turns))
                }
            }
        } else {
            pairPayoffs = nil
        }
    }

    /// One run with the stream for (`seed`, `run`).
    /// - Complexity: O(generations × N² × turns) without caching; pairs of deterministic
    ///   types are played once per run when matches are repeatable.
    public func run(seed: UInt64, run: UInt64 = 0) -> MoranRun {
        let (history, winner, _) = play(seed: seed, run: run, keepHistory: true)
        return MoranRun(types: types.map(\.name), populations: history, winner: winner)
    }

    /// One run's populations (only the first unless `keepHistory`), fixated type and generations.
    func play(seed: UInt64, run: UInt64, keepHistory: Bool) -> ([[Int]], Int?, Int) {
        var random = RandomStream(seed: seed, index: run, purpose: "moran")
        var population = initial
        var counts = Self.counts(population, types: types.count)
        var history = [counts]
        var cache: [Int: (Double, Double)] = [:]
        var groupCache: [[Int]: [Double]] = [:]
        var generation = 0
        while generation < maximumGenerations {
            if mutationRate == 0, counts.filter({ $0 > 0 }).count == 1 { break }
            let (newborn, slot): (Int, Int)
            switch mode {
            case .birthDeath:
                let fitness = fitnesses(population, counts: counts, excluding: nil, random: &random, cache: &cache, groupCache: &groupCache)
                let parent = Self.proportionate(fitness, random: &random)
                slot = Int(random.nextInt(below: UInt64(population.count)))
                newborn = mutate(population[parent], random: &random)
            case .deathBirth:
                slot = Int(random.nextInt(below: UInt64(population.count)))
                var fitness = fitnesses(population, counts: counts, excluding: slot, random: &random, cache: &cache, groupCache: &groupCache)
                fitness.remove(at: slot)
                var parent = Self.proportionate(fitness, random: &random)
                if parent >= slot { parent += 1 }
                newborn = mutate(population[parent], random: &random)
            }
            counts[population[slot]] -= 1
            counts[newborn] += 1
            population[slot] = newborn
            if keepHistory { history.append(counts) }
            generation += 1
        }
        let alive = counts.indices.filter { counts[$0] > 0 }
        return (history, alive.count == 1 ? alive.first : nil, generation)
    }

    /// `runs` independent runs on up to `jobs` threads (run k uses index k), keeping only
    /// the counts: what ``fixations(runs:seed:jobs:)`` tells, in O(types) memory per thread.
    public func tally(runs: Int, seed: UInt64, jobs: Int = Tournament.defaultJobs) -> MoranTally {
        let total = Mutex(MoranTally(types: types.count))
        guard runs > 0 else { return total.withLock { $0 } }
        let next = Atomic<Int>(0)
        let process = self
        DispatchQueue.concurrentPerform(iterations: Swift.max(1, Swift.min(jobs, runs))) { _ in
            var local = MoranTally(types: process.types.count)
            while true {
                let k = next.wrappingAdd(1, ordering: .relaxed).oldValue
                if k >= runs { break }
                let (_, winner, generations) = process.play(seed: seed, run: UInt64(k), keepHistory: false)
                local.add(winner: winner, generations: generations)
            }
            let finished = local
            total.withLock { $0.merge(finished) }
        }
        return total.withLock { $0 }
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

    /// Each individual's fitness (`excluding` sits out): its summed payoff per turn against
    /// all others, or its payoff per turn in the group match.
    private func fitnesses(
        _ population: [Int], counts: [Int], excluding: Int?, random: inout RandomStream,
        cache: inout [Int: (Double, Double)], groupCache: inout [[Int]: [Double]]
    ) -> [Double] {
        if let group { return groupFitness(population, excluding: excluding, group: group, random: &random, cache: &groupCache) }
        guard let table = pairPayoffs else {
            return scores(population, excluding: excluding, random: &random, cache: &cache)
        }
        var present = counts
        if let excluding { present[population[excluding]] -= 1 }
        // One figure per type: the sum over the other individuals of the type's payoff.
        let byType = types.indices.map { a in
            var sum = 0.0
            for b in types.indices where present[b] > 0 {
                sum += Double(present[b] - (a == b ? 1 : 0)) * table[a][b]
            }
            return sum
        }
        return population.map { byType[$0] }
    }

    /// Fitness in one group match of everyone but `excluding`; repeatable deterministic
    /// matches are cached by the sorted member types.
    private func groupFitness(
        _ population: [Int], excluding: Int?, group: GroupSettings, random: inout RandomStream, cache: inout [[Int]: [Double]]
    ) -> [Double] {
        let members = population.indices.filter { $0 != excluding }
        let memberTypes = members.map { population[$0] }
        var fitness = Array(repeating: 0.0, count: population.count)
        let repeatable = group.match.isRepeatable && !memberTypes.contains { types[$0].isStochastic }
        // Deterministic members of one type play alike (each sees only how many others cooperate).
        let key = memberTypes.sorted()
        if repeatable, let byType = cache[key] {
            for (member, type) in zip(members, memberTypes) { fitness[member] = byType[type] }
            return fitness
        }
        let summary = GroupMatch.play(memberTypes.map { types[$0] }, settings: group, seed: random.next())
        let turns = Double(Swift.max(1, summary.turns))
        var byType = Array(repeating: 0.0, count: types.count)
        for (position, member) in members.enumerated() where position < summary.scores.count {
            fitness[member] = summary.scores[position] / turns
            byType[memberTypes[position]] = fitness[member]
        }
        if repeatable { cache[key] = byType }
        return fitness
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
                    let summary = RepeatedMatch.meeting(types[a], types[b], settings: settings, seed: random.next())
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

/// Fixation counts of many Moran runs, without their histories.
public struct MoranTally: Sendable, Hashable {
    /// `fixations[k]`: runs in which type k took over.
    public private(set) var fixations: [Int]
    /// Runs that stopped with several types alive.
    public private(set) var unfixed = 0
    /// Generations summed over all runs.
    public private(set) var generations = 0

    /// An empty tally for `types` types.
    public init(types: Int) {
        fixations = Array(repeating: 0, count: Swift.max(0, types))
    }

    /// Runs counted.
    public var runs: Int { fixations.reduce(unfixed, +) }

    /// Counts one run.
    public mutating func add(winner: Int?, generations: Int) {
        if let winner, fixations.indices.contains(winner) { fixations[winner] += 1 } else { unfixed += 1 }
        self.generations &+= generations
    }

    /// Adds another tally of the same types (counts only, so the order does not matter).
    public mutating func merge(_ other: MoranTally) {
        for k in fixations.indices where k < other.fixations.count { fixations[k] += other.fixations[k] }
        unfixed += other.unfixed
        generations &+= other.generations
    }
}
