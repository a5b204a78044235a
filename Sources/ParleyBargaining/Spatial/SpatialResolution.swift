import ParleyCore

extension SpatialModel {
    /// How each actor values the state a bargain would produce: the mean, over all n actors'
    /// positions, of its utility with the bargain's two positions applied.
    public enum Valuation: String, Sendable, Hashable, CaseIterable {
        /// Sum the n utilities afresh for every bargain, as KTAB does: O(n) per actor and bargain.
        case direct
        /// A bargain moves only two positions: start from the status quo's sum and swap the
        /// two changed terms, O(d) per actor and bargain. Both sum exactly, so the two agree bit
        /// for bit.
        case incremental
    }
}

/// Resolving the bargain queues (KTAB's `doBCN`, second half).
enum SpatialResolution {
    /// Each actor's queue: the status quo (`nil`) first, then, in order of formation, every
    /// bargain in which the actor is initiator or receiver.
    static func queues(bargains: [SpatialBargain], actorCount n: Int) -> [[Int?]] {
        var queues = [[Int?]](repeating: [nil], count: n)
        for (index, bargain) in bargains.enumerated() {
            queues[bargain.initiator].append(index)
            if bargain.receiver != bargain.initiator { queues[bargain.receiver].append(index) }
        }
        return queues
    }

    /// `values[b][a]`: actor a's value of the state after bargain b; `statusQuo[a]` the value
    /// of the current state. Own utilities: U^a(a, ·), and for the bargain's positions a's
    /// utility measured from a's current position with its own risk attitude (as KTAB's
    /// `SMPActor::posUtil` does). Sums are exact and rounded once (``ExactSum``), so equal
    /// states get equal values whatever the valuation.
    /// - Complexity: O(n² + B n d) incremental, O(n² + B n²) direct, for B bargains.
    static func values(
        bargains: [SpatialBargain], points: SpatialPoints, assessment a: SpatialAssessment,
        problem: SpatialProblem, valuation: SpatialModel.Valuation
    ) -> (statusQuo: [Double], bargains: [[Double]]) {
        let n = problem.actorCount
        let d = problem.dimensionCount
        let count = Double(n)
        let rowSums = (0..<n).map { actor in
            var sum = ExactSum()
            for position in 0..<n { sum.add(a.utility(estimator: actor, actor, position)) }
            return sum
        }
        let statusQuo = rowSums.map { $0.value / count }
        let values = bargains.map { bargain in
            (0..<n).map { actor -> Double in
                let risk = a.risk[actor]
                let uInit = SpatialUtility.utility(
                    distance: problem.distance(for: actor, points.positions, actor * d, bargain.initiatorPosition, 0), risk: risk)
                let uRcvr = SpatialUtility.utility(
                    distance: problem.distance(for: actor, points.positions, actor * d, bargain.receiverPosition, 0), risk: risk)
                var sum: ExactSum
                switch valuation {
                case .incremental:
                    sum = rowSums[actor]
                    sum.add(-a.utility(estimator: actor, actor, bargain.initiator))
                    sum.add(-a.utility(estimator: actor, actor, bargain.receiver))
                case .direct:
                    sum = ExactSum()
                    for position in 0..<n where position != bargain.initiator && position != bargain.receiver {
                        sum.add(a.utility(estimator: actor, actor, position))
                    }
                }
                sum.add(uInit)
                sum.add(uRcvr)
                return sum.value / count
            }
        }
        return (statusQuo, values)
    }

    /// The selection probabilities of one queue's options: a PCE among the actors, weighted
    /// by capability, voting by the scenario's rule.
    static func probabilities(
        queue: [Int?], statusQuo: [Double], values: [[Double]], problem: SpatialProblem
    ) throws(SpatialPCE.NoConvergence) -> [Double] {
        try SpatialPCE.scalar(
            options: queue.count, voters: problem.actorCount, rule: problem.settings.votingRule,
            settings: problem.settings, weight: { problem.capability[$0] },
            utility: { actor, option in queue[option].map { values[$0][actor] } ?? statusQuo[actor] })
    }

    /// The most probable option, the first on a tie (KTAB's `ndxMaxAbs`). Ties are exact:
    /// equal states get bit-equal values (see ``values(bargains:points:assessment:problem:valuation:)``).
    static func mostProbable(_ p: [Double]) -> Int {
        var best = 0
        var bestValue = -1.0
        for (index, value) in p.enumerated() where bestValue < abs(value) {
            best = index
            bestValue = abs(value)
        }
        return best
    }

    /// An option drawn with probabilities `p` from one uniform draw of `stream`.
    static func draw(_ p: [Double], from stream: inout RandomStream) -> Int {
        let u = stream.nextUnit()
        var cumulative = 0.0
        for (index, value) in p.enumerated() {
            cumulative += value
            if u < cumulative { return index }
        }
        return p.count - 1
    }
}
