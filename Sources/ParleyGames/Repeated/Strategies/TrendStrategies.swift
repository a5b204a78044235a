import ParleyCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Ports of axelrod 4.14 `momentum.py`, `frequency_analyzer.py`, `worse_and_worse.py`,
// `better_and_better.py`, `selfsteem.py` and Contrite Tit For Tat (`titfortat.py`).

/// Momentum: an exponentially weighted average of the opponent's cooperation (starting at
/// 1, weight `alpha` on the past); cooperates while it is at least `threshold`.
struct Momentum: RepeatedStrategy {
    var alpha = 0.9914655399877477
    var threshold = 0.9676595613724907
    var momentum = 1.0

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let theirs = h.theirLast else {
            momentum = 1
            return .cooperate
        }
        momentum = alpha * momentum + (1 - alpha) * (theirs == .cooperate ? 1 : 0)
        return momentum >= threshold ? .cooperate : .defect
    }
}

/// FrequencyAnalyzer (Ian Miller): records, for every two-round pattern of play, what the
/// opponent did next; from round 31 it cooperates when the opponent's cooperations after
/// the current pattern exceed a quarter of the rounds played, and is Tit For Tat before.
struct FrequencyAnalyzer: RepeatedStrategy {
    /// Per pattern (4 bits: opponent, own, opponent, own over two rounds), the opponent's
    /// cooperations after it, and whether it was seen.
    var cooperations = Array(repeating: 0, count: 16)
    var seen = Array(repeating: false, count: 16)
    var current = -1

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let n = h.count
        if n > 5 {
            func pattern(_ back: Int) -> Int {
                let a = Int((h.theirs(back: back + 1) ?? .cooperate).rawValue)
                let b = Int((h.mine(back: back + 1) ?? .cooperate).rawValue)
                let c = Int((h.theirs(back: back) ?? .cooperate).rawValue)
                let d = Int((h.mine(back: back) ?? .cooperate).rawValue)
                return a << 3 | b << 2 | c << 1 | d
            }
            let last = pattern(2)
            current = pattern(1)
            seen[last] = true
            if h.theirLast == .cooperate { cooperations[last] += 1 }
        }
        if n < 30 || current < 0 || !seen[current] {
            return h.theirLast == .defect ? .defect : .cooperate
        }
        return Double(cooperations[current]) / Double(n) > 0.25 ? .cooperate : .defect
    }
}

/// Worse and Worse family (PRISON): cooperation probabilities that fall or rise with the
/// round number r (1-based): 1 − r/1000, 1 − r/length, TFT then 20/r, the opponent's
/// cooperation share, r/1000.
struct RoundProbability: RepeatedStrategy {
    enum Kind { case worse, knowledgeable, worse2, worse3, better }
    let kind: Kind
    let length: Int?

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let round = Double(h.count + 1)
        let p: Double
        switch kind {
        case .worse:
            p = 1 - round / 1000
        case .knowledgeable:
            p = length.map { 1 - round / Double($0) } ?? 1
        case .worse2:
            if h.count == 0 { return .cooperate }
            if h.count < 20, let last = h.theirLast { return last }
            p = 20 / round
        case .worse3:
            if h.count == 0 { return .cooperate }
            p = 1 - Double(h.theirDefections) / (round - 1)
        case .better:
            p = round / 1000
        }
        return random.choice(cooperatingWith: p)
    }
}

/// SelfSteem (Andre et al.): follows sin(2π n / 10) over the round number n: D near the
/// top, copies the opponent on the slopes, a coin near zero, C near the bottom.
struct SelfSteem: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let s = sin(2 * Double.pi * Double(h.count) / 10)
        if s > 0.95 { return .defect }
        if abs(s) < 0.95, abs(s) > 0.3, let last = h.theirLast { return last }
        if s < 0.3, s > -0.3 { return random.choice(cooperatingWith: 0.5) }
        return .cooperate
    }
}

/// Contrite Tit For Tat (Boyd 1989): Tit For Tat, except that after noise turned its own C
/// into a D against an opponent's C it cooperates until its own move is C again.
struct ContriteTitForTat: RepeatedStrategy {
    var contrite = false
    var intended: Choice?

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let move = decide(h)
        intended = move
        return move
    }

    private mutating func decide(_ h: PlayHistory) -> Choice {
        guard let theirs = h.theirLast, let mine = h.myLast else { return .cooperate }
        if contrite, mine == .cooperate {
            contrite = false
            return .cooperate
        }
        if intended != mine, mine == .defect, theirs == .cooperate { contrite = true }
        return theirs
    }
}
