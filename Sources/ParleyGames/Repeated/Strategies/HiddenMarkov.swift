import ParleyCore

// The hidden-Markov-model players of axelrod 4.14 `hmm.py` (EvolvedHMM5): a stochastic
// finite-state machine whose next state is drawn from a row of one of two matrices (chosen
// by the opponent's last move) and whose move is drawn from the new state's emission
// probability.

/// The parameters of a hidden-Markov-model player (axelrod's `SimpleHMM`).
final class HiddenMarkovData: Sendable {
    let transitionsC: [[Double]]
    let transitionsD: [[Double]]
    /// The probability of cooperating in each state.
    let emissions: [Double]
    let initialState: Int
    let initialMove: Choice

    /// `nil` unless both matrices are square with one row per state, entries in 0...1, and
    /// the initial state exists.
    init?(transitionsC: [[Double]], transitionsD: [[Double]], emissions: [Double], initialState: Int, initialMove: Choice) {
        let n = emissions.count
        func valid(_ m: [[Double]]) -> Bool {
            m.count == n && m.allSatisfy { $0.count == n && $0.allSatisfy { $0 >= 0 && $0 <= 1 } }
        }
        guard n >= 1, valid(transitionsC), valid(transitionsD), emissions.allSatisfy({ $0 >= 0 && $0 <= 1 }),
              initialState >= 0, initialState < n else { return nil }
        self.transitionsC = transitionsC
        self.transitionsD = transitionsD
        self.emissions = emissions
        self.initialState = initialState
        self.initialMove = initialMove
    }

    /// Matrices written as rows separated by `;`, entries by spaces.
    convenience init?(transitionsC: String, transitionsD: String, emissions: String, initialState: Int, initialMove: Choice) {
        func numbers(_ text: Substring) -> [Double]? {
            var out: [Double] = []
            for word in text.split(separator: " ") {
                guard let value = Double(word) else { return nil }
                out.append(value)
            }
            return out
        }
        func matrix(_ text: String) -> [[Double]]? {
            var rows: [[Double]] = []
            for row in text.split(separator: ";") {
                guard let values = numbers(row) else { return nil }
                rows.append(values)
            }
            return rows
        }
        guard let c = matrix(transitionsC), let d = matrix(transitionsD), let e = numbers(emissions[...]) else { return nil }
        self.init(transitionsC: c, transitionsD: d, emissions: e, initialState: initialState, initialMove: initialMove)
    }
}

/// Plays a ``HiddenMarkovData``. A row containing a 1 moves there without a draw, as do
/// emission probabilities of 0 or 1 (axelrod skips those draws too). O(states) per round.
struct HiddenMarkovPlayer: RepeatedStrategy {
    let data: HiddenMarkovData
    var state: Int

    init(_ data: HiddenMarkovData) {
        self.data = data
        state = data.initialState
    }

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let theirs = h.theirLast else { return data.initialMove }
        let row = theirs == .cooperate ? data.transitionsC[state] : data.transitionsD[state]
        if let certain = row.firstIndex(of: 1) {
            state = certain
        } else {
            let u = random.nextUnit()
            var total = 0.0
            var chosen = row.count - 1
            for (k, p) in row.enumerated() {
                total += p
                if u < total {
                    chosen = k
                    break
                }
            }
            state = chosen
        }
        return random.choice(cooperatingWith: data.emissions[state])
    }
}
