import ParleyCore

// The neural-network players of axelrod 4.14 `ann.py` (Evolved ANN, Evolved ANN 5,
// Evolved ANN 5 Noise 05): one hidden layer with ReLU, cooperate when the output is > 0.

/// A one-hidden-layer network over 17 history features (axelrod's `compute_features`).
///
/// `weights` holds, in axelrod's order, the input-to-hidden matrix row by row
/// (`hidden × features`), then the hidden-to-output weights (`hidden`), then the hidden
/// biases (`hidden`).
final class NeuralNetworkData: Sendable {
    static let features = 17
    let hidden: Int
    let inputToHidden: [Double]
    let hiddenToOutput: [Double]
    let bias: [Double]

    /// `nil` unless `weights` has hidden × (17 + 2) entries.
    init?(hidden: Int, weights: [Double]) {
        let f = Self.features
        guard hidden >= 1, weights.count == hidden * f + 2 * hidden else { return nil }
        self.hidden = hidden
        inputToHidden = Array(weights[0..<(hidden * f)])
        hiddenToOutput = Array(weights[(hidden * f)..<(hidden * f + hidden)])
        bias = Array(weights[(hidden * f + hidden)...])
    }

    /// Weights written as space-separated decimals (Python's `repr`, read back exactly).
    convenience init?(hidden: Int, text: String) {
        var values: [Double] = []
        for word in text.split(separator: " ") {
            guard let value = Double(word) else { return nil }
            values.append(value)
        }
        self.init(hidden: hidden, weights: values)
    }
}

/// Plays a ``NeuralNetworkData``, reproducing axelrod's arithmetic (including the integer
/// truncation of its vectorised ReLU). O(hidden × 17) per round.
struct NeuralNetworkPlayer: RepeatedStrategy {
    let data: NeuralNetworkData
    /// Scratch space for the features and the hidden layer, reused every round so that a
    /// round allocates nothing.
    var x = Array(repeating: 0.0, count: NeuralNetworkData.features)
    var hidden: [Double] = []

    init(data: NeuralNetworkData) {
        self.data = data
        hidden = Array(repeating: 0, count: data.hidden)
    }

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        func c(_ move: Choice?) -> Double { move == .cooperate ? 1 : 0 }
        func d(_ move: Choice?) -> Double { move == .defect ? 1 : 0 }
        let first = h.theirs(at: 0)
        let second = h.count >= 2 ? h.theirs(at: 1) : nil
        let mine1 = h.mine(back: 1)
        let mine2 = h.count >= 2 ? h.mine(back: 2) : nil
        let theirs1 = h.theirs(back: 1)
        let theirs2 = h.count >= 2 ? h.theirs(back: 2) : nil
        x[0] = c(first)
        x[1] = d(first)
        x[2] = c(second)
        x[3] = d(second)
        x[4] = c(mine1)
        x[5] = d(mine1)
        x[6] = c(mine2)
        x[7] = d(mine2)
        x[8] = c(theirs1)
        x[9] = d(theirs1)
        x[10] = c(theirs2)
        x[11] = d(theirs2)
        x[12] = Double(h.theirCooperations)
        x[13] = Double(h.theirDefections)
        x[14] = Double(h.myCooperations)
        x[15] = Double(h.myDefections)
        x[16] = Double(h.count)
        let f = NeuralNetworkData.features
        for j in 0..<data.hidden {
            var sum = 0.0
            for k in 0..<f { sum += data.inputToHidden[j * f + k] * x[k] }
            hidden[j] = data.bias[j] + sum
        }
        // axelrod's ReLU is `np.vectorize(lambda x: max(x, 0))`, whose output type is that of
        // its first result: when the first hidden value is negative, `max` returns the integer
        // 0 and every value is then truncated to an integer.
        let integral = (hidden.first ?? 0) < 0
        var output = 0.0
        for j in 0..<data.hidden {
            var value = Swift.max(hidden[j], 0)
            if integral { value = value.rounded(.towardZero) }
            output += value * data.hiddenToOutput[j]
        }
        return output > 0 ? .cooperate : .defect
    }
}
