import Foundation
import ParleyBargaining
import ParleyCore
import Testing

/// The EC car-emissions case: published figures and the replications' behaviours.
@Suite struct ExpectedUtilityECTests {
    static let issue = "standards-delay"

    /// jmckib's model run on this case for 10 rounds, as logged in dmasad's fork
    /// (github.com/dmasad/bdm-scholz-expected-utility-model, Example.log): Belgium, Luxembourg
    /// and Ireland after each round; every other state keeps its position.
    static let publishedLog: [(belgium: Double, luxembourg: Double, ireland: Double)] = [
        (8.415932315426764, 7.0, 4.0),
        (9.610859134120188, 8.415932315426764, 7.0),
        (9.961979590401311, 9.610859134120188, 8.415932315426764),
        (4.800881140632622, 9.961979590401311, 9.610859134120188),
        (5.524237694197356, 4.800881140632622, 9.961979590401311),
        (7.47204636191629, 5.524237694197356, 5.524237694197356),
        (8.824593855262423, 7.47204636191629, 7.47204636191629),
        (9.671129769802048, 8.824593855262423, 8.824593855262423),
        (4.144849062500606, 9.671129769802048, 9.671129769802048),
        (4.291541224979646, 4.144849062500606, 4.144849062500606),
    ]

    @Test func jmckibPresetReproducesThePublishedLog() throws {
        let run = try #require(try ExpectedUtilityModel(parameters: .jmckib).runIssues(try EUTestSupport.ec()).first)
        let ids = run.stakeholders
        let belgium = try #require(ids.firstIndex(of: "belgium"))
        let luxembourg = try #require(ids.firstIndex(of: "luxembourg"))
        let ireland = try #require(ids.firstIndex(of: "ireland"))
        for (offset, logged) in Self.publishedLog.enumerated() {
            let positions = run.positions[offset + 1]
            #expect(abs(positions[belgium] - logged.belgium) < 1e-12, "Belgium, round \(offset + 1)")
            #expect(abs(positions[luxembourg] - logged.luxembourg) < 1e-12, "Luxembourg, round \(offset + 1)")
            #expect(abs(positions[ireland] - logged.ireland) < 1e-12, "Ireland, round \(offset + 1)")
            for (index, position) in positions.enumerated() where ![belgium, luxembourg, ireland].contains(index) {
                #expect(position == run.positions[0][index])
            }
        }
        // The log's "Mean position" after round 1: 7.461314378277189.
        let weights = EUTestSupport.ecTable.map { $0.capability * $0.salience / 100 }
        let mean = zip(weights, run.positions[1]).map { $0 * $1 }.reduce(0, +) / weights.reduce(0, +)
        #expect(abs(mean - 7.461314378277189) < 1e-12)
    }

    @Test func jmckibPresetReproducesTheLoggedRoundOneUtilities() throws {
        let round = try ExpectedUtilityModel(parameters: .jmckib).round(on: Self.issue, of: try EUTestSupport.ec())
        let ids = round.stakeholders
        func offer(_ receiver: String, from proposer: String) throws -> ExpectedUtilityRound.Offer {
            let i = try #require(ids.firstIndex(of: receiver))
            let j = try #require(ids.firstIndex(of: proposer))
            return try #require(round.offers[i].first { $0.from == j })
        }
        // "Belgium compromises with France -0.11483050347300794 vs 0.2432965945234421"
        let belgium = try offer("belgium", from: "france")
        #expect(belgium.kind == .compromise)
        #expect(abs(belgium.ownExpectedUtility - -0.11483050347300794) < 1e-12)
        #expect(abs(belgium.opponentExpectedUtility - 0.2432965945234421) < 1e-12)
        // "Luxembourg loses confrontation to Belgium 0.24550922248250817 vs 0.542246100211495"
        let luxembourg = try offer("luxembourg", from: "belgium")
        #expect(luxembourg.kind == .confrontation)
        #expect(abs(luxembourg.ownExpectedUtility - 0.24550922248250817) < 1e-12)
        #expect(abs(luxembourg.opponentExpectedUtility - 0.542246100211495) < 1e-12)
        // "Ireland loses confrontation to Luxembourg 0.5382377664333493 vs 0.6824778252511178"
        let ireland = try offer("ireland", from: "luxembourg")
        #expect(ireland.kind == .confrontation)
        #expect(abs(ireland.ownExpectedUtility - 0.5382377664333493) < 1e-12)
        #expect(abs(ireland.opponentExpectedUtility - 0.6824778252511178) < 1e-12)
    }

    @Test func openingForecastsAreThePublishedMedianAndMean() throws {
        // Weighted median 7 and weighted mean 7.390 of the inputs (reference).
        let textbook = try #require(try ExpectedUtilityModel().runIssues(try EUTestSupport.ec()).first)
        #expect(textbook.forecasts[0] == 7)
        let mean = try #require(try ExpectedUtilityModel(parameters: .init(medianVoter: .mean)).runIssues(try EUTestSupport.ec()).first)
        #expect(abs((mean.forecasts[0] ?? 0) - 7.389955686853767) < 1e-12)
        #expect(abs((mean.forecasts[0] ?? 0) - 7.390) < 5e-4)
    }

    /// "one converges to 7.0, one drifts without converging, one falls into a two-round cycle".
    @Test func theReplicationsDisagreeAsReported() throws {
        let scenario = try EUTestSupport.ec()
        let textbook = try #require(try ExpectedUtilityModel(parameters: .textbook).runIssues(scenario).first)
        #expect(textbook.stopReason.isConverged)
        #expect(textbook.finalForecast == 7)
        for position in textbook.positions.last ?? [] { #expect(abs(position - 7) < 0.001) }

        // dmasad: Luxembourg flips between 4 and 10 every round (a two-round pattern) while
        // Ireland drifts; the whole orbit closes within tolerance after 18 rounds.
        let dmasad = try #require(try ExpectedUtilityModel(parameters: .dmasad).runIssues(scenario).first)
        let luxembourg = try #require(dmasad.stakeholders.firstIndex(of: "luxembourg"))
        for t in 1...20 { #expect(dmasad.positions[t][luxembourg] == (t.isMultiple(of: 2) ? 4 : 10)) }
        guard case .cycle(let start, let period) = dmasad.stopReason else {
            Issue.record("dmasad: expected a cycle, got \(dmasad.stopReason)")
            return
        }
        #expect(period.isMultiple(of: 2))
        let tolerance = 1e-6 * 6
        let back = zip(dmasad.positions[start], dmasad.positions[start + period]).map { abs($0 - $1) }.max() ?? .infinity
        #expect(back <= tolerance)

        // jmckib: Belgium keeps swinging across the whole scale; positions never settle.
        let jmckib = try #require(try ExpectedUtilityModel(parameters: .jmckib).runIssues(scenario).first)
        #expect(!jmckib.stopReason.isConverged)
        let belgium = try #require(jmckib.stakeholders.firstIndex(of: "belgium"))
        let swings = (1..<jmckib.positions.count).filter { abs(jmckib.positions[$0][belgium] - jmckib.positions[$0 - 1][belgium]) > 3 }
        #expect(swings.count >= 10)
    }

    @Test func capabilityUnitDoesNotMatter() throws {
        // Capabilities enter only through ratios of votes, so scaling them all changes nothing.
        for preset in ExpectedUtilityModel.Parameters.presets {
            var parameters = preset.parameters
            parameters.roundLimit = 40
            let model = ExpectedUtilityModel(parameters: parameters)
            let base = try #require(try model.runIssues(try EUTestSupport.ec()).first)
            let scaled = try #require(try model.runIssues(try EUTestSupport.ec(capabilityFactor: 250)).first)
            #expect(base.stopReason == scaled.stopReason, "\(preset.name)")
            for (a, b) in zip(base.positions, scaled.positions) {
                for (x, y) in zip(a, b) { #expect(abs(x - y) < 1e-9, "\(preset.name)") }
            }
        }
    }
}
