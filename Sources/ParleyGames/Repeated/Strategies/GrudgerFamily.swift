import ParleyCore

// Ports of axelrod 4.14 `grudger.py`, `gobymajority.py`, `punisher.py`, `retaliate.py`,
// `oncebitten.py`, `forgiver.py`, `backstabber.py`.

/// Cooperates until the opponent defects once, then defects forever (Friedman 1971's grim trigger).
struct Grudger: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        h.theirDefections > 0 ? .defect : .cooperate
    }
}

/// Grudges for ten rounds after each defection, then forgives.
struct ForgetfulGrudger: RepeatedStrategy {
    var memoryLength = 10
    var grudged = false
    var grudgeMemory = 0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if grudgeMemory == memoryLength {
            grudgeMemory = 0
            grudged = false
        }
        if h.theirLast == .defect { grudged = true }
        if grudged {
            grudgeMemory += 1
            return .defect
        }
        return .cooperate
    }
}

/// Defects until the opponent cooperates once, then cooperates forever.
struct OppositeGrudger: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        h.theirCooperations > 0 ? .cooperate : .defect
    }
}

/// Defects three times, then plays Grudger.
struct Aggravater: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        h.count < 3 || h.theirDefections > 0 ? .defect : .cooperate
    }
}

/// Punishes a defection with D, D, D, D, C, C, then cooperates again.
struct SoftGrudger: RepeatedStrategy {
    var grudged = false
    var grudgeMemory = 0
    static let sequence: [Choice] = [.defect, .defect, .defect, .cooperate, .cooperate]

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if grudged {
            let move = Self.sequence[grudgeMemory]
            grudgeMemory += 1
            if grudgeMemory == 5 {
                grudgeMemory = 0
                grudged = false
            }
            return move
        }
        if h.theirLast == .defect {
            grudged = true
            return .defect
        }
        return .cooperate
    }
}

/// Alternates D and C once the opponent has defected.
struct GrudgerAlternator: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        h.theirDefections > 0 && h.myLast == .cooperate ? .defect : .cooperate
    }
}

/// Defects until the opponent defects, then cooperates forever.
struct EasyGo: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        h.theirDefections > 0 ? .cooperate : .defect
    }
}

/// After `n` defections in a row: D, then `d` − 1 more D and `c` C (defaults 1, 4, 2).
struct GeneralSoftGrudger: RepeatedStrategy {
    var n = 1
    var grudge: [Choice] = [.defect, .defect, .defect, .cooperate, .cooperate]
    var grudged = false
    var grudgeMemory = 0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if grudged {
            let move = grudge[grudgeMemory]
            grudgeMemory += 1
            if grudgeMemory == grudge.count {
                grudged = false
                grudgeMemory = 0
            }
            return move
        }
        if h.count >= n, h.theirCount(of: .defect, inLast: n) == n {
            grudged = true
            return .defect
        }
        return .cooperate
    }
}

/// Cooperates twice, then plays Grudger.
struct SpitefulCC: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        h.count < 2 ? .cooperate : (h.theirDefections > 0 ? .defect : .cooperate)
    }
}

/// CAPRI (Murase and Baek 2020): a memory-three strategy, cooperating in 15 listed states.
struct Capri: RepeatedStrategy {
    typealias Round = (Choice, Choice)
    private static let cooperateStates: [[UInt8]] = [
        "CCCCCC", "CCCCDC", "CCDCCD", "DCCDCC", "CDCCCC", "CCCDDC", "CDDCCC", "DCCCCC",
        "DDDDDC", "DDDCCC", "DDDDCD", "DDCDCC", "DDDDCC", "DDCCCC",
    ].map { Array($0.utf8) }
    private static let defectState: [UInt8] = Array("CCCCCD".utf8)

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        var key: [UInt8] = []
        key.reserveCapacity(6)
        for back in stride(from: 3, through: 1, by: -1) {
            let mine = h.mine(back: back) ?? .cooperate
            let theirs = h.theirs(back: back) ?? .cooperate
            key.append(mine == .cooperate ? 67 : 68)
            key.append(theirs == .cooperate ? 67 : 68)
        }
        if key == Self.defectState { return .defect }
        return Self.cooperateStates.contains(key) ? .cooperate : .defect
    }
}

/// Copies the majority of the opponent's moves (over the last `memory` rounds; all rounds
/// when `memory` is 0). Ties: C when `soft`, D otherwise.
struct GoByMajority: RepeatedStrategy {
    var memory = 0
    var soft = true

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let window = memory > 0 ? memory : h.count
        let defections = memory > 0 ? h.theirCount(of: .defect, inLast: window) : h.theirDefections
        let total = Swift.min(window, h.count)
        let cooperations = total - defections
        if defections > cooperations { return .defect }
        if defections == cooperations { return soft ? .cooperate : .defect }
        return .cooperate
    }
}

/// Punishes a defection for as long as 20 × the opponent's defection rate (Andrew Hay).
struct Punisher: RepeatedStrategy {
    var inverse = false
    var memoryLength = 1
    var grudged = false
    var grudgeMemory = 1

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if grudgeMemory >= memoryLength {
            grudgeMemory = 0
            grudged = false
        }
        if grudged {
            grudgeMemory += 1
            return .defect
        }
        if h.theirLast == .defect {
            let basis = inverse ? h.theirCooperations : h.theirDefections
            memoryLength = basis * 20 / h.count
            if inverse, memoryLength == 0 { memoryLength = 1 }
            grudged = true
            return .defect
        }
        return .cooperate
    }
}

/// Defects after ten rounds if more than 20% of the opponent's moves were defections.
struct LevelPunisher: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.count < 10 { return .cooperate }
        return Double(h.theirDefections) / Double(h.count) > 0.2 ? .defect : .cooperate
    }
}

/// Defects when the opponent's defection rate passes 20% (first 10 rounds), 10% (first 50)
/// or 5% (first 100).
struct TrickyLevelPunisher: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.isEmpty { return .cooperate }
        let rate = Double(h.theirDefections) / Double(h.count)
        if h.count < 10, rate > 0.2 { return .defect }
        if h.count < 50, rate > 0.1 { return .defect }
        if h.count < 100, rate > 0.05 { return .defect }
        return .cooperate
    }
}

/// Retaliates while the opponent's unprovoked defections (CD rounds) exceed `threshold` ×
/// its own (DC rounds); the limited version stops after `limit` retaliations.
struct Retaliate: RepeatedStrategy {
    var threshold = 0.1
    var limit: Int?
    var cdCount = 0
    var dcCount = 0
    var retaliating = false
    var retaliationCount = 0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if let mine = h.myLast, let theirs = h.theirLast {
            if mine == .cooperate, theirs == .defect { cdCount += 1 }
            if mine == .defect, theirs == .cooperate { dcCount += 1 }
        }
        let triggered = Double(cdCount) > Double(dcCount) * threshold
        guard let limit else { return triggered ? .defect : .cooperate }
        if triggered {
            retaliating = true
        } else {
            retaliating = false
            retaliationCount = 0
        }
        if retaliating {
            if retaliationCount < limit {
                retaliationCount += 1
                return .defect
            }
            retaliationCount = 0
            retaliating = false
        }
        return .cooperate
    }
}

/// Cooperates; after two defections in a row, defects for ten rounds (Once Bitten).
struct OnceBitten: RepeatedStrategy {
    var memoryLength = 10
    var grudged = false
    var grudgeMemory = 0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if grudgeMemory >= memoryLength {
            grudgeMemory = 0
            grudged = false
        }
        if h.count < 2 { return .cooperate }
        if grudged {
            grudgeMemory += 1
            return .defect
        }
        if h.theirCount(of: .cooperate, inLast: 2) == 0 {
            grudged = true
            return .defect
        }
        return .cooperate
    }
}

/// Forgives one defection; defects forever after the second.
struct FoolMeOnce: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        h.theirDefections > 1 ? .defect : .cooperate
    }
}

/// Fool Me Once that forgets the defection count with probability `forget` each round.
struct ForgetfulFoolMeOnce: RepeatedStrategy {
    var forget = 0.05
    var defections = 0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let r = random.nextUnit()  // axelrod draws before looking at the history, every round
        guard let theirLast = h.theirLast else { return .cooperate }
        if theirLast == .defect { defections += 1 }
        if r < forget { defections = 0 }
        return defections > 1 ? .defect : .cooperate
    }
}

/// Defects forever once the opponent's defections exceed 10% of its moves.
struct Forgiver: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        Double(h.theirDefections) > Double(h.count) / 10.0 ? .defect : .cooperate
    }
}

/// Tit For Tat while the opponent's defections exceed 10% of its moves, else C.
struct ForgivingTitForTat: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        Double(h.theirDefections) > Double(h.count) / 10.0 ? (h.theirLast ?? .cooperate) : .cooperate
    }
}

/// Forgives up to three defections, then defects; with `doubleCross`, plays Tit For 2 Tats
/// between rounds 8 and 180 against an opponent that cooperated through round 7.
struct BackStabber: RepeatedStrategy {
    var doubleCross = false

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if doubleCross {
            let defectedEarly = h.theirs.prefix(7).contains(.defect)
            let round = h.count + 1
            if !defectedEarly, round > 7, round <= 180 {
                return h.count >= 2 && h.theirCount(of: .defect, inLast: 2) == 2 ? .defect : .cooperate
            }
        }
        if h.isEmpty { return .cooperate }
        return h.theirDefections > 3 ? .defect : .cooperate
    }
}
