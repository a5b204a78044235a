import ParleyCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Ports of deterministic entries of Axelrod's second tournament (Axelrod 1980b) as axelrod
// 4.14 `axelrod_second.py` reconstructs them from the original Fortran.

/// Gladstein (TESTER's author): D first; while the opponent has never defected it
/// exploits (D when more than half its own moves were C); after the first D it apologises
/// with C once and then plays Tit For Tat.
struct SecondByGladstein: RepeatedStrategy {
    var patsy = true
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let theirs = h.theirLast else { return .defect }
        guard patsy else { return theirs }
        if theirs == .defect {
            patsy = false
            return .cooperate
        }
        return Double(h.myCooperations) / Double(h.count) > 0.5 ? .defect : .cooperate
    }
}

/// Grofman: C, C, then Tit For Tat to round 7; then C after its own C when the opponent
/// defected at most twice in rounds n−7...n−1 of its last eight, after its own D when at
/// most once; else D.
struct SecondByGrofman: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let n = h.count
        if n < 2 { return .cooperate }
        guard let theirs = h.theirLast, let mine = h.myLast else { return .cooperate }
        if n <= 6 { return theirs }
        // opponent.history[-8:-1]: the seven rounds before the last one.
        var defections = 0
        for back in 2...8 where h.theirs(back: back) == .defect { defections += 1 }
        if mine == .cooperate, defections <= 2 { return .cooperate }
        if mine == .defect, defections <= 1 { return .cooperate }
        return .defect
    }
}

/// White: C for ten rounds and after any opponent C; after an opponent D, defects when
/// floor(ln t) × (opponent's defections) ≥ t, t the round number.
struct SecondByWhite: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let turn = h.count + 1
        if turn <= 10 || h.theirLast == .cooperate { return .cooperate }
        return floor(log(Double(turn))) * Double(h.theirDefections) >= Double(turn) ? .defect : .cooperate
    }
}

/// Weiner: Tit For Tat that forgives an isolated odd run of defections (once per 20
/// rounds of grudge), and defects whenever the opponent defected in at least 5 of the 12
/// rounds before the last.
struct SecondByWeiner: RepeatedStrategy {
    var forgive = false
    var grudge = 0
    var defectPadding = 0
    var lastTwelve = Array(repeating: 0, count: 12)
    var index = 0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let theirs = h.theirLast else { return .cooperate }
        if h.count >= 2 {
            lastTwelve[index] = h.theirs(back: 2) == .defect ? 1 : 0
            index = (index + 1) % 12
        }
        let proposed: Choice
        if forgive {
            forgive = false
            defectPadding = 0
            if grudge < h.count + 1, theirs == .defect {
                grudge += 20
                proposed = .cooperate
            } else {
                proposed = theirs
            }
        } else {
            if theirs == .defect {
                defectPadding += 1
            } else {
                if defectPadding % 2 == 1 { forgive = true }
                defectPadding = 0
            }
            proposed = theirs
        }
        return lastTwelve.reduce(0, +) >= 5 ? .defect : proposed
    }
}

/// Yamachi: counts, for each (opponent two rounds ago, own intended move one round later,
/// opponent's reply), how often each reply followed, and predicts the opponent; after round
/// 40 it defects when the opponent's share of defections is near one half.
struct SecondByYamachi: RepeatedStrategy {
    var counts = Array(repeating: 0, count: 8)
    var intended: [Choice] = []

    private mutating func finish(_ move: Choice, turn: Int, opponentDefections: Int) -> Choice {
        intended.append(move)
        if turn > 40 {
            let portion = (Double(opponentDefections) + 0.5) / Double(turn)
            if portion > 0.45, portion < 0.55 { return .defect }
        }
        return move
    }

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let turn = h.count + 1
        guard turn > 1, let usLast = intended.last else { return finish(.cooperate, turn: turn, opponentDefections: 0) }
        func key(_ a: Choice, _ b: Choice, _ c: Choice) -> Int { Int(a.rawValue) << 2 | Int(b.rawValue) << 1 | Int(c.rawValue) }
        var themTwoAgo = Choice.cooperate
        var usTwoAgo = Choice.cooperate
        var themThreeAgo = Choice.cooperate
        if turn >= 3 {
            themTwoAgo = h.theirs(back: 2) ?? .cooperate
            usTwoAgo = intended.count >= 2 ? intended[intended.count - 2] : .cooperate
        }
        if turn >= 4 { themThreeAgo = h.theirs(back: 3) ?? .cooperate }
        if turn >= 3 { counts[key(themThreeAgo, usTwoAgo, themTwoAgo)] += 1 }
        let move: Choice = counts[key(themTwoAgo, usLast, .cooperate)] >= counts[key(themTwoAgo, usLast, .defect)] ? .cooperate : .defect
        return finish(move, turn: turn, opponentDefections: h.theirDefections)
    }
}

/// Graaskamp and Katzen: Tit For Tat, but defects for good when its score at rounds 11,
/// 21, 31, 41, 51 or 101 falls below 23, 53, 83, 113, 143 or 293.
struct SecondByGraaskampKatzen: RepeatedStrategy {
    let game: PlayerPayoffs
    var score = 0.0
    var defecting = false

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if defecting { return .defect }
        guard let mine = h.myLast, let theirs = h.theirLast else { return .cooperate }
        score += game.payoff(mine, theirs)
        let turn = h.count + 1
        let checks: [(Int, Double)] = [(11, 23), (21, 53), (31, 83), (41, 113), (51, 143), (101, 293)]
        if checks.contains(where: { turn == $0.0 && score < $0.1 }) {
            defecting = true
            return .defect
        }
        return theirs
    }
}

/// Mikkelson: keeps a credit (7 at the start, +1 per opponent C up to 8, −2 per D down to
/// −7); cooperates with positive credit; otherwise D (credit reset to 4) in the first ten
/// rounds, then D only when at least 15% of the opponent's moves were D.
struct SecondByMikkelson: RepeatedStrategy {
    var credit = 7
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let turn = h.count + 1
        guard let theirs = h.theirLast else { return .cooperate }
        if theirs == .cooperate {
            credit = Swift.min(credit + 1, 8)
        } else {
            credit = Swift.max(credit - 2, -7)
        }
        if turn == 2 || credit > 0 { return .cooperate }
        if turn <= 10 {
            credit = 4
            return .defect
        }
        return Double(h.theirDefections) / Double(turn) >= 0.15 ? .defect : .cooperate
    }
}

/// Rowsam: cooperates, and every sixth round checks its score per round; a low score earns
/// distrust points and a C, D answer; seven points mean defection for good.
struct SecondByRowsam: RepeatedStrategy {
    enum Mode { case normal, defect, cycle1, cycle2 }
    let game: PlayerPayoffs
    var mode = Mode.normal
    var distrust = 0
    var score = 0.0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let turn = h.count + 1
        if let mine = h.myLast, let theirs = h.theirLast { score += game.payoff(mine, theirs) }
        switch mode {
        case .defect: return .defect
        case .cycle1:
            mode = .cycle2
            return .cooperate
        case .cycle2:
            mode = .normal
            return .defect
        case .normal: break
        }
        if turn % 18 == 0, distrust >= 3 { distrust -= 1 }
        if turn % 6 != 0 { return .cooperate }
        let perTurn = score / Double(turn)
        if perTurn < 1.0 {
            distrust += 5
        } else if perTurn < 1.5 {
            distrust += 3
        } else if perTurn < 2.0 {
            distrust += 2
        } else if perTurn < 2.5 {
            distrust += 1
        } else {
            return .cooperate
        }
        mode = distrust >= 7 ? .defect : .cycle1
        return .defect
    }
}

/// Borufsen: Tit For Tat that breaks runs of three mutual defections with a C and echo
/// runs (alternating CD/DC) by turning its next D into C; every 25 rounds it checks the
/// opponent's replies and switches to defection against unresponsive opponents.
struct SecondByBorufsen: RepeatedStrategy {
    var cdCounts = 0
    var ccCounts = 0
    var mutualDefectStreak = 0
    var echoStreak = 0
    var flipNextDefect = false
    var defectMode = false

    private mutating func finish(_ move: Choice) -> Choice {
        if move == .cooperate { return .cooperate }
        if flipNextDefect {
            flipNextDefect = false
            return .cooperate
        }
        return .defect
    }

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let turn = h.count + 1
        guard let mine = h.myLast, let theirs = h.theirLast else { return .cooperate }
        if turn >= 3, theirs == .cooperate {
            if h.mine(back: 2) == .cooperate { ccCounts += 1 } else { cdCounts += 1 }
        }
        if turn > 2, turn % 25 == 2 {
            let comingFromDefect = defectMode
            defectMode = false
            let coops = cdCounts + ccCounts
            if coops < 3 { defectMode = true }
            if coops >= 8, coops <= 17, Double(ccCounts) / Double(coops) < 0.7 { defectMode = true }
            cdCounts = 0
            ccCounts = 0
            if defectMode {
                mutualDefectStreak = 0
                echoStreak = 0
                flipNextDefect = false
            }
            if !defectMode, comingFromDefect { return .defect }
        }
        if defectMode { return .defect }
        if mine == .defect, theirs == .defect { mutualDefectStreak += 1 } else { mutualDefectStreak = 0 }
        if mutualDefectStreak >= 3 {
            mutualDefectStreak = 0
            echoStreak = 0
            return finish(.cooperate)
        }
        var myTwoBack = Choice.cooperate
        var theirTwoBack = Choice.cooperate
        if turn >= 3 {
            myTwoBack = h.mine(back: 2) ?? .cooperate
            theirTwoBack = h.theirs(back: 2) ?? .cooperate
        }
        if mine != theirs, mine == theirTwoBack, theirs == myTwoBack { echoStreak += 1 } else { echoStreak = 0 }
        if echoStreak >= 3 {
            mutualDefectStreak = 0
            echoStreak = 0
            flipNextDefect = true
        }
        return finish(theirs)
    }
}

/// Richard Hufford: tracks how often the opponent's move echoes its own move of the round
/// before, cooperating when that agreement is high, copying when moderate, and defecting
/// otherwise; it tests long cooperative streaks with a single D.
struct SecondByRichardHufford: RepeatedStrategy {
    var agreements = 2
    var lastFour = [1, 1, 1, 1]
    var lastFourIndex = 0
    var streakNeeded = 21.0
    var currentStreak = 2
    var lastAberration: Int?
    var coopAfter = 2
    var defectAfter = 2

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let turn = h.count + 1
        guard let theirs = h.theirLast else { return .cooperate }
        lastFourIndex = (lastFourIndex + 1) % 4
        let meTwoAgo = turn > 2 ? (h.mine(back: 2) ?? .cooperate) : .cooperate
        if meTwoAgo == theirs {
            agreements += 1
            lastFour[lastFourIndex] = 1
        } else {
            lastFour[lastFourIndex] = 0
        }
        if lastAberration.map({ turn < $0 }) ?? true {
            currentStreak = theirs == .cooperate ? currentStreak + 1 : 0
            if Double(currentStreak) >= streakNeeded {
                lastAberration = turn
                if Double(currentStreak) == streakNeeded { return .defect }
            }
        } else if let aberration = lastAberration, turn == aberration + 2 {
            lastAberration = nil
            if theirs == .cooperate { coopAfter += 1 } else { defectAfter += 1 }
            streakNeeded = (20.0 * Double(defectAfter) / Double(coopAfter)).rounded(.down) + 1
            currentStreak = 0
            return .cooperate
        }
        let proportion = Double(agreements) / Double(turn)
        let recent = lastFour.reduce(0, +)
        if proportion > 0.9, recent >= 4 { return .cooperate }
        if proportion >= 0.625, recent >= 2 { return theirs }
        return .defect
    }
}

/// Tideman and Chieruzzi (second tournament): Tit For Tat-like retaliation measured in
/// points; gives a "fresh start" (two C) when the opponent's defections are more than three
/// standard deviations from half its moves.
struct SecondByTidemanAndChieruzzi: RepeatedStrategy {
    let game: PlayerPayoffs
    var score = 0.0
    var opponentScore = 0.0
    var lastFreshStart = 0
    var freshStart = false
    var scoreToBeat = 0.0
    var increment = 0.0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let round = h.count + 1
        guard let mine = h.myLast, let theirs = h.theirLast else { return .cooperate }
        score += game.payoff(mine, theirs)
        opponentScore += game.payoff(theirs, mine)
        if freshStart {
            score = 0
            opponentScore = 0
            scoreToBeat = 0
            increment = 0
            lastFreshStart = round
            freshStart = false
            return .cooperate
        }
        var opponentCD = false
        let twoAgo = h.count >= 2 ? (h.theirs(back: 2) ?? .cooperate) : .cooperate
        if twoAgo == .cooperate, theirs == .defect {
            opponentCD = true
            scoreToBeat += increment
            increment += 5
        }
        if score - opponentScore >= scoreToBeat { return .cooperate }
        if !opponentCD, round - lastFreshStart >= 10 {
            let n = Double(h.count)
            let sd = n.squareRoot() / 2
            let lower = n / 2 - 3 * sd
            let upper = n / 2 + 3 * sd
            let defections = Double(h.theirDefections)
            if defections <= lower || defections >= upper {
                freshStart = true
                return .cooperate
            }
        }
        return .defect
    }
}
