internal import Foundation

/// The equations of the expected-utility model on one issue (reference "Expected utility
/// model", canonical equations), for fixed capabilities and saliences; positions vary.
///
/// Sums run over actors in index order, so results do not depend on anything but the inputs.
/// Complexity per round, n actors: O(n³) (all-pairs probabilities and pair votes), O(n⁴) with
/// the own-alternatives risk reference (O(n⁵) when combined with all-pairs).
struct ExpectedUtilityEquations: Sendable {
    typealias Parameters = ExpectedUtilityModel.Parameters

    let parameters: Parameters
    /// c_i × s_i, salience on 0–1.
    let weights: [Double]
    /// s_i on 0–1: the probability that i resists a challenge.
    let saliences: [Double]
    /// d > 0.
    let width: Double
    let totalWeight: Double

    /// `nil` when no actor has positive weight or `width` is not positive.
    init?(parameters: Parameters, capabilities: [Double], saliences: [Double], width: Double) {
        let weights = zip(capabilities, saliences).map { $0 * $1 }
        let total = weights.reduce(0, +)
        guard total > 0, total.isFinite, width > 0, width.isFinite else { return nil }
        self.parameters = parameters
        self.weights = weights
        self.saliences = saliences
        self.width = width
        self.totalWeight = total
    }

    var count: Int { weights.count }

    // MARK: Votes and probabilities

    /// Voter k's vote for position a over position b (positive: k prefers a).
    func vote(_ k: Int, for a: Double, over b: Double, _ x: [Double], _ r: [Double]) -> Double {
        switch parameters.voteKernel {
        case .linear:
            return weights[k] * (abs(x[k] - b) - abs(x[k] - a)) / width
        case .riskPower:
            let far = pow(abs(x[k] - b) / width, r[k])
            let near = pow(abs(x[k] - a) / width, r[k])
            return weights[k] * (far - near)
        }
    }

    /// Σ_k Σ_a Σ_b |v_k(a, b)|, the all-pairs denominator.
    func allPairsTotal(_ x: [Double], _ r: [Double]) -> Double {
        var total = 0.0
        for k in 0..<count {
            for a in 0..<count {
                for b in 0..<count {
                    total += abs(vote(k, for: x[a], over: x[b], x, r))
                }
            }
        }
        return total
    }

    /// P that i's position beats j's: 0 for equal positions (no contest), ½ when no vote is cast.
    func winProbability(_ i: Int, _ j: Int, _ x: [Double], _ r: [Double], allPairs: Double) -> Double {
        if x[i] == x[j] { return 0 }
        var positive = 0.0
        var net = 0.0
        var magnitude = 0.0
        for k in 0..<count {
            let v = vote(k, for: x[i], over: x[j], x, r)
            if v > 0 { positive += v }
            net += v
            magnitude += abs(v)
        }
        switch parameters.probability {
        case .allPairs: return allPairs > 0 ? positive / allPairs : 0.5
        case .pairShare: return magnitude == 0 ? 0.5 : positive / magnitude
        case .netVote: return magnitude == 0 ? 0.5 : max(net, 0) / magnitude
        }
    }

    /// `[i][j]` win probabilities for every ordered pair (0 on the diagonal).
    func winProbabilities(_ x: [Double], _ r: [Double]) -> [[Double]] {
        let total = parameters.probability == .allPairs ? allPairsTotal(x, r) : 0
        return (0..<count).map { i in
            (0..<count).map { j in i == j ? 0 : winProbability(i, j, x, r, allPairs: total) }
        }
    }

    // MARK: Median voter

    func weightedMean(_ x: [Double]) -> Double {
        var sum = 0.0
        for k in 0..<count { sum += weights[k] * x[k] }
        return sum / totalWeight
    }

    /// The Condorcet winner among the positions under linear votes. The pairwise vote of a over
    /// b sums to (D(b) − D(a))/d with D(y) = Σ_k w_k |x_k − y|, so the winner is the position of
    /// least D; a tie (within 1e-12 of Σw·d) goes to the position nearer the mean, then the lower.
    func condorcetMedian(_ x: [Double]) -> Double {
        let mean = weightedMean(x)
        let tieTolerance = 1e-12 * totalWeight * width
        var best = x.min() ?? mean
        var bestCost = Double.infinity
        for candidate in Array(Set(x)).sorted() {
            var cost = 0.0
            for k in 0..<count { cost += weights[k] * abs(x[k] - candidate) }
            if bestCost == .infinity || cost < bestCost - tieTolerance {
                best = candidate
                bestCost = cost
            } else if abs(cost - bestCost) <= tieTolerance, abs(candidate - mean) < abs(best - mean) {
                best = candidate
                bestCost = cost
            }
        }
        return best
    }

    /// μ for the first (r = 1) or second pass.
    func medianVoter(_ x: [Double], secondPass: Bool) -> Double {
        switch parameters.medianVoter {
        case .condorcet: condorcetMedian(x)
        case .mean: weightedMean(x)
        case .medianThenMean: secondPass ? weightedMean(x) : condorcetMedian(x)
        }
    }

    /// The forecast of a round: the second-pass μ of its positions.
    func forecast(_ x: [Double]) -> Double { medianVoter(x, secondPass: true) }

    // MARK: Expected utility

    /// EU_i(ij), i challenging j, with risk exponent r and win probability p = P_i(ij).
    func expectedUtility(_ i: Int, challenging j: Int, _ x: [Double], mu: Double, p: Double, r: Double) -> Double {
        func utility(_ base: Double) -> Double { 2 - 4 * pow(max(0, base), r) }
        let gap = abs(x[i] - x[j]) / width
        let success = utility(0.5 - 0.5 * gap)
        let failure = utility(0.5 + 0.5 * gap)
        let reach = (abs(x[i] - mu) + abs(x[i] - x[j])) / width
        let better = utility(0.5 - 0.25 * reach)
        let worse = utility(0.5 + 0.25 * reach)
        let statusQuo = utility(0.5)
        let q = parameters.q
        let t: Double
        switch parameters.t {
        case .fixed(let value):
            t = value
        case .conditional:
            let nearI = abs(x[i] - mu)
            let nearJ = abs(x[j] - mu)
            t = nearI < nearJ ? 1 : (nearI > nearJ ? 0 : 0.5)
        }
        let resist = saliences[j]
        let contest = resist * (p * success + (1 - p) * failure) + (1 - resist) * success
        return contest - q * statusQuo - (1 - q) * (t * better + (1 - t) * worse)
    }

    /// EU_i(ij) at r = 1 for every ordered pair, with the first-pass μ and probabilities.
    func firstPass(_ x: [Double]) -> (mu: Double, probabilities: [[Double]], utilities: [[Double]]) {
        let ones = Array(repeating: 1.0, count: count)
        let mu = medianVoter(x, secondPass: false)
        let p = winProbabilities(x, ones)
        let eu = (0..<count).map { i in
            (0..<count).map { j in i == j ? 0 : expectedUtility(i, challenging: j, x, mu: mu, p: p[i][j], r: 1) }
        }
        return (mu, p, eu)
    }

    /// sec_i = Σ_{j≠i} EU_j(ji) at r = 1, for every i.
    func securities(fromFirstPass eu: [[Double]]) -> [Double] {
        (0..<count).map { i in
            var sum = 0.0
            for j in 0..<count where j != i { sum += eu[j][i] }
            return sum
        }
    }

    /// (R_i, r_i) for every actor given the first pass of `x`.
    func riskAttitudes(_ x: [Double], securities own: [Double]) -> (acceptance: [Double], exponents: [Double]) {
        var acceptance: [Double] = []
        for i in 0..<count {
            let pool: [Double]
            switch parameters.riskReference {
            case .allActors:
                pool = own
            case .ownAlternatives:
                pool = Array(Set(x)).sorted().map { alternative in
                    var moved = x
                    moved[i] = alternative
                    return securities(fromFirstPass: firstPass(moved).utilities)[i]
                }
            }
            let high = pool.max() ?? 0
            let low = pool.min() ?? 0
            acceptance.append(high - low == 0 ? 0 : (2 * own[i] - high - low) / (high - low))
        }
        return (acceptance, acceptance.map { (1 - $0 / 3) / (1 + $0 / 3) })
    }

    // MARK: Offers

    func offers(to i: Int, _ x: [Double], mu: Double, p: [[Double]], r: [Double]) -> [ExpectedUtilityRound.Offer] {
        (0..<count).compactMap { j -> ExpectedUtilityRound.Offer? in
            guard j != i, x[j] != x[i] else { return nil }
            let e1 = expectedUtility(i, challenging: j, x, mu: mu, p: p[i][j], r: r[i])
            let opponentExponent = parameters.opponentRisk == .evaluator ? r[i] : r[j]
            let e2 = expectedUtility(j, challenging: i, x, mu: mu, p: p[j][i], r: opponentExponent)
            var kind: ExpectedUtilityRound.OfferKind?
            var position = x[i]
            if e2 > e1, e1 > 0 {
                kind = .confrontation
                position = x[j]
            } else if e2 > 0, e1 < 0, e2 > abs(e1) {
                kind = .compromise
                position = x[i] + (x[j] - x[i]) * abs(e1 / e2)
            } else if e2 > 0, e1 < 0, e2 < abs(e1), parameters.capitulation == .offered {
                kind = .capitulation
                position = x[j]
            }
            return .init(from: j, kind: kind, position: position, ownExpectedUtility: e1, opponentExpectedUtility: e2)
        }
    }

    /// i's position after the round under the acceptance rule.
    func accept(_ offers: [ExpectedUtilityRound.Offer], for i: Int, _ x: [Double]) -> Double {
        let moving = offers.filter { $0.kind != nil }
        switch parameters.offerAcceptance {
        case .smallestMove:
            return Self.first(moving, minimising: { abs($0.position - x[i]) })?.position ?? x[i]
        case .maxEUThenNearest:
            let senders = offers.filter { $0.opponentExpectedUtility > 0 }
            guard let top = senders.map(\.opponentExpectedUtility).max() else { return x[i] }
            let best = senders.filter { $0.opponentExpectedUtility == top }
            return Self.first(best, minimising: { abs(x[$0.from] - x[i]) })?.position ?? x[i]
        case .scholzTypePriority:
            for kind in [ExpectedUtilityRound.OfferKind.confrontation, .compromise, .capitulation] {
                let group = moving.filter { $0.kind == kind }
                let pick: ExpectedUtilityRound.Offer? = if kind == .compromise {
                    Self.first(group, minimising: { offer in
                        let own = abs(offer.ownExpectedUtility)
                        let other = abs(offer.opponentExpectedUtility)
                        return (own * x[i] + other * x[offer.from]) / (own + other)
                    })
                } else {
                    Self.first(group, minimising: { abs($0.position - x[i]) })
                }
                if let pick { return pick.position }
            }
            return x[i]
        }
    }

    /// The first element with the least key (strictly smaller keys replace; ties keep the first).
    static func first<Element>(_ items: [Element], minimising key: (Element) -> Double) -> Element? {
        var best: (item: Element, key: Double)?
        for item in items {
            let value = key(item)
            if let current = best, !(value < current.key) { continue }
            best = (item, value)
        }
        return best?.item
    }

    // MARK: One round

    func round(_ x: [Double], stakeholders: [String]) -> ExpectedUtilityRound {
        let first = firstPass(x)
        let security = securities(fromFirstPass: first.utilities)
        let attitudes = riskAttitudes(x, securities: security)
        let r = attitudes.exponents
        let mu = medianVoter(x, secondPass: true)
        let p = winProbabilities(x, r)
        let table = (0..<count).map { offers(to: $0, x, mu: mu, p: p, r: r) }
        let moved = (0..<count).map { accept(table[$0], for: $0, x) }
        return ExpectedUtilityRound(
            stakeholders: stakeholders, positions: x, scaleWidth: width, firstPassMedianVoter: first.mu,
            firstPassWinProbabilities: first.probabilities, firstPassExpectedUtilities: first.utilities,
            securities: security, riskAcceptance: attitudes.acceptance, riskExponents: r, medianVoter: mu,
            winProbabilities: p, offers: table, newPositions: moved)
    }
}
