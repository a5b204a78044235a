import ParleyCore

/// One party to a candidate exchange: it moves on its supply issue toward the other party's
/// position and gains from the other's move on its demand issue (decide's `ExchangeActor`).
struct ExchangeSide<N: ExchangeNumber>: Sendable {
    let actor: Int
    let supplyIssue: Int
    let demandIssue: Int
    /// Where the party stands on its supply issue now (moved by realised exchanges).
    var supplyPosition: N
    /// Its position on the demand issue: the target of the other party's move; never updated
    /// within a round, as in decide.
    let demandPosition: N
    let supplySalience: N
    let supplyPower: N
    let demandSalience: N
    /// The supply position when the round began (for the next round's start position).
    let startPosition: N
    /// The voting position on the supply issue if the exchange is realised.
    var y: N = .zero
    var move: N = .zero
    /// decide's move history, kept with its quirks: a recalculation keeps the stale move.
    var moves: [N] = []
    var eu: N = .zero
    var euMax: N?
    var nbs0: N = .zero
    var nbs1: N = .zero

    init(board: ExchangeBoard<N>, actor: Int, supply: Int, demand: Int) {
        self.actor = actor
        supplyIssue = supply
        demandIssue = demand
        supplyPosition = board.position[supply][actor]
        demandPosition = board.position[demand][actor]
        supplySalience = board.salience[supply][actor]
        supplyPower = board.power[supply][actor]
        demandSalience = board.salience[demand][actor]
        startPosition = supplyPosition
    }

    /// decide's `is_move_valid`: a move of more than 1e-10, staying on 0–100 (in binary with a
    /// 1e-9 tolerance, see ``ExchangeNumber/isOnScale(_:)``), and all moves of this party in the
    /// exchange in one direction.
    func isValid(_ move: N) -> Bool {
        guard move.magnitude <= .hundred, move.magnitude.exceedsFloor else { return false }
        guard N.isOnScale(supplyPosition + move) else { return false }
        guard !moves.isEmpty, moves.reduce(N.zero, +) <= .hundred else { return false }
        // decide's `min(moves) < 0 and max(moves) < 0 or min(moves) > 0 and max(moves) > 0`, read
        // as "all below 0 or all above 0": the same answer without comparing moves with each
        // other (the list often holds one move twice, which bounded binary cannot order).
        return moves.allSatisfy { $0 < .zero } || moves.allSatisfy { $0 > .zero }
    }

    /// Replaces the last recorded move (decide's `moves.pop(); moves.append(move)`).
    mutating func replaceLastMove(with move: N) {
        if !moves.isEmpty { moves.removeLast() }
        moves.append(move)
    }
}

enum ExchangeTolerance {
    /// Slack on the 0–100 bounds of a voting position.
    static let bounds = 1e-9
    /// Two positions this close count as equal where decide compares decimals exactly.
    static let equalPosition = 1e-9
}

/// Which party of an exchange.
enum ExchangeSideName: Sendable {
    case i, j
    var other: ExchangeSideName { self == .i ? .j : .i }
}

/// A candidate exchange between two stakeholders on two issues, computed as decide's
/// `EqualGainExchange` computes it.
struct CandidateExchange<N: ExchangeNumber>: Sendable {
    /// Creation order in the round: issue pairs in scenario order, then A–D pairs, then B–C pairs.
    let index: Int
    var i: ExchangeSide<N>
    var j: ExchangeSide<N>
    var gain: N = .zero
    var isValid = true
    var updates = ExchangeUpdates<N>()
    /// Set when a check met an NBS already on the demanded position (see ``checkNBS(_:board:)``).
    var metKnifeEdge = false

    /// Sets up the exchange of stakeholders `a` and `b` on issues `p` and `q` (`p` before `q`):
    /// the one that cares relatively more about `p` demands `p` and supplies `q`.
    init(index: Int, board: ExchangeBoard<N>, a: Int, b: Int, p: Int, q: Int) {
        self.index = index
        let bCaresMoreAboutP = N.ratioIsLess(board.salience[p][a], board.salience[q][a], than: board.salience[p][b], board.salience[q][b])
        let first = bCaresMoreAboutP ? b : a
        let second = bCaresMoreAboutP ? a : b
        i = ExchangeSide(board: board, actor: first, supply: q, demand: p)
        j = ExchangeSide(board: board, actor: second, supply: p, demand: q)
    }

    subscript(side: ExchangeSideName) -> ExchangeSide<N> {
        get { side == .i ? i : j }
        set { if side == .i { i = newValue } else { j = newValue } }
    }

    /// decide's `reverse_move`: the move on the supply issue that shifts its NBS by `ratio`.
    static func move(for ratio: N, of side: ExchangeSide<N>, board: ExchangeBoard<N>) -> N {
        ratio * board.denominator[side.supplyIssue] / (side.supplyPower * side.supplySalience)
    }

    /// decide's `exchange_ratio`: the NBS shift from moving `distance` on the supply issue.
    static func ratio(for distance: N, of side: ExchangeSide<N>, board: ExchangeBoard<N>) -> N {
        distance * side.supplySalience * side.supplyPower / board.denominator[side.supplyIssue]
    }

    /// decide's `by_exchange_ratio`: the other party's NBS shift that gives both equal gains
    /// when `side` shifts its supply issue's NBS by `ratio`.
    func equalGainRatio(answering ratio: N, from side: ExchangeSideName) -> N {
        side == .i ? Self.equalGainRatio(answering: ratio, mover: i, other: j) : Self.equalGainRatio(answering: ratio, mover: j, other: i)
    }

    /// ``equalGainRatio(answering:from:)`` for the sides themselves (read in place, not copied).
    static func equalGainRatio(answering ratio: N, mover s: ExchangeSide<N>, other o: ExchangeSide<N>) -> N {
        ((s.supplySalience + o.demandSalience) / (s.demandSalience + o.supplySalience)) * ratio
    }

    func adjustedNBS(_ side: ExchangeSideName, at position: N, board: ExchangeBoard<N>) -> N {
        side == .i ? board.adjustedNBS(i.supplyIssue, updates: updates, actor: i.actor, position: position)
            : board.adjustedNBS(j.supplyIssue, updates: updates, actor: j.actor, position: position)
    }

    /// Computes moves, voting positions, the equal gain and validity (decide's `calculate`).
    mutating func calculate(board: ExchangeBoard<N>, randomization: Double, draws: inout some RandomNumberGenerator) {
        // First try: j moves all the way to i's position on p; i answers on q.
        var dp = Self.ratio(for: (i.demandPosition - j.supplyPosition).magnitude, of: j, board: board)
        var dq = Self.equalGainRatio(answering: dp, mover: j, other: i)
        i.move = Self.move(for: dq, of: i, board: board)
        j.move = (i.demandPosition - j.supplyPosition).magnitude
        if i.move.magnitude > (j.demandPosition - i.supplyPosition).magnitude {
            // i would overshoot j's position: i moves all the way instead and j answers.
            dq = Self.ratio(for: (j.demandPosition - i.supplyPosition).magnitude, of: i, board: board)
            dp = Self.equalGainRatio(answering: dq, mover: i, other: j)
            i.move = (j.demandPosition - i.supplyPosition).magnitude
            j.move = Self.move(for: dp, of: j, board: board)
        }
        if i.supplyPosition > j.demandPosition { i.move = -i.move }
        if j.supplyPosition > i.demandPosition { j.move = -j.move }
        i.moves.append(i.move)
        j.moves.append(j.move)
        i.y = i.supplyPosition + i.move
        j.y = j.supplyPosition + j.move
        gain = (dq * i.supplySalience - dp * i.demandSalience).magnitude
        i.eu = gain
        j.eu = gain
        isValid = i.isValid(i.move) && j.isValid(j.move) && !gain.belowFloor
        guard isValid else { return }
        checkNBS(.i, board: board)
        checkNBS(.j, board: board)
        isValid = i.isValid(i.move) && j.isValid(j.move)
        if randomization > 0 {
            let u = draws.nextUnit()
            let v = draws.nextUnit()
            let z = draws.nextUnit()
            calculateMaximumUtility(board: board)
            randomizeGain(u < 0.5 ? .i : .j, v: v, z: z, p: randomization, board: board)
        }
    }

    /// decide's `check_nbs`: if `side`'s move would push its supply issue's NBS past the other
    /// party's position, the move is cut to put the NBS exactly there, and the other party's
    /// move is scaled to keep the gains equal.
    mutating func checkNBS(_ name: ExchangeSideName, board: ExchangeBoard<N>) {
        // The sides are changed in place: copying one out and back costs more than the check.
        let outcome = name == .i ? Self.checkNBS(&i, other: &j, updates: updates, board: board)
            : Self.checkNBS(&j, other: &i, updates: updates, board: board)
        if outcome.metKnifeEdge { metKnifeEdge = true }
        if let cut = outcome.gain { gain = cut }
    }

    /// ``checkNBS(_:board:)`` for side `s` against `o`; returns the new gain if the moves were cut.
    private static func checkNBS(_ s: inout ExchangeSide<N>, other o: inout ExchangeSide<N>, updates: ExchangeUpdates<N>,
                                 board: ExchangeBoard<N>) -> (gain: N?, metKnifeEdge: Bool) {
        s.nbs0 = board.adjustedNBS(s.supplyIssue, updates: updates, actor: s.actor, position: s.supplyPosition)
        s.nbs1 = board.adjustedNBS(s.supplyIssue, updates: updates, actor: s.actor, position: s.y)
        let x = o.demandPosition
        // An NBS within 1e-9 of the demanded position is on it (an earlier exchange was cut to
        // put it there). In exact arithmetic the move then does not cross it and stands; in
        // decide's 28-digit decimals a residual of about 1e-26 is left whose sign decides, so
        // the move may be cut to nothing instead. Binary follows exact arithmetic, Decimal28
        // follows decide; either way such knife edges are reported.
        let before = N.edgeDistance(x, s.nbs0)
        let after = x - s.nbs1
        let knife = (x - s.nbs0).magnitude <= N.edgeTolerance && after.magnitude > N.edgeTolerance
        let sameSide = (before >= .zero && after >= .zero) || (before <= .zero && after <= .zero)
        guard !sameSide else { return (nil, knife) }
        let delta = board.moveToShiftNBS(s.supplyIssue, updates: updates, actor: s.actor, start: s.supplyPosition, target: x).magnitude
        let ownRatio = ratio(for: delta, of: s, board: board)
        let otherRatio = equalGainRatio(answering: ownRatio, mover: s, other: o)
        o.move = move(for: otherRatio, of: o, board: board).magnitude
        s.move = delta
        if o.supplyPosition > s.demandPosition { o.move = -o.move }
        if s.supplyPosition > o.demandPosition { s.move = -s.move }
        o.replaceLastMove(with: o.move)
        s.replaceLastMove(with: s.move)
        o.y = o.supplyPosition + o.move
        s.y = s.supplyPosition + s.move
        let gain = (otherRatio * o.supplySalience - ownRatio * o.demandSalience).magnitude
        s.nbs1 = board.adjustedNBS(s.supplyIssue, updates: updates, actor: s.actor, position: s.y)
        return (gain, knife)
    }

    /// Brings this exchange up to date after `realized` was carried out (decide's
    /// `recalculate`). Returns whether it was recalculated.
    mutating func recalculate(after realized: CandidateExchange, board: ExchangeBoard<N>, randomization: Double,
                              draws: inout some RandomNumberGenerator) -> Bool {
        // Written without temporary arrays: this runs for every candidate after every realisation.
        let iSupply = Self.supplierVote(matching: i, in: realized)
        let jSupply = Self.supplierVote(matching: j, in: realized)
        if let iSupply { i.supplyPosition = iSupply }
        if let jSupply { j.supplyPosition = jSupply }
        var touched = iSupply != nil || jSupply != nil
        if touched {
            // decide's `invalidate_move`: a matched side appended the realised move and pops it
            // again (net: it keeps its own stale move); an unmatched side pops its current move.
            if iSupply == nil { i.moves.removeLastIfAny() }
            if jSupply == nil { j.moves.removeLastIfAny() }
        }
        if demands(like: realized.j) {
            record(realized.i, on: realized.j.demandIssue)
            if !touched { dropBothMoves(); touched = true }
        }
        if demands(like: realized.i) {
            record(realized.j, on: realized.i.demandIssue)
            if !touched { dropBothMoves(); touched = true }
        }
        if touched {
            calculate(board: board, randomization: randomization, draws: &draws)
        }
        return touched
    }

    /// ``recalculate(after:board:randomization:draws:)``, then what the round needs to know,
    /// read in one go (reading an exchange out of its array would copy all of it); clears the
    /// knife-edge mark.
    mutating func update(after realized: CandidateExchange, board: ExchangeBoard<N>, randomization: Double,
                         draws: inout some RandomNumberGenerator) -> (recalculated: Bool, metKnifeEdge: Bool, isValid: Bool, gain: N) {
        let recalculated = recalculate(after: realized, board: board, randomization: randomization, draws: &draws)
        let knife = metKnifeEdge
        metKnifeEdge = false
        return (recalculated, knife, isValid, gain)
    }

    /// Whether ``recalculate(after:board:randomization:draws:)`` would change anything after
    /// `realized`: a party of it gave way on a supply issue of this one, or demands the same issue
    /// as a party of this one (stakeholders and issues only, no numbers).
    func isTouched(by realized: CandidateExchange) -> Bool {
        func gaveWay(_ side: ExchangeSide<N>) -> Bool {
            (side.actor == realized.i.actor && side.supplyIssue == realized.i.supplyIssue)
                || (side.actor == realized.j.actor && side.supplyIssue == realized.j.supplyIssue)
        }
        return gaveWay(i) || gaveWay(j) || demands(like: realized.j) || demands(like: realized.i)
    }

    /// The voting position of the realised side that gave way on `side`'s supply issue, if it
    /// is `side`'s stakeholder (the position only: copying a whole side is not cheap).
    private static func supplierVote(matching side: ExchangeSide<N>, in realized: CandidateExchange) -> N? {
        if side.actor == realized.i.actor && side.supplyIssue == realized.i.supplyIssue { return realized.i.y }
        if side.actor == realized.j.actor && side.supplyIssue == realized.j.supplyIssue { return realized.j.y }
        return nil
    }

    /// Whether one of this exchange's parties is `demander`'s stakeholder demanding the same issue.
    private func demands(like demander: ExchangeSide<N>) -> Bool {
        (demander.actor == j.actor && demander.demandIssue == j.demandIssue)
            || (demander.actor == i.actor && demander.demandIssue == i.demandIssue)
    }

    /// decide's `update_updates`: records `mover`'s voting position on `issue`; of an earlier
    /// one and the new one, the one nearer the mover's start (as decide orders them) is kept.
    private mutating func record(_ mover: ExchangeSide<N>, on issue: Int) {
        if let previous = updates.position(of: mover.actor, on: issue) {
            updates.set(mover.startPosition <= previous ? min(previous, mover.y) : max(previous, mover.y),
                        of: mover.actor, on: issue)
        } else {
            updates.set(mover.y, of: mover.actor, on: issue)
        }
    }

    private mutating func dropBothMoves() {
        i.moves.removeLastIfAny()
        j.moves.removeLastIfAny()
    }
}

extension Array {
    mutating func removeLastIfAny() {
        if !isEmpty { removeLast() }
    }
}
