import Foundation
@testable import ParleyGames
import Testing

/// The strategic games of pygambit 16.7's catalog (`scripts/enumpoly_fixtures.sh --catalog`:
/// every catalog game that is not a tree), with Gambit's `enumpoly_solve` and, for two players,
/// `enummixed_solve`'s exact extreme equilibria.
struct EnumPolyCatalogFixture: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var shape: [Int]
    var payoffs: [[String]]
    var enumpoly: [[[Double]]]
    var enumpolyTimeout: Double?
    var enummixed: [[[String]]]?

    enum CodingKeys: String, CodingKey {
        case name, shape, payoffs, enumpoly, enummixed
        case enumpolyTimeout = "enumpoly_timeout"
    }

    var testDescription: String { name }

    var fixture: EnumPolyFixture { EnumPolyFixture(name: name, shape: shape, payoffs: payoffs, enumpoly: enumpoly) }

    static let all: [EnumPolyCatalogFixture] = {
        struct File: Decodable { var games: [EnumPolyCatalogFixture] }
        guard let data = try? Data(contentsOf: PeerFixture.directory.appendingPathComponent("enumpoly_catalog.json")),
              let decoded = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return decoded.games
    }()

    /// Games whose debug-build solve takes more than a couple of seconds: nau2004-sec5 (about 4 s,
    /// also in enumpoly.json and tested there) and nau2004-sec6 (about 9 s), run only with
    /// `PARLEY_SLOW_TESTS=1`.
    static let slow: Set<String> = ["journals-ijgt-nau2004-sec5", "journals-ijgt-nau2004-sec6"]
    static let runSlow = ProcessInfo.processInfo.environment["PARLEY_SLOW_TESTS"] == "1"
}

@Suite struct PolynomialEnumerationCatalogTests {
    @Test func everyStrategicCatalogGameIsPresent() {
        // pygambit 16.7's catalog: nau2004 §3–§6 and shapley1974 figures 2 and 3.
        #expect(EnumPolyCatalogFixture.all.map(\.name) == [
            "journals-ijgt-nau2004-sec3", "journals-ijgt-nau2004-sec4", "journals-ijgt-nau2004-sec5",
            "journals-ijgt-nau2004-sec6", "journals-other-shapley1974-fig2", "journals-other-shapley1974-fig3",
        ])
    }

    /// Every equilibrium Gambit's enumpoly finds is found; with two players the set is exactly
    /// enummixed's extreme equilibria, compared in exact arithmetic. Gambit's enumpoly misses the
    /// completely mixed equilibrium (1/6, 1/3, 1/2) of Shapley's figure 3 (a symmetric game:
    /// against y = (1/6, 1/3, 1/2) the three rows pay alike), which enummixed and Parley find.
    @Test(arguments: EnumPolyCatalogFixture.all.filter { !EnumPolyCatalogFixture.slow.contains($0.name) })
    func catalogGameMatchesGambit(_ catalog: EnumPolyCatalogFixture) throws {
        let game = try catalog.fixture.game()
        let result = try PolynomialEnumeration.solve(game)
        #expect(result.complete)
        #expect(result.unresolved.isEmpty)
        #expect(result.components.isEmpty)
        expectVerified(result, game)
        expectSupersetOfGambit(result.equilibria, catalog.enumpoly, catalog.name)
        if let exact = catalog.enummixed {
            let theirs = Set(try exact.map { profile in try profile.map { row in try row.map { try #require(Rational($0)) } } })
            let ours = Set(result.equilibria.map(\.profile.probabilities))
            #expect(ours == theirs)
        } else {
            // Three players (nau2004 §4): Gambit's single irrational equilibrium is the only one.
            #expect(result.equilibria.count == catalog.enumpoly.count)
        }
    }

    /// Nau et al. (2004) §6, a 2×2×4 game on which Gambit 16.7's enumpoly did not finish in 60 s
    /// (`enumpoly_timeout` in the fixture). Parley finishes: two exact equilibria, both with
    /// players 1 and 2 at (1/2, 1/2) and player 3 mixing (1/2, 1/2) over its first or its last
    /// two strategies, and a continuum on the full support.
    @Test(.enabled(if: EnumPolyCatalogFixture.runSlow))
    func gambitHangsOnNauSection6() throws {
        let catalog = try #require(EnumPolyCatalogFixture.all.first { $0.name == "journals-ijgt-nau2004-sec6" })
        #expect(catalog.enumpolyTimeout != nil)
        let game = try catalog.fixture.game()
        let result = try PolynomialEnumeration.solve(game)
        #expect(result.complete)
        expectVerified(result, game)
        let half = Rational(1) / Rational(2)
        let found = Set(result.equilibria.map(\.profile.probabilities))
        #expect(found.contains([[half, half], [half, half], [half, half, 0, 0]]))
        #expect(found.contains([[half, half], [half, half], [0, 0, half, half]]))
        #expect(!result.components.isEmpty)
    }
}
