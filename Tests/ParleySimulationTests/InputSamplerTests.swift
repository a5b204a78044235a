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

    @Test func aDefaultRangeIsUniform() throws {
        // A scenario-wide range has no point of its own: uniform, even for an off-centre position (95).
        let issue = try PolicyIssue(id: "x", name: "X", scale: .percent)
        let party = try Stakeholder(id: "s", name: "S", capability: 1, stances: [Stance(issue: "x", position: 45, salience: 50)])
        let s = try Scenario(name: "t", issues: [issue], stakeholders: [party], uncertainty: Uncertainty(position: .range(lower: 40, upper: 60)))
        let sampler = InputSampler(scenario: s)
        var stream = RandomStream(seed: 11, purpose: "monte-carlo")
        var sum = 0.0
        let n = 20_000
        for _ in 0..<n { sum += try sampler.draw(using: &stream).stakeholders[0].stances[0].position }
        // Uniform on [40, 60]: mean 50, sd 20/sqrt(12) = 5.77; standard error 0.041, allow 5 of them.
        #expect(abs(sum / Double(n) - 50) < 0.2)
    }

    @Test func aRangeWithAPointIsTriangularWithItsModeThere() throws {
        // Position 50 with range [40, 80]: triangular(a 40, c 50, b 80), mean (40+50+80)/3 = 56.667,
        // variance (a²+b²+c²-ab-ac-bc)/18 = (1600+6400+2500-3200-2000-4000)/18 = 72.2, sd 8.50;
        // standard error over 20,000 draws 0.060, allow 5 of them. A uniform draw would average 60.
        // The median: F(c) = 10/40 = 0.25 < 0.5, so median = b - sqrt(0.5*40*30) = 80 - 24.495 = 55.505.
        let s = try scenario(uncertainty: nil, positionSpread: .range(lower: 40, upper: 80))
        let sampler = InputSampler(scenario: s)
        var stream = RandomStream(seed: 11, purpose: "monte-carlo")
        var draws: [Double] = []
        for _ in 0..<20_000 { draws.append(try sampler.draw(using: &stream).stakeholders[1].stances[0].position) }
        let mean: Double = draws.reduce(0, +) / Double(draws.count)
        let expectedMean: Double = 170.0 / 3
        #expect(abs(mean - expectedMean) < 0.3)
        #expect(draws.allSatisfy { (40...80).contains($0) })
        let below = Double(draws.filter { $0 < 55.505 }.count) / Double(draws.count)
        #expect(abs(below - 0.5) < 0.02)
    }

    @Test(arguments: [(0.0, 40.0), (0.25, 50.0), (1.0, 80.0), (0.5, 80 - 600.0.squareRoot())])
    func triangularQuantilesByHand(u: Double, expected: Double) {
        // a 40, c 50, b 80: F(50) = 0.25; above it x = 80 - sqrt((1-u)*40*30).
        #expect(abs(InputSampler.triangularQuantile(u, lower: 40, mode: 50, upper: 80, within: 0...100) - expected) < 1e-9)
    }

    @Test func triangularIsTruncatedToTheValidRange() {
        // Range [-20, 20], mode 0, on a 0-100 scale: conditioned on [0, 20], the median solves
        // 1 - (20-x)²/800 = 0.5 + 0.5*0.5 = 0.75, so x = 20 - sqrt(200) = 5.858.
        #expect(abs(InputSampler.triangularQuantile(0.5, lower: -20, mode: 0, upper: 20, within: 0...100) - (20 - 200.0.squareRoot())) < 1e-9)
    }

    @Test func observedOutcomesComeFromTheirOwnStream() throws {
        let ranged = try PolicyIssue(id: "x", name: "X", scale: .percent, observed: ObservedOutcome(value: 60, range: 43...65))
        let fixed = try PolicyIssue(id: "y", name: "Y", scale: .percent, observed: ObservedOutcome(value: 30))
        let open = try PolicyIssue(id: "z", name: "Z", scale: .percent)
        let party = try Stakeholder(id: "s", name: "S", capability: 1, stances: [Stance(issue: "x", position: 50, salience: 50)])
        let s = try Scenario(name: "t", issues: [ranged, fixed, open], stakeholders: [party], uncertainty: Uncertainty(position: .sd(5)))
        let sampler = InputSampler(scenario: s)
        var inputs = RandomStream(seed: 5, index: 3, purpose: InputSampler.inputPurpose)
        var alone = RandomStream(seed: 5, index: 3, purpose: InputSampler.inputPurpose)
        var observedStream = RandomStream(seed: 5, index: 3, purpose: InputSampler.observedPurpose)
        let observed = sampler.drawObserved(using: &observedStream)
        // Drawing the outcomes does not move the input draws.
        #expect(try sampler.draw(using: &inputs) == (try sampler.draw(using: &alone)))
        #expect(observed.count == 3 && observed[1] == 30 && observed[2] == nil)
        let x = try #require(observed[0])
        #expect((43...65).contains(x))
        // Triangular(43, 60, 65): mean (43+60+65)/3 = 56; sd sqrt((43²+65²+60²-43*65-43*60-65*60)/18) = 4.69.
        var stream = RandomStream(seed: 8, purpose: InputSampler.observedPurpose)
        var sum = 0.0
        for _ in 0..<20_000 { sum += sampler.drawObserved(using: &stream)[0] ?? 0 }
        #expect(abs(sum / 20_000 - 56) < 0.2)  // 5 standard errors of 0.033
        var check = RandomStream(seed: 8, purpose: InputSampler.observedPurpose)
        for _ in 0..<60_000 { _ = check.next() }  // one word per issue per replicate
        #expect(stream.next() == check.next())
    }

    @Test func drawsFromCodingsPickEachCoderAndLeaveOtherDrawsAlone() throws {
        let issue = try PolicyIssue(id: "x", name: "X", scale: .percent)
        let coded = try Stance(issue: "x", position: 50, salience: 50, codings: [
            Coding(coder: "c1", position: 20, salience: 40), Coding(coder: "c2", position: 80, salience: 60),
        ])
        let parties = [
            try Stakeholder(id: "a", name: "A", capability: 10, stances: [coded]),
            try Stakeholder(id: "b", name: "B", capability: 10, stances: [Stance(issue: "x", position: 30, salience: 50)]),
        ]
        let s = try Scenario(name: "t", issues: [issue], stakeholders: parties, uncertainty: Uncertainty(capability: .relativeSD(0.2)))
        let plain = InputSampler(scenario: s)
        let coders = InputSampler(scenario: s, drawsFromCodings: true)
        #expect(coders.wordsPerReplicate == plain.wordsPerReplicate + 1)
        var seen: [Double: Int] = [:]
        for index in 0..<2_000 as Range<UInt64> {
            var a = RandomStream(seed: 2, index: index, purpose: InputSampler.inputPurpose)
            var b = RandomStream(seed: 2, index: index, purpose: InputSampler.inputPurpose)
            let x = try plain.draw(using: &a)
            let y = try coders.draw(using: &b)
            // The capabilities are drawn from the same words; only the coded stance changes.
            #expect(x.stakeholders.map(\.capability) == y.stakeholders.map(\.capability))
            #expect(y.stakeholders[1].stances[0].position == 30)
            let stance = y.stakeholders[0].stances[0]
            let pair = [stance.position, stance.salience]
            #expect(pair == [20, 40] || pair == [80, 60])
            seen[stance.position, default: 0] += 1
        }
        // Each coder about half the time: 1000 ± 5 * sqrt(2000 * 0.25) = 1000 ± 112.
        #expect(abs((seen[20] ?? 0) - 1000) < 112)
    }
}
