import ParleyCore

// Port of axelrod 4.14 `qlearner.py`: tabular Q-learning over states made of the opponent's
// last 12 moves and its total cooperations.

/// A Q-learner (Risky, Arrogant, Hesitant and Cautious differ in learning and discount
/// rates): learns action values per state, plays the best one with probability 0.9 and a
/// fair coin otherwise. Lookups only: no table iteration reaches a choice.
struct QLearner: RepeatedStrategy {
    struct State: Hashable {
        var recent: [Choice]
        var cooperations: Int
    }

    let learningRate: Double
    let discountRate: Double
    let game: PlayerPayoffs
    var q: [State: (c: Double, d: Double)] = [:]
    var v: [State: Double] = [:]
    var previousState = State(recent: [], cooperations: -1)
    var previousAction = Choice.cooperate

    init(learningRate: Double, discountRate: Double, game: PlayerPayoffs) {
        self.learningRate = learningRate
        self.discountRate = discountRate
        self.game = game
        q[previousState] = (0, 0)
        v[previousState] = 0
    }

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if h.isEmpty { previousAction = random.choice(cooperatingWith: 0.5) }
        let state = State(recent: Array(h.theirs.suffix(12)), cooperations: h.theirCooperations)
        let opponentPrevious = h.theirLast ?? random.choice(cooperatingWith: 0.5)
        let reward = game.payoff(previousAction, opponentPrevious)
        if q[state] == nil {
            q[state] = (0, 0)
            v[state] = 0
        }
        // Q-learning update of the previous state and action.
        var values = q[previousState] ?? (0, 0)
        let target = reward + discountRate * (v[state] ?? 0)
        if previousAction == .cooperate {
            values.c = (1.0 - learningRate) * values.c + learningRate * target
        } else {
            values.d = (1.0 - learningRate) * values.d + learningRate * target
        }
        q[previousState] = values
        v[previousState] = Swift.max(values.c, values.d)
        // Action selection.
        let action: Choice
        if random.nextUnit() < 1.0 - 0.1 {
            let current = q[state] ?? (0, 0)
            action = current.c >= current.d ? .cooperate : .defect
        } else {
            action = random.choice(cooperatingWith: 0.5)
        }
        previousState = state
        previousAction = action
        return action
    }
}
