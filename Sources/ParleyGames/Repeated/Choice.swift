/// What one player does in one round of a 2x2 stage game: cooperate (C) or defect (D).
///
/// Named `Choice` rather than axelrod's `Action` so that it does not collide with the actions
/// of extensive-form games in the same module.
public enum Choice: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case cooperate = 0
    case defect = 1

    /// The other choice (axelrod's `Action.flip()`).
    public var flipped: Choice { self == .cooperate ? .defect : .cooperate }

    /// `"C"` or `"D"`, as axelrod writes histories.
    public var description: String { self == .cooperate ? "C" : "D" }

    /// Reads `"C"` or `"D"` (either case); `nil` for anything else.
    public init?(letter: Character) {
        switch letter {
        case "C", "c": self = .cooperate
        case "D", "d": self = .defect
        default: return nil
        }
    }

    /// Reads a history string such as `"CCDC"`; `nil` if any letter is not C or D.
    public static func sequence(_ text: String) -> [Choice]? {
        var out: [Choice] = []
        out.reserveCapacity(text.count)
        for letter in text {
            guard let choice = Choice(letter: letter) else { return nil }
            out.append(choice)
        }
        return out
    }

    /// A history as a string of C and D.
    public static func text(_ choices: [Choice]) -> String {
        String(choices.map { $0 == .cooperate ? "C" : "D" })
    }
}

/// The rounds played so far in one match, as one player sees them: its own choices and the
/// opponent's, after noise (axelrod records the flipped choice in both histories, so a
/// strategy reacts to what was actually played, not to what it meant to play).
///
/// Counts are kept as rounds are recorded, so every query here is O(1) except the
/// explicit windows.
public struct PlayHistory: Sendable, Hashable {
    /// This player's choices, oldest first.
    public private(set) var mine: [Choice] = []
    /// The opponent's choices, oldest first.
    public private(set) var theirs: [Choice] = []
    /// How often this player cooperated.
    public private(set) var myCooperations = 0
    /// How often the opponent cooperated.
    public private(set) var theirCooperations = 0

    public init() {}

    /// A history with both sides given (equal lengths; extra rounds of the longer side are dropped).
    public init(mine: [Choice], theirs: [Choice]) {
        for (a, b) in zip(mine, theirs) { record(mine: a, theirs: b) }
    }

    /// Rounds played so far.
    public var count: Int { mine.count }
    /// True before the first round.
    public var isEmpty: Bool { mine.isEmpty }
    public var myDefections: Int { mine.count - myCooperations }
    public var theirDefections: Int { theirs.count - theirCooperations }
    public var myLast: Choice? { mine.last }
    public var theirLast: Choice? { theirs.last }

    /// Reserves room for `rounds` rounds so that recording never reallocates.
    public mutating func reserve(_ rounds: Int) {
        mine.reserveCapacity(rounds)
        theirs.reserveCapacity(rounds)
    }

    /// Appends one round. Inlined: tournaments call it once per player and meta-team member
    /// every round.
    @inline(__always)
    public mutating func record(mine a: Choice, theirs b: Choice) {
        mine.append(a)
        theirs.append(b)
        if a == .cooperate { myCooperations += 1 }
        if b == .cooperate { theirCooperations += 1 }
    }

    /// The opponent's last `n` choices (fewer at the start), as Python's `history[-n:]`.
    public func theirRecent(_ n: Int) -> ArraySlice<Choice> {
        theirs.suffix(max(0, n))
    }

    /// Whether the opponent defected in any of its last `n` rounds.
    public func theyDefected(inLast n: Int) -> Bool {
        var index = theirs.count - 1
        let stop = max(0, theirs.count - n)
        while index >= stop {
            if theirs[index] == .defect { return true }
            index -= 1
        }
        return false
    }

    /// How many of the opponent's last `n` rounds were `choice`.
    public func theirCount(of choice: Choice, inLast n: Int) -> Int {
        var total = 0
        var index = theirs.count - 1
        let stop = max(0, theirs.count - n)
        while index >= stop {
            if theirs[index] == choice { total += 1 }
            index -= 1
        }
        return total
    }

    /// This player's choice `back` rounds ago (1 = last round), or `nil` if not played yet.
    public func mine(back: Int) -> Choice? {
        let index = mine.count - back
        return index >= 0 && index < mine.count ? mine[index] : nil
    }

    /// The opponent's choice `back` rounds ago (1 = last round), or `nil` if not played yet.
    public func theirs(back: Int) -> Choice? {
        let index = theirs.count - back
        return index >= 0 && index < theirs.count ? theirs[index] : nil
    }

    /// The opponent's choice in round `index` (0-based), or `nil` if not played yet.
    public func theirs(at index: Int) -> Choice? {
        index >= 0 && index < theirs.count ? theirs[index] : nil
    }
}
