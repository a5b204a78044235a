import ParleyCore
import ParleyGames
import Testing

/// The game solvers stop when their computation is cancelled (see `Cancellation`), and solve
/// exactly as before when a token is bound but never set.
@Suite struct SolverCancellationTests {
    static func cancelled() -> CancellationToken {
        let token = CancellationToken()
        token.cancel()
        return token
    }

    @Test(arguments: [SolveMethod.enumeration, .pure, .lemkeHowson, .lemkeHowsonAll, .logit, .simplicialSubdivision])
    func aCancelledSolveThrowsAndALiveTokenChangesNothing(method: SolveMethod) throws {
        let game = try HandGames.battle
        let plain = try GameSolver.solve(game, method: method)
        let bound = try Cancellation.$current.withValue(CancellationToken()) { try GameSolver.solve(game, method: method) }
        #expect(bound.equilibria == plain.equilibria)
        #expect(bound.notes == plain.notes)
        do {
            _ = try Cancellation.$current.withValue(Self.cancelled()) { try GameSolver.solve(game, method: method) }
            Issue.record("\(method) finished although its computation was cancelled")
        } catch let error as GameError {
            #expect(error.code == .cancelled)
        }
    }

    @Test func theExactPathsStopInsideTheirLoops() throws {
        let game = try #require(RandomBimatrix.game(rows: 8, columns: 8, seed: RandomBimatrix.seed(size: 8, index: 0)))
        #expect(throws: GameError.cancelled) {
            try Cancellation.$current.withValue(Self.cancelled()) { try BimatrixEnumeration.solve(game) }
        }
        #expect(throws: GameError.cancelled) {
            try Cancellation.$current.withValue(Self.cancelled()) { try LemkeHowson.solve(game, droppedLabel: 3) }
        }
        #expect(throws: GameError.cancelled) {
            try Cancellation.$current.withValue(Self.cancelled()) { try SimplicialSubdivision.solve(game) }
        }
    }
}
