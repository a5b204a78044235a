import ParleyBargaining
import ParleyCore
import Testing

/// The dynamic models stop when their computation is cancelled (see `Cancellation`), and run
/// exactly as before when a token is bound but never set.
@Suite struct ModelCancellationTests {
    static let scenario = SyntheticScenario.make(stakeholders: 10, issues: 3, seed: 11)

    static func cancelled() -> CancellationToken {
        let token = CancellationToken()
        token.cancel()
        return token
    }

    @Test(arguments: ["expected-utility", "exchange", "spatial", "ensemble"])
    func aCancelledRunThrowsAndALiveTokenChangesNothing(name: String) throws {
        let scenario = try #require(Self.scenario)
        let model = try #require(ModelCatalog.model(named: name))
        let plain = try model.run(scenario)
        let bound = try Cancellation.$current.withValue(CancellationToken()) { try model.run(scenario) }
        #expect(bound == plain)
        do {
            _ = try Cancellation.$current.withValue(Self.cancelled()) { try model.run(scenario) }
            Issue.record("\(name) ran to the end although its computation was cancelled")
        } catch let error as ModelError {
            #expect(error.message == Cancellation.message)
            // The ensemble stops before its first member.
            #expect(error.model == (name == "ensemble" ? "weighted-mean" : name))
        }
    }

    @Test func runningAListStopsBeforeTheNextModel() throws {
        let scenario = try #require(Self.scenario)
        #expect(throws: ModelError.cancelled("weighted-mean")) {
            try Cancellation.$current.withValue(Self.cancelled()) { try ModelRunner.runAll(ModelCatalog.all, on: scenario) }
        }
        let plain = try ModelRunner.runAll(ModelCatalog.all, on: scenario)
        #expect(try Cancellation.$current.withValue(CancellationToken()) { try ModelRunner.runAll(ModelCatalog.all, on: scenario) } == plain)
    }
}
