import ParleyCore

// Ports of axelrod 4.14 `memorytwo.py`, `apavlov.py`, `shortmem.py`, `stalker.py`,
// `verybad.py`, `grumpy.py`, `doubler.py`, `resurrection.py`, `gradualkiller.py`,
// `adaptive.py` and `revised_downing.py`: players that classify or score the opponent.

/// A memory-two player: after two rounds it cooperates with the probability given for the
/// last two rounds (key: own move two rounds ago, own last move, opponent's move two rounds
/// ago, opponent's last move, read as binary with C = 0, most significant first).
struct MemoryTwo: RepeatedStrategy {
    let vector: [Double]
    var initial: (Choice, Choice) = (.cooperate, .cooperate)

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.count == 0 { return initial.0 }
        if h.count == 1 { return initial.1 }
        guard vector.count == 16, let m2 = h.mine(back: 2), let m1 = h.myLast, let t2 = h.theirs(back: 2), let t1 = h.theirLast else {
            return .cooperate
        }
        let key = Int(m2.rawValue) << 3 | Int(m1.rawValue) << 2 | Int(t2.rawValue) << 1 | Int(t1.rawValue)
        return random.choice(cooperatingWith: vector[key])
    }
}

/// MEM2 (Li, Hingston and Kendall 2011): plays Tit For Tat, Tit For Two Tats or Defector,
/// re-chosen every two rounds from the last two rounds (both CC: TFT; one CD and one DC:
/// TF2T; else Defector), and keeps Defector for good the second time it is chosen.
struct MEM2: RepeatedStrategy {
    enum Mode { case titForTat, titForTwoTats, defector }
    var mode = Mode.titForTat
    var shiftCounter = 3
    var defectorCount = 0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        shiftCounter -= 1
        if shiftCounter == 0, defectorCount < 2 {
            shiftCounter = 2
            let rounds = zip(h.mine.suffix(2), h.theirs.suffix(2)).map { [$0, $1] }
            let cc: [Choice] = [.cooperate, .cooperate]
            let cd: [Choice] = [.cooperate, .defect]
            let dc: [Choice] = [.defect, .cooperate]
            if !rounds.isEmpty, rounds.allSatisfy({ $0 == cc }) {
                mode = .titForTat
            } else if rounds.contains(cd), rounds.contains(dc), rounds.allSatisfy({ $0 == cd || $0 == dc }) {
                mode = .titForTwoTats
            } else {
                mode = .defector
                defectorCount += 1
            }
        }
        switch mode {
        case .titForTat: return h.theirLast == .defect ? .defect : .cooperate
        case .titForTwoTats: return h.theirCount(of: .defect, inLast: 2) == 2 && h.count >= 2 ? .defect : .cooperate
        case .defector: return .defect
        }
    }
}

/// Adaptive Pavlov (Li 2007 and 2011): Tit For Tat for six rounds, then every six rounds
/// classifies the opponent from its last six moves and plays the matching reply.
struct AdaptivePavlov: RepeatedStrategy {
    enum Kind { case cooperative, allDefect, suspicious, pavlovD, random }
    let revised2011: Bool
    var kind: Kind?

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let n = h.count
        if n < 6 { return h.theirLast == .defect ? .defect : .cooperate }
        if n % 6 == 0 {
            let last6 = Array(h.theirs.suffix(6))
            let defections = last6.filter { $0 == .defect }.count
            if revised2011 {
                if defections == 0 { kind = .cooperative }
                if defections >= 4 { kind = .allDefect }
                if defections == 3 { kind = .suspicious }
            } else {
                if defections == 0 { kind = .cooperative }
                if defections == 6 { kind = .allDefect }
                if Choice.text(last6) == "DCDCDC" { kind = .suspicious }
                if Choice.text(last6) == "DDCDDC" { kind = .pavlovD }
            }
            if kind == nil { kind = .random }
        }
        switch kind {
        case .random, .allDefect:
            return .defect
        case .suspicious:
            if revised2011 { return h.theirCount(of: .defect, inLast: 2) == 2 ? .defect : .cooperate }
            if n % 6 == 0 || n % 6 == 1 { return .cooperate }
            return h.theirLast == .defect ? .defect : .cooperate
        case .pavlovD:
            return n % 6 == 0 ? .defect : .cooperate
        case .cooperative:
            return h.theirLast == .defect ? .defect : .cooperate
        case nil:
            return .cooperate
        }
    }
}

/// ShortMem (Andre et al.): C for ten rounds, then C (D) when the opponent's last ten moves
/// hold at least three more C (D) than D (C), else copies the opponent's last move.
struct ShortMem: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard h.count > 10, let last = h.theirLast else { return .cooperate }
        let c = h.theirCount(of: .cooperate, inLast: 10)
        let d = 10 - c
        if c - d >= 3 { return .cooperate }
        if d - c >= 3 { return .defect }
        return last
    }
}

/// Stalker (Delahaye, PRISON): reacts to its own average payoff per round so far: D above R,
/// C between (R + P)/2 and R or above 2, D between 1 and 2, a fair coin otherwise.
struct Stalker: RepeatedStrategy {
    let game: PlayerPayoffs
    var score = 0.0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let mine = h.myLast, let theirs = h.theirLast else { return .cooperate }
        score += game.payoff(mine, theirs)
        let average = score / Double(h.count)
        let wish = (game.r + game.p) / 2
        if average > game.r { return .defect }
        if average > wish, average < game.r { return .cooperate }
        if average > 2 { return .cooperate }
        if average < 2, average > 1 { return .defect }
        return random.choice(cooperatingWith: 0.5)
    }
}

/// VeryBad: C for three rounds, then C (D) when the opponent cooperated in more (less) than
/// half of its moves, else copies its last move.
struct VeryBad: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard h.count >= 3, let last = h.theirLast else { return .cooperate }
        let share = Double(h.theirCooperations) / Double(h.count)
        return share > 0.5 ? .cooperate : (share < 0.5 ? .defect : last)
    }
}

/// Grumpy: nice until the opponent's defections exceed its cooperations by more than 10,
/// grumpy (defects) until they fall more than 10 below.
struct Grumpy: RepeatedStrategy {
    var grumpy = false
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let grumpiness = h.theirDefections - h.theirCooperations
        if !grumpy {
            if grumpiness > 10 {
                grumpy = true
                return .defect
            }
            return .cooperate
        }
        if grumpiness < -10 {
            grumpy = false
            return .cooperate
        }
        return .defect
    }
}

/// Doubler: C first; D after an opponent's D when the opponent's cooperations are at most
/// twice its defections.
struct Doubler: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard h.theirLast == .defect else { return .cooperate }
        return h.theirCooperations <= 2 * h.theirDefections ? .defect : .cooperate
    }
}

/// Resurrection: Tit For Tat, but D after five D of its own; DoubleResurrection also plays
/// D after five C of its own and C after five D.
struct Resurrection: RepeatedStrategy {
    var double = false
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let last = h.theirLast else { return .cooperate }
        if h.count >= 5 {
            let last5 = h.mine.suffix(5)
            if double, last5.allSatisfy({ $0 == .cooperate }) { return .defect }
            if last5.allSatisfy({ $0 == .defect }) { return double ? .cooperate : .defect }
        }
        return last
    }
}

/// Gradual Killer (PRISON): D D D D D C C, then D for good if the opponent's sixth and
/// seventh moves were both D, else C.
struct GradualKiller: RepeatedStrategy {
    static let opening = Choice.sequence("DDDDDCC") ?? []
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.count < Self.opening.count { return Self.opening[h.count] }
        return h.theirs(at: 5) == .defect && h.theirs(at: 6) == .defect ? .defect : .cooperate
    }
}

/// Adaptive (Li 2011): six C then five D, then the move that has earned it more in total.
struct Adaptive: RepeatedStrategy {
    let game: PlayerPayoffs
    var scoreC = 0.0
    var scoreD = 0.0
    static let opening = Choice.sequence("CCCCCCDDDDD") ?? []

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if let mine = h.myLast, let theirs = h.theirLast {
            if mine == .cooperate { scoreC += game.payoff(mine, theirs) } else { scoreD += game.payoff(mine, theirs) }
        }
        if h.count < Self.opening.count { return Self.opening[h.count] }
        return scoreC > scoreD ? .cooperate : .defect
    }
}

/// Revised Downing (Axelrod's second tournament, Leslie Downing's rule as revised):
/// estimates the opponent's chance of cooperating after its own C and after its own D, and
/// plays the move with the better expected payoff.
struct RevisedDowning: RepeatedStrategy {
    var good = 1.0
    var bad = 0.0
    var nice1 = 0
    var nice2 = 0
    var totalC = 0
    var totalD = 0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let myLast = h.myLast else { return .cooperate }
        if h.count >= 2 {
            if h.mine(back: 2) == .defect {
                if h.theirLast == .cooperate { nice2 += 1 }
                totalD += 1
                bad = Double(nice2) / Double(totalD)
            } else {
                if h.theirLast == .cooperate { nice1 += 1 }
                totalC += 1
                good = Double(nice1) / Double(totalC)
            }
        }
        let c = 6.0 * good - 8.0 * bad - 2
        let alt = 4.0 * good - 5.0 * bad - 1
        if c >= 0, c >= alt { return .cooperate }
        if (c >= 0 && c < alt) || alt >= 0 { return myLast.flipped }
        return .defect
    }
}
