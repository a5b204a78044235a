import ParleyCore

// Ports of axelrod 4.14 `memoryone.py`, `zero_determinant.py` and FirstByJoss.

/// A memory-one strategy: after each round it cooperates with the probability given for
/// that round's outcome (CC, CD, DC, DD from its own side); `initial` is the first move.
/// Deterministic when every probability is 0 or 1 (no draw is made then, as in axelrod).
struct MemoryOne: RepeatedStrategy {
    var vector: (Double, Double, Double, Double)
    var initial: Choice

    init(vector: (Double, Double, Double, Double), initial: Choice) {
        self.vector = vector
        self.initial = initial
    }

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let mine = h.myLast, let theirs = h.theirLast else { return initial }
        let p: Double
        switch (mine, theirs) {
        case (.cooperate, .cooperate): p = vector.0
        case (.cooperate, .defect): p = vector.1
        case (.defect, .cooperate): p = vector.2
        case (.defect, .defect): p = vector.3
        }
        return random.choice(cooperatingWith: p)
    }
}

/// Win-Stay Lose-Shift (Pavlov; Nowak and Sigmund 1993): C first, then C after CC or DD.
struct WinStayLoseShift: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let mine = h.myLast, let theirs = h.theirLast else { return .cooperate }
        return mine == theirs ? .cooperate : .defect
    }
}

/// Cooperates first, then repeats its own first move (0.6 chance of C) forever.
struct AllCOrAllD: RepeatedStrategy {
    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        h.myLast ?? random.choice(cooperatingWith: 0.6)
    }
}

/// Zero-determinant and generous strategies as memory-one vectors.
enum MemoryOneVectors {
    /// Generous Tit For Tat (Nowak and Sigmund 1992): forgive with probability
    /// min(1 − (T − R)/(R − S), (R − P)/(T − P)) unless `p` is given; 1/3 in the default game.
    static func generousTitForTat(_ game: PlayerPayoffs, p given: Double?) -> (Double, Double, Double, Double) {
        let p = given ?? Swift.min(1 - (game.t - game.r) / (game.r - game.s), (game.r - game.p) / (game.t - game.p))
        let forgiveness = p.isFinite ? Swift.min(1, Swift.max(0, p)) : 0
        return (1, forgiveness, 1, forgiveness)
    }

    /// The memory-one vector enforcing the linear relation s_Y − l = s (s_X − l) scaled by
    /// `phi` (Press and Dyson 2012; Stewart and Plotkin 2012; axelrod's `LRPlayer`):
    /// p1 = 1 − φ(1 − s)(R − l), p2 = 1 − φ(s(l − S) + (T − l)), p3 = φ(l − S + s(T − l)),
    /// p4 = φ(1 − s)(l − P). axelrod refuses parameters outside the feasible region; Parley
    /// clamps each probability to 0...1 instead (identical for every catalogued ZD strategy
    /// in the default game).
    static func zeroDeterminant(_ game: PlayerPayoffs, phi: Double, s: Double, l: Double) -> (Double, Double, Double, Double) {
        func clamp(_ x: Double) -> Double { x.isFinite ? Swift.min(1, Swift.max(0, x)) : 0 }
        let p1 = 1 - phi * (1 - s) * (game.r - l)
        let p2 = 1 - phi * (s * (l - game.s) + (game.t - l))
        let p3 = phi * (l - game.s + s * (game.t - l))
        let p4 = phi * (1 - s) * (l - game.p)
        return (clamp(p1), clamp(p2), clamp(p3), clamp(p4))
    }
}
