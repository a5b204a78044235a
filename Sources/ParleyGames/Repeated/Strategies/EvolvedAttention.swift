import ParleyCore

// axelrod 4.14 `attention.py`: EvolvedAttention, a transformer trained by self-play
// (``AttentionModel``). Needs axelrod's weights at run time (``AxelrodData``).

/// Plays axelrod's EvolvedAttention: each round, the network reads the last 200 turns
/// (most recent first) and the player defects when its output's sigmoid is at least 0.5.
/// Deterministic; decisions are cached by history in the shared model.
/// - Complexity: one forward pass per round over (turns so far + 1) tokens, about
///   25 MFLOP per token (see ``AttentionModel``), unless the history was seen before.
struct EvolvedAttention: RepeatedStrategy {
    let model: AttentionModel

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let n = Swift.min(h.count, AttentionModel.memory)
        var tokens = [UInt8](repeating: 0, count: n + 1)
        for back in stride(from: 1, through: n, by: 1) {
            tokens[back] = Self.token(h.mine(back: back), h.theirs(back: back))
        }
        return AttentionModel.choice(logit: model.cachedLogit(tokens))
    }

    /// axelrod's GameState coding from the player's side: CD 2, DC 3, CC 4, DD 5.
    static func token(_ mine: Choice?, _ theirs: Choice?) -> UInt8 {
        switch (mine, theirs) {
        case (.cooperate?, .defect?): 2
        case (.defect?, .cooperate?): 3
        case (.cooperate?, .cooperate?): 4
        default: 5
        }
    }
}
