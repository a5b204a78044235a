import ParleyCore

// Ports of axelrod 4.14 `axelrod/strategies/titfortat.py`, behaviour for behaviour (including
// the order of random draws where a strategy draws). Sources are in each catalogue entry.

/// Cooperates first, then copies the opponent's last move (Rapoport; Axelrod 1980a winner).
struct TitForTat: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        h.theirLast == .defect ? .defect : .cooperate
    }
}

/// Defects only after two defections in a row (Axelrod 1984).
struct TitFor2Tats: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        h.count >= 2 && h.theirCount(of: .defect, inLast: 2) == 2 ? .defect : .cooperate
    }
}

/// Defects twice after each defection: D if either of the last two opponent moves was D.
struct TwoTitsForTat: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        h.theyDefected(inLast: 2) ? .defect : .cooperate
    }
}

/// After a recent defection, cooperates with probability equal to the opponent's overall
/// cooperation rate.
struct DynamicTwoTitsForTat: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.isEmpty { return .cooperate }
        if h.theyDefected(inLast: 2) {
            return random.choice(cooperatingWith: Double(h.theirCooperations) / Double(h.count))
        }
        return .cooperate
    }
}

/// Opposite of Tit For Tat, starting with D: C only after the opponent's D.
struct Bully: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        h.theirLast == .defect ? .cooperate : .defect
    }
}

/// Tries to defect against unprovoked cooperators and apologises after retaliation.
struct SneakyTitForTat: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.count < 2 { return .cooperate }
        if h.theirDefections == 0 { return .defect }
        if h.theirLast == .defect, h.mine(back: 2) == .defect { return .cooperate }
        return h.theirLast ?? .cooperate
    }
}

/// Tit For Tat that opens with D (Beaufils, Delahaye and Mathieu 1997).
struct SuspiciousTitForTat: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        h.theirLast == .cooperate ? .cooperate : .defect
    }
}

/// Plays the opposite of the opponent's last move, starting with C.
struct AntiTitForTat: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        h.theirLast == .cooperate ? .defect : .cooperate
    }
}

/// Defects if the opponent defected in any of the last three rounds.
struct HardTitForTat: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        h.theyDefected(inLast: 3) ? .defect : .cooperate
    }
}

/// Defects if the opponent's last three moves contain two consecutive defections.
struct HardTitFor2Tats: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let recent = Array(h.theirRecent(3))
        for index in recent.indices.dropFirst() where recent[index] == .defect && recent[index - 1] == .defect {
            return .defect
        }
        return .cooperate
    }
}

/// Tit For Tat with deadlock and randomness detection (Slany and Kienreich 2007).
struct OmegaTFT: RepeatedStrategy {
    var deadlockThreshold = 3
    var randomnessThreshold = 8
    var randomnessCounter = 0
    var deadlockCounter = 0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let theirLast = h.theirLast, let myLast = h.myLast else { return .cooperate }
        if h.count == 1 { return theirLast }
        let theirPrevious = h.theirs(back: 2) ?? .cooperate
        if deadlockCounter >= deadlockThreshold {
            if deadlockCounter == deadlockThreshold {
                deadlockCounter = deadlockThreshold + 1
            } else {
                deadlockCounter = 0
            }
            return .cooperate
        }
        if theirPrevious == .cooperate, theirLast == .cooperate { randomnessCounter -= 1 }
        if theirPrevious != theirLast { randomnessCounter += 1 }
        if myLast != theirLast { randomnessCounter += 1 }
        if randomnessCounter >= randomnessThreshold { return .defect }
        if theirPrevious != theirLast {
            deadlockCounter += 1
        } else {
            deadlockCounter = 0
        }
        return theirLast
    }
}

/// Gradual as first published: punishes the n-th defection with n defections, then two
/// cooperations (Beaufils, Delahaye and Mathieu 1997).
struct OriginalGradual: RepeatedStrategy {
    var calming = false
    var punishing = false
    var punishmentCount = 0
    var punishmentLimit = 0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if calming {
            calming = false
            return .cooperate
        }
        if punishing {
            if punishmentCount < punishmentLimit {
                punishmentCount += 1
                return .defect
            }
            calming = true
            punishing = false
            punishmentCount = 0
            return .cooperate
        }
        if h.theirLast == .defect {
            punishing = true
            punishmentCount += 1
            punishmentLimit += 1
            return .defect
        }
        return .cooperate
    }
}

/// axelrod's corrected Gradual: after a defection, as many defections as the opponent has
/// made in total, then two cooperations.
struct Gradual: RepeatedStrategy {
    var calmCount = 0
    var punishCount = 0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.isEmpty { return .cooperate }
        if punishCount > 0 {
            punishCount -= 1
            return .defect
        }
        if calmCount > 0 {
            calmCount -= 1
            return .cooperate
        }
        if h.theirLast == .defect {
            punishCount = h.theirDefections - 1
            calmCount = 2
            return .defect
        }
        return .cooperate
    }
}

/// Tit For Tat against a running estimate of the opponent's cooperativeness (Tzafestas 2000).
struct AdaptiveTitForTat: RepeatedStrategy {
    var rate = 0.5
    var world = 0.5

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let theirLast = h.theirLast else { return .cooperate }
        if theirLast == .cooperate {
            world += rate * (1.0 - world)
        } else {
            world -= rate * world
        }
        return world >= 0.5 ? .cooperate : .defect
    }
}

/// Tit For Tat until the opponent defects twice in a row, then defects forever.
struct SpitefulTitForTat: RepeatedStrategy {
    var retaliating = false

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.isEmpty { return .cooperate }
        if h.count >= 2, h.theirCount(of: .defect, inLast: 2) == 2 { retaliating = true }
        if retaliating { return .defect }
        return h.theirLast == .defect ? .defect : .cooperate
    }
}

/// Cooperates twice, then copies the opponent only after two equal moves in a row.
struct SlowTitForTwoTats2: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.count < 2 { return .cooperate }
        if h.theirs(back: 2) == h.theirLast { return h.theirLast ?? .cooperate }
        return h.myLast ?? .cooperate
    }
}

/// Tit For Tat that turns into a defector once the opponent has defected five times.
struct EugineNier: RepeatedStrategy {
    var isDefector = false

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.isEmpty { return .cooperate }
        if !isDefector, h.theirDefections >= 5 { isDefector = true }
        if isDefector { return .defect }
        return h.theirLast ?? .cooperate
    }
}

/// Defects `n` times whenever the opponent's last `m` moves were all defections.
struct NTitsForMTats: RepeatedStrategy {
    var n = 3
    var m = 2
    var retaliateCount = 0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if m == 0 || h.theirCount(of: .defect, inLast: m) == m { retaliateCount = n }
        if retaliateCount > 0 {
            retaliateCount -= 1
            return .defect
        }
        return .cooperate
    }
}

/// Tit For Tat, except that after exploiting a cooperator it flips a coin: C, or defect forever.
struct Michaelos: RepeatedStrategy {
    var isDefector = false

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.isEmpty { return .cooperate }
        if isDefector { return .defect }
        if h.myLast == .defect, h.theirLast == .cooperate {
            if random.choice(cooperatingWith: 0.5) == .cooperate { return .cooperate }
            isDefector = true
            return .defect
        }
        return h.theirLast ?? .cooperate
    }
}

/// Alternates Tit For Tat with a random move (cooperating with probability `p`).
struct RandomTitForTat: RepeatedStrategy {
    var p = 0.5
    var actRandom = false

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.isEmpty { return .cooperate }
        if actRandom {
            actRandom = false
            return random.choice(cooperatingWith: p)
        }
        actRandom = true
        return h.theirLast ?? .cooperate
    }
}

/// Tit For Tat that still defects with probability 0.1 after a cooperation.
struct BurnBothEnds: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let theirLast = h.theirLast else { return .cooperate }
        return theirLast == .cooperate ? random.choice(cooperatingWith: 0.9) : .defect
    }
}

/// axelrod's `FinalTransformer`: plays `finalMoves` in the last rounds of a match of known
/// length, after letting the inner strategy update its state. No effect when the length is
/// unknown.
struct FinalMoves<Inner: RepeatedStrategy>: RepeatedStrategy {
    var inner: Inner
    let finalMoves: [Choice]
    let length: Int?

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let proposed = inner.choose(h, random: &random)
        guard let length, h.count < length else { return proposed }
        let remaining = length - h.count
        return remaining <= finalMoves.count ? finalMoves[finalMoves.count - remaining] : proposed
    }
}
