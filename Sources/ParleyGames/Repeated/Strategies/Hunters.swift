import ParleyCore

// Ports of axelrod 4.14 `hunter.py`: players that cooperate until they recognise a kind of
// opponent (defector, cooperator, alternator, cycle, mathematical constant, random), then
// defect against it.

/// The first cycle of length `minSize...min(12, n/2)` that the moves from `offset` on repeat
/// exactly (axelrod's `detect_cycle`), or `nil`.
func detectCycle(_ moves: [Choice], minSize: Int = 1, maxSize: Int = 12, offset: Int = 0) -> ArraySlice<Choice>? {
    guard offset <= moves.count else { return nil }
    let tail = moves[offset...]
    let largest = Swift.min(tail.count / 2, maxSize)
    guard minSize <= largest else { return nil }
    for size in minSize...largest {
        let start = tail.startIndex
        var repeats = true
        for (j, move) in tail.enumerated() where move != tail[start + j % size] {
            repeats = false
            break
        }
        if repeats { return tail[start..<(start + size)] }
    }
    return nil
}

/// Defects once it has played four rounds and the opponent has only ever defected.
struct DefectorHunter: RepeatedStrategy {
    var cooperators = false
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let all = cooperators ? h.theirCooperations : h.theirDefections
        return h.count >= 4 && all == h.count ? .defect : .cooperate
    }
}

/// Defects from round 7 on if the opponent's first six moves alternated.
struct AlternatorHunter: RepeatedStrategy {
    var isAlternator = false
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.count < 6 { return .cooperate }
        if h.count == 6 {
            isAlternator = zip(h.theirs.dropLast(), h.theirs.dropFirst()).allSatisfy { $0 != $1 }
        }
        return isAlternator ? .defect : .cooperate
    }
}

/// Defects for good once the opponent's whole history is a repeated cycle of length 3 to 12
/// that contains both moves.
struct CycleHunter: RepeatedStrategy {
    var found = false
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if found { return .defect }
        if let cycle = detectCycle(h.theirs, minSize: 3), cycle.contains(.cooperate), cycle.contains(.defect) {
            found = true
            return .defect
        }
        return .cooperate
    }
}

/// Every tenth round (from round 10) checks whether the opponent's history after its first
/// ten moves is a cycle of length 3 to 12, and defects while it is.
struct EventualCycleHunter: RepeatedStrategy {
    var found = false
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.count < 10 || h.theirCooperations == h.count { return .cooperate }
        if h.count % 10 == 0 {
            found = detectCycle(h.theirs, minSize: 3, offset: 10) != nil
        }
        return found ? .defect : .cooperate
    }
}

/// Defects when the share of cooperation (both players together) in the first half, the
/// middle half and the second half of the match so far differ by less than 0.2.
struct MathConstantHunter: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let n = h.count
        guard n >= 8, h.theirCooperations > 0, h.theirDefections > 0 else { return .cooperate }
        func ratio(_ start: Int, _ end: Int) -> Double {
            var count = 0
            for i in start..<end {
                if h.theirs[i] == .cooperate { count += 1 }
                if h.mine[i] == .cooperate { count += 1 }
            }
            return 0.5 * Double(count) / Double(end - start)
        }
        let r1 = ratio(0, n / 2)
        let r2 = ratio(n / 4, 3 * n / 4)
        let r3 = ratio(n / 2, n)
        return abs(r1 - r2) < 0.2 && abs(r1 - r3) < 0.2 ? .defect : .cooperate
    }
}

/// Defects when the opponent's replies to its own C and D look like coin flips (the
/// frequency of C after C, and of D after D, within 0.25 of one half).
struct RandomHunter: RepeatedStrategy {
    var countCC = 0
    var countDD = 0
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let n = h.count
        if n > 1, let mine = h.mine(back: 2), let theirs = h.theirLast {
            if mine == .cooperate, theirs == .cooperate { countCC += 1 }
            if mine == .defect, theirs == .defect { countDD += 1 }
        }
        guard n > 10 else { return .cooperate }
        var probabilities: [Double] = []
        if h.myCooperations > 5 { probabilities.append(Double(countCC) / Double(h.myCooperations)) }
        if h.myDefections > 5 { probabilities.append(Double(countDD) / Double(h.myDefections)) }
        return !probabilities.isEmpty && probabilities.allSatisfy({ abs($0 - 0.5) < 0.25 }) ? .defect : .cooperate
    }
}

// Ports of axelrod 4.14 `mathematicalconstants.py` and `sequence_player.py`.

/// Cooperates first, defects while the opponent has never defected, then defects when
/// the ratio of all cooperations to all defections (both players) exceeds `ratio`.
struct ConstantRatio: RepeatedStrategy {
    let ratio: Double
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.isEmpty { return .cooperate }
        if h.theirDefections == 0 { return .defect }
        let cooperations = Double(h.theirCooperations + h.myCooperations)
        let defections = Double(h.theirDefections + h.myDefections)
        return cooperations / defections > ratio ? .defect : .cooperate
    }
}

/// Plays the Thue-Morse sequence t(n) = (number of 1 bits of n) mod 2: D for 0 and C for 1,
/// or the reverse when `inverse`.
struct ThueMorse: RepeatedStrategy {
    var inverse = false
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let bit = h.count.nonzeroBitCount % 2
        return (bit == 0) != inverse ? .defect : .cooperate
    }
}
