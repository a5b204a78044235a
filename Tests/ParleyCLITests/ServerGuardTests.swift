import Foundation
import Testing

/// What a page on another site can make a browser send to `parley serve` is refused before any
/// work, and the server keeps answering: the real executable on a loopback port, spoken to over
/// a socket with headers a browser would send.
@Suite(.serialized) struct ServerGuardTests {
    static let bonn = ServerTests.bonn

    /// The POST routes, read from the server's own OpenAPI document (so a new route is covered).
    static func postRoutes(_ server: ServerProcess) throws -> [String] {
        let paths = try #require(try server.get("/api/openapi.json").json["paths"] as? [String: [String: Any]])
        return paths.filter { $0.value["post"] != nil }.map(\.key).sorted()
    }

    @Test func everyPostRouteRefusesAMissingOrSimpleContentTypeBeforeAnyWork() throws {
        let store = try ParleyProcess.temporaryDirectory() + "/runs.sqlite"
        let server = try ServerProcess(environment: ["PARLEY_STORE": store])
        defer { server.stop() }
        let routes = try Self.postRoutes(server)
        #expect(routes == ["/api/charts", "/api/convert", "/api/forecast", "/api/game/solve", "/api/reliability", "/api/sensitivity", "/api/simulate", "/api/validate"])
        // The types a browser sends cross-site without a CORS preflight, with and without parameters.
        let simple = ["text/plain", "text/plain; charset=utf-8", "TEXT/PLAIN", "application/x-www-form-urlencoded",
                      "multipart/form-data; boundary=----x", " text/plain ;charset=UTF-8"]
        for route in routes {
            // ?store=true: had the body been read and run, a run would be in the store.
            let path = route + "?store=true&model=weighted-mean"
            let missing = try server.request("POST", path, body: Data(Self.bonn.utf8))
            #expect(missing.status == 415, "\(route) without Content-Type answered \(missing.status)")
            #expect((missing.error["message"] as? String)?.contains("no Content-Type") == true, "\(route)")
            for type in simple {
                let answer = try server.request("POST", path, body: Data(Self.bonn.utf8), headers: [("Content-Type", type)])
                #expect(answer.status == 415, "\(route) as \(type) answered \(answer.status)")
                #expect(answer.header("Content-Type")?.hasPrefix("application/json") == true)
            }
        }
        // The attack: a Gambit file with a payoff that overflows, sent as text/plain.
        let hostile = "NFG 1 R \"x\" { \"1\" \"2\" } { 1 1 }\n1e-9223372036854775808 0\n"
        #expect(try server.post("/api/game/solve", hostile, type: "text/plain").status == 415)
        #expect(!FileManager.default.fileExists(atPath: store), "a refused request wrote the run store")
        // The app's own requests still work: JSON and YAML scenarios, and a stored run.
        #expect(try server.post("/api/validate", Self.bonn, type: "application/yaml").status == 200)
        let json = try server.post("/api/convert?to=json", Self.bonn)
        #expect(try server.post("/api/forecast?model=weighted-mean&store=true", json.text, type: "application/json").header("Parley-Run-ID") == "1")
        #expect(try server.get("/api/health").status == 200)
    }

    @Test func foreignOriginsAndCrossSiteFetchesGet403() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let own = "http://127.0.0.1:\(server.port)"
        let foreign = ["http://evil.example", "null", "http://127.0.0.1:\(server.port + 1)", "https://127.0.0.1:\(server.port)",
                       "http://localhost:\(server.port)", own + ".evil.example", "http://127.0.0.1"]
        for origin in foreign {
            let post = try server.request("POST", "/api/forecast?model=weighted-mean", body: Data(Self.bonn.utf8),
                                          headers: [("Content-Type", "application/yaml"), ("Origin", origin)])
            #expect(post.status == 403, "Origin \(origin) answered \(post.status)")
            #expect(try server.request("GET", "/api/runs", headers: [("Origin", origin)]).status == 403, "GET with Origin \(origin)")
        }
        for site in ["cross-site", "same-site", "Cross-Site"] {
            let post = try server.request("POST", "/api/forecast?model=weighted-mean", body: Data(Self.bonn.utf8),
                                          headers: [("Content-Type", "application/yaml"), ("Sec-Fetch-Site", site), ("Sec-Fetch-Mode", "cors")])
            #expect(post.status == 403, "Sec-Fetch-Site \(site) answered \(post.status)")
            #expect(try server.request("GET", "/api/runs", headers: [("Sec-Fetch-Site", site), ("Sec-Fetch-Mode", "no-cors")]).status == 403)
            // Another site's page cannot read how far this server's work has got either.
            #expect(try server.request("GET", "/api/progress/0123456789abcdef", headers: [("Sec-Fetch-Site", site), ("Sec-Fetch-Mode", "cors")]).status == 403)
            // Even when it claims to be a navigation: the API is not a page.
            #expect(try server.request("GET", "/api/runs", headers: [("Sec-Fetch-Site", site), ("Sec-Fetch-Mode", "navigate")]).status == 403)
        }
        // What the app itself sends: its own origin, same-origin fetches; and a link to the app from elsewhere opens it.
        let mine = try server.request("POST", "/api/forecast?model=weighted-mean", body: Data(Self.bonn.utf8),
                                      headers: [("Content-Type", "application/yaml"), ("Origin", own), ("Sec-Fetch-Site", "same-origin"), ("Sec-Fetch-Mode", "cors")])
        #expect(mine.status == 200)
        #expect(try server.request("GET", "/", headers: [("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "navigate")]).status == 200)
        #expect(try server.request("GET", "/", headers: [("Sec-Fetch-Site", "none"), ("Sec-Fetch-Mode", "navigate")]).status == 200)
    }

    @Test func onlyTheBoundAddressAndLocalhostAreAcceptedAsHost() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let port = server.port
        let hostile = ["127.attacker.example", "127.0.0.1.evil.example", "localhost.evil", "localhost.", "evil.example:\(port)",
                       "127.attacker.example:\(port)", "127.0.0.1.evil.example:\(port)", "localhost.evil:\(port)",
                       "127.0.0.2:\(port)", "127.1:\(port)", "0.0.0.0:\(port)", "[::1]:\(port)", "127.0.0.1:\(port + 1)",
                       "localhost:\(port + 1)", "127.0.0.1:", "127.0.0.1:\(port)x", "127.0.0.1:+\(port)", "user@127.0.0.1:\(port)"]
        for host in hostile {
            let answer = try server.request("GET", "/api/runs", headers: [("Host", host)])
            #expect(answer.status == 421, "Host \(host) answered \(answer.status)")
        }
        for host in ["127.0.0.1", "127.0.0.1:\(port)", "localhost", "localhost:\(port)", "LOCALHOST:\(port)"] {
            #expect(try server.request("GET", "/api/health", headers: [("Host", host)]).status == 200, "Host \(host)")
        }
        // A POST through a rebound name is refused too, and the server keeps answering.
        let post = try server.request("POST", "/api/forecast?model=weighted-mean", body: Data(Self.bonn.utf8),
                                      headers: [("Host", "127.attacker.example:\(port)"), ("Content-Type", "application/yaml")])
        #expect(post.status == 421)
        #expect(try server.post("/api/forecast?model=weighted-mean", Self.bonn).status == 200)
    }

    @Test func noStoreWritesNothingWhateverARequestSays() throws {
        let folder = try ParleyProcess.temporaryDirectory()
        let store = folder + "/runs.sqlite"
        // A store that exists, with one run recorded by the command line.
        #expect(try ParleyProcess.run(["forecast", "Examples/bonn-2001.yaml", "--model", "weighted-mean", "--store", store]).status == 0)
        let before = try Self.snapshot(folder)
        let server = try ServerProcess(["--no-store"], environment: ["PARLEY_STORE": store])
        let forecast = try server.post("/api/forecast?store=true&model=weighted-mean", Self.bonn)
        #expect(forecast.status == 200)
        #expect(forecast.header("Parley-Run-ID") == nil)
        let sensitivity = try server.post("/api/sensitivity?store=true&runs=5&model=weighted-mean", Self.bonn)
        #expect(sensitivity.status == 200)
        #expect(sensitivity.header("Parley-Run-ID") == nil)
        let runs = try server.get("/api/runs").json
        #expect(runs["store"] as? String == "disabled")
        #expect((runs["runs"] as? [Any])?.count == 0)
        #expect(try server.get("/api/runs/1").status == 404)
        #expect(try server.get("/api/health").json["store"] as? String == "disabled")
        #expect(server.stop() == 0)
        #expect(try Self.snapshot(folder) == before, "parley serve --no-store changed the store's folder")
    }

    @Test func noAnswerRevealsALocalPath() throws {
        let folder = try ParleyProcess.temporaryDirectory()
        let store = folder + "/private-runs.sqlite"
        let server = try ServerProcess(environment: ["PARLEY_STORE": store])
        defer { server.stop() }
        let stored = try server.post("/api/forecast?store=true&model=weighted-mean", Self.bonn)
        let id = try #require(stored.header("Parley-Run-ID"))
        let answers = try [
            server.get("/api/runs"), server.get("/api/runs/\(id)"), server.get("/api/runs/999999"), server.get("/api/runs/abc"),
            server.get("/api/compare?a=\(id)&b=999999"), server.get("/api/health"), server.get("/api/nothing"),
            server.get("/assets/missing.js"), server.post("/api/forecast", "not: [yaml"),
            server.get("/api/progress/0123456789abcdef"), server.get("/api/progress/..%2F..%2Fetc"),
            server.post("/api/forecast?model=weighted-mean&progress=..%2Fprivate-runs", Self.bonn),
        ]
        let home = NSHomeDirectory()
        for answer in answers {
            #expect(!answer.text.contains(folder) && !answer.text.contains("private-runs") && !answer.text.contains(ParleyProcess.packageRoot),
                    "an answer shows a local path: \(answer.text.prefix(300))")
            #expect(home.count < 2 || !answer.text.contains(home + "/"), "an answer shows the home folder")
        }
        #expect(try server.get("/api/runs").json["store"] as? String == "enabled")
        #expect(try server.get("/api/runs/999999").error["message"] as? String == "no run 999999 in the run store")
    }

    @Test func aCrossSitePostIsRefusedAndTheServerKeepsAnswering() throws {
        let server = try ServerProcess()
        defer { #expect(server.stop() == 0) }
        // What a hostile page can send with fetch(..., {mode: "no-cors"}): no preflight, its own Origin.
        let attempts: [[(String, String)]] = [
            [("Content-Type", "text/plain;charset=UTF-8"), ("Origin", "http://evil.example"), ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "no-cors")],
            [("Content-Type", "text/plain"), ("Origin", "http://evil.example")],
            [("Origin", "http://evil.example"), ("Sec-Fetch-Site", "cross-site")],
            [("Content-Type", "application/x-www-form-urlencoded")],
            [],
        ]
        for headers in attempts {
            for route in ["/api/forecast?store=true", "/api/game/solve", "/api/charts", "/api/sensitivity?runs=20000"] {
                let answer = try server.request("POST", route, body: Data(Self.bonn.utf8), headers: headers)
                #expect(answer.status == 403 || answer.status == 415, "\(route) with \(headers) answered \(answer.status)")
            }
        }
        #expect(try server.get("/api/health").json["status"] as? String == "ok")
        let forecast = try server.post("/api/forecast?model=weighted-mean", Self.bonn)
        #expect(forecast.status == 200)
        #expect((forecast.json["forecasts"] as? [Any])?.count == 3)
    }

    /// Every file in `folder` (name → bytes), to compare before and after.
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        }
        return files
    }
}
