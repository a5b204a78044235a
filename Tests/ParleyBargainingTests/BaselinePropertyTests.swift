import Foundation
import ParleyBargaining
import ParleyCore
import PropertyBased
import Testing

@Suite struct BaselinePropertyTests {
    @Test func weightedMeanLiesWithinThePositions() async {
        await propertyCheck(count: 200, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 1...30)) { seed, size in
            guard let s = SyntheticScenario.make(stakeholders: size, issues: 2, seed: seed),
                  let run = try? WeightedMeanModel().run(s) else {
                Issue.record("generation failed for seed \(seed)")
                return
            }
            for issue in s.issues {
                let positions = s.stakeholders.compactMap { $0.stance(on: issue.id)?.position }
                guard let value = run.value(for: issue.id), let low = positions.min(), let high = positions.max() else { continue }
                #expect(value >= low - 1e-9 && value <= high + 1e-9)
            }
        }
    }

    @Test func weightedMeanIgnoresTheUnitOfCapability() async {
        await propertyCheck(count: 200, input: Gen.uint64(in: 0...UInt64.max), Gen.double(in: 0.001...1000)) { seed, factor in
            guard let s = SyntheticScenario.make(stakeholders: 12, issues: 3, seed: seed) else { return }
            guard let scaled = try? s.with(stakeholders: s.stakeholders.map {
                try Stakeholder(id: $0.id, name: $0.name, capability: $0.capability * factor, stances: $0.stances)
            }) else {
                Issue.record("rescaling failed")
                return
            }
            let before = try? WeightedMeanModel().run(s)
            let after = try? WeightedMeanModel().run(scaled)
            for issue in s.issues {
                let a = before?.value(for: issue.id) ?? .nan
                let b = after?.value(for: issue.id) ?? .nan
                #expect(abs(a - b) <= 1e-9 * max(1, abs(a)), "scaling capabilities by \(factor) moved \(issue.id)")
            }
        }
    }

    @Test func weightedMedianIsOneOfThePositions() async {
        await propertyCheck(count: 200, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 1...30)) { seed, size in
            guard let s = SyntheticScenario.make(stakeholders: size, issues: 2, seed: seed),
                  let run = try? WeightedMedianModel().run(s) else { return }
            for issue in s.issues {
                let positions = Set(s.stakeholders.compactMap { $0.stance(on: issue.id)?.position })
                guard let value = run.value(for: issue.id) else { continue }
                #expect(positions.contains(value))
            }
        }
    }

    @Test func nashSolutionIsOnTheScaleAndBeatsItsNeighbours() async {
        await propertyCheck(count: 100, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 1...20)) { seed, size in
            guard let s = SyntheticScenario.make(stakeholders: size, issues: 1, seed: seed),
                  let issue = s.issues.first, let run = try? NashBargainingModel().run(s),
                  let x = run.value(for: issue.id) else { return }
            #expect(issue.scale.contains(x))
            // Optimality: the weighted log-Nash product is no higher a step to either side.
            let parties = IssueWeights(scenario: s, issue: issue).entries
            func objective(_ y: Double) -> Double {
                var sum = 0.0
                for p in parties {
                    let reservation: Double = max(p.position - issue.scale.min, issue.scale.max - p.position)
                    let gain: Double = max(reservation - abs(y - p.position), Double.leastNonzeroMagnitude)
                    sum += p.weight * Foundation.log(gain)
                }
                return sum
            }
            for step in [0.5, 0.01] {
                if x - step >= issue.scale.min { #expect(objective(x) >= objective(x - step) - 1e-9) }
                if x + step <= issue.scale.max { #expect(objective(x) >= objective(x + step) - 1e-9) }
            }
        }
    }
}
