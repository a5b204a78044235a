/// The positions, saliences and capabilities that one round of the exchange model works on,
/// every issue normalised to 0–100 as decide normalises it.
///
/// Arrays are indexed `[issue][stakeholder]` in scenario order. A stakeholder without a stance
/// on an issue has `present == false` there and is left out of that issue's NBS. Saliences are
/// on decide's 0–1 scale (Parley's 0–100 divided by 100); capabilities are Parley's as they are
/// (only their ratios enter the model).
struct ExchangeBoard<N: ExchangeNumber>: Sendable {
    let issueCount: Int
    let stakeholderCount: Int
    private(set) var position: [[N]]
    /// x·s·c per issue and stakeholder as decide multiplies it, (x·s)·c: every NBS sum takes
    /// these for the stakeholders that stay where the board has them.
    private var weighted: [[N]]
    /// Per issue, the running sums of `weighted` in decide's order (stakeholders with a stance,
    /// in scenario order): `prefix[issue][k]` is the sum over stakeholders before `k`, computed
    /// by exactly the additions an NBS sum makes, so a sum may start there.
    private var prefix: [[N]]
    let salience: [[N]]
    let power: [[N]]
    let present: [[Bool]]
    /// Σ c·s per issue over the stakeholders with a stance (decide's `nbs_denominators`).
    let denominator: [N]

    init(position: [[N]], salience: [[N]], power: [[N]], present: [[Bool]]) {
        self.position = position
        self.salience = salience
        self.power = power
        self.present = present
        let weighted = position.indices.map { issue in
            position[issue].indices.map { actor in position[issue][actor] * salience[issue][actor] * power[issue][actor] }
        }
        self.weighted = weighted
        issueCount = position.count
        stakeholderCount = position.first?.count ?? 0
        prefix = weighted.indices.map { issue in Self.runningSums(weighted[issue], present: present[issue]) }
        denominator = (0..<position.count).map { issue in
            var sum = N.zero
            for actor in 0..<(position.first?.count ?? 0) where present[issue][actor] {
                sum = sum + salience[issue][actor] * power[issue][actor]
            }
            return sum
        }
    }

    /// `other` with every number converted by `convert` (NBS sums recomputed in `N`).
    init<M: ExchangeNumber>(converting other: ExchangeBoard<M>, _ convert: (M) -> N) {
        self.init(position: other.position.map { $0.map(convert) }, salience: other.salience.map { $0.map(convert) },
                  power: other.power.map { $0.map(convert) }, present: other.present)
    }

    /// Puts `actor` at `value` on `issue`.
    mutating func move(_ actor: Int, on issue: Int, to value: N) {
        position[issue][actor] = value
        weighted[issue][actor] = value * salience[issue][actor] * power[issue][actor]
        prefix[issue] = Self.runningSums(weighted[issue], present: present[issue])
    }

    /// Makes every move of `moves` in order (a later one of the same stakeholder and issue
    /// wins), recomputing the running sums of each issue once.
    mutating func move(_ moves: [(actor: Int, issue: Int, value: N)]) {
        var touched = [Bool](repeating: false, count: issueCount)
        for (actor, issue, value) in moves {
            position[issue][actor] = value
            weighted[issue][actor] = value * salience[issue][actor] * power[issue][actor]
            touched[issue] = true
        }
        for issue in 0..<issueCount where touched[issue] {
            prefix[issue] = Self.runningSums(weighted[issue], present: present[issue])
        }
    }

    /// The sums of `terms` where `present`, before each index and in all (n + 1 values), added
    /// from 0 in order.
    private static func runningSums(_ terms: [N], present: [Bool]) -> [N] {
        var sums = [N.zero]
        sums.reserveCapacity(terms.count + 1)
        var sum = N.zero
        for (term, isPresent) in zip(terms, present) {
            if isPresent { sum = sum + term }
            sums.append(sum)
        }
        return sums
    }

    /// c·s of `actor` on `issue` (0 without a stance).
    func weight(_ issue: Int, _ actor: Int) -> N {
        present[issue][actor] ? salience[issue][actor] * power[issue][actor] : .zero
    }

    /// The NBS (capability × salience weighted mean) of `issue`, or `nil` when nobody weighs in.
    func nbs(_ issue: Int) -> N? {
        guard denominator[issue] > .zero else { return nil }
        var sum = N.zero
        for actor in 0..<stakeholderCount where present[issue][actor] {
            sum = sum + weighted[issue][actor]
        }
        return sum / denominator[issue]
    }

    /// The NBS of `issue` with the positions in `updates` and then `actor` at `position`
    /// (decide's `adjusted_nbs`: the actor's own position wins over an update).
    func adjustedNBS(_ issue: Int, updates: ExchangeUpdates<N>, actor: Int, position moved: N) -> N {
        guard denominator[issue] > .zero else { return .zero }
        // Up to the first stakeholder placed elsewhere the sum is the board's own.
        let first = updates.firstActor(on: issue, before: actor)
        var sum = prefix[issue][first]
        for other in first..<stakeholderCount where present[issue][other] {
            if let x = other == actor ? moved : updates.position(of: other, on: issue) {
                sum = sum + x * salience[issue][other] * power[issue][other]
            } else {
                sum = sum + weighted[issue][other]
            }
        }
        return sum / denominator[issue]
    }

    /// How far `actor` must move from `start` to put the NBS of `issue` at `target`: decide's
    /// `adjusted_nbs_by_position`, whose result is used as a distance. The actor sits at
    /// `start` unless `updates` place it elsewhere, and counts in the sum like everyone else.
    func moveToShiftNBS(_ issue: Int, updates: ExchangeUpdates<N>, actor: Int, start: N, target: N) -> N {
        let first = updates.firstActor(on: issue, before: actor)
        var sum = prefix[issue][first]
        for other in first..<stakeholderCount where present[issue][other] {
            if let x = updates.position(of: other, on: issue) ?? (other == actor ? start : nil) {
                sum = sum + x * salience[issue][other] * power[issue][other]
            } else {
                sum = sum + weighted[issue][other]
            }
        }
        return (target * denominator[issue] - sum) / (salience[issue][actor] * power[issue][actor])
    }
}

/// Positions that realised exchanges gave to other stakeholders, as one candidate exchange
/// sees them (decide's per-exchange `updates`). Only the candidate's two issues ever appear.
struct ExchangeUpdates<N: ExchangeNumber>: Sendable {
    private var entries: [(issue: Int, actor: Int, position: N)] = []

    func position(of actor: Int, on issue: Int) -> N? {
        for entry in entries where entry.issue == issue && entry.actor == actor {
            return entry.position
        }
        return nil
    }

    /// The first stakeholder with an update on `issue`, or `actor` if none comes before it.
    func firstActor(on issue: Int, before actor: Int) -> Int {
        var first = actor
        for entry in entries where entry.issue == issue && entry.actor < first { first = entry.actor }
        return first
    }

    /// These updates with every position converted by `convert`; `nil` when one does not convert.
    func converted<M: ExchangeNumber>(_ convert: (N) -> M?) -> ExchangeUpdates<M>? {
        var result = ExchangeUpdates<M>()
        for entry in entries {
            guard let position = convert(entry.position) else { return nil }
            result.entries.append((entry.issue, entry.actor, position))
        }
        return result
    }

    mutating func set(_ position: N, of actor: Int, on issue: Int) {
        if let index = entries.firstIndex(where: { $0.issue == issue && $0.actor == actor }) {
            entries[index].position = position
        } else {
            entries.append((issue, actor, position))
        }
    }
}
