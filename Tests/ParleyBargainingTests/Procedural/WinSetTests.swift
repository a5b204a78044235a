import ParleyBargaining
import ParleyCore
import PropertyBased
import Testing

@Suite struct WinSetTests {
    func voters(_ list: [(String, Double, Double)]) -> [WinSetVoter] {
        list.map { WinSetVoter(id: $0.0, ideal: $0.1, weight: $0.2) }
    }

    @Test func unanimityWithoutCostGridlocks() throws {
        // q = 40, ideals 20, 50, 70: acceptance intervals [p - |q - p|, p + |q - p|]:
        // [0, 40], [40, 60], [40, 100]; their intersection is {40}: gridlock, the outcome is q.
        let set = try WinSet(voters: voters([("a", 20, 1), ("b", 50, 1), ("c", 70, 1)]), statusQuo: 40, rule: .unanimity)
        #expect(set.lower == 40 && set.upper == 40)
        #expect(set.isStatusQuoOnly)
        #expect(set.proposal(setterIdeal: 90) == 40)
    }

    @Test func unanimityWithCostOpensTheWinSet() throws {
        // Same forum, cost c = 5: radii 25, 15, 35: [-5, 45], [35, 65], [35, 105]; intersection [35, 45].
        // The setter at 90 gets 45 (the pivot 'a' at 20 accepts up to 20 + 25); at 0 it gets 35.
        let set = try WinSet(voters: voters([("a", 20, 1), ("b", 50, 1), ("c", 70, 1)]), statusQuo: 40, cost: 5, rule: .unanimity)
        #expect(set.lower == 35 && set.upper == 45)
        #expect(set.upperPivot == "a")
        #expect(set.proposal(setterIdeal: 90) == 45)
        #expect(set.proposal(setterIdeal: 0) == 35)
        #expect(set.proposal(setterIdeal: 41.5) == 41.5)
    }

    @Test func unanimitySetterGetsTheNearestVetoPlayersReflection() throws {
        // q = 10, veto players at 30 and 50: [10, 50] and [10, 90]; intersection [10, 50].
        // The setter at 60 proposes 50 = 2 * 30 - 10 (Romer-Rosenthal: the pivot's reflection of q).
        let set = try WinSet(voters: voters([("a", 30, 5), ("b", 50, 1)]), statusQuo: 10, rule: .unanimity)
        #expect(set.lower == 10 && set.upper == 50)
        #expect(set.upperPivot == "a")
        #expect(set.proposal(setterIdeal: 60) == 50)
    }

    @Test func simpleMajorityOfWeight() throws {
        // q = 50, c = 0; a: p 10 w 30 -> [-30, 50]; b: p 40 w 30 -> [30, 50]; c: p 80 w 40 -> [50, 110].
        // Quota 0.5 * 100 = 50. Right ends, descending: 110 (40), 50 (70 >= 50) -> upper 50.
        // Left ends, ascending: -30 (30), 30 (60 >= 50) -> lower 30, pivot b.
        // Check x = 30: a (|30-10| = 20 <= 40) and b (10 <= 10) accept: 60 >= 50. x = 29.9: only a: 30 < 50.
        let set = try WinSet(voters: voters([("a", 10, 30), ("b", 40, 30), ("c", 80, 40)]), statusQuo: 50, rule: .atLeast(0.5))
        #expect(set.lower == 30 && set.upper == 50)
        #expect(set.lowerPivot == "b")
        #expect(set.proposal(setterIdeal: 0) == 30)
        // A setter to the right gets nothing: a and b (60) block any move right of q.
        #expect(set.proposal(setterIdeal: 100) == 50)
    }

    @Test func aTieIsNotMoreThanHalf() throws {
        // a: p 10 w 50 -> [-30, 50]; b: p 90 w 50 -> [50, 130]; q = 50.
        // More than half (50): right ends 130 (50: not > 50), 50 (100) -> upper 50; left likewise -> lower 50: {q}.
        // At least half: 130 (50 >= 50) -> upper 130; -30 (50) -> lower -30; the setter at 0 gets 0 with a's half.
        let forum = voters([("a", 10, 50), ("b", 90, 50)])
        let strict = try WinSet(voters: forum, statusQuo: 50, rule: .moreThan(0.5))
        #expect(strict.isStatusQuoOnly)
        let weak = try WinSet(voters: forum, statusQuo: 50, rule: .atLeast(0.5))
        #expect(weak.lower == -30 && weak.upper == 130)
        #expect(weak.proposal(setterIdeal: 0) == 0)
    }

    @Test func qualifiedMajorityGridlocksWithoutCostAndMovesWithIt() throws {
        let forum = voters([("a", 10, 30), ("b", 40, 30), ("c", 80, 40)])
        // Quota 65. Right: 110 (40), 50 (70 >= 65) -> 50. Left: -30 (30), 30 (60), 50 (100 >= 65) -> 50. {q}.
        let classic = try WinSet(voters: forum, statusQuo: 50, rule: .atLeast(0.65))
        #expect(classic.isStatusQuoOnly)
        #expect(classic.proposal(setterIdeal: 0) == 50)
        // c = 10: a [-40, 60], b [20, 60], c [40, 120]. Right: 120 (40), 60 (70 >= 65) -> 60.
        // Left: -40 (30), 20 (60), 40 (100 >= 65) -> 40. Win-set [40, 60].
        let costly = try WinSet(voters: forum, statusQuo: 50, cost: 10, rule: .atLeast(0.65))
        #expect(costly.lower == 40 && costly.upper == 60)
        #expect(costly.proposal(setterIdeal: 0) == 40)
        #expect(costly.proposal(setterIdeal: 100) == 60)
    }

    @Test func indifferentMembersAcceptAnythingAndBoundsCut() throws {
        // An indifferent member (no stance) reaches everywhere; alone with a veto player at 30 and q = 10
        // the win-set is [10, 50]; cut to the scale 0...40 it is [10, 40].
        let set = try WinSet(voters: [WinSetVoter(id: "x", ideal: nil, weight: 1), WinSetVoter(id: "a", ideal: 30, weight: 1)],
                             statusQuo: 10, rule: .unanimity, bounds: 0...40)
        #expect(set.lower == 10 && set.upper == 40)
        #expect(set.upperPivot == nil)
    }

    @Test(arguments: [
        (WinSetRule.atLeast(0), WinSetError.Code.thresholdOutOfRange),
        (WinSetRule.atLeast(1.5), WinSetError.Code.thresholdOutOfRange),
        (WinSetRule.moreThan(1), WinSetError.Code.thresholdOutOfRange),
        (WinSetRule.moreThan(.nan), WinSetError.Code.thresholdOutOfRange),
    ])
    func badInputsAreTypedErrors(rule: WinSetRule, code: WinSetError.Code) {
        #expect(throws: WinSetError.self) { try WinSet(voters: [WinSetVoter(id: "a", ideal: 1, weight: 1)], statusQuo: 0, rule: rule) }
        do {
            _ = try WinSet(voters: [WinSetVoter(id: "a", ideal: 1, weight: 1)], statusQuo: 0, rule: rule)
        } catch {
            #expect(error.code == code)
        }
    }

    @Test func otherBadInputs() {
        #expect(throws: WinSetError.self) { try WinSet(voters: [], statusQuo: 0, rule: .unanimity) }
        #expect(throws: WinSetError.self) { try WinSet(voters: voters([("a", 1, 1)]), statusQuo: 0, cost: -1, rule: .unanimity) }
        #expect(throws: WinSetError.self) { try WinSet(voters: voters([("a", 1, -1)]), statusQuo: 0, rule: .unanimity) }
        #expect(throws: WinSetError.self) { try WinSet(voters: voters([("a", 1, 0)]), statusQuo: 0, rule: .atLeast(0.5)) }
        #expect(throws: WinSetError.self) { try WinSet(voters: voters([("a", .nan, 1)]), statusQuo: 0, rule: .unanimity) }
    }

    /// A random forum on 0...100: 1-9 members, ideals and q on the scale, weights 0-10, cost 0-30.
    struct Forum {
        var voters: [WinSetVoter]
        var q: Double
        var cost: Double
        var setter: Double

        init(seed: UInt64) {
            var stream = RandomStream(seed: seed, purpose: "win-set-test")
            let n = Int(stream.nextInt(below: 9)) + 1
            // Round to a grid so ties between ends occur often.
            func point() -> Double { (stream.nextUniform(0, 100) / 5).rounded() * 5 }
            voters = (0..<n).map { WinSetVoter(id: "v\($0)", ideal: point(), weight: (stream.nextUniform(0, 10)).rounded()) }
            if voters.allSatisfy({ $0.weight == 0 }) { voters[0].weight = 1 }
            q = point()
            cost = stream.nextInt(below: 3) == 0 ? 0 : (stream.nextUniform(0, 30) / 5).rounded() * 5
            setter = point()
        }

        func accepts(_ voter: WinSetVoter, _ x: Double) -> Bool {
            guard let p = voter.ideal else { return true }
            return abs(x - p) <= abs(q - p) + cost
        }
    }

    @Test func unanimityWinSetIsTheIntersectionOfAcceptanceIntervals() async {
        await propertyCheck(count: 300, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            let forum = Forum(seed: seed)
            guard let set = try? WinSet(voters: forum.voters, statusQuo: forum.q, cost: forum.cost, rule: .unanimity) else {
                Issue.record("no win-set for seed \(seed)")
                return
            }
            // Brute force on a fine grid past both ends of the scale.
            for step in 0...1_000 {
                let x = -50 + Double(step) * 0.2
                let everyone = forum.voters.allSatisfy { forum.accepts($0, x) }
                #expect(set.contains(x) == everyone, "seed \(seed) x \(x)")
            }
            let outcome = set.proposal(setterIdeal: forum.setter)
            #expect(set.contains(outcome))
            if set.isStatusQuoOnly { #expect(outcome == forum.q) }
        }
    }

    @Test(arguments: [WinSetRule.atLeast(0.5), .atLeast(0.65), .atLeast(0.74), .atLeast(1), .moreThan(0.5), .moreThan(0.6), .moreThan(0)])
    func weightedWinSetIsWhereEnoughWeightAccepts(rule: WinSetRule) async {
        await propertyCheck(count: 150, input: Gen.uint64(in: 0...UInt64.max)) { seed in
            let forum = Forum(seed: seed)
            guard let set = try? WinSet(voters: forum.voters, statusQuo: forum.q, cost: forum.cost, rule: rule) else {
                Issue.record("no win-set for seed \(seed)")
                return
            }
            let total = forum.voters.reduce(0) { $0 + $1.weight }
            // Points on a 0.25 grid (every end is on a 5 grid) and the ends themselves.
            let points = (0...800).map { -50 + Double($0) * 0.25 } + [set.lower, set.upper]
            for x in points where x != forum.q {
                let weight = forum.voters.filter { forum.accepts($0, x) }.reduce(0) { $0 + $1.weight }
                // The documented relative tolerance of 1e-12 on the quota.
                let passes = switch rule {
                case .atLeast(let t): weight >= t * total * (1 - 1e-12)
                case .moreThan(let t): weight > t * total * (1 + 1e-12)
                case .unanimity: false
                }
                #expect(set.contains(x) == passes, "seed \(seed) x \(x): \(weight) of \(total)")
            }
            #expect(set.contains(forum.q))
            let outcome = set.proposal(setterIdeal: forum.setter)
            #expect(set.contains(outcome))
            #expect(abs(outcome - forum.setter) <= abs(forum.q - forum.setter), "the setter never proposes something it likes less than q")
            if set.isStatusQuoOnly { #expect(outcome == forum.q) }
        }
    }

    @Test func aLargeEnoughCostGivesTheSetterItsIdeal() async {
        await propertyCheck(count: 200, input: Gen.uint64(in: 0...UInt64.max), Gen.double(in: 0.1...0.99)) { seed, threshold in
            let forum = Forum(seed: seed)
            // Every ideal and the setter lie on 0...100, so with c = 100 every member accepts the setter's ideal.
            for rule in [WinSetRule.unanimity, .atLeast(threshold), .moreThan(threshold)] {
                let set = try? WinSet(voters: forum.voters, statusQuo: forum.q, cost: 100, rule: rule)
                #expect(set?.proposal(setterIdeal: forum.setter) == forum.setter)
            }
        }
    }
}
