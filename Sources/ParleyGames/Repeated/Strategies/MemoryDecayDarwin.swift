import ParleyCore

// Ports of axelrod 4.14 `meta.py` MemoryDecay and `darwin.py` Darwin.

/// Memory Decay: Tit For Tat for the first 15 rounds while memorising the opponent's moves;
/// then, each round, one remembered move is flipped with probability 0.03 and one is
/// forgotten with probability 0.1 (each chosen uniformly), and it defects when the memory's
/// net cooperation score (C = +1, D = −2) is negative. O(memory) per round.
struct MemoryDecay: RepeatedStrategy {
    var deleteProbability = 0.1
    var alterProbability = 0.03
    var lossValue = -2.0
    var gainValue = 1.0
    var startDuration = 15
    var memory: [Choice] = []

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if let theirs = h.theirLast { memory.append(theirs) }
        if h.count < startDuration { return h.theirLast == .defect ? .defect : .cooperate }
        if random.nextUnit() <= alterProbability, !memory.isEmpty {
            let k = Int(random.nextInt(below: UInt64(memory.count)))
            memory[k] = memory[k].flipped
        }
        if random.nextUnit() <= deleteProbability, !memory.isEmpty {
            memory.remove(at: Int(random.nextInt(below: UInt64(memory.count))))
        }
        var score = 0.0
        for move in memory { score += move == .cooperate ? gainValue : lossValue }
        return score < 0 ? .defect : .cooperate
    }
}

/// Darwin (Paul Slavin): keeps a "genome", the move it will play in each round; after a
/// round in which it scored less than 3 (axelrod's literal threshold, the reward of its
/// default game) it flips its response for that round in the genome, and past the genome's
/// end it appends the opponent's last move (Tit For Tat).
///
/// axelrod keeps the genome on the class, shared by every Darwin and carried from match to
/// match (and process to process), so its results depend on the order in which matches are
/// played. Parley gives each match a fresh genome [C] (axelrod's `reset_genome()` before
/// every match): within one match the genome only grows at its end, so Darwin then plays
/// Tit For Tat's moves, deterministically whatever the order of play. O(1) per round.
struct Darwin: RepeatedStrategy {
    let game: PlayerPayoffs
    var genome: [Choice] = [.cooperate]
    var response: Choice = .cooperate

    init(game: PlayerPayoffs) { self.game = game }

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let trial = h.count
        if trial > 0, let mine = h.myLast, let theirs = h.theirLast, trial - 1 < genome.count {
            if game.payoff(mine, theirs) < 3 { response = genome[trial - 1].flipped }
            genome[trial - 1] = response
        }
        if trial < genome.count { return genome[trial] }
        let move = h.theirLast ?? .cooperate
        genome.append(move)
        return move
    }
}
