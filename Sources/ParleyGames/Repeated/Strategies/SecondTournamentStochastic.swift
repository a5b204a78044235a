import ParleyCore

// Ports of stochastic entries of Axelrod's second tournament (Axelrod 1980b) as axelrod
// 4.14 `axelrod_second.py` reconstructs them.

/// Champion (the second tournament's winner by Danny Champion): C for ten rounds, Tit For
/// Tat to round 25, then after an opponent's D defects when the opponent's share of D is at
/// least max(0.4, u), u uniform.
struct SecondByChampion: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let n = h.count
        guard n >= 10, let theirs = h.theirLast else { return .cooperate }
        if n < 25 { return theirs }
        let share = Double(h.theirDefections) / Double(n)
        if theirs == .defect {
            let u = random.nextUnit()
            if share >= Swift.max(0.4, u) { return .defect }
        }
        return .cooperate
    }
}

/// Eatherley: C after an opponent's C; after a D, cooperates with probability 1 − (the
/// opponent's share of D).
struct SecondByEatherley: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let theirs = h.theirLast, theirs == .defect else { return .cooperate }
        return random.choice(cooperatingWith: 1 - Double(h.theirDefections) / Double(h.count))
    }
}

/// Getzler: a "flack" that adds 1 per opponent D and halves every round; cooperates with
/// probability 1 − flack.
struct SecondByGetzler: RepeatedStrategy {
    var flack = 0.0
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let theirs = h.theirLast else { return .cooperate }
        flack += theirs == .defect ? 1 : 0
        flack *= 0.5
        return random.choice(cooperatingWith: 1 - flack)
    }
}

/// Leyvraz: cooperates with a probability set by the opponent's last three moves (missing
/// moves count as C).
struct SecondByLeyvraz: RepeatedStrategy {
    /// Indexed by (three ago, two ago, last) as binary with D = 1.
    static let p: [Double] = [1.0, 0.5, 0.0, 0.25, 1.0, 1.0, 1.0, 0.25]
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        var key = 0
        for back in stride(from: 3, through: 1, by: -1) {
            key = key << 1 | Int((h.theirs(back: back) ?? .cooperate).rawValue)
        }
        return random.choice(cooperatingWith: Self.p[key])
    }
}

/// WmAdams: counts the opponent's defections (its first move excluded); D at counts 4, 7
/// and 9; beyond 9, after an opponent's D, cooperates with probability 0.5^(count − 9).
struct SecondByWmAdams: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard h.count > 1 else { return .cooperate }
        var defects = h.theirDefections
        if h.theirs(at: 0) == .defect { defects -= 1 }
        if defects == 4 || defects == 7 || defects == 9 { return .defect }
        if defects > 9, h.theirLast == .defect {
            var p = 1.0
            for _ in 0..<(defects - 9) { p *= 0.5 }
            return random.choice(cooperatingWith: p)
        }
        return .cooperate
    }
}

/// Black: C for five rounds, then cooperates with a probability that falls with the
/// opponent's defections among its last five moves (1, 1, 0.88, 0.68, 0.4, 0.04).
struct SecondByBlack: RepeatedStrategy {
    static let p: [Double] = [1.0, 1.0, 0.88, 0.68, 0.4, 0.04]
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard h.count >= 5 else { return .cooperate }
        return random.choice(cooperatingWith: Self.p[h.theirCount(of: .defect, inLast: 5)])
    }
}

/// Cave: defects against opponents that defect often (thresholds by round); after an
/// opponent's D, D once it has more than 17 defections, else a fair coin; C otherwise.
struct SecondByCave: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let turn = h.count + 1
        guard let theirs = h.theirLast else { return .cooperate }
        let defects = h.theirDefections
        let share = Double(defects) / Double(turn)
        if turn > 39, share > 0.39 { return .defect }
        if turn > 29, share > 0.65 { return .defect }
        if turn > 19, share > 0.79 { return .defect }
        if theirs == .defect { return defects > 17 ? .defect : random.choice(cooperatingWith: 0.5) }
        return .cooperate
    }
}

/// Appold: estimates the opponent's chance of cooperating after each of its own moves
/// (two rounds back) and cooperates with that probability; C for four rounds and once
/// after the opponent's first D.
struct SecondByAppold: RepeatedStrategy {
    var cAfter = [0, 1]
    var total = [0, 1]
    var firstDefectionSeen = false

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let turn = h.count + 1
        let usTwoAgo = turn <= 2 ? Choice.cooperate : (h.mine(back: 2) ?? .cooperate)
        let k = Int(usTwoAgo.rawValue)
        if turn > 1 { total[k] += 1 }
        if turn > 1, h.theirLast == .cooperate { cAfter[k] += 1 }
        if turn <= 4 { return .cooperate }
        if h.theirLast == .defect, !firstDefectionSeen {
            firstDefectionSeen = true
            return .cooperate
        }
        return random.choice(cooperatingWith: Double(cAfter[k]) / Double(total[k]))
    }
}

/// Kluepfel: defects after round 27 against opponents whose replies to its C and D look
/// random; otherwise repeats the opponent's last move after three equal moves, with
/// probability 0.9 after two equal moves, 0.7 after a C and 0.6 after a D.
struct SecondByKluepfel: RepeatedStrategy {
    var cd = 0
    var dd = 0
    var dc = 0
    var cc = 0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.count >= 2, let theirs = h.theirLast {
            if h.mine(back: 2) == .defect {
                if theirs == .cooperate { cd += 1 } else { dd += 1 }
            } else {
                if theirs == .cooperate { cc += 1 } else { dc += 1 }
            }
        }
        if h.count > 26 {
            let afterD = Double(cd + dd)
            let afterC = Double(dc + cc)
            if Double(cd) >= afterD / 2 - 0.75 * afterD.squareRoot(), Double(dc) >= afterC / 2 - 0.75 * afterC.squareRoot() {
                return .defect
            }
        }
        let one = h.theirs(back: 1) ?? .cooperate
        let two = h.theirs(back: 2) ?? .cooperate
        let three = h.theirs(back: 3) ?? .cooperate
        if one == two, two == three { return one }
        let r = random.nextUnit()
        let keep = one == two ? 0.9 : (one == .cooperate ? 0.7 : 0.6)
        return r < keep ? one : one.flipped
    }
}

/// Adaptor (Hauert and Stenull 2002): a state s moved by each round's outcome; cooperates
/// with probability 1 − perr while −1 ≤ s < 1, else with probability perr (0.01).
struct Adaptor: RepeatedStrategy {
    /// The change of s after CC, CD, DC, DD (own move first).
    let delta: (Double, Double, Double, Double)
    var s = 0.0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if let mine = h.myLast, let theirs = h.theirLast {
            switch (mine, theirs) {
            case (.cooperate, .cooperate): s += delta.0
            case (.cooperate, .defect): s += delta.1
            case (.defect, .cooperate): s += delta.2
            case (.defect, .defect): s += delta.3
            }
        }
        let perr = 0.01
        let inside: Double = (s + 1 >= 0 ? 1 : 0) - (s - 1 >= 0 ? 1 : 0)
        return random.choice(cooperatingWith: perr + (1.0 - 2 * perr) * inside)
    }
}

/// Bush-Mosteller reinforcement learning (Luce 2003): the probability of repeating a move
/// grows or shrinks with how its payoff compares to an aspiration of max(R, P, S, T)/3.
struct BushMosteller: RepeatedStrategy {
    let game: PlayerPayoffs
    var cProbability = 0.5
    var dProbability = 0.5
    let learningRate = 0.5

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if let mine = h.myLast, let theirs = h.theirLast {
            let best = Swift.max(game.r, game.p, game.s, game.t)
            let aspiration = abs(best / 3.0)
            var stimulus = (game.payoff(mine, theirs) - aspiration) / abs(best - aspiration)
            if stimulus < -1 { stimulus = -1 }
            if mine == .cooperate {
                cProbability += learningRate * stimulus * (stimulus >= 0 ? 1 - cProbability : cProbability)
            } else {
                dProbability += learningRate * stimulus * (stimulus >= 0 ? 1 - dProbability : dProbability)
            }
        }
        return random.choice(cooperatingWith: cProbability / (cProbability + dProbability))
    }
}

/// Tranquilizer (Craig Feathers): cooperates while its score per round is high, defecting
/// now and then with a probability that learns from how the opponent answered earlier such
/// defections; copies the opponent when its score is low.
struct SecondByTranquilizer: RepeatedStrategy {
    let game: PlayerPayoffs
    var turnsAfterGoodDefection = 0
    var consecutiveDefections = 0
    var oneTurnRatio = 5.0
    var twoTurnRatio = 0.0
    var oneTurnCount = 1.0
    var twoTurnCount = 1.0
    var score = 0.0
    var opponentScore = 0.0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let mine = h.myLast, let theirs = h.theirLast else { return .cooperate }
        score += game.payoff(mine, theirs)
        opponentScore += game.payoff(theirs, mine)
        let o = Double(theirs.rawValue)
        let m = Double(mine.rawValue)
        consecutiveDefections = theirs == .defect ? consecutiveDefections + 1 : 0
        if turnsAfterGoodDefection == 2 {
            turnsAfterGoodDefection = 0
            twoTurnRatio = (twoTurnRatio * twoTurnCount + (3 - 3 * o) + 2 * m - o * m) / (twoTurnCount + 1)
            twoTurnCount += 1
        } else if turnsAfterGoodDefection == 1 {
            turnsAfterGoodDefection = 2
            oneTurnRatio = (oneTurnRatio * oneTurnCount + (3 - 3 * o) + 2 * m - o * m) / (oneTurnCount + 1)
            oneTurnCount += 1
        }
        if turnsAfterGoodDefection == 1 || turnsAfterGoodDefection == 2 { return .cooperate }
        let rounds = Double(h.count + 1)
        if score / rounds >= 2.25 {
            let p = (0.95 - (oneTurnRatio + twoTurnRatio - 5) / 15) + 1 / (rounds * rounds) - o / 4
            if random.nextUnit() <= p { return .cooperate }
            turnsAfterGoodDefection = 1
            return .defect
        }
        if score / rounds >= 1.75 {
            let p = (0.25 + Double(h.theirCooperations + 1) / rounds) - Double(consecutiveDefections) * 0.25
                + (score - opponentScore) / 100 + 4 / rounds
            return random.nextUnit() <= p ? .cooperate : .defect
        }
        return theirs
    }
}

/// Harrington (Paul Harrington, 8th in the second tournament): Tit For Tat with many
/// detectors (random opponents by a chi-squared test every 15 rounds, defection streaks,
/// alternating defections, a fair-weather mode) and occasional probing defections after
/// round 37 whose probability grows by 0.05 each time.
struct SecondByHarrington: RepeatedStrategy {
    enum Mode { case normal, defect, fairWeather }
    var mode = Mode.normal
    var recordedDefects = 0
    var exitDefectMeter = 0
    var wasDefective = false
    var probability = 0.25
    var moveHistory = Array(repeating: [0.0, 0.0], count: 4)
    var moreCoop = 0
    var lastGenerousTurnsAgo = 3
    var burned = false
    var defectStreak = 0
    var parityStreak = [0, 0]
    var parityBit = 0
    var parityLimit = 5
    var parityHits = 0

    private mutating func finish(_ move: Choice, lowerFlags: Bool = true, incrementParity: Bool = false) -> Choice {
        if lowerFlags, move == .cooperate {
            moreCoop -= 1
            lastGenerousTurnsAgo += 1
        }
        if incrementParity, move == .defect { parityStreak[parityBit] += 1 }
        return move
    }

    private func chiSquared(_ turn: Int) -> Double {
        let denominator = Double(turn - 2)
        let rows = moveHistory.map { $0[0] + $0[1] }
        let columns = [moveHistory.map { $0[0] }.reduce(0, +), moveHistory.map { $0[1] }.reduce(0, +)]
        var total = 0.0
        for i in 0..<4 {
            for j in 0..<2 {
                let expected = rows[i] * columns[j] / denominator
                if expected > 1.0 {
                    let d = expected - moveHistory[i][j]
                    total += d * d / expected
                }
            }
        }
        return total
    }

    private func looksRandom(_ turn: Int) -> Bool {
        let denominator = Double(turn - 2)
        if moveHistory[0][0] / denominator >= 0.8 { return false }
        let share = Double(recordedDefects) / denominator
        if share < 0.25 || share > 0.75 { return false }
        return chiSquared(turn) <= 3
    }

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let turn = h.count + 1
        guard let theirs = h.theirLast else { return .cooperate }
        if mode == .defect {
            exitDefectMeter += theirs == .defect ? 1 : -3
            if exitDefectMeter >= 11 {
                mode = .normal
                wasDefective = true
                moreCoop = 2
                return finish(.cooperate, lowerFlags: false)
            }
            return finish(.defect)
        }
        if !wasDefective {
            if turn > 2 {
                if theirs == .defect { recordedDefects += 1 }
                let column = theirs == .defect ? 1 : 0
                var row = h.theirs(back: 2) == .defect ? 1 : 0
                if h.mine(back: 2) == .defect { row += 2 }
                moveHistory[row][column] += 1
            }
            if turn % 15 == 0, turn > 15, looksRandom(turn) {
                mode = .defect
                return finish(.defect, lowerFlags: false)
            }
        }
        if lastGenerousTurnsAgo == 2, theirs == .defect { burned = true }
        if turn == 38, theirs == .defect, h.theirCooperations == 36 {
            mode = .fairWeather
            return finish(.cooperate, lowerFlags: false)
        }
        if mode == .fairWeather {
            if theirs == .defect {
                mode = .normal
            } else {
                return finish(.cooperate)
            }
        }
        defectStreak = theirs == .defect ? defectStreak + 1 : 0
        if defectStreak >= 20 { return finish(.defect, incrementParity: true) }
        parityBit = 1 - parityBit
        parityStreak[parityBit] = theirs == .defect ? parityStreak[parityBit] + 1 : 0
        if parityStreak[parityBit] >= parityLimit {
            parityStreak[parityBit] = 0
            parityHits += 1
            if parityHits >= 8 { parityLimit = 3 }
            return finish(.cooperate, incrementParity: true)
        }
        if moreCoop >= 1 { return finish(.cooperate, incrementParity: true) }
        if turn < 37 { return finish(theirs, incrementParity: true) }
        if turn == 37 {
            moreCoop = 2
            lastGenerousTurnsAgo = 1
            return finish(.defect, lowerFlags: false)
        }
        if burned || random.nextUnit() > probability { return finish(theirs, incrementParity: true) }
        probability += 0.05
        moreCoop = 2
        lastGenerousTurnsAgo = 1
        return finish(.defect, lowerFlags: false)
    }
}
