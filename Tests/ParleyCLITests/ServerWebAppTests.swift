import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the web app relies on from `parley serve` (issue 18): text that is not UTF-8 refused in words,
/// the evidence audit in `/api/validate`, and a client that hangs up stopping the server's work.
@Suite(.serialized) struct ServerWebAppTests {
    static let bonnText = (try? String(contentsOfFile: ParleyProcess.packageRoot + "/Examples/bonn-2001.yaml", encoding: .utf8)) ?? ""
    static let small = (try? String(contentsOfFile: ParleyProcess.packageRoot + "/Examples/dummyData_3Dim.yaml", encoding: .utf8)) ?? ""

    /// UTF-16 with and without a byte-order mark, and Latin-1: each a 422 saying the file is not UTF-8.
    /// ASCII saved as UTF-16 without a mark is valid UTF-8 byte by byte (every other byte NUL), so only the NUL pattern tells.
    @Test(arguments: [
        ("utf-16 little-endian, no mark", "UTF-16 little-endian"),
        ("utf-16 big-endian, no mark", "UTF-16 big-endian"),
        ("utf-16 with a mark", "UTF-16"),
        ("latin-1", "not UTF-8"),
    ])
    func textThatIsNotUTF8IsRefusedInWords(encoding: String, expected: String) throws {
        let text = Self.small.replacingOccurrences(of: "Dummy scenario", with: "Dümmy scenario")
        let body: Data
        switch encoding {
        case "utf-16 little-endian, no mark": body = try #require(text.data(using: .utf16LittleEndian))
        case "utf-16 big-endian, no mark": body = try #require(text.data(using: .utf16BigEndian))
        case "utf-16 with a mark": body = Data([0xFF, 0xFE]) + (try #require(text.data(using: .utf16LittleEndian)))
        default: body = try #require(text.data(using: .isoLatin1))
        }
        let server = try ServerProcess()
        defer { server.stop() }
        let answer = try server.request("POST", "/api/convert?name=upload.yaml", body: body, headers: [("Content-Type", "application/yaml")])
        #expect(answer.status == 422)
        let message = (answer.error["message"] as? String ?? "") + " " + ((answer.error["errors"] as? [[String: Any]])?.first?["message"] as? String ?? "")
        #expect(message.contains("not UTF-8"), "\(message)")
        #expect(message.contains(expected), "\(message)")
        // The same text as UTF-8 is fine.
        #expect(try server.post("/api/convert", text).status == 200)
    }

    /// `/api/validate` carries the evidence counts `parley validate` prints, and one entry per number.
    @Test func validateReportsTheEvidenceAuditOfTheCommandLine() throws {
        let cli = try ParleyProcess.run(["validate", "Examples/bonn-2001.yaml"])
        #expect(cli.status == 0)
        // "...; quotes: 29 verified, 12 unverifiable (no text); 20 paraphrases, 3 inferences; 2 dated after as_of"
        func figure(_ pattern: String) -> Int? {
            guard let range = cli.stdout.range(of: pattern, options: .regularExpression) else { return nil }
            return Int(cli.stdout[range].prefix { $0.isNumber })
        }
        let server = try ServerProcess()
        defer { server.stop() }
        let bonn = try String(contentsOfFile: ParleyProcess.packageRoot + "/Examples/bonn-2001.yaml", encoding: .utf8)
        let answer = try server.post("/api/validate", bonn)
        #expect(answer.status == 200)
        let evidence = try #require(answer.json["evidence"] as? [String: Any])
        // The server reads no local files, so it cannot check quotes against the sources' texts (Examples/sources/):
        // the command line's verified and unverifiable quotes together are the server's quotes.
        let quotes = (evidence["quotes_verified"] as? Int ?? -1) + (evidence["quotes_unverifiable"] as? Int ?? -1)
        #expect(quotes == (figure("[0-9]+ verified") ?? 0) + (figure("[0-9]+ unverifiable") ?? 0))
        #expect(evidence["paraphrases"] as? Int == figure("[0-9]+ paraphrase"))
        #expect(evidence["inferences"] as? Int == figure("[0-9]+ inference"))
        #expect(evidence["hindsight"] as? Int == (figure("[0-9]+ dated after") ?? 0))
        // Bonn: 11 stakeholders with a stance on each of 3 issues: 11 capabilities and 33 stances.
        let numbers = try #require(evidence["numbers"] as? [[String: Any]])
        #expect(numbers.count == 44)
        // Every piece counted for a number is a quote, a paraphrase or an inference, and no more are hindsight than the total.
        for number in numbers {
            let pieces = number["pieces"] as? Int ?? -1
            #expect(pieces == (number["quotes"] as? Int ?? 0) + (number["paraphrases"] as? Int ?? 0) + (number["inferences"] as? Int ?? 0))
            #expect((number["hindsight"] as? Int ?? 0) <= pieces)
        }
        let hindsight = numbers.reduce(0) { $0 + ($1["hindsight"] as? Int ?? 0) }
        #expect(hindsight <= evidence["hindsight"] as? Int ?? 0)
    }

    /// `/api/reliability` answers the bytes `parley reliability --json` prints, for a scenario with codings
    /// (Tests/Fixtures/coded-talks.yaml) and for one without (Bonn: no units, alphas null).
    @Test func reliabilityIsTheCommandLinesJSON() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        for file in ["Tests/Fixtures/coded-talks.yaml", "Examples/bonn-2001.yaml"] {
            let cli = try ParleyProcess.run(["reliability", file, "--json"])
            #expect(cli.status == 0, "\(cli.stderr)")
            let text = try String(contentsOfFile: ParleyProcess.packageRoot + "/" + file, encoding: .utf8)
            let answer = try server.post("/api/reliability", text)
            #expect(answer.status == 200)
            #expect(answer.text == cli.stdout, "\(file)")
        }
        let coded = try String(contentsOfFile: ParleyProcess.packageRoot + "/Tests/Fixtures/coded-talks.yaml", encoding: .utf8)
        let json = try server.post("/api/reliability", coded).json
        #expect(json["units"] as? Int == 7)
        #expect(json["coder_ids"] as? [String] == ["ann", "ben", "cai"])
        let issues = try #require(json["issues"] as? [[String: Any]])
        let force = try #require(issues.first { $0["issue"] as? String == "force" })
        // Positions on force in percent of its 0-10 scale, by coder (ann, ben, cai): north 20, 30, -; rome 80, -, 60;
        // un 90, 90, 100. n = 7; D_o = (2·10² + 2·20² + (4·10²)/2) / 7 = 1200/7; sum of squares about the mean
        // 470/7 is 37500 − 470²/7 = 5942.857, D_e = 2·7·5942.857 / (7·6) = 1980.952; alpha = 1 − D_o/D_e = 0.913462.
        let alpha = try #require((force["alpha"] as? [String: Any])?["position"] as? Double)
        #expect(abs(alpha - (1 - (1200.0 / 7) / (83200.0 / 42))) < 1e-9)
        let bonn = try server.post("/api/reliability", Self.bonnText).json
        #expect(bonn["units"] as? Int == 0)
        #expect((bonn["alpha"] as? [String: Any])?["position"] is NSNull)
    }

    /// `/api/charts?forecasts=` draws only the named models' forecasts (the web app's first charts of a large
    /// scenario), and the trajectory model runs on its own when it is not among them.
    @Test func chartsDrawTheNamedModelsForecasts() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let answer = try server.post("/api/charts?model=nash&forecasts=weighted-mean,weighted-median", Self.bonnText)
        #expect(answer.status == 200)
        let issues = try #require(answer.json["issues"] as? [[String: Any]])
        #expect(issues.count == 3)
        for issue in issues {
            let forecast = issue["forecast"] as? String ?? ""
            #expect(forecast.contains(">weighted-mean<") && forecast.contains(">weighted-median<"))
            #expect(!forecast.contains(">expected-utility<") && !forecast.contains(">ensemble<"))
            #expect((issue["trajectory"] as? String)?.contains("under nash") == true)
        }
        #expect(try server.post("/api/charts?forecasts=no-such-model", Self.bonnText).status == 400)
    }

    /// A client that closes its keep-alive connection (the app's Cancel aborts its fetch) frees the
    /// worker: the engine is told to stop. The run asked for would take far longer than the wait
    /// allowed, and the server's own deadline is an hour, so only the hang-up can have stopped it.
    @Test func aClientThatHangsUpStopsTheMonteCarloWork() throws {
        let server = try ServerProcess(["--compute-seconds", "3600", "--max-runs", "100000000", "--max-work", "1000000000000000"])
        defer { server.stop() }
        func busy() throws -> Int {
            let health = try server.request("GET", "/api/health")
            return ((health.json["busy"] as? [String: Any])?["workers"] as? Int) ?? -1
        }
        #expect(try busy() == 0)
        let connection = try KeepAliveConnection(port: server.port)
        try connection.request(path: "/api/sensitivity?runs=2000000&seed=1", body: Data(Self.small.utf8))
        #expect(try waitUntil(seconds: 120) { try busy() == 1 }, "the Monte Carlo run never started")
        connection.hangUp()
        #expect(try waitUntil(seconds: 120) { try busy() == 0 }, "the worker was still busy two minutes after the client hung up")
    }

    private func waitUntil(seconds: Double, _ condition: () throws -> Bool) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            usleep(50_000)
        }
        return false
    }
}

/// One HTTP/1.1 request on a keep-alive connection, closed by the test without reading the answer.
private final class KeepAliveConnection {
    private var fd: Int32

    init(port: Int) throws {
        #if canImport(Glibc)
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw HTTPAnswer.Failure(description: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            _ = close(fd)
            throw HTTPAnswer.Failure(description: "cannot connect to port \(port)")
        }
    }

    func request(path: String, body: Data) throws {
        let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\nContent-Length: \(body.count)\r\nConnection: keep-alive\r\n\r\n"
        var outgoing = Data(head.utf8) + body
        while !outgoing.isEmpty {
            let sent = outgoing.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw HTTPAnswer.Failure(description: "send() failed") }
            outgoing.removeFirst(sent)
        }
    }

    func hangUp() {
        if fd >= 0 { _ = close(fd) }
        fd = -1
    }

    deinit { hangUp() }
}
