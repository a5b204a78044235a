import ParleyBargaining
import ParleyCore
import Testing

/// Two parties, two issues on 0-100, capability 1 each: A at (100, 100) with saliences 80/20,
/// B at (0, 0) with saliences 20/80.
private func twoParties() throws -> Scenario {
    let issues = try ["p", "q"].map { try PolicyIssue(id: $0, name: $0, scale: .percent) }
    let a = try Stakeholder(id: "a", name: "A", capability: 1, stances: [
        Stance(issue: "p", position: 100, salience: 80), Stance(issue: "q", position: 100, salience: 20)])
    let b = try Stakeholder(id: "b", name: "B", capability: 1, stances: [
        Stance(issue: "p", position: 0, salience: 20), Stance(issue: "q", position: 0, salience: 80)])
    return try Scenario(name: "two", issues: issues, stakeholders: [a, b])
}

@Suite struct ExchangeModelTests {
    @Test func handComputedTwoPartyExchange() throws {
        let run = try ExchangeModel(parameters: .init(rounds: 2)).simulate(try twoParties())
        // Round 1. NBS p = (100*0.8 + 0*0.2)/1 = 80, q = (100*0.2 + 0*0.8)/1 = 20; A is right of
        // both, B left of both: one A-D pair. A's ratio s_p/s_q = 4 > B's 0.25, so A demands p.
        // B moves all the way on p (0 -> 100): NBS shift dp = 100*0.2/1 = 20; equal gain needs
        // dq = dp (0.2+0.8)/(0.8+0.2) = 20, i.e. A moves 20/0.2 = 100 on q (100 -> 0).
        // Gain = |20*0.2 - 20*0.8| = 12 for each.
        let first = run.rounds[0]
        #expect(first.candidateCount == 1)
        #expect(first.exchanges.count == 1)
        let exchange = try #require(first.exchanges.first)
        #expect(abs(exchange.gain - 12) < 1e-12)
        #expect(exchange.moves.map(\.stakeholder) == ["a", "b"])
        #expect(exchange.moves.map(\.issue) == ["q", "p"])
        #expect(exchange.moves.map(\.to) == [0, 100])
        // Voting NBS: p = (100*0.8 + 100*0.2) = 100, q = 0.
        #expect(first.votingOutcome.map(\.value) == [100, 0])
        // New start with w = (1 - 0.2)*0.4 + 0.1 = 0.42: A on q 0.58*100 = 58, B on p 0.42*100 = 42.
        let afterFirst = run.modelRun.trajectory.rounds[1]
        #expect(abs((afterFirst.position(of: "a", on: "q") ?? .nan) - 58) < 1e-12)
        #expect(abs((afterFirst.position(of: "b", on: "p") ?? .nan) - 42) < 1e-12)
        // Round 2: dp = (100 - 42)*0.2 = 11.6 = dq; gain = |11.6*0.2 - 11.6*0.8| = 6.96; both move
        // all the way again, so A starts round 3 at 0.58*58 = 33.64 and B at 42 + 0.42*58 = 66.36.
        #expect(abs(run.rounds[1].exchanges[0].gain - 6.96) < 1e-12)
        let afterSecond = run.modelRun.trajectory.rounds[2]
        #expect(abs((afterSecond.position(of: "a", on: "q") ?? .nan) - 33.64) < 1e-12)
        #expect(abs((afterSecond.position(of: "b", on: "p") ?? .nan) - 66.36) < 1e-12)
        #expect(run.modelRun.stopReason == .roundLimit(2))
        #expect(run.modelRun.outcomes.map(\.value) == [100, 0])
        // The forecast per round is the voting NBS.
        #expect(run.modelRun.trajectory.rounds[1].forecast.map(\.value) == [100, 0])
    }

    @Test func oneIssueHasNothingToTradeAndConverges() throws {
        // EC car emissions as one issue: no pair of issues, no exchange; the forecast is the NBS,
        // the weighted mean 7.390 of the reference material.
        let fixture = try DecideFixture.load("ec-car-emissions.json")
        let run = try ExchangeModel().simulate(try fixture.scenario())
        #expect(run.modelRun.stopReason == .converged(round: 1))
        #expect(run.rounds.count == 1)
        #expect(abs((run.modelRun.value(for: "standards-delay") ?? .nan) - 7.390) < 5e-4)
    }

    @Test func zeroWeightStancesTakeNoPartAndDoNotCrash() throws {
        // decide divides by zero here; Parley leaves the stance out of exchanges.
        let issues = try ["p", "q"].map { try PolicyIssue(id: $0, name: $0, scale: .percent) }
        let a = try Stakeholder(id: "a", name: "A", capability: 1, stances: [
            Stance(issue: "p", position: 100, salience: 80), Stance(issue: "q", position: 100, salience: 0)])
        let b = try Stakeholder(id: "b", name: "B", capability: 0, stances: [
            Stance(issue: "p", position: 0, salience: 20), Stance(issue: "q", position: 0, salience: 80)])
        let scenario = try Scenario(name: "zero", issues: issues, stakeholders: [a, b])
        let run = try ExchangeModel().simulate(scenario)
        #expect(run.rounds[0].candidateCount == 0)
        #expect(run.modelRun.outcomes.map(\.value) == [100, nil])
    }

    @Test func badParametersAreTypedErrors() {
        for parameters in [ExchangeModel.Parameters(rounds: 0), .init(randomization: 1.5), .init(salienceWeight: 0.95, fixedWeight: 0.1)] {
            #expect(throws: ModelError.self) { try ExchangeModel(parameters: parameters).run(try twoParties()) }
        }
    }

    @Test func sameSeedSameRunAndDrawsOnlyWhenAsked() throws {
        let scenario = try #require(SyntheticScenario.make(stakeholders: 6, issues: 4, seed: 7))
        let randomized = ExchangeModel(parameters: .init(rounds: 3, randomization: 0.5, seed: 42))
        #expect(try randomized.simulate(scenario) == randomized.simulate(scenario))
        // The equal-gain model with the list-order tie rule draws nothing.
        var draws = WeylWords()
        _ = try ExchangeModel(parameters: .init(rounds: 3)).simulate(scenario, draws: &draws)
        #expect(draws.count == 0)
    }

    @Test(arguments: [UInt64(1), 2, 3]) func invariantsOnGeneratedScenarios(seed: UInt64) throws {
        let scenario = try #require(SyntheticScenario.make(stakeholders: 8, issues: 5, seed: seed))
        let run = try ExchangeModel(parameters: .init(rounds: 4)).simulate(scenario)
        #expect(run.modelRun.trajectory.rounds.count == run.rounds.count + 1)
        for round in run.rounds {
            for exchange in round.exchanges {
                #expect(exchange.gain >= 1e-10)
                for move in exchange.moves {
                    // Voting positions stay on the scale; each party gives way on its own supply issue.
                    #expect((-1e-9...100 + 1e-9).contains(move.to))
                    #expect(move.issue != move.demandIssue)
                }
            }
            // Every forecast is an NBS, inside the range of the voting positions.
            for value in round.votingOutcome {
                let votes = round.votingPositions.compactMap { $0.values.first { $0.issue == value.issue }?.value }
                #expect(value.value >= (votes.min() ?? 0) - 1e-9 && value.value <= (votes.max() ?? 0) + 1e-9)
            }
        }
    }
}
