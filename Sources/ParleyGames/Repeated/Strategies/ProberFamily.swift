import ParleyCore

// Ports of axelrod 4.14 `prober.py`, `handshake.py`, `axelrod_second.py` (Tester) and
// `calculator.py`.

/// Plays a fixed opening, then a rule that looks at the opponent's replies to it.
/// Covers Prober (D C C, then defect forever if the opponent answered C C in rounds 2-3,
/// else Tit For Tat), Prober 2, Prober 3 and Hard Prober.
struct OpeningProber: RepeatedStrategy {
    enum Kind: Sendable { case prober, prober2, prober3, hardProber }
    let kind: Kind

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let turn = h.count
        let tft: Choice = h.theirLast == .defect ? .defect : .cooperate
        switch kind {
        case .prober:
            if turn == 0 { return .defect }
            if turn < 3 { return .cooperate }
            return h.theirs(at: 1) == .cooperate && h.theirs(at: 2) == .cooperate ? .defect : tft
        case .prober2:
            if turn == 0 { return .defect }
            if turn < 3 { return .cooperate }
            return h.theirs(at: 1) == .defect && h.theirs(at: 2) == .cooperate ? .cooperate : tft
        case .prober3:
            if turn == 0 { return .defect }
            if turn == 1 { return .cooperate }
            return h.theirs(at: 1) == .cooperate ? .defect : tft
        case .hardProber:
            if turn < 2 { return .defect }
            if turn < 4 { return .cooperate }
            return h.theirs(at: 1) == .cooperate && h.theirs(at: 2) == .cooperate ? .defect : tft
        }
    }
}

/// Prober 4: a 20-move opening, then defects forever if the opponent's just and unjust
/// defections were about equal, else Tit For Tat after five cooperations.
struct Prober4: RepeatedStrategy {
    static let opening = Choice.sequence("CCDCDDDCCDCDCCDCDDCD") ?? []
    var justDefections = 0
    var unjustDefections = 0
    var turnedDefector = false

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let turn = h.count
        let opening = Self.opening
        if turn == 0 { return opening[0] }
        if turn < opening.count {
            if h.theirLast == .defect {
                if h.myLast == .defect { justDefections += 1 }
                if h.myLast == .cooperate { unjustDefections += 1 }
            }
            return opening[turn]
        }
        if turn == opening.count {
            turnedDefector = abs(justDefections - unjustDefections) <= 2
        }
        if turnedDefector { return .defect }
        if turn < opening.count + 5 { return .cooperate }
        return h.theirLast == .defect ? .defect : .cooperate
    }
}

/// Cooperates, then with probability `p` probes with a defection; copies a defection.
/// `remorseful` apologises (C) when its probe is punished.
struct NaiveProber: RepeatedStrategy {
    var p = 0.1
    var remorseful = false
    var probing = false

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.isEmpty { return .cooperate }
        if !remorseful {
            if h.theirLast == .defect { return .defect }
            if p == 0 { return .cooperate }
            if p == 1 { return .defect }
            return random.choice(cooperatingWith: 1 - p)
        }
        if h.theirLast == .defect {
            if probing {
                probing = false
                return .cooperate
            }
            return .defect
        }
        if p == 1 {
            probing = true
            return .defect
        }
        if p == 0 || random.nextUnit() < 1 - p {
            probing = false
            return .cooperate
        }
        probing = true
        return .defect
    }
}

/// Detective: plays C, D, C, C; then defects forever against an opponent that never defected
/// in those four rounds, and plays Tit For Tat against the others.
struct Detective: RepeatedStrategy {
    static let opening: [Choice] = [.cooperate, .defect, .cooperate, .cooperate]

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.count < Self.opening.count { return Self.opening[h.count] }
        if !h.theirs.prefix(Self.opening.count).contains(.defect) { return .defect }
        return h.theirLast ?? .cooperate
    }
}

/// C then D; cooperates with an opponent that did the same (and never defected again),
/// defects against everyone else (Li and Kendall 2009).
struct CollectiveStrategy: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.count == 0 { return .cooperate }
        if h.count == 1 { return .defect }
        if h.theirDefections > 1 { return .defect }
        return h.theirs(at: 0) == .cooperate && h.theirs(at: 1) == .defect ? .cooperate : .defect
    }
}

/// Opens C, D; cooperates forever if the opponent opened the same way, else defects
/// (Robson 1990).
struct Handshake: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.count == 0 { return .cooperate }
        if h.count == 1 { return .defect }
        return h.theirs(at: 0) == .cooperate && h.theirs(at: 1) == .defect ? .cooperate : .defect
    }
}

/// TESTER (Gladstein, Axelrod's second tournament): opens with D; if the opponent ever
/// defects, apologises with C and plays Tit For Tat; otherwise alternates after two C.
struct Tester: RepeatedStrategy {
    var isTFT = false

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let theirLast = h.theirLast, let myLast = h.myLast else { return .defect }
        if isTFT { return theirLast == .defect ? .defect : .cooperate }
        if theirLast == .defect {
            isTFT = true
            return .cooperate
        }
        if h.count == 1 || h.count == 2 { return .cooperate }
        return myLast.flipped
    }
}

/// Plays Joss for 20 rounds, then defects forever if the opponent's history is periodic,
/// else Tit For Tat.
struct Calculator: RepeatedStrategy {
    var joss = MemoryOne(vector: (0.9, 0, 0.9, 0), initial: .cooperate)
    var cycleFound = false

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let turn = h.count
        if turn == 20 { cycleFound = Self.hasCycle(h.theirs) }
        if turn >= 20 {
            if cycleFound { return .defect }
            return h.theirLast == .defect ? .defect : .cooperate
        }
        return joss.choose(h, random: &random)
    }

    /// axelrod's `detect_cycle` with its defaults: a period of 1 to min(12, n/2) that
    /// repeats from the first move to the last.
    static func hasCycle(_ history: [Choice]) -> Bool {
        let maxSize = Swift.min(history.count / 2, 12)
        guard maxSize >= 1 else { return false }
        for size in 1...maxSize {
            var periodic = true
            for index in history.indices where history[index] != history[index % size] {
                periodic = false
                break
            }
            if periodic { return true }
        }
        return false
    }
}
