/// decide's randomised equal-gain variant (p > 0): after the equal-gain solution, one party
/// (chosen by a draw u) gets a gain moved toward its maximum (v < 0.5) or toward zero, by the
/// fraction p·z of the distance, and the moves are recomputed from that gain. Reproduced with
/// decide's branches, including its quirks, so that the same draws give decide's numbers.
extension CandidateExchange {
    /// decide's `calculate_maximum_utility`: the most each party could gain, `euMax`.
    mutating func calculateMaximumUtility(board: ExchangeBoard<N>) {
        // decide compares i's demand position with i's voting position (on another issue);
        // kept as it is.
        let iPareto = N.samePosition(i.demandPosition, i.y)
        let jPareto = N.samePosition(j.demandPosition, j.y)
        let nbsI = adjustedNBS(.i, at: iPareto ? i.y : j.demandPosition, board: board)
        let nbsJ = adjustedNBS(.j, at: jPareto ? j.y : i.demandPosition, board: board)
        let deltaI = (i.nbs0 - nbsI).magnitude
        let deltaJ = (j.nbs0 - nbsJ).magnitude
        let loss1 = deltaJ * j.supplySalience
        let gain2 = deltaJ * i.demandSalience
        let loss2 = deltaI * i.supplySalience
        let gain1 = deltaI * j.demandSalience
        var overwrite: N?
        if iPareto, gain1 - loss1 > .zero {
            overwrite = gain2 - (loss1 / j.demandSalience) * i.supplySalience
        }
        if jPareto, gain2 - loss2 > .zero {
            overwrite = gain1 - (loss2 / i.demandSalience) * j.supplySalience
        }
        let name: ExchangeSideName = gain2 > gain1 ? .j : .i
        let gain = name == .j ? gain1 : gain2
        let loss = name == .j ? loss2 : loss1
        let actor = self[name], opposite = self[name.other]
        let s = actor.supplySalience / (actor.supplySalience + opposite.demandSalience)
        let delta2u1 = loss / (s * opposite.demandSalience)
        let delta2u2 = gain / (s * actor.supplySalience)
        if let overwrite, overwrite != .zero {
            self[name.other].euMax = overwrite
        } else {
            self[name.other].euMax = s * opposite.demandSalience * delta2u2 - loss
        }
        self[name].euMax = gain - s * actor.supplySalience * delta2u1
    }

    /// decide's `randomized_gain` for the party `name`, with draws `v` and `z` in [0, 1).
    mutating func randomizeGain(_ name: ExchangeSideName, v: Double, z: Double, p: Double, board: ExchangeBoard<N>) {
        var s = self[name], o = self[name.other]
        let eu = gain
        // decide: p a Decimal from its text, z = Decimal(random.uniform(0, 1)), taken exactly.
        let pz = N(input: p).times(exactly: z)
        let eui = v < 0.5 ? eu + pz * ((s.euMax ?? eu) - eu) : eu - pz * eu
        var moveI = (s.supplyPosition - o.demandPosition).magnitude
        var ratioQ = Self.ratio(for: moveI, of: s, board: board)
        var ratioP = (eui + ratioQ * s.supplySalience) / s.demandSalience
        var moveJ = Self.move(for: ratioP, of: o, board: board)
        var euj = (ratioP * o.supplySalience - ratioQ * o.demandSalience).magnitude
        let room = (o.supplyPosition - s.demandPosition).magnitude
        if moveJ.magnitude > room {
            ratioP = Self.ratio(for: room, of: o, board: board)
            ratioQ = ((eui - ratioP * s.demandSalience) / s.supplySalience).magnitude
            moveJ = room
            moveI = Self.move(for: ratioQ, of: s, board: board)
            if moveI.magnitude < (s.supplyPosition - o.demandPosition).magnitude {
                euj = (ratioP * o.supplySalience - ratioQ * o.demandSalience).magnitude
                let signedJ = o.supplyPosition > s.demandPosition ? -moveJ : moveJ
                // decide stores this NBS as the other party's nbs_0 and compares it with itself,
                // so its further adjustment never runs.
                o.nbs0 = board.adjustedNBS(o.supplyIssue, updates: updates, actor: o.actor, position: o.supplyPosition + signedJ)
            }
        } else {
            let signedI = s.supplyPosition > o.demandPosition ? -moveI : moveI
            let adjusted = board.adjustedNBS(s.supplyIssue, updates: updates, actor: s.actor, position: s.supplyPosition + signedI)
            let x = o.demandPosition
            if !(x >= s.nbs0 && x >= adjusted) && !(x <= s.nbs0 && x <= adjusted) {
                let delta = board.moveToShiftNBS(s.supplyIssue, updates: updates, actor: s.actor,
                                                 start: s.supplyPosition, target: x).magnitude
                ratioQ = Self.ratio(for: delta, of: s, board: board)
                ratioP = (eui + ratioQ * s.supplySalience) / s.demandSalience
                euj = (ratioP * o.supplySalience - ratioQ * o.demandSalience).magnitude
                // decide keeps the signed full move here (and signs it again below).
                moveI = signedI
                moveJ = Self.move(for: ratioP, of: o, board: board)
            }
        }
        s.eu = eui
        o.eu = euj
        s.move = moveI
        o.move = moveJ
        if s.supplyPosition > o.demandPosition { s.move = -s.move }
        if o.supplyPosition > s.demandPosition { o.move = -o.move }
        s.replaceLastMove(with: s.move)
        o.replaceLastMove(with: o.move)
        s.y = s.supplyPosition + s.move
        o.y = o.supplyPosition + o.move
        isValid = s.isValid(s.move) && o.isValid(o.move)
        self[name] = s
        self[name.other] = o
        for side in [ExchangeSideName.i, .j] {
            self[side].nbs0 = adjustedNBS(side, at: self[side].supplyPosition, board: board)
            self[side].nbs1 = adjustedNBS(side, at: self[side].y, board: board)
        }
    }
}
