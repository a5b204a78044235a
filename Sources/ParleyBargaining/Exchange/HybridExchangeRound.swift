import ParleyCore

/// One round of the exchange model in ``ExchangeModel/Parameters/Arithmetic/hybrid``
/// arithmetic: decide's result, digit for digit. Meant to run at nearly binary speed;
/// measured so far it is no faster than ``Decimal28`` throughout (see ``ExchangeModel``).
///
/// The board is kept in ``Decimal28`` (decide's numbers). Every candidate exchange is computed
/// in ``BoundedDouble``: binary values with rigorous bounds on their distance from decide's
/// decimals. While every comparison of a candidate is decided by the bounds, it took decide's
/// branches and its binary numbers are within their bounds of decide's. A candidate with a
/// comparison the bounds cannot decide (a near-tie, a knife edge) is recomputed in decimals from
/// the start of the round (its creation and every update since) and stays in decimals for the
/// rest of the round. Gains are ordered by their bounds and, when these overlap, by their
/// decimals; each realised exchange is recomputed in decimals, so the positions it sets are
/// decide's. Candidate formation (sides of the NBS) is decided in decimals directly.
/// Only the equal-gain model with the list-order tie rule (no draws) plays this way.
/// - Complexity: as ``ExchangeRoundPlay``, plus O(r) decimal updates per realised exchange and
///   per candidate moved to decimals, for r exchanges realised before.
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
    private var exact: [Int: CandidateExchange<Decimal28>] = [:]
    private var gains: [BoundedDouble] = []
    private var realized: [CandidateExchange<Decimal28>] = []
    /// Candidates moved to decimals, and realised exchanges recomputed, this round.
    private(set) var recomputed = 0

    private init(board: ExchangeBoard<Decimal28>, ambiguity: ExchangeAmbiguity) {
        self.board = board
        bounded = ExchangeBoard(converting: board, BoundedDouble.init)
        self.ambiguity = ambiguity
    }

    /// Plays one round on `board` as ``ExchangeRoundPlay`` plays it in decimals, with the same result.
    /// `parameters` must have randomization 0 and the list-order tie rule.
    static func play(board: ExchangeBoard<Decimal28>, parameters: ExchangeModel.Parameters) -> ExchangeRoundPlay<Decimal28> {
        let ambiguity = ExchangeAmbiguity()
        return ExchangeAmbiguity.$current.withValue(ambiguity) {
            var round = HybridExchangeRound(board: board, ambiguity: ambiguity)
            return round.play(parameters: parameters)
        }
    }

    private mutating func play(parameters: ExchangeModel.Parameters) -> ExchangeRoundPlay<Decimal28> {
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
            if !isExact[chosenIndex] { makeExact(chosenIndex) }
            guard let chosen = exact[chosenIndex] else { break }
            realized.append(chosen)
            // The realised exchange as the binary candidates see it: decide's voting positions.
            var approximate = exchanges[chosenIndex]
            approximate.i = ExchangeSide(board: bounded, actor: chosen.i.actor, supply: chosen.i.supplyIssue, demand: chosen.i.demandIssue)
            approximate.j = ExchangeSide(board: bounded, actor: chosen.j.actor, supply: chosen.j.supplyIssue, demand: chosen.j.demandIssue)
            approximate.i.y = BoundedDouble(chosen.i.y)
            approximate.j.y = BoundedDouble(chosen.j.y)
            var unchanged: [(index: Int, rank: Int)] = []
            var changed: [(index: Int, rank: Int)] = []
            for (rank, index) in list.enumerated() {
                let recalculated: Bool, knife: Bool, stillValid: Bool
                if isExact[index] {
                    guard let outcome = exact[index]?.update(after: chosen, board: board, randomization: 0, draws: &none) else { continue }
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
        let left = (0..<board.issueCount).map { issue in
            let nbs = openingNBS[issue] ?? .zero
            return (0..<board.stakeholderCount).map { board.position[issue][$0] <= nbs }
        }
        var none = NoDraws()
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
        var none = NoDraws()
        var exchange = CandidateExchange(index: index, board: board, a: a, b: b, p: p, q: q)
        exchange.calculate(board: board, randomization: 0, draws: &none)
        var knife = exchange.metKnifeEdge
        for earlier in realized {
            knife = exchange.update(after: earlier, board: board, randomization: 0, draws: &none).metKnifeEdge
        }
        exact[index] = exchange
        isExact[index] = true
        gains[index] = BoundedDouble(exchange.gain)
        recomputed += 1
        return knife
    }

    private func isValid(_ index: Int) -> Bool {
        isExact[index] ? exact[index]?.isValid ?? false : exchanges[index].isValid
    }

    private func metKnifeEdge(_ index: Int) -> Bool {
        isExact[index] ? exact[index]?.metKnifeEdge ?? false : exchanges[index].metKnifeEdge
    }

    /// decide's order of its list: higher gain first, the earlier rank on equal gains. Gains
    /// whose bounds overlap are compared in decimals (computing the candidates there).
    private mutating func precedes(_ x: Int, _ rankX: Int, _ y: Int, _ rankY: Int) -> Bool {
        if let sign = BoundedDouble.order(gains[x], gains[y]), sign != 0 { return sign > 0 }
        if !isExact[x] { makeExact(x) }
        if !isExact[y] { makeExact(y) }
        let gainX = exact[x]?.gain ?? .zero, gainY = exact[y]?.gain ?? .zero
        return gainX != gainY ? gainX > gainY : rankX < rankY
    }
}

/// The draws of the equal-gain model with the list-order tie rule: none are taken.
struct NoDraws: RandomNumberGenerator {
    mutating func next() -> UInt64 { 0 }
}
