import Foundation
import ParleyCore
import ParleyGames
import ParleyIO
import Testing

@Suite struct GameFileTests {
    static let iranPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Examples/iran-2001-cooperation.yaml").standardizedFileURL.path

    static func iran() throws -> GameModel {
        guard case .model(let model) = try GameFile.read(iranPath) else { throw GameError(.unsupported, "not a model") }
        return model
    }

    @Test func foundingDilemmaHelpIsDominantAtTheCodedPayoffs() throws {
        let model = try Self.iran()
        #expect(model.players.map(\.id) == ["iran", "us"])
        #expect(model.parameters.allSatisfy { !$0.evidence.isEmpty }, "every number cites its evidence")
        let game = try model.bayesianGame()
        // Help minus hold-back for Iran: against partner, (taliban + cooperation) - cooperation = 4;
        // against turn, (taliban - risk) - 0 = 2. Both positive, so help is strictly dominant here.
        #expect(try DominanceMap.status(game, player: 0, action: 0) == .strictlyDominant)
        let form = try game.harsanyiForm()
        #expect(form.weaklyDominantStrategies(player: 0) == [0])
        // The US is a player, not scenery: a sincere US partners with a helping Iran (3 + 4 > 3) but
        // turns on one that held back (0 > -1), so neither US plan is dominant against both of Iran's actions.
        #expect(form.weaklyDominantStrategies(player: 1).isEmpty)
        // Unique Bayesian equilibrium: Iran helps; the sincere US partners and the tactical one turns.
        let equilibria = try game.equilibria()
        #expect(equilibria.count == 1)
        #expect(game.behaviour(try #require(equilibria.first).profile)[1] == [[1, 0], [0, 1]])
        // Iran's expected payoff: 1/4 * (4 + 4) + 3/4 * (4 - 2) = 7/2; the US's 1/4 * 7 + 3/4 * 5 = 11/2.
        #expect(equilibria.first?.payoffs == [try #require(Rational("7/2")), try #require(Rational("11/2"))])
    }

    @Test func dominanceStopsWhereTheTalibansValueFallsBelowTheRisk() throws {
        let model = try Self.iran()
        let analysis = try #require(model.analysis)
        let map = try DominanceMap(model: model, analysis: analysis)
        func status(taliban: Rational, prior: Rational) -> DominanceMap.Status? {
            map.points.first { $0.values == [taliban, prior] }?.status
        }
        let half = try #require(Rational("1/2"))
        let tenth = try #require(Rational("1/10"))
        // risk = 2: strictly dominant above, weakly at 2 (the "no-lose" line), not below.
        #expect(status(taliban: 3, prior: half) == .strictlyDominant)
        #expect(status(taliban: 2, prior: half) == .weaklyDominant)
        #expect(status(taliban: 2, prior: 0) == .weaklyDominant)
        // Below it, holding back while both US types turn is always an equilibrium (taliban - 2 < 0);
        // helping while the sincere type partners is one too when p(T + 4) + (1 - p)(T - 2) >= 4p,
        // i.e. T >= 2(1 - p). So help is taken in some equilibria there, and in none below.
        #expect(status(taliban: try #require(Rational("3/2")), prior: half) == .someEquilibria)  // 1.5 >= 1
        #expect(status(taliban: half, prior: try #require(Rational("9/10"))) == .someEquilibria)  // 0.5 >= 0.2
        #expect(status(taliban: 0, prior: tenth) == .noEquilibrium)  // 0 < 1.8
        #expect(status(taliban: 1, prior: tenth) == .noEquilibrium)  // 1 < 1.8
        #expect(status(taliban: half, prior: try #require(Rational("3/10"))) == .noEquilibrium)  // 0.5 < 1.4
        #expect(!map.points.contains { $0.status == .everyEquilibrium }, "below the line holding back is always an equilibrium")
    }

    @Test func convertsToNFGAndBack() throws {
        let model = try Self.iran()
        let form = try model.bayesianGame().harsanyiForm()
        let text = GambitNFGCodec.encode(form)
        #expect(try GambitNFGCodec.decode(text) == form)
    }

    @Test func writesAndReadsBackAParleyGameFile() throws {
        let model = try Self.iran()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-games-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["iran.yaml", "iran.json"] {
            let path = directory.appendingPathComponent(name).path
            try GameFile.write(.model(model), to: path)
            guard case .model(let again) = try GameFile.read(path) else { Issue.record("not a model"); continue }
            #expect(again == model, "\(name)")
        }
        // A Gambit game becomes a Parley file with slugs for ids.
        guard case .normalForm(let pd) = try GameFile.read(GambitGames.path("pd.nfg")) else { Issue.record("not a strategic form"); return }
        let path = directory.appendingPathComponent("pd.yaml").path
        try GameFile.write(.normalForm(pd), to: path)
        guard case .model(let converted) = try GameFile.read(path) else { Issue.record("not a model"); return }
        #expect(converted.players.map(\.id) == ["player-1", "player-2"])
        #expect(try converted.bayesianGame().harsanyiForm().payoffs == pd.payoffs)
    }

    @Test func reportsEveryErrorWithItsLocation() throws {
        let text = """
            format: parley-game/1
            name: broken
            players:
              - id: a
                actions: [x, y]
              - id: b
                actoins: [u]
            payoffs:
              - actions: {a: x, b: u}
                payoffs: {a: 1 +, b: gain}
            """
        do {
            _ = try GameFile.decode(text, format: .yaml, file: "broken.yaml")
            Issue.record("accepted a broken file")
        } catch {
            let messages = error.errors.map(\.description)
            #expect(messages.contains { $0.hasPrefix("broken.yaml:7:5: error: players[1].actoins: unknown key 'actoins'") && $0.contains("did you mean 'actions'?") }, "\(messages)")
            #expect(messages.contains { $0.hasPrefix("broken.yaml:10:18: error: payoffs[0].payoffs.a:") && $0.contains("ends with an operator") }, "\(messages)")
        }
    }

    @Test func unknownParameterIsNamed() {
        let text = """
            format: parley-game/1
            name: g
            parameters:
              - {id: gain, value: 2}
            players:
              - {id: a, actions: [x]}
            payoffs:
              - {actions: {a: x}, payoffs: {a: gian + 1}}
            """
        do {
            _ = try GameFile.decode(text, format: .yaml, file: "g.yaml")
            Issue.record("accepted an unknown parameter")
        } catch {
            #expect(error.errors.first?.message == "unknown parameter 'gian'")
            #expect(error.errors.first?.hint == "did you mean 'gain'?")
            #expect(error.errors.first?.location?.line == 8)
        }
    }

    @Test func missingPayoffsAreNamed() {
        let text = """
            format: parley-game/1
            name: g
            players:
              - {id: a, actions: [x, y]}
            payoffs:
              - {actions: {a: x}, payoffs: {a: 1}}
            """
        #expect(throws: ScenarioErrors.self) { try GameFile.decode(text, format: .yaml, file: "g.yaml") }
    }

    @Test func solveJSONFollowsTheContract() throws {
        guard case .normalForm(let game) = try GameFile.read(GambitGames.path("coord2.nfg")) else { Issue.record("not a strategic form"); return }
        let solution = try GameSolver.solve(game, method: .automatic)
        let json = GameJSON.render(solution)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["players"] as? [String] == ["Player 1", "Player 2"])
        let equilibria = try #require(object["equilibria"] as? [[String: Any]])
        #expect(equilibria.count == 3)
        // The mixed equilibrium of coord2: ((1/2, 1/2), (2/5, 3/5)) (reference §4).
        #expect(equilibria.contains { ($0["strategies_exact"] as? [[String]]) == [["1/2", "1/2"], ["2/5", "3/5"]] })
        let mixed = try #require(equilibria.first { ($0["strategies_exact"] as? [[String]]) == [["1/2", "1/2"], ["2/5", "3/5"]] })
        let strategies = try #require(mixed["strategies"] as? [[Double]])
        #expect(abs(strategies[1][0] - 0.4) < 1e-12)
        #expect((mixed["payoffs"] as? [Double])?.count == 2)
    }
}
