import ParleyCore

// Port of axelrod 4.14 `qlearner.py`: tabular Q-learning over states made of the opponent's
// last 12 moves and its total cooperations.

/// A Q-learner (Risky, Arrogant, Hesitant and Cautious differ in learning and discount
/// rates): learns action values per state, plays the best one with probability 0.9 and a
/// fair coin otherwise. Lookups only: no table iteration reaches a choice.
///
/// axelrod keeps a value table `Vs` beside the action values `Qs`; every write sets a
/// state's value to the larger of its two action values (and a new state has both at 0), so
/// the value is computed from the action values here instead of stored.
/// - Complexity: O(1) expected per round (one encoded state, two table look-ups).
struct QLearner: RepeatedStrategy {
    let learningRate: Double
    let discountRate: Double
    let game: PlayerPayoffs
    var q = QValueTable()
    var previousState = QValueTable.initialState
    var previousAction = Choice.cooperate

    init(learningRate: Double, discountRate: Double, game: PlayerPayoffs) {
        self.learningRate = learningRate
        self.discountRate = discountRate
        self.game = game
        q.insertIfAbsent(previousState)
    }

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.isEmpty { previousAction = random.choice(cooperatingWith: 0.5) }
        let state = QValueTable.state(h)
        let opponentPrevious = h.theirLast ?? random.choice(cooperatingWith: 0.5)
        let reward = game.payoff(previousAction, opponentPrevious)
        q.insertIfAbsent(state)
        // Q-learning update of the previous state and action.
        var values = q[previousState]
        let next = q[state]
        let target = reward + discountRate * Swift.max(next.c, next.d)
        if previousAction == .cooperate {
            values.c = (1.0 - learningRate) * values.c + learningRate * target
        } else {
            values.d = (1.0 - learningRate) * values.d + learningRate * target
        }
        q[previousState] = values
        // Action selection.
        let action: Choice
        if random.nextUnit() < 1.0 - 0.1 {
            let current = q[state]
            action = current.c >= current.d ? .cooperate : .defect
        } else {
            action = random.choice(cooperatingWith: 0.5)
        }
        previousState = state
        previousAction = action
        return action
    }
}

/// A Q-learner's action values, keyed by its state (the opponent's last 12 moves and its
/// cooperation count) encoded in one `UInt64`: an open-addressing hash table with linear
/// probing, so a look-up hashes one integer instead of an array of moves.
/// - Complexity: O(1) expected per look-up or insertion; memory O(states visited).
struct QValueTable: Sendable {
    /// The state before the first round (axelrod's `prev_state = ""`), distinct from every
    /// state of a history.
    static let initialState: UInt64 = 1 << 16

    /// The state after history `h`: (opponent's cooperations + 2) in the high bits, then the
    /// number of recent moves (0...12) in 4 bits, then the recent moves as bits (D = 1),
    /// oldest first. Never 0 (the empty slot) nor ``initialState``.
    static func state(_ h: PlayHistory) -> UInt64 {
        let theirs = h.theirs
        let length = Swift.min(12, theirs.count)
        var bits: UInt64 = 0
        var index = theirs.count - length
        while index < theirs.count {
            bits = bits << 1 | UInt64(theirs[index].rawValue)
            index += 1
        }
        return UInt64(h.theirCooperations + 2) << 16 | UInt64(length) << 12 | bits
    }

    private var keys: [UInt64] = Array(repeating: 0, count: 64)
    private var values: [(c: Double, d: Double)] = Array(repeating: (0, 0), count: 64)
    private var count = 0

    /// The slot holding `key`, or the empty slot where it would go.
    private func slot(_ key: UInt64) -> Int {
        let mask = keys.count - 1
        var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while keys[index] != 0, keys[index] != key { index = (index + 1) & mask }
        return index
    }

    /// Adds `key` with both action values 0 unless it is present.
    mutating func insertIfAbsent(_ key: UInt64) {
        if keys[slot(key)] == key { return }
        if 2 * (count + 1) > keys.count { grow() }
        let index = slot(key)
        keys[index] = key
        values[index] = (0, 0)
        count += 1
    }

    /// The action values of `key`; (0, 0) for a key never inserted.
    subscript(key: UInt64) -> (c: Double, d: Double) {
        get {
            let index = slot(key)
            return keys[index] == key ? values[index] : (0, 0)
        }
        set {
            insertIfAbsent(key)
            values[slot(key)] = newValue
        }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: (0, 0), count: oldKeys.count * 2)
        for index in oldKeys.indices where oldKeys[index] != 0 {
            let at = slot(oldKeys[index])
            keys[at] = oldKeys[index]
            values[at] = oldValues[index]
        }
    }
}
