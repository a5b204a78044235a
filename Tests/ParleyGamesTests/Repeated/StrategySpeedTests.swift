import ParleyCore
@testable import ParleyGames
import Synchronization
import Testing

/// The strategies rewritten for speed (issue 16, item 2) against straightforward versions of
/// axelrod's definitions written here: the Q-learners' integer-keyed table against two
/// dictionaries keyed by (recent moves, cooperations) as axelrod's `Qs` and `Vs`, and the
/// incremental Cycle Hunter and Math Constant Hunter against `detect_cycle` and the three
/// ratios recomputed from the whole history every round. Same moves, round by round.
@Suite struct StrategySpeedTests {
    /// axelrod's `RiskyQLearner.strategy`, with its two tables as dictionaries.
    struct ReferenceQLearner {
        struct State: Hashable {
            var recent: [Choice]
            var cooperations: Int
        }

        let learningRate: Double
        let discountRate: Double
        let game: PlayerPayoffs
        var q: [State: (c: Double, d: Double)]
        var v: [State: Double]
        var previousState = State(recent: [], cooperations: -1)
        var previousAction = Choice.cooperate

        init(learningRate: Double, discountRate: Double, game: PlayerPayoffs) {
            self.learningRate = learningRate
            self.discountRate = discountRate
            self.game = game
            q = [previousState: (0, 0)]
            v = [previousState: 0]
        }

        mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
            if h.isEmpty { previousAction = random.choice(cooperatingWith: 0.5) }
            let state = State(recent: Array(h.theirs.suffix(12)), cooperations: h.theirCooperations)
            let opponentPrevious = h.theirLast ?? random.choice(cooperatingWith: 0.5)
            let reward = game.payoff(previousAction, opponentPrevious)
            if q[state] == nil {
                q[state] = (0, 0)
                v[state] = 0
            }
            var values = q[previousState] ?? (0, 0)
            let target = reward + discountRate * (v[state] ?? 0)
            if previousAction == .cooperate {
                values.c = (1 - learningRate) * values.c + learningRate * target
            } else {
                values.d = (1 - learningRate) * values.d + learningRate * target
            }
            q[previousState] = values
            v[previousState] = Swift.max(values.c, values.d)
            let action: Choice
            if random.nextUnit() < 1 - 0.1 {
                let current = q[state] ?? (0, 0)
                action = current.c >= current.d ? .cooperate : .defect
            } else {
                action = random.choice(cooperatingWith: 0.5)
            }
            previousState = state
            previousAction = action
            return action
        }
    }

    /// An opponent's moves: a coin with cooperation probability `p` (1 000 rounds, so the
    /// learner visits hundreds of states and its table grows several times).
    static func opponent(_ p: Double, seed: UInt64) -> [Choice] {
        var random = RandomStream(seed: seed, purpose: "opponent")
        return (0..<1000).map { _ in random.nextUnit() < p ? .cooperate : .defect }
    }

    /// Axelrod's four Q-learners' rates, against coins of several biases and seeds.
    @Test(arguments: [(0.9, 0.9), (0.9, 0.1), (0.1, 0.9), (0.1, 0.1)])
    func qLearnerMatchesTheDictionaryVersion(_ rates: (Double, Double)) {
        let game = StageGame.prisonersDilemma.firstView
        for (p, seed) in [(0.5, UInt64(1)), (0.9, 2), (0.1, 3), (1.0, 4)] {
            var fast = QLearner(learningRate: rates.0, discountRate: rates.1, game: game)
            var slow = ReferenceQLearner(learningRate: rates.0, discountRate: rates.1, game: game)
            var randomFast = RandomStream(seed: seed, purpose: "learner")
            var randomSlow = randomFast
            var h = PlayHistory()
            var differences = 0
            for theirs in Self.opponent(p, seed: seed) {
                let a = fast.choose(h, random: &randomFast)
                let b = slow.choose(h, random: &randomSlow)
                if a != b { differences += 1 }
                h.record(mine: a, theirs: theirs)
            }
            #expect(differences == 0, "rates \(rates), coin \(p)")
            #expect(slow.q.count > 64, "the table must have grown past its first 64 slots")
        }
    }

    /// Keys: distinct states give distinct keys, never the empty slot (0) nor the state
    /// before the first round; values survive the table's growth.
    @Test func qValueTableKeepsEveryState() {
        var keys: Set<UInt64> = []
        var states: Set<ReferenceQLearner.State> = []
        var h = PlayHistory()
        for theirs in Self.opponent(0.7, seed: 9).prefix(300) + [.defect] {
            keys.insert(QValueTable.state(h))
            states.insert(.init(recent: Array(h.theirs.suffix(12)), cooperations: h.theirCooperations))
            h.record(mine: .cooperate, theirs: theirs)
        }
        // One key per state axelrod tells apart: as many keys as (recent moves, count) pairs.
        #expect(keys.count == states.count)
        #expect(states.count > 200)
        #expect(!keys.contains(0))
        #expect(!keys.contains(QValueTable.initialState))
        // Fewer than 12 moves: the length tells [C] from [D, C] padded with zeros.
        #expect(QValueTable.state(PlayHistory(mine: [.cooperate], theirs: [.cooperate]))
            != QValueTable.state(PlayHistory(mine: [.cooperate, .cooperate], theirs: [.defect, .cooperate])))
        var table = QValueTable()
        for (k, key) in keys.sorted().enumerated() { table[key] = (Double(k), -Double(k)) }
        for (k, key) in keys.sorted().enumerated() {
            #expect(table[key].c == Double(k))
            #expect(table[key].d == -Double(k))
        }
        #expect(table[QValueTable.initialState].c == 0)
    }

    /// axelrod's Cycle Hunter as written: `detect_cycle` on the whole history every round.
    static func cycleHunterReference(_ theirs: [Choice]) -> [Choice] {
        var found = false
        var out: [Choice] = []
        for n in 0..<theirs.count {
            if !found, let cycle = detectCycle(Array(theirs[0..<n]), minSize: 3), cycle.contains(.cooperate), cycle.contains(.defect) {
                found = true
            }
            out.append(found ? .defect : .cooperate)
        }
        return out
    }

    /// axelrod's Math Constant Hunter as written: three ratios counted over the history.
    static func mathConstantReference(mine: [Choice], theirs: [Choice]) -> Choice {
        let n = theirs.count
        let c = theirs.filter { $0 == .cooperate }.count
        guard n >= 8, c > 0, c < n else { return .cooperate }
        func ratio(_ start: Int, _ end: Int) -> Double {
            var count = 0
            for i in start..<end {
                if theirs[i] == .cooperate { count += 1 }
                if mine[i] == .cooperate { count += 1 }
            }
            return 0.5 * Double(count) / Double(end - start)
        }
        let r1 = ratio(0, n / 2)
        let r2 = ratio(n / 4, 3 * n / 4)
        let r3 = ratio(n / 2, n)
        return abs(r1 - r2) < 0.2 && abs(r1 - r3) < 0.2 ? .defect : .cooperate
    }

    /// Opponents: cycles of lengths 1 to 13 (some all-C or all-D), broken at a random
    /// round or not, and coins.
    static func hunterOpponents() -> [[Choice]] {
        var random = RandomStream(seed: 16, purpose: "cycles")
        var out: [[Choice]] = []
        for length in 1...13 {
            for breaking in [false, true] {
                let cycle = (0..<length).map { _ in random.nextUnit() < 0.5 ? Choice.cooperate : .defect }
                var moves = (0..<200).map { cycle[$0 % length] }
                if breaking {
                    let at = 20 + Int(random.nextInt(below: 150))
                    moves[at] = moves[at].flipped
                }
                out.append(moves)
            }
        }
        out.append(Self.opponent(0.5, seed: 5).prefix(200).map { $0 })
        out.append(Self.opponent(0.8, seed: 6).prefix(200).map { $0 })
        return out
    }

    @Test func cycleHunterMatchesDetectCycleEveryRound() {
        var cyclesFound = 0
        for theirs in Self.hunterOpponents() {
            var hunter = CycleHunter()
            var random = RandomStream(seed: 0, purpose: "unused")
            var h = PlayHistory()
            var moves: [Choice] = []
            for move in theirs {
                let mine = hunter.choose(h, random: &random)
                moves.append(mine)
                h.record(mine: mine, theirs: move)
            }
            #expect(moves == Self.cycleHunterReference(theirs))
            if moves.last == .defect { cyclesFound += 1 }
        }
        // Mixed cycles of length 3 to 12 are found (unless broken early), so both answers occur.
        #expect(cyclesFound > 5)
        #expect(cyclesFound < Self.hunterOpponents().count)
    }

    @Test func mathConstantHunterMatchesTheRatiosEveryRound() {
        var defections = 0
        for theirs in Self.hunterOpponents() {
            var hunter = MathConstantHunter()
            var random = RandomStream(seed: 0, purpose: "unused")
            var h = PlayHistory()
            for move in theirs {
                let mine = hunter.choose(h, random: &random)
                #expect(mine == Self.mathConstantReference(mine: h.mine, theirs: h.theirs))
                if mine == .defect { defections += 1 }
                h.record(mine: mine, theirs: move)
            }
        }
        #expect(defections > 0)
    }

    /// Repetitions that share a meta team's deterministic members (`MetaTeamMemo`) play
    /// exactly the moves of repetitions that run every member: each vote (majority, winner,
    /// and the nice ensemble whose 8% leaders mix recorded and live members), against
    /// opponents that ignore the meta player (so every later repetition follows the record
    /// for all 200 rounds), react to it, or are random (so they leave the record early).
    @Test(arguments: ["MetaMajorityMemoryOne", "MetaWinnerMemoryOne", "NMWEMemoryOne", "NMWEStochastic", "MetaWinnerLongMemory"])
    func sharedRepetitionsPlayTheSameMoves(_ key: String) throws {
        let meta = try StrategyCatalog.player(named: key)
        let settings = try MatchSettings(length: .turns(200))
        let repetitions: UInt64 = 6
        for name in ["Cooperator", "Defector", "TitForTat", "Grudger", "Random", key] {
            let opponent = try StrategyCatalog.player(named: name)
            let memos = (MetaTeamMemo(), MetaTeamMemo())
            for r in 0..<repetitions {
                var plain = RepeatedMatch.Engine(first: meta, second: opponent, settings: settings, seed: 7, index: r)
                var shared = RepeatedMatch.Engine(first: meta, second: opponent, settings: settings, seed: 7, index: r, memos: memos)
                let (a, b) = (plain.run(), shared.run())
                #expect(a.first == b.first && a.second == b.second, "\(key) vs \(name), repetition \(r)")
            }
            let (recorded, followed) = memos.0.record.withLock { ($0.rounds, $0.followed) }
            if key != "NMWEStochastic" { #expect(recorded == 200, "\(key) vs \(name)") }
            if name == "Cooperator" || name == "Defector", key != "NMWEStochastic" {
                #expect(followed == 200 * Int(repetitions - 1), "\(key) vs \(name)")
            }
        }
    }
}
