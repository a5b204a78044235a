public import ParleyCore
import ParleySimulation

/// How sure "X won" is, against history: over Monte Carlo draws of the coded numbers (from
/// their spreads) **and** of each observed outcome (from its recorded range), each stakeholder's
/// probability of ranking first and in the top three by success (``WinnersAndLosers``'s
/// distance), with Monte Carlo standard errors, and its whole rank distribution.
///
/// Draw `i` takes its inputs from the stream of replicate `i` of `parley sensitivity`
/// (`InputSampler/inputPurpose`) and its observed outcomes from their own stream
/// (`InputSampler/drawObserved(using:)`: triangular with its mode at the recorded value over
/// the recorded range; fixed without a range), so adding an observed range never shifts an
/// input's draw.
///
/// **Ties share the place**: k stakeholders tied for places p…p+k−1 each get 1/k of each of
/// those places in that draw, so the probabilities of any place sum to 1 over stakeholders.
public struct WinnerOdds: Sendable, Hashable {
    /// One stakeholder's odds.
    public struct Odds: Sendable, Hashable {
        public var stakeholder: String
        /// Probability of ranking first, 0–1.
        public var first: Double
        /// Probability of ranking in the top three, 0–1.
        public var topThree: Double
        /// Monte Carlo standard error of ``first``: the draws' standard deviation over √draws.
        public var firstStandardError: Double
        /// Monte Carlo standard error of ``topThree``.
        public var topThreeStandardError: Double
        /// `ranks[r]` is the probability of place r + 1; sums to 1.
        public var ranks: [Double]
    }

    /// The number of draws.
    public var draws: Int
    public var seed: UInt64
    /// In scenario order.
    public var stakeholders: [Odds]

    /// Draws `draws` versions of the scenario and its history and ranks the stakeholders in each.
    /// - Returns: `nil` when the scenario records no observed outcome (nothing to rank against).
    /// - Throws: `CancellationError` when `isCancelled` turns true; `ScenarioErrors` only if a
    ///   draw broke an invariant, which the sampler's truncation prevents.
    /// - Complexity: O(draws × stakeholders × issues), no model runs.
    public init?(scenario: Scenario, draws: Int, seed: UInt64, fromCodings: Bool = false, isCancelled: () -> Bool = { false }) throws {
        guard draws > 0, scenario.issues.contains(where: { $0.observed != nil }) else { return nil }
        let n = scenario.stakeholders.count
        let sampler = InputSampler(scenario: scenario, drawsFromCodings: fromCodings)
        var sums = Array(repeating: Array(repeating: 0.0, count: n), count: n)  // sums[i][place]
        var firstSquares = Array(repeating: 0.0, count: n)
        var topSquares = Array(repeating: 0.0, count: n)
        for index in 0..<draws {
            if isCancelled() { throw CancellationError() }
            var inputs = RandomStream(seed: seed, index: UInt64(index), purpose: InputSampler.inputPurpose)
            var history = RandomStream(seed: seed, index: UInt64(index), purpose: InputSampler.observedPurpose)
            let drawn = try sampler.draw(using: &inputs)
            var observed: [String: Double] = [:]
            for (issue, value) in zip(scenario.issues, sampler.drawObserved(using: &history)) {
                if let value { observed[issue.id] = value }
            }
            let credits = Self.placeCredits(distances: Self.distances(drawn, observed: observed))
            for i in 0..<n {
                for place in 0..<n { sums[i][place] += credits[i][place] }
                let first = credits[i][0]
                let top = credits[i].prefix(3).reduce(0, +)
                firstSquares[i] += first * first
                topSquares[i] += top * top
            }
        }
        let count = Double(draws)
        self.draws = draws
        self.seed = seed
        stakeholders = scenario.stakeholders.indices.map { i in
            let ranks = sums[i].map { $0 / count }
            let first = ranks.first ?? 0
            let top = ranks.prefix(3).reduce(0, +)
            return Odds(stakeholder: scenario.stakeholders[i].id, first: first, topThree: top,
                        firstStandardError: Self.standardError(mean: first, meanOfSquares: firstSquares[i] / count, count: count),
                        topThreeStandardError: Self.standardError(mean: top, meanOfSquares: topSquares[i] / count, count: count),
                        ranks: ranks)
        }
    }

    /// The odds of `stakeholder`, if present.
    public func odds(of stakeholder: String) -> Odds? {
        stakeholders.first { $0.stakeholder == stakeholder }
    }

    /// Each stakeholder's salience-weighted distance to `observed` (0–100), `nil` when it has no
    /// salience on an issue with an outcome.
    static func distances(_ scenario: Scenario, observed: [String: Double]) -> [Double?] {
        scenario.stakeholders.map { stakeholder in
            var weight = 0.0
            var total = 0.0
            for stance in stakeholder.stances {
                guard let value = observed[stance.issue], let issue = scenario.issue(stance.issue), stance.salience > 0 else { continue }
                weight += stance.salience
                total += stance.salience * abs(stance.position - value) / issue.scale.width * 100
            }
            return weight > 0 ? total / weight : nil
        }
    }

    /// `credits[i][place]`: stakeholder i's share of each place (0-based); tied distances share
    /// their places equally; stakeholders without a distance share the last places.
    static func placeCredits(distances: [Double?]) -> [[Double]] {
        let n = distances.count
        var credits = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        let order = distances.indices.sorted { a, b in
            switch (distances[a], distances[b]) {
            case let (x?, y?): return x < y || (x == y && a < b)
            case (.some, .none): return true
            case (.none, .some): return false
            case (.none, .none): return a < b
            }
        }
        var start = 0
        while start < n {
            var end = start + 1
            while end < n, distances[order[end]] == distances[order[start]] { end += 1 }
            let share = 1 / Double(end - start)
            for member in order[start..<end] {
                for place in start..<end { credits[member][place] = share }
            }
            start = end
        }
        return credits
    }

    /// √(max(0, E[X²] − E[X]²) / n), the standard error of a mean of n draws (population variance).
    static func standardError(mean: Double, meanOfSquares: Double, count: Double) -> Double {
        (max(0, meanOfSquares - mean * mean) / count).squareRoot()
    }
}
