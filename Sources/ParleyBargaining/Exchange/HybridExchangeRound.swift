import ParleyCore

/// One round of the exchange model in ``ExchangeModel/Parameters/Arithmetic/hybrid``
/// arithmetic: decide's result, digit for digit, about three times as fast as ``Decimal28`` throughout
/// (see ``ExchangeModel``).
///
/// The board is kept in ``Decimal28`` (decide's numbers). Every candidate exchange is computed
/// in ``BoundedDouble``: binary values with rigorous bounds on their distance from decide's
/// decimals. While every comparison of a candidate is decided by the bounds, it took decide's
/// branches and its binary numbers are within their bounds of decide's. A candidate with a
/// comparison the bounds cannot decide (a near-tie, a knife edge) is recomputed in decimals from
/// the start of the round (its creation and every update since) and stays in decimals for the
/// rest of the round. Positions on the board and realised voting positions carry their
/// ``BoundedDouble/origin``: two of them whose bounds overlap are equal or compared as decimals,
/// so a party standing on another's position costs no fallback. Gains are ordered by their
/// bounds and, when these overlap, by their decimals; each realised exchange is computed once in
/// decimals from the decimal positions it holds (``realizeExactly(_:)``), so the positions it sets are
/// decide's. Candidate formation (sides of the NBS) is decided in decimals directly.
/// Only the equal-gain model with the list-order tie rule (no draws) plays this way.
/// On the 15 × 13 case about 2,100 candidates a round, 150–200 realised, and at most about 20 fall back.
/// - Complexity: as ``ExchangeRoundPlay``, plus O(n) decimal work per realised exchange and
///   O(r) decimal updates per candidate moved to decimals, for r exchanges realised before.
@available(macOS 15, iOS 18, tvOS 18, watchOS 11, visionOS 2, *)
struct HybridExchangeRound {
    let board: ExchangeBoard<Decimal28>
    let bounded: ExchangeBoard<BoundedDouble>
    let ambiguity: ExchangeAmbiguity
    /// Stakeholders a, b and issues p, q of each candidate, to recompute it in decimals.
    private var pairs: [(a: Int, b: Int, p: Int, q: Int)] = []
    private var exchanges: [CandidateExchange<BoundedDouble>] = []
    /// Whether a candidate is computed in decimals (then it is in `exact`).
    private var isExact: [Bool] = []
    /// The candidates computed in decimals, and where each candidate is among them (−1: not).
    private var exact: [CandidateExchange<Decimal28>] = []
    private var slot: [Int] = []
    private var gains: [BoundedDouble] = []
    private var realized: [CandidateExchange<Decimal28>] = []
    /// Candidates moved to decimals, and realised exchanges recomputed, this round.
    private(set) var recomputed = 0

    private init(board: ExchangeBoard<Decimal28>, ambiguity: ExchangeAmbiguity) {
        self.board = board
        // Positions carry their origin (issue · stakeholders + stakeholder, as the ambiguity
        // table holds them), so that two positions the bounds cannot order are compared exactly.
        let n = board.stakeholderCount
        bounded = ExchangeBoard(
            position: board.position.enumerated().map { issue, row in
                row.enumerated().map { actor, x in BoundedDouble(x, origin: Int32(exactly: issue * n + actor) ?? -1) }
            },
            salience: board.salience.map { $0.map { BoundedDouble($0) } },
            power: board.power.map { $0.map { BoundedDouble($0) } }, present: board.present)
        self.ambiguity = ambiguity
    }

    /// Plays one round on `board` as ``ExchangeRoundPlay`` plays it in decimals, with the same result.
    /// `parameters` must have randomization 0 and the list-order tie rule.
    static func play(board: ExchangeBoard<Decimal28>, parameters: ExchangeModel.Parameters) -> ExchangeRoundPlay<Decimal28> {
        let ambiguity = ExchangeAmbiguity(decimals: board.position.flatMap { $0 })
        return ExchangeAmbiguity.$current.withValue(ambiguity) {
            var round = HybridExchangeRound(board: board, ambiguity: ambiguity)
            return round.play(parameters: parameters)
        }
    }

    private mutating func play(parameters: ExchangeModel.Parameters) -> ExchangeRoundPlay<Decimal28> {
        // Local copies: passing a stored board while `exact` is being modified would copy it each time.
        let board = self.board, bounded = self.bounded
        var knifeEdges: [Int] = []
        let openingNBS = (0..<board.issueCount).map { board.nbs($0) }
        formCandidates(openingNBS: openingNBS)
        let count = exchanges.count
        let valid = (0..<count).filter { isValid($0) }
        if (0..<count).contains(where: { metKnifeEdge($0) }) { knifeEdges.append(0) }
        var list = valid
        list.sort { precedes($0, $0, $1, $1) }
        var none = NoDraws()
        while !list.isEmpty, !Cancellation.isRequested {
            let chosenIndex = list.removeFirst()
            if !isExact[chosenIndex], !realizeExactly(chosenIndex) { makeExact(chosenIndex) }
            guard slot[chosenIndex] >= 0 else { break }
            let chosen = exact[slot[chosenIndex]]
            realized.append(chosen)
            // The realised exchange as the binary candidates see it: decide's voting positions.
            var approximate = exchanges[chosenIndex]
            approximate.i = ExchangeSide(board: bounded, actor: chosen.i.actor, supply: chosen.i.supplyIssue, demand: chosen.i.demandIssue)
            approximate.j = ExchangeSide(board: bounded, actor: chosen.j.actor, supply: chosen.j.supplyIssue, demand: chosen.j.demandIssue)
            approximate.i.y = ambiguity.register(chosen.i.y)
            approximate.j.y = ambiguity.register(chosen.j.y)
            var unchanged: [(index: Int, rank: Int)] = []
            var changed: [(index: Int, rank: Int)] = []
            unchanged.reserveCapacity(list.count)
            for (rank, index) in list.enumerated() {
                // Most candidates share no party and issue with it: nothing changes, nothing to report.
                if !isExact[index], !exchanges[index].metKnifeEdge, !exchanges[index].isTouched(by: approximate) {
                    unchanged.append((index, rank))
                    continue
                }
                let recalculated: Bool, knife: Bool, stillValid: Bool
                if isExact[index] {
                    let outcome = exact[slot[index]].update(after: chosen, board: board, randomization: 0, draws: &none)
                    (recalculated, knife, stillValid) = (outcome.recalculated, outcome.metKnifeEdge, outcome.isValid)
                    gains[index] = BoundedDouble(outcome.gain)
                } else {
                    let before = ambiguity.count
                    let outcome = exchanges[index].update(after: approximate, board: bounded, randomization: 0, draws: &none)
                    if ambiguity.count == before {
                        (recalculated, knife, stillValid) = (outcome.recalculated, outcome.metKnifeEdge, outcome.isValid)
                        gains[index] = outcome.gain
                    } else {
                        let lastKnife = makeExact(index)
                        (recalculated, knife, stillValid) = (outcome.recalculated, lastKnife, isValid(index))
                    }
                }
                if knife, knifeEdges.last != realized.count { knifeEdges.append(realized.count) }
                guard stillValid else { continue }
                if recalculated { changed.append((index, rank)) } else { unchanged.append((index, rank)) }
            }
            changed.sort { precedes($0.index, $0.rank, $1.index, $1.rank) }
            list = ExchangeRoundPlay<Decimal28>.merge(unchanged, changed) { precedes($0.index, $0.rank, $1.index, $1.rank) }
        }
        return ExchangeRoundPlay(board: board, openingNBS: openingNBS, candidateCount: count, validCandidateCount: valid.count,
                                 realized: realized, knifeEdges: knifeEdges, parameters: parameters)
    }

    /// ``ExchangeRoundPlay/candidates(board:openingNBS:randomization:draws:)`` with the sides of
    /// each NBS taken in decimals and each candidate computed in bounded binary.
    private mutating func formCandidates(openingNBS: [Decimal28?]) {
        let board = self.board, bounded = self.bounded
        let left = (0..<board.issueCount).map { issue in
            let nbs = openingNBS[issue] ?? .zero
            return (0..<board.stakeholderCount).map { board.position[issue][$0] <= nbs }
        }
        var none = NoDraws()
        // At most n²/4 pairs per pair of issues; reserving spares the copies of growing.
        let pairsOfIssues = board.issueCount * (board.issueCount - 1) / 2
        let (perPair, overflow) = (board.stakeholderCount * board.stakeholderCount / 4 + 1).multipliedReportingOverflow(by: pairsOfIssues)
        if !overflow, perPair < 1 << 20 {
            exchanges.reserveCapacity(perPair)
            gains.reserveCapacity(perPair)
            pairs.reserveCapacity(perPair)
        }
        for p in 0..<board.issueCount {
            for q in (p + 1)..<board.issueCount {
                if Cancellation.isRequested { return }
                var groups: [[Int]] = [[], [], [], []]
                for actor in 0..<board.stakeholderCount where board.weight(p, actor) > .zero && board.weight(q, actor) > .zero {
                    groups[(left[p][actor] ? 1 : 0) | (left[q][actor] ? 2 : 0)].append(actor)
                }
                for (first, second) in [(0, 3), (1, 2)] {
                    for a in groups[first] {
                        for b in groups[second] {
                            let index = exchanges.count
                            let before = ambiguity.count
                            var exchange = CandidateExchange(index: index, board: bounded, a: a, b: b, p: p, q: q)
                            exchange.calculate(board: bounded, randomization: 0, draws: &none)
                            pairs.append((a, b, p, q))
                            exchanges.append(exchange)
                            gains.append(exchange.gain)
                            isExact.append(false)
                            slot.append(-1)
                            if ambiguity.count != before { makeExact(index) }
                        }
                    }
                }
            }
        }
    }

    /// Recomputes candidate `index` in decimals as decide has it now (created, calculated and
    /// updated after every exchange realised so far) and keeps it there. Returns the knife-edge
    /// mark its last step left (as ``CandidateExchange/update(after:board:randomization:draws:)`` reports it).
    @discardableResult
    private mutating func makeExact(_ index: Int) -> Bool {
        let (a, b, p, q) = pairs[index]
        let board = self.board
        var none = NoDraws()
        var exchange = CandidateExchange(index: index, board: board, a: a, b: b, p: p, q: q)
        exchange.calculate(board: board, randomization: 0, draws: &none)
        var knife = exchange.metKnifeEdge
        for earlier in realized {
            knife = exchange.update(after: earlier, board: board, randomization: 0, draws: &none).metKnifeEdge
        }
        store(exchange, at: index)
        gains[index] = BoundedDouble(exchange.gain)
        recomputed += 1
        return knife
    }

    /// Computes candidate `index`, about to be realised, in decimals from its present state
    /// alone, without replaying the round: the positions it holds (its parties' supply positions,
    /// its updates) are decide's decimals as they stand, found by their ``BoundedDouble/origin``.
    /// Sound because every comparison of its binary computations was decided by the bounds, so
    /// decide took the same branches. Only decide's stale moves are missing: they enter nothing
    /// but its validity, which holds (the candidate is valid, and a valid list of moves stays
    /// valid without some of them). Returns false, computing nothing, when a position has no
    /// origin or the decimals disagree (then ``makeExact(_:)`` replays it).
    private mutating func realizeExactly(_ index: Int) -> Bool {
        let approximate = exchanges[index]
        let (a, b, p, q) = pairs[index]
        let table = ambiguity
        func decimal(_ x: BoundedDouble) -> Decimal28? { table.decimal(x.origin) }
        guard let iSupply = decimal(approximate.i.supplyPosition), let jSupply = decimal(approximate.j.supplyPosition),
              let updates = approximate.updates.converted(decimal) else { return false }
        let board = self.board
        var none = NoDraws()
        var exchange = CandidateExchange(index: index, board: board, a: a, b: b, p: p, q: q)
        guard exchange.i.actor == approximate.i.actor else { return false }
        exchange.i.supplyPosition = iSupply
        exchange.j.supplyPosition = jSupply
        exchange.updates = updates
        exchange.calculate(board: board, randomization: 0, draws: &none)
        guard exchange.isValid else { return false }
        store(exchange, at: index)
        gains[index] = BoundedDouble(exchange.gain)
        return true
    }

    /// Keeps `exchange` as candidate `index` in decimals.
    private mutating func store(_ exchange: CandidateExchange<Decimal28>, at index: Int) {
        isExact[index] = true
        if slot[index] >= 0 {
            exact[slot[index]] = exchange
        } else {
            slot[index] = exact.count
            exact.append(exchange)
        }
    }

    private func isValid(_ index: Int) -> Bool {
        isExact[index] ? exact[slot[index]].isValid : exchanges[index].isValid
    }

    private func metKnifeEdge(_ index: Int) -> Bool {
        isExact[index] ? exact[slot[index]].metKnifeEdge : exchanges[index].metKnifeEdge
    }

    /// decide's order of its list: higher gain first, the earlier rank on equal gains. Gains
    /// whose bounds overlap are compared in decimals (computing the candidates there).
    private mutating func precedes(_ x: Int, _ rankX: Int, _ y: Int, _ rankY: Int) -> Bool {
        if let sign = BoundedDouble.order(gains[x], gains[y]), sign != 0 { return sign > 0 }
        if !isExact[x] { makeExact(x) }
        if !isExact[y] { makeExact(y) }
        let gainX = exact[slot[x]].gain, gainY = exact[slot[y]].gain
        return gainX != gainY ? gainX > gainY : rankX < rankY
    }
}

/// The draws of the equal-gain model with the list-order tie rule: none are taken.
struct NoDraws: RandomNumberGenerator {
    mutating func next() -> UInt64 { 0 }
}
