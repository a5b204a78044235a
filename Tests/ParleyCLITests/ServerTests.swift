import Foundation
import Testing

/// `parley serve` as a client uses it: the real executable on an ephemeral loopback port, spoken to
/// over a socket. Each test starts its own server and stops it with SIGTERM.
@Suite(.serialized) struct ServerTests {
    static let bonn = (try? String(contentsOfFile: ParleyProcess.packageRoot + "/Examples/bonn-2001.yaml", encoding: .utf8)) ?? ""

    @Test func serveHasHelpAndRefusesBadFlags() throws {
        let help = try ParleyProcess.run(["serve", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("Example:") && help.stdout.contains("parley serve --port 0"))
        #expect(try ParleyProcess.run(["serve", "--port", "70000"]).status == 64)
        #expect(try ParleyProcess.run(["serve", "--max-body", "10"]).status == 64)
    }

    @Test func forecastIsTheCommandLinesJSONForYAMLAndJSONBodies() throws {
        let server = try ServerProcess()
        defer { #expect(server.stop() == 0) }
        let cli = try ParleyProcess.run(["forecast", "Examples/bonn-2001.yaml", "--json", "--no-store"])
        #expect(cli.status == 0)
        let yaml = try server.post("/api/forecast", Self.bonn)
        #expect(yaml.status == 200)
        #expect(yaml.header("Content-Type")?.hasPrefix("application/json") == true)
        #expect(yaml.text == cli.stdout)
        // The page sends the scenario as JSON: the same scenario, converted by the server, forecasts the same.
        let converted = try server.post("/api/convert?to=json", Self.bonn)
        #expect(converted.status == 200)
        let one = try ParleyProcess.run(["forecast", "Examples/bonn-2001.yaml", "--model", "weighted-median", "--json", "--no-store"])
        let json = try server.post("/api/forecast?model=weighted-median", converted.text, type: "application/json")
        #expect(json.status == 200)
        #expect(json.text == one.stdout)
        let winners = try ParleyProcess.run(["forecast", "Examples/bonn-2001.yaml", "--model", "weighted-mean", "--model", "nash",
                                             "--winners", "--json", "--no-store"])
        #expect(try server.post("/api/forecast?winners=true&model=weighted-mean,nash", Self.bonn).text == winners.stdout)
    }

    @Test func simulateSensitivityAndGamesMatchTheCommandLine() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let simulate = try ParleyProcess.run(["simulate", "Examples/bonn-2001.yaml", "--model", "weighted-mean", "--json"])
        #expect(try server.post("/api/simulate?model=weighted-mean", Self.bonn).text == simulate.stdout)
        let sensitivity = try ParleyProcess.run(["sensitivity", "Examples/bonn-2001.yaml", "--runs", "40", "--seed", "7", "--model", "weighted-mean", "--json", "--no-store"])
        let answer = try server.post("/api/sensitivity?runs=40&seed=7&model=weighted-mean", Self.bonn)
        #expect(answer.status == 200)
        #expect(answer.text == sensitivity.stdout)
        let game = try String(contentsOfFile: ParleyProcess.packageRoot + "/Examples/iran-2001-cooperation.yaml", encoding: .utf8)
        let solved = try ParleyProcess.run(["game", "solve", "Examples/iran-2001-cooperation.yaml", "--json"])
        #expect(try server.post("/api/game/solve", game).text == solved.stdout)
    }

    @Test func aBadScenarioGetsItsLocatedErrorsAsJSON() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        // The Northern Alliance delegation's salience on na-share is the first "salience: 90"; 150 is off the 0-100 range.
        let lines = Self.bonn.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.hasSuffix("salience: 90") }) + 1
        var broken = lines
        broken[line - 1] = broken[line - 1].replacingOccurrences(of: "salience: 90", with: "salience: 150")
        let answer = try server.post("/api/forecast?name=upload.yaml", broken.joined(separator: "\n"))
        #expect(answer.status == 422)
        #expect(answer.header("Content-Type")?.hasPrefix("application/json") == true)
        let errors = try #require(answer.error["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect(errors.first?["file"] as? String == "upload.yaml")
        #expect(errors.first?["line"] as? Int == line)
        #expect((errors.first?["path"] as? String)?.contains("salience") == true)
        #expect(answer.error["status"] as? Int == 422)
        // Not YAML at all: a syntax error, still located.
        let syntax = try server.post("/api/validate", "format: parley/1\nname: [unclosed\n")
        #expect(syntax.status == 422)
        #expect(((syntax.error["errors"] as? [[String: Any]])?.first?["line"] as? Int) != nil)
        #expect(try server.post("/api/validate", Self.bonn).json["valid"] as? Bool == true)
    }

    @Test func boundsAndMistakesAreRefusedWithJSON() throws {
        let server = try ServerProcess(["--max-body", "65536"])
        defer { server.stop() }
        let large = try server.post("/api/forecast", Self.bonn + String(repeating: "# padding\n", count: 8000))
        #expect(large.status == 413)
        #expect((large.error["hint"] as? String)?.contains("--max-body") == true)
        let form = try server.post("/api/forecast", Self.bonn, type: "application/x-www-form-urlencoded")
        #expect(form.status == 415)
        let wrongMethod = try server.get("/api/forecast")
        #expect(wrongMethod.status == 405)
        #expect(wrongMethod.header("Allow") == "POST")
        #expect(try server.get("/api/nothing-here").status == 404)
        #expect(try server.post("/api/forecast?model=nope", Self.bonn).status == 400)
        #expect(try server.get("/api/examples/no-such-example").status == 404)
        // A body refused before it is read must not leave the answer waiting: an unannounced
        // (chunked) oversized body, and a large body of the wrong type, each answer at once.
        let padded = Data((Self.bonn + String(repeating: "# padding\n", count: 8000)).utf8)
        var chunked = Data()
        for start in stride(from: 0, to: padded.count, by: 4096) {
            let piece = padded[start..<min(start + 4096, padded.count)]
            chunked += Data((String(piece.count, radix: 16) + "\r\n").utf8) + piece + Data("\r\n".utf8)
        }
        chunked += Data("0\r\n\r\n".utf8)
        let unannounced = try server.request("POST", "/api/forecast", body: chunked,
                                             headers: [("Content-Type", "application/yaml"), ("Transfer-Encoding", "chunked")], timeout: 5)
        #expect(unannounced.status == 413)
        let almostFull = String(repeating: "# padding\n", count: 6000)  // 60,000 bytes, under the 65,536 limit
        #expect(try server.request("POST", "/api/forecast", body: Data(almostFull.utf8), headers: [("Content-Type", "text/html")], timeout: 5).status == 415)
        // Another site's page cannot reach the API through a rebound DNS name.
        #expect(try server.request("GET", "/api/health", headers: [("Host", "evil.example:80")]).status == 421)
    }

    @Test func nothingOutsideTheAppsAssetsIsServed() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        for path in ["/../Package.swift", "/assets/../Package.swift", "/assets/%2e%2e/Package.swift", "/assets/..%2fPackage.swift",
                     "/assets/%2e%2e%2f%2e%2e%2fPackage.swift", "/assets/examples/bonn-2001.yaml", "/assets/index.html/..", "/Package.swift",
                     "/assets/%2fetc%2fpasswd", "//etc/passwd", "/api/examples/..%2f..%2fPackage.swift"] {
            let answer = try server.get(path)
            #expect(answer.status == 404, "\(path)")
            #expect(answer.header("Content-Type")?.hasPrefix("application/json") == true, "\(path)")
            #expect(!answer.text.contains("swift-tools-version") && !answer.text.contains("root:"), "\(path)")
        }
        let page = try server.get("/")
        #expect(page.status == 200)
        #expect(page.text.contains("<main id=\"app\">") && page.text.contains("<script src=\"/assets/app.js\""))
        #expect(!page.text.contains("http://") && !page.text.contains("https://"))  // no external scripts, styles or fonts
        #expect(page.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
        let script = try server.get("/assets/app.js")
        #expect(script.status == 200 && script.header("Content-Type")?.hasPrefix("text/javascript") == true)
        #expect(script.text.contains("/api/forecast"))
    }

    @Test func theOpenAPIDocumentListsEveryRoute() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let document = try server.get("/api/openapi.json").json
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        var listed: Set<String> = []
        for (path, methods) in paths { for method in methods.keys { listed.insert("\(method.uppercased()) \(path)") } }
        let expected: Set<String> = [
            "GET /", "GET /assets/{file}", "GET /api/openapi.json", "GET /api/health", "GET /api/models", "GET /api/examples",
            "GET /api/examples/{id}", "POST /api/validate", "POST /api/convert", "POST /api/forecast", "POST /api/simulate",
            "POST /api/sensitivity", "POST /api/charts", "POST /api/game/solve", "GET /api/runs", "GET /api/runs/{id}", "GET /api/compare",
            "GET /api/schema.json", "POST /api/reliability", "GET /api/progress/{id}",
        ]
        #expect(listed == expected)
        // Every documented route answers (not 404), and an undocumented neighbour does not.
        for entry in expected.sorted() {
            let parts = entry.split(separator: " ")
            let path = String(parts[1]).replacingOccurrences(of: "{file}", with: "app.css").replacingOccurrences(of: "{id}", with: "bonn-2001")
            let answer = parts[0] == "GET" ? try server.get(path) : try server.post(path, "")
            // (a run or a progress id that does not exist is 404 by design)
            #expect(answer.status != 404 && answer.status != 405 || path.hasPrefix("/api/runs/") || path.hasPrefix("/api/progress/"), "\(entry) answered \(answer.status)")
        }
        #expect(try server.get("/api/forecasts").status == 404)
    }

    @Test func everyBodyExampleInTheOpenAPIDocumentIsAccepted() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let paths = try #require(try server.get("/api/openapi.json").json["paths"] as? [String: [String: Any]])
        var tried = 0
        for (path, methods) in paths.sorted(by: { $0.key < $1.key }) {
            guard let post = methods["post"] as? [String: Any], let body = post["requestBody"] as? [String: Any],
                  let content = body["content"] as? [String: [String: Any]] else { continue }
            for (type, media) in content.sorted(by: { $0.key < $1.key }) {
                guard let example = media["example"] else { continue }
                let text: String
                if let string = example as? String {
                    text = string
                } else {
                    text = String(decoding: try JSONSerialization.data(withJSONObject: example), as: UTF8.self)
                }
                // simulate needs its model; the rest run with their defaults.
                let query = path == "/api/simulate" ? "?model=weighted-mean" : path == "/api/sensitivity" ? "?runs=20" : ""
                let answer = try server.post(path + query, text, type: type)
                #expect(answer.status == 200, "\(path) as \(type): \(answer.status) \(answer.text.prefix(300))")
                tried += 1
            }
        }
        #expect(tried == 8 * 2 + 1)  // eight body routes × (YAML, JSON), and Gambit text for games
    }

    @Test func examplesAreTheRepositorysExamples() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let folder = ParleyProcess.packageRoot + "/Examples"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        let listed = (try server.get("/api/examples").json["examples"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(listed == files.map { String($0.dropLast(5)) })
        for file in files {
            let original = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
            let bundled = try Data(contentsOf: URL(fileURLWithPath: ParleyProcess.packageRoot + "/Sources/ParleyServer/Assets/examples/" + file))
            #expect(bundled == original, "Sources/ParleyServer/Assets/examples/\(file) differs from Examples/\(file): copy it again")
            #expect(try server.get("/api/examples/" + file.dropLast(5)).body == original)
        }
    }

    @Test func theScenarioSchemaIsServedAsShipped() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let shipped = try Data(contentsOf: URL(fileURLWithPath: ParleyProcess.packageRoot + "/docs/parley-1.schema.json"))
        let bundled = try Data(contentsOf: URL(fileURLWithPath: ParleyProcess.packageRoot + "/Sources/ParleyServer/Assets/parley-1.schema.json"))
        #expect(bundled == shipped, "Sources/ParleyServer/Assets/parley-1.schema.json differs from docs/parley-1.schema.json: copy it again")
        let answer = try server.get("/api/schema.json")
        #expect(answer.body == shipped)
        let schema = try #require(try JSONSerialization.jsonObject(with: answer.body) as? [String: Any])
        #expect(schema["$schema"] != nil)
    }

    @Test func storedRunsCanBeListedShownAndCompared() throws {
        let store = try ParleyProcess.temporaryDirectory() + "/runs.sqlite"
        let server = try ServerProcess(environment: ["PARLEY_STORE": store])
        defer { server.stop() }
        #expect((try server.get("/api/runs").json["runs"] as? [Any])?.count == 0)
        let first = try server.post("/api/forecast?store=true&model=weighted-mean", Self.bonn)
        let edited = Self.bonn.replacingOccurrences(of: "capability: {value: 55, range: [40, 70]}", with: "capability: {value: 10, range: [5, 20]}")
        let second = try server.post("/api/forecast?store=true&model=weighted-mean", edited)
        let a = try #require(first.header("Parley-Run-ID"))
        let b = try #require(second.header("Parley-Run-ID"))
        let runs = try server.get("/api/runs").json["runs"] as? [[String: Any]] ?? []
        #expect(runs.compactMap { $0["id"] as? Int }.map(String.init) == [b, a])  // newest first
        let shown = try server.get("/api/runs/\(a)").json
        #expect(shown["command"] as? String == "forecast")
        let stored = try JSONSerialization.data(withJSONObject: try #require(shown["result"]), options: [.sortedKeys])
        let direct = try JSONSerialization.data(withJSONObject: first.json, options: [.sortedKeys])
        #expect(stored == direct)
        let comparison = try server.get("/api/compare?a=\(a)&b=\(b)").json
        #expect(comparison["same_scenario"] as? Bool == false)
        let rows = comparison["rows"] as? [[String: Any]] ?? []
        let before = first.json["forecasts"] as? [[String: Any]] ?? []
        let after = second.json["forecasts"] as? [[String: Any]] ?? []
        #expect(rows.count == before.count && before.count == 3)
        for (row, (x, y)) in zip(rows, zip(before, after)) {
            let difference = (y["value"] as? Double ?? .nan) - (x["value"] as? Double ?? .nan)
            #expect(abs((row["difference"] as? Double ?? .nan) - difference) < 1e-9)
        }
        #expect(try server.get("/api/runs/999999").status == 404)
    }

    @Test func anOversizedMonteCarloRequestIsRefusedAndOthersStayQuick() throws {
        let server = try ServerProcess(["--compute-seconds", "1.5", "--max-runs", "100000", "--max-work", "10000000", "--workers", "1"])
        defer { server.stop() }
        #expect(try server.post("/api/sensitivity?runs=100001", Self.bonn).status == 400)
        let work = try server.post("/api/sensitivity?runs=100000", Self.bonn)
        #expect(work.status == 422)  // 100000 runs × 7 models × 10 stakeholders × 3 issues = 21e6 > 1e7
        #expect((work.error["hint"] as? String)?.contains("--max-work") == true)
        // Admitted (90000 × 1 × 10 × 3 = 2.7e6) but slow: stopped at the deadline while a forecast is answered meanwhile.
        let slow = ConcurrentAnswer { try server.post("/api/sensitivity?runs=90000&model=weighted-mean", Self.bonn) }
        Thread.sleep(forTimeInterval: 0.3)
        let start = Date()
        let quick = try server.post("/api/forecast?model=weighted-mean", Self.bonn)
        let quickSeconds = Date().timeIntervalSince(start)
        #expect(quick.status == 200)
        #expect(quickSeconds < 1.0, "a forecast took \(quickSeconds) s while a Monte Carlo run was computing")
        let refused = try slow.wait()
        #expect(refused.status == 503)
        #expect((refused.error["message"] as? String)?.contains("1.5 s") == true)
        #expect(Date().timeIntervalSince(start) < 4)
    }
}

/// A request made on another thread, for "while this runs, that still answers".
final class ConcurrentAnswer: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<HTTPAnswer, any Error> = .failure(HTTPAnswer.Failure(description: "not finished"))

    init(_ body: @escaping @Sendable () throws -> HTTPAnswer) {
        Thread.detachNewThread {
            self.result = Result { try body() }
            self.done.signal()
        }
    }

    func wait() throws -> HTTPAnswer {
        done.wait()
        return try result.get()
    }
}
