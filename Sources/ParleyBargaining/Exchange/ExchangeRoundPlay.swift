import ParleyCore

/// One round of the exchange model on a normalised board: form the candidate exchanges,
/// realise them greedily by gain, and move the parties' positions for the next round.
struct ExchangeRoundPlay<N: ExchangeNumber>: Sendable {
    var candidateCount = 0
    var validCandidateCount = 0
    var realized: [CandidateExchange<N>] = []
    /// For each check that met an NBS on the demanded position: the exchanges realised by then.
    var knifeEdges: [Int] = []
    var openingNBS: [N?] = []
    var votingNBS: [N?] = []
    var votingBoard: ExchangeBoard<N>
    /// The board for the next round: realised parties at their new start positions.
    var nextBoard: ExchangeBoard<N>

    /// Plays one round on `board` (decide's `ModelLoop.loop`).
    /// - Complexity: O(k² + r·k) for k candidate exchanges and r realised ones, each step O(n)
    ///   for n stakeholders.
    init(board: ExchangeBoard<N>, parameters: ExchangeModel.Parameters, draws: inout some RandomNumberGenerator) {
        votingBoard = board
        nextBoard = board
        openingNBS = (0..<board.issueCount).map { board.nbs($0) }
        var exchanges = Self.candidates(board: board, openingNBS: openingNBS, randomization: parameters.randomization, draws: &draws)
        candidateCount = exchanges.count
        validCandidateCount = exchanges.count { $0.isValid }
        if exchanges.contains(where: \.metKnifeEdge) { knifeEdges.append(0) }
        // decide sorts its list by gain, highest first, with a stable sort: equal gains keep
        // their order in the list (creation order at first). The gains are kept apart so that
        // sorting does not copy whole exchanges out of the array.
        var gains = exchanges.map(\.gain)
        var list = exchanges.indices.filter { exchanges[$0].isValid }
        list.sort { Self.precedes(gains[$0], $0, gains[$1], $1) }
        // Each pass costs O(k): a look at the cancellation flag is nothing beside it. A round cut
        // short is thrown away by the model (``ExchangeModel/simulate(_:draws:)``).
        while !list.isEmpty, !Cancellation.isRequested {
            if parameters.tieRule == .coinFlip, list.count > 1, gains[list[0]] == gains[list[1]],
               draws.nextUnit() >= 0.5 {
                // decide's ALLOW_RANDOM: the runner-up is realised, the leader goes to the end.
                list.append(list.removeFirst())
            }
            let chosen = exchanges[list.removeFirst()]
            realized.append(chosen)
            var unchanged: [(index: Int, rank: Int)] = []
            var changed: [(index: Int, rank: Int)] = []
            for (rank, index) in list.enumerated() {
                let outcome = exchanges[index].update(after: chosen, board: board, randomization: parameters.randomization,
                                                      draws: &draws)
                if outcome.metKnifeEdge, knifeEdges.last != realized.count { knifeEdges.append(realized.count) }
                guard outcome.isValid else { continue }
                gains[index] = outcome.gain
                if outcome.recalculated { changed.append((index, rank)) } else { unchanged.append((index, rank)) }
            }
            // A stable sort by gain of the previous order: the untouched exchanges are still in
            // order, so only the recalculated ones need sorting before a merge.
            changed.sort { Self.precedes(gains[$0.index], $0.rank, gains[$1.index], $1.rank) }
            list = Self.merge(unchanged, changed) { Self.precedes(gains[$0.index], $0.rank, gains[$1.index], $1.rank) }
        }
        finish(board: board, parameters: parameters)
    }

    /// A round whose exchanges were chosen elsewhere (``HybridExchangeRound``): `realized` on `board`.
    init(board: ExchangeBoard<N>, openingNBS: [N?], candidateCount: Int, validCandidateCount: Int,
         realized: [CandidateExchange<N>], knifeEdges: [Int], parameters: ExchangeModel.Parameters) {
        votingBoard = board
        nextBoard = board
        self.openingNBS = openingNBS
        self.candidateCount = candidateCount
        self.validCandidateCount = validCandidateCount
        self.realized = realized
        self.knifeEdges = knifeEdges
        finish(board: board, parameters: parameters)
    }

    /// The voting board, its NBS and the next round's board from the realised exchanges.
    private mutating func finish(board: ExchangeBoard<N>, parameters: ExchangeModel.Parameters) {
        votingBoard = board
        votingBoard.move(realized.flatMap { exchange in
            [exchange.i, exchange.j].map { (actor: $0.actor, issue: $0.supplyIssue, value: $0.y) }
        })
        votingNBS = (0..<board.issueCount).map { votingBoard.nbs($0) }
        nextBoard = votingBoard
        nextBoard.move(realized.flatMap { exchange in
            [exchange.i, exchange.j].map { (actor: $0.actor, issue: $0.supplyIssue, value: Self.newStart($0, parameters: parameters)) }
        })
    }

    /// Gain order, highest first; `rank` (the earlier place in the list) breaks exact ties.
    static func precedes(_ gainA: N, _ rankA: Int, _ gainB: N, _ rankB: Int) -> Bool {
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
    static func candidates(board: ExchangeBoard<N>, openingNBS: [N?], randomization: Double,
                           draws: inout some RandomNumberGenerator) -> [CandidateExchange<N>] {
        // Left of the NBS includes on it.
        let left = (0..<board.issueCount).map { issue in
            let nbs = openingNBS[issue] ?? .zero
            return (0..<board.stakeholderCount).map { N.isOnOrLeft(board.position[issue][$0], of: nbs) }
        }
        var exchanges: [CandidateExchange<N>] = []
        for p in 0..<board.issueCount {
            for q in (p + 1)..<board.issueCount {
                if Cancellation.isRequested { return exchanges }
                var groups: [[Int]] = [[], [], [], []]
                for actor in 0..<board.stakeholderCount where board.weight(p, actor) > .zero && board.weight(q, actor) > .zero {
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
    /// The weights are floats in decide, converted exactly (`Decimal(0.4)`), hence
    /// ``ExchangeNumber/times(exactly:)``.
    static func newStart(_ side: ExchangeSide<N>, parameters: ExchangeModel.Parameters) -> N {
        let sw = parameters.salienceWeight, fw = parameters.fixedWeight
        let share = (N.one - side.supplySalience).times(exactly: sw)
        return share * side.y + side.y.times(exactly: fw) + (N.one - share).minus(exactly: fw) * side.startPosition
    }
}
