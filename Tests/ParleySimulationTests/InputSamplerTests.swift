import ParleyCore
import ParleySimulation
import Testing

@Suite struct InputSamplerTests {
    func scenario(uncertainty: Uncertainty?, positionSpread: Spread? = nil) throws -> Scenario {
        let issue = try PolicyIssue(id: "x", name: "X", scale: .percent)
        let parties = try [(95.0, 90.0, 50.0), (50, 50, 20), (5, 10, 80)].enumerated().map { index, values in
            try Stakeholder(id: "s\(index)", name: "S\(index)", capability: values.2, stances: [
                Stance(issue: "x", position: values.0, salience: values.1, positionSpread: index == 1 ? positionSpread : nil),
            ])
        }
        return try Scenario(name: "t", issues: [issue], stakeholders: parties, uncertainty: uncertainty)
    }

    @Test func noUncertaintyMeansNoChange() throws {
        let s = try scenario(uncertainty: nil)
        var stream = RandomStream(seed: 1, purpose: "monte-carlo")
        #expect(try InputSampler(scenario: s).draw(using: &stream) == s)
    }

    @Test func sameSeedSameReplicateAndDrawsStayValid() throws {
        let s = try scenario(uncertainty: Uncertainty(position: .sd(30), salience: .sd(40), capability: .relativeSD(1)))
        let sampler = InputSampler(scenario: s)
        for index in 0..<500 as Range<UInt64> {
            var a = RandomStream(seed: 9, index: index, purpose: "monte-carlo")
            var b = RandomStream(seed: 9, index: index, purpose: "monte-carlo")
            let first = try sampler.draw(using: &a)
            #expect(first == (try sampler.draw(using: &b)))
            for stakeholder in first.stakeholders {
                #expect(stakeholder.capability >= 0)
                for stance in stakeholder.stances {
                    #expect((0...100).contains(stance.position))
                    #expect((0...100).contains(stance.salience))
                }
            }
        }
    }

    @Test func eachDrawTakesOneWordSoSpreadsDoNotShiftOtherFields() throws {
        // Giving stakeholder 1 a position spread must not change anyone else's draws.
        let base = try scenario(uncertainty: Uncertainty(salience: .sd(5)))
        let spread = try scenario(uncertainty: Uncertainty(salience: .sd(5)), positionSpread: .range(lower: 40, upper: 60))
        var a = RandomStream(seed: 3, purpose: "monte-carlo")
        var b = RandomStream(seed: 3, purpose: "monte-carlo")
        let x = try InputSampler(scenario: base).draw(using: &a)
        let y = try InputSampler(scenario: spread).draw(using: &b)
        #expect(x.stakeholders.map { $0.stances[0].salience } == y.stakeholders.map { $0.stances[0].salience })
        #expect(x.stakeholders[1].stances[0].position == 50)
        #expect((40...60).contains(y.stakeholders[1].stances[0].position))
        #expect(InputSampler(scenario: base).wordsPerReplicate == 12)  // 3 x (1 capability + 3 per stance)
        #expect(a.next() == b.next())  // both consumed exactly 12 words
    }

    @Test func rangeDrawsAreUniform() throws {
        let s = try scenario(uncertainty: nil, positionSpread: .range(lower: 40, upper: 60))
        let sampler = InputSampler(scenario: s)
        var stream = RandomStream(seed: 11, purpose: "monte-carlo")
        var sum = 0.0
        let n = 20_000
        for _ in 0..<n { sum += try sampler.draw(using: &stream).stakeholders[1].stances[0].position }
        // Uniform on [40, 60]: mean 50, sd 20/sqrt(12) = 5.77; standard error 0.041, allow 5 of them.
        #expect(abs(sum / Double(n) - 50) < 0.2)
    }
}
