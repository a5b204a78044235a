import Foundation
import Testing

/// `parley game solve --method enumpoly --time-limit`: a stopped run prints what it found, says
/// how far it got, and exits with status 75; a finished one exits 0.
@Suite struct EnumPolyCLITests {
    /// A six-player game with two strategies each (729 support profiles), payoffs from a fixed
    /// formula, in Gambit's .nfg (player 1's strategy varies fastest).
    static func sixPlayerGame() throws -> String {
        let payoffs = (0..<64).flatMap { profile in (0..<6).map { player in String((profile * 37 + player * 11 + profile * player) % 23) } }
        let text = "NFG 1 R \"six\" { \"1\" \"2\" \"3\" \"4\" \"5\" \"6\" } { 2 2 2 2 2 2 }\n\n" + payoffs.joined(separator: " ") + "\n"
        let path = try ParleyProcess.temporaryDirectory() + "/six.nfg"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A millisecond cannot cover 729 support profiles (the debug build needs about a second),
    /// so the run stops: partial JSON, `complete: false`, supports done below the total.
    @Test func timeLimitStopsWithStatus75() throws {
        let result = try ParleyProcess.run(["game", "solve", try Self.sixPlayerGame(), "--method", "enumpoly", "--time-limit", "0.001", "--json"])
        #expect(result.status == 75)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let enumpoly = try #require(json["enumpoly"] as? [String: Any])
        #expect(enumpoly["complete"] as? Bool == false)
        #expect(enumpoly["supports_total"] as? Int == 729)
        let done = try #require(enumpoly["supports_done"] as? Int)
        #expect(done < 729)
        #expect(json["equilibria"] is [Any])
        #expect(result.stderr.contains("the time limit stopped enumpoly after \(done) of 729 support profiles"))
    }

    /// McKelvey and McLennan's 2×2×2 game within a generous limit: complete, all 27 supports
    /// done, its 9 equilibria, status 0.
    @Test func finishedRunExitsZero() throws {
        let result = try ParleyProcess.run(["game", "solve", ParleyProcess.packageRoot + "/Tests/ParleyGamesTests/Fixtures/gambit/games/2x2x2.nfg",
                                            "--method", "enumpoly", "--time-limit", "600", "--json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let enumpoly = try #require(json["enumpoly"] as? [String: Any])
        #expect(enumpoly["complete"] as? Bool == true)
        #expect(enumpoly["supports_done"] as? Int == 27)
        #expect((json["equilibria"] as? [Any])?.count == 9)
    }

    @Test(arguments: [["--time-limit", "0"], ["--time-limit", "-3"], ["--time-limit", "nan"], ["--method", "logit", "--time-limit", "5"]])
    func badTimeLimitsAreUsageErrors(_ arguments: [String]) throws {
        let method = arguments.contains("--method") ? [] : ["--method", "enumpoly"]
        let result = try ParleyProcess.run(["game", "solve", ParleyProcess.packageRoot + "/Tests/ParleyGamesTests/Fixtures/gambit/games/2x2x2.nfg"] + method + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--time-limit"))
    }
}

/// `--method enumpoly` on a two-player tree: every extreme equilibrium through the sequence form.
@Suite struct EnumPolyTreeCLITests {
    /// Selten (1975) figure 2: player 1 takes R (1, 1) or L; after L player 2 takes R (0, 2) or
    /// L, after which player 1 takes r (0, 3) or l (2, 0). Player 1 entering is no equilibrium
    /// (player 1 would take l, so player 2 takes R and player 1 gets 0 < 1). With R, player 2's
    /// q = P(R) must not tempt player 1 into L then l: 2(1 − q) ≤ 1, so q ∈ [1/2, 1]: two extreme
    /// equilibria, q = 1 and q = 1/2, one component, payoffs (1, 1).
    @Test func seltenFigure2() throws {
        let result = try ParleyProcess.run(["game", "solve", ParleyProcess.packageRoot + "/Tests/ParleyGamesTests/Fixtures/gambit/trees/journals-ijgt-selten1975-fig2.efg",
                                            "--method", "enumpoly", "--json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let equilibria = try #require(json["equilibria"] as? [[String: Any]])
        #expect(equilibria.count == 2)
        #expect(equilibria.allSatisfy { $0["behaviour"] != nil && $0["component"] as? Int == 0 })
        #expect(equilibria.compactMap { $0["strategies_exact"] as? [[String]] }.map { $0[1] } == [["1", "0"], ["1/2", "1/2"]])
        #expect(equilibria.allSatisfy { $0["payoffs_exact"] as? [String] == ["1", "1"] })
    }
}
