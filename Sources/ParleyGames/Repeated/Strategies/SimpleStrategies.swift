import ParleyCore

// Ports of axelrod 4.14 `cooperator.py`, `defector.py`, `alternator.py`, `rand.py`,
// `cycler.py`, `appeaser.py`, `averagecopier.py`, `negation.py`, `mutual.py`, `inverse.py`.

/// Always cooperates.
struct Cooperator: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice { .cooperate }
}

/// Always defects.
struct Defector: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice { .defect }
}

/// C, D, C, D, ... (flips its own last move).
struct Alternator: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        h.myLast == .cooperate ? .defect : .cooperate
    }
}

/// Cooperates with probability `p` each round, independently.
struct RandomStrategy: RepeatedStrategy {
    var p = 0.5
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        random.choice(cooperatingWith: p)
    }
}

/// Repeats a fixed cycle of moves.
struct Cycler: RepeatedStrategy {
    let cycle: [Choice]
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        cycle.isEmpty ? .cooperate : cycle[h.count % cycle.count]
    }
}

/// C, D, D, then runs of C of growing length separated by one D, so that no cycle is found.
struct AntiCycler: RepeatedStrategy {
    var cycleLength = 1
    var cycleCounter = 0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        switch h.count {
        case 0: return .cooperate
        case 1, 2: return .defect
        default: break
        }
        if cycleCounter < cycleLength {
            cycleCounter += 1
            return .cooperate
        }
        cycleLength += 1
        cycleCounter = 0
        return .defect
    }
}

/// Starts with C; switches its move each time the opponent defects.
struct Appeaser: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let theirLast = h.theirLast, let myLast = h.myLast else { return .cooperate }
        if theirLast == .defect { return myLast == .cooperate ? .defect : .cooperate }
        return myLast
    }
}

/// Cooperates, but defects once three rounds are played if the opponent has not defected
/// in the last ten.
struct TrickyCooperator: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        h.count >= 3 && !h.theyDefected(inLast: 10) ? .defect : .cooperate
    }
}

/// Defects, but cooperates if the opponent has cooperated before and its last three moves
/// were defections.
struct TrickyDefector: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        h.theirCooperations > 0 && h.count >= 3 && h.theirCount(of: .defect, inLast: 3) == 3 ? .cooperate : .defect
    }
}

/// Cooperates with the opponent's overall cooperation rate (`nice`: C first, else 0.5).
struct AverageCopier: RepeatedStrategy {
    var nice = false
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.isEmpty { return nice ? .cooperate : random.choice(cooperatingWith: 0.5) }
        return random.choice(cooperatingWith: Double(h.theirCooperations) / Double(h.count))
    }
}

/// Random first move, then the opposite of the opponent's last move.
struct Negation: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let theirLast = h.theirLast else { return random.choice(cooperatingWith: 0.5) }
        return theirLast.flipped
    }
}

/// Desperate, Hopeless and Willing (van den Berg and Weiss 2019): random first move, then a
/// rule on the last round.
struct MutualRule: RepeatedStrategy {
    enum Kind: Sendable { case desperate, hopeless, willing }
    let kind: Kind

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let mine = h.myLast, let theirs = h.theirLast else { return random.choice(cooperatingWith: 0.5) }
        switch kind {
        case .desperate: return mine == .defect && theirs == .defect ? .cooperate : .defect
        case .hopeless: return mine == .cooperate && theirs == .cooperate ? .defect : .cooperate
        case .willing: return mine == .defect && theirs == .defect ? .defect : .cooperate
        }
    }
}

/// Cooperates with probability 1 − 1/k, k being how many rounds ago the opponent last
/// defected (C if it never did).
struct Inverse: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let last = h.theirs.lastIndex(of: .defect) else { return .cooperate }
        let k = Double(h.count - last)
        return random.choice(cooperatingWith: 1 - 1 / k)
    }
}
