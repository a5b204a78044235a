import Foundation
import Testing

/// Every computation honours the server's deadline and frees its worker: heavy requests that
/// must miss a short `--compute-seconds` get 503, the pools' busy counts (GET /api/health) come
/// back to 0, and then a small forecast answers. Nothing here asserts a duration: the test
/// waits for the busy counts (with a generous bound that only a worker that never stops misses).
@Suite(.serialized) struct ServerDeadlineTests {
    /// A generated scenario: `stakeholders` × `issues`, every stakeholder on every issue, from a
    /// small linear congruential generator (so the text is the same on every run).
    static func scenario(stakeholders: Int, issues: Int) -> String {
        var state: UInt64 = 12345
        func next(_ range: Double) -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53) * range
        }
        var text = "format: parley/1\nname: Heavy \(stakeholders) x \(issues)\nissues:\n"
        for d in 0..<issues { text += "  - {id: dim-\(d), name: Dimension \(d), scale: {min: 0, max: 100}}\n" }
        text += "stakeholders:\n"
        for i in 0..<stakeholders {
            text += "  - id: actor-\(i)\n    name: Actor \(i)\n    capability: \(Int(1 + next(199)))\n    stances:\n"
            for d in 0..<issues {
                text += "      dim-\(d): {position: \(Int(next(100))), salience: \(max(1, Int(next(100)) / issues))}\n"
            }
        }
        return text + "uncertainty:\n  position: {sd: 8}\n"
    }

    /// A two-player Gambit game with `size` strategies each and pseudo-random payoffs: vertex
    /// enumeration's work grows exponentially with the size.
    static func game(size: Int) -> String {
        var state: UInt64 = 99
        let text = "NFG 1 R \"random \(size) x \(size)\" { \"1\" \"2\" } { \(size) \(size) }\n"
        var payoffs: [String] = []
        for _ in 0..<(size * size * 2) {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            payoffs.append(String(state >> 58))
        }
        return text + payoffs.joined(separator: " ") + "\n"
    }

    /// The pools' busy counts from /api/health.
    static func busy(_ server: ServerProcess) throws -> (heavy: Int, light: Int) {
        let busy = try server.get("/api/health").json["busy"] as? [String: Any] ?? [:]
        return (busy["workers"] as? Int ?? -1, busy["light_workers"] as? Int ?? -1)
    }

    @Test func timedOutComputationsFreeTheirWorkers() throws {
        let server = try ServerProcess(["--compute-seconds", "2", "--workers", "2"])
        defer { server.stop() }
        #expect(try Self.busy(server) == (0, 0))
        let heavy = Self.scenario(stakeholders: 150, issues: 16)
        let game = Self.game(size: 22)
        // Each would take minutes (the exchange model forms ~1.4 million candidate exchanges per
        // round; the expected-utility model's rounds cost O(n³) each; the game has millions of
        // vertices). Two heavy workers: the Monte Carlo run and the game solve both start.
        let requests: [(String, String, String)] = [
            ("/api/forecast", heavy, "application/yaml"),
            ("/api/charts?model=exchange", heavy, "application/yaml"),
            ("/api/simulate?model=expected-utility", heavy, "application/yaml"),
            ("/api/simulate?model=spatial", heavy, "application/yaml"),
            ("/api/sensitivity?runs=1000&model=exchange", heavy, "application/yaml"),
            ("/api/game/solve?method=enum", game, "application/octet-stream"),
        ]
        let answers = requests.map { path, body, type in ConcurrentAnswer { try server.post(path, body, type: type) } }
        for (answer, request) in zip(answers, requests) {
            let status = try answer.wait().status
            #expect(status == 503, "\(request.0) answered \(status), not 503")
        }
        // Every worker stops soon after its 503; a worker that ignored it would hold its slot for minutes.
        let bound = Date().addingTimeInterval(90)
        var counts = try Self.busy(server)
        while counts != (0, 0), Date() < bound {
            Thread.sleep(forTimeInterval: 0.1)
            counts = try Self.busy(server)
        }
        #expect(counts == (0, 0), "workers still busy after their requests' deadlines: \(counts)")
        // A closed-form model on Bonn takes milliseconds, far inside the 2 s deadline.
        let small = try server.post("/api/forecast?model=weighted-mean", ServerTests.bonn)
        #expect(small.status == 200)
        #expect((small.json["forecasts"] as? [Any])?.count == 3)
    }
}
