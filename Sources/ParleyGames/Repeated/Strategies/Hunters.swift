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
///
/// axelrod runs `detect_cycle` on the whole history every round; the history is a repeated
/// cycle of length s exactly when every move equals the one s rounds before it, so this
/// keeps, per length, whether some move has broken that, looking only at the new moves.
/// - Complexity: O(12) per round instead of O(12 × rounds).
struct CycleHunter: RepeatedStrategy {
    var found = false
    /// `broken[s]`: some move differs from the one s rounds before it (index 0...12).
    var broken = Array(repeating: false, count: 13)
    /// The opponent's moves already checked.
    var checked = 0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if found { return .defect }
        let theirs = h.theirs
        if checked > theirs.count {
            // Not the continuation of the history seen so far: start again.
            broken = Array(repeating: false, count: 13)
            checked = 0
        }
        while checked < theirs.count {
            for size in 3...12 where size <= checked && !broken[size] && theirs[checked] != theirs[checked - size] {
                broken[size] = true
            }
            checked += 1
        }
        // detect_cycle's answer: the smallest unbroken length from 3 to min(12, n / 2).
        let largest = Swift.min(theirs.count / 2, 12)
        guard largest >= 3, let size = (3...largest).first(where: { !broken[$0] }) else { return .cooperate }
        let cycle = theirs[0..<size]
        if cycle.contains(.cooperate), cycle.contains(.defect) {
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
///
/// The counts come from running totals (`cooperations[i]`: both players' cooperations in the
/// first i rounds), so a round costs O(1) instead of O(rounds); the counts are integers, so
/// the ratios are the same values axelrod computes.
struct MathConstantHunter: RepeatedStrategy {
    var cooperations: [Int] = [0]

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let n = h.count
        if cooperations.count > n + 1 { cooperations = [0] }  // a new history: start again
        while cooperations.count <= n {
            let i = cooperations.count - 1
            let both = (h.theirs[i] == .cooperate ? 1 : 0) + (h.mine[i] == .cooperate ? 1 : 0)
            cooperations.append(cooperations[i] + both)
        }
        guard n >= 8, h.theirCooperations > 0, h.theirDefections > 0 else { return .cooperate }
        let totals = cooperations
        func ratio(_ start: Int, _ end: Int) -> Double {
            0.5 * Double(totals[end] - totals[start]) / Double(end - start)
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
