import Foundation
import ParleyCore
import ParleyGames
import ParleyIO
import Testing

/// Gambit example games kept as fixtures by the games work (Tests/ParleyGamesTests/Fixtures/gambit/games).
enum GambitGames {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../ParleyGamesTests/Fixtures/gambit/games").standardizedFileURL

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

@Suite struct GambitNFGCodecTests {
    @Test func readsTheOutcomeVersion() throws {
        // pd.nfg: outcomes (9,9) (10,0) (0,10) (1,1) in profile order (1,1) (2,1) (1,2) (2,2).
        guard case .normalForm(let game) = try GameFile.read(GambitGames.path("pd.nfg")) else { Issue.record("not a strategic form"); return }
        #expect(game.title == "Two person Prisoner's Dilemma game")
        let (a, b) = try #require(game.bimatrixPayoffs)
        #expect(a == [[9, 0], [10, 1]])
        #expect(b == [[9, 10], [0, 1]])
    }

    @Test func readsThePayoffVersionWithCountsOnly() throws {
        // yamamoto.nfg: { 3 3 } and 18 numbers: profile (1,1) = (1,1), (2,1) = (0,0), (3,1) = (-9,-9), ...
        guard case .normalForm(let game) = try GameFile.read(GambitGames.path("yamamoto.nfg")) else { Issue.record("not a strategic form"); return }
        #expect(game.strategies == [["1", "2", "3"], ["1", "2", "3"]])
        #expect(game.payoffs[0] == [1, 1])
        #expect(game.payoffs[2] == [-9, -9])
        #expect(game.payoffs[8] == [-7, -7])
    }

    @Test func readsDecimalsExactly() throws {
        guard case .normalForm(let game) = try GameFile.read(GambitGames.path("8x8.nfg")) else { Issue.record("not a strategic form"); return }
        #expect(game.payoffs[0] == [try #require(Rational("1131/1000")), try #require(Rational("121/100"))])
        // The title promises 5 equilibria, 3 of them pure.
        let equilibria = try BimatrixEnumeration.solve(game)
        #expect(equilibria.count == 5)
        #expect(equilibria.filter(\.profile.isPure).count == 3)
    }

    @Test(arguments: ["pd.nfg", "coord2.nfg", "coord3.nfg", "deg1.nfg", "mixdom.nfg", "2x2x2.nfg", "yamamoto.nfg"])
    func roundTripsThroughText(name: String) throws {
        guard case .normalForm(let game) = try GameFile.read(GambitGames.path(name)) else { Issue.record("not a strategic form"); return }
        let again = try GambitNFGCodec.decode(GambitNFGCodec.encode(game))
        #expect(again == game)
    }

    @Test(arguments: [
        ("NFG 1 R \"t\" { \"a\" \"b\" } { 2 2 }\n1 2 3 4 5 6 7", 2, 14, "ends too early"),
        ("NFG 1 R \"t\" { \"a\" \"b\" } { 2 2 }\n1 2 3 x 5 6 7 8", 2, 7, "expected a payoff"),
        ("NFG 2 R \"t\" { \"a\" }", 1, 5, "unsupported .nfg version"),
        ("NFG 1 R \"t\" { \"a\" \"b\" } { 1 1 } { { \"\" 1, 2 } } 2", 1, 49, "outcome number 2 does not exist"),
        ("EFG 2 R \"t\" { \"a\" }", 1, 1, "expected 'NFG'"),
        ("NFG 1 R \"t\" { \"a\" } { 1 } 1 2", 1, 29, "unexpected 2"),
        ("NFG 1 R \"t { \"a\" } { 1 } 1", 1, 16, "not closed"),
    ])
    func locatesErrors(text: String, line: Int, column: Int, message: String) {
        do {
            _ = try GambitNFGCodec.decode(text, file: "bad.nfg")
            Issue.record("accepted bad input")
        } catch {
            let first = error.errors.first
            #expect(first?.location == SourceLocation(file: "bad.nfg", line: line, column: column), "\(first?.description ?? "")")
            #expect(first?.message.contains(message) == true, "\(first?.message ?? "")")
        }
    }
}

@Suite struct GambitEFGCodecTests {
    @Test func bayes1aHasGambitsUniqueEquilibrium() throws {
        // Reference §4: bayes1a.efg, 4x4 reduced form, unique NE ((0,2/3,0,1/3),(0,0,2/3,1/3)).
        guard case .extensive(let tree) = try GameFile.read(GambitGames.path("bayes1a.efg")) else { Issue.record("not a tree"); return }
        #expect(!tree.hasPerfectInformation)
        let form = try tree.reducedNormalForm()
        #expect(form.shape == [4, 4])
        let equilibria = try BimatrixEnumeration.solve(form)
        let twoThirds = try #require(Rational("2/3"))
        let third = try #require(Rational("1/3"))
        #expect(equilibria.map(\.profile) == [MixedProfile([[0, twoThirds, 0, third], [0, 0, twoThirds, third]])])
    }

    @Test func strippedDownPokerMatchesGambit() throws {
        // Reference §4: reiley2008 fig1, unique NE ((1/3,2/3,0,0),(2/3,1/3)).
        guard case .extensive(let tree) = try GameFile.read(GambitGames.path("reiley2008-fig1.efg")) else { Issue.record("not a tree"); return }
        let form = try tree.reducedNormalForm()
        let equilibria = try BimatrixEnumeration.solve(form)
        let third = try #require(Rational("1/3"))
        let twoThirds = try #require(Rational("2/3"))
        #expect(equilibria.map(\.profile) == [MixedProfile([[third, twoThirds, 0, 0], [twoThirds, third]])])
        #expect(tree.comment.contains("Stripped-Down Poker"))
    }

    @Test func seltensHorseIsSolvedByBackwardInductionAndRoundTrips() throws {
        guard case .extensive(let tree) = try GameFile.read(GambitGames.path("selten1975-fig1.efg")) else { Issue.record("not a tree"); return }
        // Player 3's set has two nodes: no perfect information, so no backward induction.
        #expect(!tree.hasPerfectInformation)
        #expect(throws: GameError.self) { try BackwardInduction(tree) }
        // Two pure equilibria (reference §4).
        #expect(try tree.reducedNormalForm().pureEquilibria().count == 2)
        let again = try GambitEFGCodec.decode(GambitEFGCodec.encode(tree))
        #expect(try again.reducedNormalForm() == tree.reducedNormalForm())
        #expect(again.infosets == tree.infosets)
    }

    @Test(arguments: [
        ("EFG 2 R \"t\" { \"a\" }\np \"x\" 1 1 \"s\" { \"l\" \"r\" } 0\nt \"x\" 0\nt \"\" 0", 3, 1, "used twice"),
        ("EFG 2 R \"t\" { \"a\" }\np \"\" 2 1 \"s\" { \"l\" } 0\nt \"\" 0", 2, 6, "player 2 does not exist"),
        ("EFG 2 R \"t\" { \"a\" }\nc \"\" 1 \"s\" { \"l\" 1/2 \"r\" 1/3 } 0\nt \"\" 0\nt \"\" 0", 2, 6, "sum to 5/6"),
        ("EFG 2 R \"t\" { \"a\" }\np \"\" 1 1 0\nt \"\" 0", 2, 8, "must name it and list its actions"),
        ("EFG 2 R \"t\" { \"a\" }\nt \"\" 3", 2, 6, "used before it is defined"),
        ("EFG 2 R \"t\" { \"a\" }\np \"\" 1 1 \"s\" { \"l\" \"r\" } 0\nt \"\" 0", 3, 7, "ends too early"),
    ])
    func locatesErrors(text: String, line: Int, column: Int, message: String) {
        do {
            _ = try GambitEFGCodec.decode(text, file: "bad.efg")
            Issue.record("accepted bad input")
        } catch {
            let first = error.errors.first
            #expect(first?.location == SourceLocation(file: "bad.efg", line: line, column: column), "\(first?.description ?? "")")
            #expect(first?.message.contains(message) == true, "\(first?.message ?? "")")
        }
    }
}
