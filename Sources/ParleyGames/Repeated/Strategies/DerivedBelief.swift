import ParleyCore

// Port of axelrod 4.14 `dbs.py` (Au and Nau 2006, "Accident or intention: that is the
// question (in the noisy iterated prisoner's dilemma)").

/// DBS, the Derived Belief Strategy: learns the opponent's policy (the probability that it
/// cooperates after each outcome of the previous round) from three rule sets — deterministic
/// rules promoted after `promotionThreshold` consistent observations, default rules (Tit For
/// Tat at first, later the demoted deterministic rules) and discounted frequencies — and
/// chooses the move that maximises the payoff over a look-ahead of `depth` rounds (the
/// minimax search of axelrod's tree, computed as a 4 × depth table, which gives the same
/// values in the same floating-point order). Deterministic.
/// - Complexity: O(rounds) per round (the discounted frequencies are recomputed from the
///   whole history, as axelrod does, so that rounding is identical).
struct DerivedBelief: RepeatedStrategy {
    var discount = 0.75
    var promotionThreshold = 3
    var violationThreshold = 4
    var rejectThreshold = 3
    var depth = 5

    /// Rule sets indexed by outcome (own, theirs): CC = 0, CD = 1, DC = 2, DD = 3; a rule is
    /// 1 (the opponent cooperates after that outcome) or 0.
    var defaults: [Int?] = [1, 1, 0, 0]
    var current: [Int?] = [nil, nil, nil, nil]
    var violations: [Int?] = [nil, nil, nil, nil]
    var defaultViolations = 0
    /// The aggregated policy: probability that the opponent cooperates after each outcome.
    var policy: [Double] = [1, 1, 0, 0]
    /// Per outcome: G (1 when the outcome held two rounds ago and the opponent then
    /// cooperated) and F (1 when the outcome held), one entry per round, oldest first.
    var cooperatedAfter: [[Double]] = [[1], [1], [0], [0]]
    var followed: [[Double]] = [[1], [1], [1], [1]]

    static func outcome(_ mine: Choice, _ theirs: Choice) -> Int { Int(mine.rawValue) << 1 | Int(theirs.rawValue) }

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        let n = h.count
        guard n > 0, let myLast = h.myLast, let theirLast = h.theirLast else { return .cooperate }
        if n >= 2 {
            learn(before: Self.outcome(h.mine[n - 2], h.theirs[n - 2]), then: theirLast)
        }
        return Self.bestMove(after: Self.outcome(myLast, theirLast), policy: policy, depth: depth)
    }

    /// Updates the rule sets with the opponent's move `move` after `outcome` (axelrod's
    /// `strategy` body from `update_history_by_cond` to the aggregation into Pi).
    private mutating func learn(before outcome: Int, then move: Choice) {
        for k in 0..<4 {
            let held = k == outcome
            cooperatedAfter[k].append(held && move == .cooperate ? 1 : 0)
            followed[k].append(held ? 1 : 0)
        }
        let moved = move == .cooperate ? 1 : 0
        if current[outcome] == nil, shouldPromote(outcome, move) {
            current[outcome] = moved
            violations[outcome] = 0
        }
        if let rule = current[outcome] {
            if rule == moved {
                violations[outcome] = 0
            } else {
                let count = (violations[outcome] ?? 0) + 1
                violations[outcome] = count
                if count >= violationThreshold {
                    for k in 0..<4 where current[k] != nil { defaults[k] = current[k] }
                    current = [nil, nil, nil, nil]
                    violations = [nil, nil, nil, nil]
                    defaultViolations = 0
                }
            }
        }
        let plusInCurrent = current[outcome] == moved
        let minusInDefaults = defaults[outcome] == 1 - moved
        if minusInDefaults { defaultViolations += 1 }
        if defaultViolations > rejectThreshold || (plusInCurrent && minusInDefaults) {
            defaults = [nil, nil, nil, nil]
            defaultViolations = 0
        }
        for k in 0..<4 {
            // axelrod's Pi.update(Rc) then Pi.update(Rd): a default rule wins over a current one.
            if let rule = defaults[k] {
                policy[k] = Double(rule)
            } else if let rule = current[k] {
                policy[k] = Double(rule)
            } else {
                policy[k] = discountedFrequency(k)
            }
        }
    }

    /// Whether the opponent's last `promotionThreshold` moves after `outcome`, back to the
    /// last counter-example, were all `move` (axelrod's `should_promote`).
    private func shouldPromote(_ outcome: Int, _ move: Choice) -> Bool {
        let opposite: Double = move == .cooperate ? 0 : 1
        let g = cooperatedAfter[outcome]
        let f = followed[outcome]
        var count = 0
        var index = g.count - 1
        while index >= 1 {
            if g[index] == opposite, f[index] == 1 { break }
            if f[index] == 1 { count += 1 }
            index -= 1
        }
        return count >= promotionThreshold
    }

    /// Σ αᵏ·G / Σ αᵏ·F, newest first (axelrod's `compute_prob_rule`).
    private func discountedFrequency(_ outcome: Int) -> Double {
        let g = cooperatedAfter[outcome]
        let f = followed[outcome]
        var sumG = 0.0
        var sumF = 0.0
        var weight = 1.0
        var index = g.count - 1
        while index >= 0 {
            sumG += weight * g[index]
            sumF += weight * f[index]
            weight = discount * weight
            index -= 1
        }
        return sumF > 0 ? sumG / sumF : 0
    }

    /// The move with the larger expected payoff over `depth` rounds, C on a tie (axelrod's
    /// `move_gen`; payoffs 3, 0, 5, 1 as in axelrod, whatever the game).
    static func bestMove(after start: Int, policy: [Double], depth: Int) -> Choice {
        let payoff: [Double] = [3, 0, 5, 1]
        // value[k]: the value of a deterministic node with outcome k one level deeper.
        var value = payoff
        func expected(_ own: Int, _ p: Double, _ value: [Double]) -> Double {
            p * value[own << 1] + (1 - p) * value[own << 1 | 1]
        }
        if depth > 1 {
            for _ in 1..<depth {
                var next = value
                for k in 0..<4 {
                    let a = expected(0, policy[k], value)
                    let b = expected(1, policy[k], value)
                    next[k] = Swift.max(a, b) + payoff[k]
                }
                value = next
            }
        }
        let cooperate = expected(0, policy[start], value) + payoff[start]
        let defect = expected(1, policy[start], value) + payoff[start]
        return defect > cooperate ? .defect : .cooperate
    }
}
