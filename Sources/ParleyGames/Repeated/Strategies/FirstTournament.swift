import ParleyCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Entrants of Axelrod's first tournament (Axelrod 1980a, "Effective Choice in the
// Prisoner's Dilemma"), as axelrod 4.14 `axelrod_first.py` reconstructs them.

/// Davis: cooperates for ten rounds, then plays Grudger.
struct FirstByDavis: RepeatedStrategy {
    var roundsToCooperate = 10

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.count < roundsToCooperate { return .cooperate }
        return h.theirDefections > 0 ? .defect : .cooperate
    }
}

/// Downing: estimates how the opponent answers C and D and plays the move with the higher
/// expected payoff; opens D, D.
struct FirstByDowning: RepeatedStrategy {
    let game: PlayerPayoffs
    var cooperationsAfterC = 0
    var cooperationsAfterD = 0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let round = h.count + 1
        if round == 1 { return .defect }
        if round == 2 {
            if h.theirLast == .cooperate { cooperationsAfterC += 1 }
            return .defect
        }
        let myPrevious = h.mine(back: 2)
        if myPrevious == .cooperate, h.theirLast == .cooperate { cooperationsAfterC += 1 }
        if myPrevious == .defect, h.theirLast == .cooperate { cooperationsAfterD += 1 }
        let alpha = Double(cooperationsAfterC) / Double(h.myCooperations + 1)
        let beta = Double(cooperationsAfterD) / Double(Swift.max(h.myDefections, 2))
        let cooperate = alpha * game.r + (1 - alpha) * game.s
        let defect = beta * game.t + (1 - beta) * game.p
        if cooperate > defect { return .cooperate }
        if cooperate < defect { return .defect }
        return (h.myLast ?? .cooperate).flipped
    }
}

/// Feld: Tit For Tat whose cooperation after C decays linearly from 1 to 0.5 over 200 rounds.
struct FirstByFeld: RepeatedStrategy {
    var start = 1.0
    var end = 0.5
    var roundsOfDecay = 200.0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let theirLast = h.theirLast else { return .cooperate }
        if theirLast == .defect { return .defect }
        let slope = (end - start) / roundsOfDecay
        let p = Swift.max(start + slope * Double(h.count), end)
        return random.choice(cooperatingWith: p)
    }
}

/// Graaskamp: Tit For Tat with a probe at round 51; then defects against a random-looking
/// opponent (chi-squared test), plays Tit For Tat against itself or Tit For Tat, and
/// otherwise defects every 5 to 15 rounds.
struct FirstByGraaskamp: RepeatedStrategy {
    var alpha = 0.05
    var opponentIsRandom = false
    var nextRandomDefectionTurn: Int?

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let theirLast = h.theirLast else { return .cooperate }
        if h.count < 56 {
            return theirLast == .defect || h.count == 50 ? .defect : .cooperate
        }
        let pValue = ChiSquared.equalFrequencyPValue(h.theirCooperations, h.theirDefections)
        opponentIsRandom = pValue >= alpha || opponentIsRandom
        if opponentIsRandom { return .defect }
        var mirrors = true
        for index in 1..<h.count where h.theirs[index] != h.mine[index - 1] {
            mirrors = false
            break
        }
        if mirrors || h.theirs == h.mine {
            return theirLast == .defect ? .defect : .cooperate
        }
        if nextRandomDefectionTurn == nil {
            nextRandomDefectionTurn = Int(random.nextInt(below: 10)) + 5 + h.count
        }
        if h.count == nextRandomDefectionTurn {
            nextRandomDefectionTurn = Int(random.nextInt(below: 10)) + 5 + h.count
            return .defect
        }
        return .cooperate
    }
}

/// Grofman: cooperates after agreement; after disagreement cooperates with probability 2/7.
struct FirstByGrofman: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.isEmpty || h.myLast == h.theirLast { return .cooperate }
        return random.choice(cooperatingWith: 2.0 / 7.0)
    }
}

/// Nydegger: a lookup on a weighted score of the last three rounds.
struct FirstByNydegger: RepeatedStrategy {
    static let defectScores: Set<Int> = [1, 6, 7, 17, 22, 23, 26, 29, 30, 31, 33, 38, 39, 45, 49, 54, 55, 58, 61]

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.isEmpty { return .cooperate }
        let tft: Choice = h.theirLast == .defect ? .defect : .cooperate
        if h.count == 1 { return tft }
        if h.count == 2 {
            return h.theirs(at: 0) == .defect && h.theirs(at: 1) == .cooperate ? .defect : tft
        }
        var score = 0
        for (back, weight) in [(1, 16), (2, 4), (3, 1)] {
            let mine = h.mine(back: back) ?? .cooperate
            let theirs = h.theirs(back: back) ?? .cooperate
            let value: Int
            switch (mine, theirs) {
            case (.cooperate, .cooperate): value = 0
            case (.cooperate, .defect): value = 2
            case (.defect, .cooperate): value = 1
            case (.defect, .defect): value = 3
            }
            score += weight * value
        }
        return Self.defectScores.contains(score) ? .defect : .cooperate
    }
}

/// Shubik: retaliates against each unprovoked defection one round longer than the last time.
struct FirstByShubik: RepeatedStrategy {
    var isRetaliating = false
    var retaliationLength = 0
    var retaliationRemaining = 0

    mutating func decrease() {
        if isRetaliating {
            retaliationRemaining -= 1
            if retaliationRemaining == 0 { isRetaliating = false }
        }
    }

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.isEmpty { return .cooperate }
        if isRetaliating {
            decrease()
            return .defect
        }
        if h.theirLast == .defect, h.myLast == .cooperate {
            isRetaliating = true
            retaliationLength += 1
            retaliationRemaining = retaliationLength
            decrease()
            return .defect
        }
        return .cooperate
    }
}

/// Tullock: cooperates for 11 rounds, then cooperates 10% less often than the opponent did
/// in the last 10 rounds.
struct FirstByTullock: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.count < 11 { return .cooperate }
        let cooperations = h.theirCount(of: .cooperate, inLast: 10)
        let p = Swift.max(0, Double(cooperations) / 10 - 0.1)
        return random.choice(cooperatingWith: p)
    }
}

/// Anonymous: cooperates with a probability drawn uniformly from 0.3...0.7 each round.
struct FirstByAnonymous: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let r = (3 + 4 * random.nextUnit()) / 10
        return random.choice(cooperatingWith: r)
    }
}

/// Stein and Rapoport: C for 4 rounds, Tit For Tat to round 14, then every 15 rounds a
/// chi-squared test; defects against a random-looking opponent, else Tit For Tat.
struct FirstBySteinAndRapoport: RepeatedStrategy {
    var alpha = 0.05
    var opponentIsRandom = false

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let round = h.count + 1
        if round < 5 { return .cooperate }
        let last = h.theirLast ?? .cooperate
        if round < 15 { return last }
        if round % 15 == 0 {
            opponentIsRandom = ChiSquared.equalFrequencyPValue(h.theirCooperations, h.theirDefections) >= alpha
        }
        return opponentIsRandom ? .defect : last
    }
}

/// Tideman and Chieruzzi: Tit For Tat with growing retaliation and a "fresh start" offered
/// when well ahead and the opponent's defections look non-random.
struct FirstByTidemanAndChieruzzi: RepeatedStrategy {
    let game: PlayerPayoffs
    let length: Int?
    var isRetaliating = false
    var retaliationLength = 0
    var retaliationRemaining = 0
    var myScore = 0.0
    var theirScore = 0.0
    var lastFreshStart = 0
    var freshStart = false
    var rememberedDefections = 0

    mutating func decrease() {
        if isRetaliating {
            retaliationRemaining -= 1
            if retaliationRemaining == 0 { isRetaliating = false }
        }
    }

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let theirLast = h.theirLast, let myLast = h.myLast else { return .cooperate }
        if theirLast == .defect { rememberedDefections += 1 }
        myScore += game.payoff(myLast, theirLast)
        theirScore += game.payoff(theirLast, myLast)
        if freshStart {
            freshStart = false
            return .cooperate
        }
        let round = h.count + 1
        let validFreshStart = lastFreshStart == 0 || round - lastFreshStart >= 20
        if validFreshStart {
            let validPoints = myScore - theirScore >= 10
            let validRounds = length.map { $0 - round >= 10 } ?? true
            if validPoints, validRounds, theirLast == .cooperate {
                let n = Double(h.count)
                let sd = n.squareRoot() / 2
                let lower = n / 2 - 3 * sd
                let upper = n / 2 + 3 * sd
                let remembered = Double(rememberedDefections)
                if remembered <= lower || remembered >= upper {
                    lastFreshStart = round
                    isRetaliating = false
                    retaliationLength = 0
                    retaliationRemaining = 0
                    rememberedDefections = 0
                    freshStart = true
                    return .cooperate
                }
            }
        }
        if isRetaliating {
            decrease()
            return .defect
        }
        if theirLast == .defect {
            isRetaliating = true
            retaliationLength += 1
            retaliationRemaining = retaliationLength
            decrease()
            return .defect
        }
        return .cooperate
    }
}

/// Pearson's chi-squared test of two counts against equal expected frequencies (one
/// degree of freedom), as `scipy.stats.chisquare([a, b])` computes it.
enum ChiSquared {
    /// The p-value: statistic x = (a − b)² / (a + b), p = erfc(√(x / 2)). With no
    /// observations scipy gives NaN; Parley returns 1 (never reached: the callers test late).
    static func equalFrequencyPValue(_ a: Int, _ b: Int) -> Double {
        let n = Double(a + b)
        guard n > 0 else { return 1 }
        let expected = n / 2
        let statistic = (Double(a) - expected) * (Double(a) - expected) / expected
            + (Double(b) - expected) * (Double(b) - expected) / expected
        return erfc((statistic / 2).squareRoot())
    }
}
