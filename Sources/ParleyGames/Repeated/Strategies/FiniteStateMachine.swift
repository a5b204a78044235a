import ParleyCore

// The finite-state-machine players of axelrod 4.14 `finite_state_machines.py`: a machine
// reads the opponent's last move and answers with the move on the transition it takes.

/// A deterministic finite-state machine over the opponent's moves (axelrod's `FSMPlayer`).
///
/// States are numbered 0..<stateCount; `next[2 * s + k]` and `output[2 * s + k]` give the
/// state entered and the move played from state `s` when the opponent's last move was
/// C (k = 0) or D (k = 1). Tables are shared between matches (a final class, read only).
final class FiniteStateMachineTable: Sendable {
    let next: [Int]
    let output: [Choice]
    let initialState: Int
    let initialMove: Choice

    /// Builds a table from transition rows (state, opponent's move, next state, move), with
    /// any integer state labels; `nil` when a reachable state lacks a row for C or for D.
    init?(rows: [(Int, Choice, Int, Choice)], initialState: Int, initialMove: Choice) {
        var labels: [Int] = []
        for row in rows where !labels.contains(row.0) { labels.append(row.0) }
        var next = Array(repeating: -1, count: 2 * labels.count)
        var output = Array(repeating: Choice.cooperate, count: 2 * labels.count)
        for row in rows {
            guard let from = labels.firstIndex(of: row.0), let to = labels.firstIndex(of: row.2) else { return nil }
            let slot = 2 * from + Int(row.1.rawValue)
            next[slot] = to
            output[slot] = row.3
        }
        guard let start = labels.firstIndex(of: initialState), !next.contains(-1) else { return nil }
        self.next = next
        self.output = output
        self.initialState = start
        self.initialMove = initialMove
    }

    /// Reads the compact form `"s0 a s1 m, ..."` written by `scripts/axelrod_strategy_data.py`:
    /// rows separated by `;`, each `state,opponentMove,nextState,move`.
    convenience init?(compact: String, initialState: Int, initialMove: Choice) {
        var rows: [(Int, Choice, Int, Choice)] = []
        for row in compact.split(separator: ";") {
            let f = row.split(separator: ",")
            guard f.count == 4, let s = Int(f[0]), let a = f[1].first.flatMap(Choice.init(letter:)),
                  let t = Int(f[2]), let m = f[3].first.flatMap(Choice.init(letter:)) else { return nil }
            rows.append((s, a, t, m))
        }
        self.init(rows: rows, initialState: initialState, initialMove: initialMove)
    }
}

/// Plays a ``FiniteStateMachineTable``: the initial move first, then one transition per
/// round on the opponent's last move. O(1) per round.
struct FiniteStateMachine: RepeatedStrategy {
    let table: FiniteStateMachineTable
    var state: Int

    init(_ table: FiniteStateMachineTable) {
        self.table = table
        state = table.initialState
    }

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        guard let theirs = h.theirLast else { return table.initialMove }
        let slot = 2 * state + Int(theirs.rawValue)
        state = table.next[slot]
        return table.output[slot]
    }
}
