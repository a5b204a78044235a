/// How a forum's members approve a proposal against the status quo, for ``WinSet``.
public enum WinSetRule: Sendable, Hashable, Codable {
    /// Every member is a veto player: a proposal passes only if every member accepts it
    /// (the forum rules `unanimity` and `consensus`). Weights do not matter.
    case unanimity
    /// A proposal passes when the members accepting it hold **at least** this share, in (0, 1],
    /// of the total member weight (`qualified-majority`).
    case atLeast(Double)
    /// A proposal passes when the members accepting it hold **more than** this share, in [0, 1),
    /// of the total member weight (`majority`: more than 0.5 by default).
    case moreThan(Double)
}

/// One voter of a forum on one issue, for ``WinSet``.
public struct WinSetVoter: Sendable, Hashable {
    public var id: String
    /// The member's ideal point on the issue's scale, or `nil` when it takes no stance:
    /// an indifferent member weakly prefers every point to the status quo and accepts any proposal.
    public var ideal: Double?
    /// Voting weight (capability), >= 0; only ratios matter, and only under the weighted rules.
    public var weight: Double

    public init(id: String, ideal: Double?, weight: Double) {
        self.id = id
        self.ideal = ideal
        self.weight = weight
    }
}

/// Why a win-set cannot be computed from the inputs given.
public struct WinSetError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        case noMembers, notFinite, negativeWeight, negativeCost, thresholdOutOfRange, noWeight
    }

    public var code: Code
    public var message: String
    public var hint: String?

    public init(_ code: Code, _ message: String, hint: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
    }

    public var description: String { message + (hint.map { "\n  hint: \($0)" } ?? "") }
}

/// The win-set of a status quo on one dimension, and the agenda setter's proposal.
///
/// The procedural (agenda-setter) model of Romer & Rosenthal as applied to the EU by
/// Steunenberg (1994), Tsebelis (1994) and Crombez (1996): voters have symmetric single-peaked
/// preferences on a line (utility −|x − p| for ideal p), a point x beats the status quo q for
/// voter v when v weakly prefers it, and the setter proposes the point of the *win-set* (the
/// points enough voters accept) nearest its own ideal; the forum accepts it.
///
/// **Costly status quo** (Franchino & Mariotto, *PSRM* 2021): if talks fail, every member
/// loses `cost` c >= 0 scale units, so voter v accepts x iff |x − p_v| <= |q − p_v| + c:
/// its acceptance set is the closed interval A_v = [p_v − r_v, p_v + r_v] with
/// r_v = |q − p_v| + c. An indifferent member (no ideal) accepts every x.
///
/// **Rules.** Under unanimity the win-set is the intersection of the A_v. Under a weighted rule
/// it is { x : W(x) >= t · Σ_v w_v } (``WinSetRule/atLeast(_:)``) or { x : W(x) > t · Σ_v w_v }
/// (``WinSetRule/moreThan(_:)``), with W(x) = Σ_{v : x ∈ A_v} w_v; the comparison allows a
/// relative 1e-12 of the quota for rounding in the sums (in the rule's favour for `atLeast`,
/// against it for `moreThan`). The status quo itself always belongs to the win-set (q against q
/// is no change), even when no vote could pass.
///
/// **Always one interval.** Every A_v contains q, so for x on either side of q the voters
/// accepting x also accept every point between q and x: the accepting weight never grows as x
/// moves away from q. Hence the win-set is a single closed interval [lower, upper] containing q,
/// bounded by the *pivotal voters*: `upper` is the largest right end p_v + r_v at which the
/// voters whose right ends reach it still hold the quota, and `lower` likewise on the left. It
/// is never a union of disjoint pieces, and the proposal (the win-set's point nearest the
/// setter's ideal, that ideal clamped to [lower, upper]) is unique: no tie can arise.
/// When the win-set is {q} (gridlock), the outcome is q.
///
/// - Complexity: O(n log n) for n voters.
public struct WinSet: Sendable, Hashable {
    /// The status quo q.
    public let statusQuo: Double
    /// The smallest point in the win-set (<= q).
    public let lower: Double
    /// The largest point in the win-set (>= q).
    public let upper: Double
    /// The voter whose acceptance interval bounds the win-set on the left (its left end is
    /// `lower`), or `nil` when no voter does (the bound is the status quo itself or the scale's end).
    public let lowerPivot: String?
    /// The voter bounding the win-set on the right.
    public let upperPivot: String?

    /// The win-set of `statusQuo` among `voters` under `rule` with status-quo cost `cost`.
    ///
    /// - Parameters:
    ///   - voters: the forum's members on this issue; at least one.
    ///   - statusQuo: q on the issue's scale.
    ///   - cost: c >= 0 in scale units: what each member loses if talks fail (0: the classic model).
    ///   - rule: unanimity, or a weighted threshold.
    ///   - bounds: the issue's scale; when given the win-set is cut to it (q must lie on it).
    /// - Throws: ``WinSetError`` for no voters, non-finite numbers, a negative weight or cost,
    ///   a threshold out of its rule's range, or (weighted rules) zero total member weight.
    public init(
        voters: [WinSetVoter], statusQuo: Double, cost: Double = 0, rule: WinSetRule, bounds: ClosedRange<Double>? = nil
    ) throws(WinSetError) {
        guard !voters.isEmpty else {
            throw WinSetError(.noMembers, "the forum has no members on this issue", hint: "list the deciding stakeholders under forum.members")
        }
        guard statusQuo.isFinite else { throw WinSetError(.notFinite, "the status quo must be a finite number") }
        guard cost.isFinite, cost >= 0 else {
            throw WinSetError(cost.isFinite ? .negativeCost : .notFinite, "the status-quo cost must be a finite number >= 0, found \(cost)",
                              hint: "status_quo_cost is in scale units; use 0 for a costless status quo")
        }
        for voter in voters {
            if let ideal = voter.ideal, !ideal.isFinite {
                throw WinSetError(.notFinite, "member '\(voter.id)' has a non-finite ideal point")
            }
            guard voter.weight.isFinite else { throw WinSetError(.notFinite, "member '\(voter.id)' has a non-finite weight") }
            guard voter.weight >= 0 else { throw WinSetError(.negativeWeight, "member '\(voter.id)' has a negative weight \(voter.weight)") }
        }
        // Right and left reach of each voter with an ideal; indifferent voters reach everywhere.
        let reaches = voters.map { voter -> (id: String, left: Double, right: Double, weight: Double) in
            guard let ideal = voter.ideal else { return (voter.id, -.infinity, .infinity, voter.weight) }
            let radius = abs(statusQuo - ideal) + cost
            return (voter.id, ideal - radius, ideal + radius, voter.weight)
        }
        var lower: Double
        var upper: Double
        var lowerPivot: String?
        var upperPivot: String?
        switch rule {
        case .unanimity:
            let left = reaches.max { $0.left < $1.left }
            let right = reaches.min { $0.right < $1.right }
            lower = left?.left ?? statusQuo
            upper = right?.right ?? statusQuo
            lowerPivot = lower.isFinite ? left?.id : nil
            upperPivot = upper.isFinite ? right?.id : nil
        case .atLeast(let threshold), .moreThan(let threshold):
            let strict: Bool
            if case .moreThan = rule { strict = true } else { strict = false }
            guard threshold.isFinite, strict ? (threshold >= 0 && threshold < 1) : (threshold > 0 && threshold <= 1) else {
                throw WinSetError(.thresholdOutOfRange,
                                  "the threshold must be a share of member weight in \(strict ? "[0, 1)" : "(0, 1]"), found \(threshold)",
                                  hint: "for a simple majority use more than 0.5; for the EU's qualified majority at least about 0.65")
            }
            let total = reaches.reduce(0) { $0 + $1.weight }
            guard total > 0 else {
                throw WinSetError(.noWeight, "no member has positive capability, so no weighted vote can pass",
                                  hint: "give the members capability, or use the unanimity or consensus rule")
            }
            let quota = threshold * total
            let passes: (Double) -> Bool = strict ? { $0 > quota * (1 + 1e-12) } : { $0 >= quota * (1 - 1e-12) }
            (upper, upperPivot) = Self.pivot(reaches.map { (id: $0.id, end: $0.right, weight: $0.weight) }, passes: passes, descending: true)
            (lower, lowerPivot) = Self.pivot(reaches.map { (id: $0.id, end: $0.left, weight: $0.weight) }, passes: passes, descending: false)
        }
        // Every acceptance interval contains q; guard against rounding all the same.
        lower = Swift.min(lower, statusQuo)
        upper = Swift.max(upper, statusQuo)
        if let bounds {
            if lower < bounds.lowerBound { (lower, lowerPivot) = (Swift.min(bounds.lowerBound, statusQuo), nil) }
            if upper > bounds.upperBound { (upper, upperPivot) = (Swift.max(bounds.upperBound, statusQuo), nil) }
        }
        self.statusQuo = statusQuo
        self.lower = lower
        self.upper = upper
        self.lowerPivot = lowerPivot
        self.upperPivot = upperPivot
    }

    /// The farthest end (largest right end when `descending`, else smallest left end) that
    /// voters holding passing weight all reach: the pivotal voter's end.
    private static func pivot(
        _ ends: [(id: String, end: Double, weight: Double)], passes: (Double) -> Bool, descending: Bool
    ) -> (Double, String?) {
        let sorted = ends.enumerated().sorted { a, b in
            a.element.end != b.element.end ? (descending ? a.element.end > b.element.end : a.element.end < b.element.end) : a.offset < b.offset
        }
        var cumulative = 0.0
        for entry in sorted {
            cumulative += entry.element.weight
            if passes(cumulative) { return (entry.element.end, entry.element.end.isFinite ? entry.element.id : nil) }
        }
        // No set of voters passes (a strict share the whole weight cannot beat): the caller clamps to {q}.
        return (descending ? -.infinity : .infinity, nil)
    }

    /// Whether `x` is in the win-set.
    public func contains(_ x: Double) -> Bool { lower <= x && x <= upper }

    /// Whether the win-set is only the status quo (gridlock).
    public var isStatusQuoOnly: Bool { lower == statusQuo && upper == statusQuo }

    /// The setter's proposal: the point of the win-set nearest `setterIdeal`, which the forum
    /// accepts; `statusQuo` when the win-set is {q}.
    public func proposal(setterIdeal: Double) -> Double {
        isStatusQuoOnly ? statusQuo : Swift.min(Swift.max(setterIdeal, lower), upper)
    }
}
