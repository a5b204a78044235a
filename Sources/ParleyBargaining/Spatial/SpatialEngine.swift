import ParleyCore

/// One turn of the spatial model, as the engine computed it (0–1 units).
struct SpatialTurnDetail: Sendable {
    /// Per initiator: its chosen receiver and its own estimate of the challenge, if any.
    var targets: [(receiver: Int, estimate: ChallengeEstimate)?]
    /// The bargains proposed this turn, in order of formation (by initiator).
    var bargains: [SpatialBargain]
    /// Per actor: its queue (`nil` = status quo, else an index into `bargains`).
    var queues: [[Int?]]
    /// Per actor: the selection probability of each option in its queue.
    var probabilities: [[Double]]
    /// Per actor: the index in its queue of the option it adopted.
    var chosen: [Int]
}

/// The turn loop of KTAB's SMP (`SMPState::doBCN`, `smpStopFn`), on joint positions.
struct SpatialEngine: Sendable {
    let problem: SpatialProblem
    let valuation: SpatialModel.Valuation
    let stopRule: SpatialModel.StopRule
    /// The seed of stochastic state transitions.
    let seed: UInt64

    struct Result: Sendable {
        var states: [SpatialPoints]
        var assessments: [SpatialAssessment]
        var turns: [SpatialTurnDetail]
        /// Per turn t ≥ 1: Σ‖x(t) − x(t−1)‖ / (Σ‖x(1) − x(0)‖ + 1e-4).
        var fractionalChanges: [Double]
        var stopReason: StopReason
    }

    /// Runs from `initial` until the stop rule holds.
    /// - Complexity: O(n³ + n² d) per turn for n actors on d dimensions (the challenge
    ///   estimates and the risk-neutral coalitions), versus KTAB's O(n⁴).
    func run(initial: SpatialPoints) throws(SpatialPCE.NoConvergence) -> Result {
        var states = [initial]
        var assessments = [try SpatialAssessment(initial, problem: problem)]
        var turns: [SpatialTurnDetail] = []
        var fractional: [Double] = []
        var turn = 0
        // Cancelled: stop; the model throws instead of returning the partial result.
        while !Cancellation.isRequested {
            turn += 1
            guard let current = states.last, let assessment = assessments.last else { break }
            let (detail, next) = try step(current, assessment: assessment, turn: turn)
            turns.append(detail)
            states.append(next)
            assessments.append(try SpatialAssessment(next, problem: problem))
            let first = Self.stateDistance(states[0], states[1], problem: problem) + stopRule.minimumFirstChange
            let latest = Self.stateDistance(states[turn - 1], states[turn], problem: problem)
            let ratio = latest / first
            fractional.append(ratio)
            if stopRule.maximumTurns <= turn {
                return Result(states: states, assessments: assessments, turns: turns, fractionalChanges: fractional,
                              stopReason: .roundLimit(turn))
            }
            if stopRule.minimumTurns <= turn && ratio < stopRule.fractionalChange {
                return Result(states: states, assessments: assessments, turns: turns, fractionalChanges: fractional,
                              stopReason: .converged(round: turn))
            }
        }
        return Result(states: states, assessments: assessments, turns: turns, fractionalChanges: fractional,
                      stopReason: .roundLimit(turn))
    }

    /// One turn: targets, bargains, resolution of every actor's queue, new ideals.
    func step(
        _ points: SpatialPoints, assessment: SpatialAssessment, turn: Int
    ) throws(SpatialPCE.NoConvergence) -> (SpatialTurnDetail, SpatialPoints) {
        let n = problem.actorCount
        let d = problem.dimensionCount
        var targets: [(receiver: Int, estimate: ChallengeEstimate)?] = []
        var bargains: [SpatialBargain] = []
        for i in 0..<n {
            if Cancellation.isRequested { break }
            let target = SpatialChallenge.bestTarget(initiator: i, assessment: assessment, problem: problem)
            targets.append(target)
            guard let target, target.estimate.gain > 0 else { continue }
            bargains += SpatialBargaining.proposals(
                initiator: i, receiver: target.receiver, pI: target.estimate.probability,
                points: points, assessment: assessment, problem: problem)
        }
        let queues = SpatialResolution.queues(bargains: bargains, actorCount: n)
        let values = SpatialResolution.values(bargains: bargains, points: points, assessment: assessment,
                                              problem: problem, valuation: valuation)
        var stream = RandomStream(seed: seed, index: UInt64(turn), purpose: "spatial-transitions")
        var probabilities: [[Double]] = []
        var chosen: [Int] = []
        var next = points
        for k in 0..<n {
            let p = try SpatialResolution.probabilities(
                queue: queues[k], statusQuo: values.statusQuo, values: values.bargains, problem: problem)
            let choice = switch problem.settings.stateTransitions {
            case .deterministic: SpatialResolution.mostProbable(p)
            case .stochastic: SpatialResolution.draw(p, from: &stream)
            }
            probabilities.append(p)
            chosen.append(choice)
            if let index = queues[k][choice] {
                let bargain = bargains[index]
                let adopted = bargain.initiator == k ? bargain.initiatorPosition : bargain.receiverPosition
                next.positions.replaceSubrange((k * d)..<(k * d + d), with: adopted)
            }
        }
        next.ideals = newIdeals(old: points.ideals, positions: next.positions)
        let detail = SpatialTurnDetail(targets: targets, bargains: bargains, queues: queues,
                                       probabilities: probabilities, chosen: chosen)
        return (detail, next)
    }

    /// KTAB's `newIdeals`: `I_i ← Σ_j a_ij x_j + (1 − Σ_j a_ij) I_i`; with the identity
    /// matrix the ideals are the new positions.
    func newIdeals(old: [Double], positions: [Double]) -> [Double] {
        guard let accommodation = problem.accommodation else { return positions }
        let n = problem.actorCount
        let d = problem.dimensionCount
        var ideals = old
        for i in 0..<n {
            var ideal = [Double](repeating: 0, count: d)
            var weight = 0.0
            for j in 0..<n {
                let a = accommodation[i, j]
                weight = weight + a
                for k in 0..<d { ideal[k] = ideal[k] + a * positions[j * d + k] }
            }
            let lag = 1.0 - Swift.min(weight, 1.0)
            for k in 0..<d { ideals[i * d + k] = ideal[k] + lag * old[i * d + k] }
        }
        return ideals
    }

    /// KTAB's `stateDist`: Σ_i ‖x_i − y_i‖ (Euclidean, 0–1 units).
    static func stateDistance(_ x: SpatialPoints, _ y: SpatialPoints, problem: SpatialProblem) -> Double {
        let d = problem.dimensionCount
        var total = 0.0
        for i in 0..<problem.actorCount {
            var sum = 0.0
            for k in 0..<d {
                let diff = x.positions[i * d + k] - y.positions[i * d + k]
                sum = sum + diff * diff
            }
            total = total + sum.squareRoot()
        }
        return total
    }

    /// KTAB's reported outcome of a state (`pDist(-1)`): a PCE over the unique positions, each
    /// actor valuing them with its own utilities, weighted by capability, proportional votes.
    /// Returns the probability of each unique position (in `assessment.uniqueIndices` order)
    /// and of each actor's position (KTAB's `posProb`: its class's probability).
    static func winProbabilities(
        _ points: SpatialPoints, assessment a: SpatialAssessment, problem: SpatialProblem
    ) throws(SpatialPCE.NoConvergence) -> (unique: [Double], actors: [Double]) {
        let unique = a.uniqueIndices
        let p = try SpatialPCE.scalar(
            options: unique.count, voters: problem.actorCount, rule: .proportional, settings: problem.settings,
            weight: { problem.capability[$0] },
            utility: { actor, option in a.utility(estimator: actor, actor, unique[option]) })
        let d = problem.dimensionCount
        let actors = (0..<problem.actorCount).map { i in
            // KTAB keeps the last equivalent class: tolerance is not transitive.
            let classIndex = unique.indices.last { SpatialAssessment.equivalent(points.positions, i, unique[$0], dimensionCount: d) } ?? 0
            return p[classIndex]
        }
        return (p, actors)
    }
}
