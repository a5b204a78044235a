import ParleyCore

/// One round of the exchange model on a normalised board: form the candidate exchanges,
/// realise them greedily by gain, and move the parties' positions for the next round.
struct ExchangeRoundPlay: Sendable {
    var candidateCount = 0
    var validCandidateCount = 0
    var realized: [CandidateExchange] = []
    /// For each check that met an NBS on the demanded position: the exchanges realised by then.
    var knifeEdges: [Int] = []
    var openingNBS: [Double?] = []
    var votingNBS: [Double?] = []
    var votingBoard: ExchangeBoard
    /// The board for the next round: realised parties at their new start positions.
    var nextBoard: ExchangeBoard

    /// Plays one round on `board` (decide's `ModelLoop.loop`).
    /// - Complexity: O(k² + r·k) for k candidate exchanges and r realised ones, each step O(n)
    ///   for n stakeholders.
    init(board: ExchangeBoard, parameters: ExchangeModel.Parameters, draws: inout some RandomNumberGenerator) {
        votingBoard = board
        nextBoard = board
        openingNBS = (0..<board.issueCount).map { board.nbs($0) }
        var exchanges = Self.candidates(board: board, openingNBS: openingNBS, randomization: parameters.randomization, draws: &draws)
        candidateCount = exchanges.count
        validCandidateCount = exchanges.count { $0.isValid }
        if exchanges.contains(where: \.metKnifeEdge) { knifeEdges.append(0) }
        // decide sorts its list by gain, highest first, with a stable sort: equal gains keep
        // their order in the list (creation order at first).
        var list = exchanges.indices.filter { exchanges[$0].isValid }
        list.sort { Self.precedes(exchanges[$0].gain, $0, exchanges[$1].gain, $1) }
        while !list.isEmpty {
            if parameters.tieRule == .coinFlip, list.count > 1, exchanges[list[0]].gain == exchanges[list[1]].gain,
               draws.nextUnit() >= 0.5 {
                // decide's ALLOW_RANDOM: the runner-up is realised, the leader goes to the end.
                list.append(list.removeFirst())
            }
            let chosen = exchanges[list.removeFirst()]
            realized.append(chosen)
            var unchanged: [(index: Int, rank: Int)] = []
            var changed: [(index: Int, rank: Int)] = []
            for (rank, index) in list.enumerated() {
                let recalculated = exchanges[index].recalculate(after: chosen, board: board, randomization: parameters.randomization,
                                                                draws: &draws)
                if exchanges[index].metKnifeEdge {
                    exchanges[index].metKnifeEdge = false
                    if knifeEdges.last != realized.count { knifeEdges.append(realized.count) }
                }
                guard exchanges[index].isValid else { continue }
                if recalculated { changed.append((index, rank)) } else { unchanged.append((index, rank)) }
            }
            // A stable sort by gain of the previous order: the untouched exchanges are still in
            // order, so only the recalculated ones need sorting before a merge.
            changed.sort { Self.precedes(exchanges[$0.index].gain, $0.rank, exchanges[$1.index].gain, $1.rank) }
            list = Self.merge(unchanged, changed) { Self.precedes(exchanges[$0.index].gain, $0.rank, exchanges[$1.index].gain, $1.rank) }
        }
        for exchange in realized {
            for side in [exchange.i, exchange.j] {
                votingBoard.position[side.supplyIssue][side.actor] = side.y
            }
        }
        votingNBS = (0..<board.issueCount).map { votingBoard.nbs($0) }
        nextBoard = votingBoard
        for exchange in realized {
            for side in [exchange.i, exchange.j] {
                nextBoard.position[side.supplyIssue][side.actor] = Self.newStart(side, parameters: parameters)
            }
        }
    }

    /// Gain order, highest first; `rank` (the earlier place in the list) breaks exact ties.
    static func precedes(_ gainA: Double, _ rankA: Int, _ gainB: Double, _ rankB: Int) -> Bool {
        gainA != gainB ? gainA > gainB : rankA < rankB
    }

    static func merge(_ a: [(index: Int, rank: Int)], _ b: [(index: Int, rank: Int)],
                      by precedes: ((index: Int, rank: Int), (index: Int, rank: Int)) -> Bool) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(a.count + b.count)
        var x = 0, y = 0
        while x < a.count || y < b.count {
            if y == b.count || (x < a.count && precedes(a[x], b[y])) {
                result.append(a[x].index)
                x += 1
            } else {
                result.append(b[y].index)
                y += 1
            }
        }
        return result
    }

    /// Every A–D and B–C pair on every pair of issues (decide's
    /// `determine_groups_and_calculate_exchanges`), in decide's order, each calculated.
    static func candidates(board: ExchangeBoard, openingNBS: [Double?], randomization: Double,
                           draws: inout some RandomNumberGenerator) -> [CandidateExchange] {
        // Left of the NBS includes on it; decide compares exact decimals, where a position equal
        // to the NBS in exact arithmetic stays equal, so binary round-off gets a little slack.
        let left = (0..<board.issueCount).map { issue in
            let nbs = openingNBS[issue] ?? 0
            return (0..<board.stakeholderCount).map { board.position[issue][$0] <= nbs + 1e-12 * max(1, abs(nbs)) }
        }
        var exchanges: [CandidateExchange] = []
        for p in 0..<board.issueCount {
            for q in (p + 1)..<board.issueCount {
                var groups: [[Int]] = [[], [], [], []]
                for actor in 0..<board.stakeholderCount where board.weight(p, actor) > 0 && board.weight(q, actor) > 0 {
                    groups[(left[p][actor] ? 1 : 0) | (left[q][actor] ? 2 : 0)].append(actor)
                }
                for (first, second) in [(0, 3), (1, 2)] {
                    for a in groups[first] {
                        for b in groups[second] {
                            var exchange = CandidateExchange(index: exchanges.count, board: board, a: a, b: b, p: p, q: q)
                            exchange.calculate(board: board, randomization: randomization, draws: &draws)
                            exchanges.append(exchange)
                        }
                    }
                }
            }
        }
        return exchanges
    }

    /// decide's `new_start_position`: the party internalises part of its voting position,
    /// the more so the less it cares about the issue.
    static func newStart(_ side: ExchangeSide, parameters: ExchangeModel.Parameters) -> Double {
        let s = side.supplySalience, sw = parameters.salienceWeight, fw = parameters.fixedWeight
        return (1 - s) * sw * side.y + fw * side.y + (1 - (1 - s) * sw - fw) * side.startPosition
    }
}
