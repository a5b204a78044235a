import Foundation
import Testing

/// The inputs of issue 12 that killed `parley` (SIGILL, SIGSEGV, an 8 TB allocation), run
/// through the real executable: each now exits 65 (66 for an unusable store) with a located
/// error that names the limit, and never dies of a signal.
@Suite(.serialized) struct HostileInputCLITests {
    /// Writes `text` to a fresh temporary file named `name` and returns its path.
    func file(_ name: String, _ text: String) throws -> String {
        let path = try ParleyProcess.temporaryDirectory() + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A scenario with one issue on `scale` and two stances at `a` and `b`.
    func scenario(min: String, max: String, a: String, b: String) -> String {
        """
        format: parley/1
        name: Big scale
        issues:
          - id: x
            name: X
            scale: {min: \(min), max: \(max)}
        stakeholders:
          - id: a
            name: A
            capability: 10
            stances:
              x: {position: \(a), salience: 50}
          - id: b
            name: B
            capability: 20
            stances:
              x: {position: \(b), salience: 80}
        """
    }

    @Test func gambitPayoffWithTheSmallestExponentIsAnError() throws {
        let path = try file("x.nfg", "NFG 1 R \"x\" { \"A\" \"B\" } { 2 2 }\n1e-9223372036854775808 0 0 0 0 0 0 0\n")
        let result = try ParleyProcess.run(["game", "solve", path])
        #expect(result.status == 65)  // SIGILL (132) before
        #expect(result.stderr.contains("x.nfg:2:1: error: a payoff: the exponent of '1e-9223372036854775808' is beyond ±4000 (limit: exponent per number)"))
    }

    @Test func sixtyFourPlayerHeaderIsRefusedAtOnce() throws {
        let players = (1...64).map { "\"p\($0)\"" }.joined(separator: " ")
        let path = try file("n64.nfg", "NFG 1 R \"x\" { \(players) } { \(Array(repeating: "2", count: 64).joined(separator: " ")) }\n0\n")
        let result = try ParleyProcess.run(["game", "solve", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("(limit: profiles)"))
    }

    @Test func strategyCountNearIntMaxIsRefusedAtOnce() throws {
        let path = try file("big.nfg", "NFG 1 R \"x\" { \"a\" \"b\" } { 9223372036854775807 1 }\n0\n")
        let result = try ParleyProcess.run(["game", "solve", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("big.nfg:1:27: error: player 1 brings the game past 10000000 strategy profiles"))
    }

    @Test func fortyPlayerGameFileIsRefusedBeforeAllocating() throws {
        let players = (0..<40).map { "  - {id: p\($0), actions: [a, b]}" }.joined(separator: "\n")
        let actions = (0..<40).map { "p\($0): a" }.joined(separator: ", ")
        let payoffs = (0..<40).map { "p\($0): 0" }.joined(separator: ", ")
        let path = try file("g40.yaml", "format: parley-game/1\nname: big\nplayers:\n\(players)\npayoffs:\n  - {actions: {\(actions)}, payoffs: {\(payoffs)}}\n")
        let result = try ParleyProcess.run(["game", "solve", path])
        #expect(result.status == 65)  // abort allocating 8 TB before
        #expect(result.stderr.contains("g40.yaml:4:3: error: players: the players' actions (and types) make more than 10000000 combinations"))
    }

    @Test(arguments: [("-1", "manifest.shard_count is -1"), ("1", "manifest.runs is 9223372036854775807")])
    func mergeRefusesBadManifests(count: String, expected: String) throws {
        let directory = try ParleyProcess.temporaryDirectory()
        let sweep = try ParleyProcess.run(["sensitivity", "Examples/ec-car-emissions.yaml", "--runs", "4", "--seed", "1",
                                           "--shard", "0/1", "--out", directory, "--model", "weighted-mean"])
        #expect(sweep.status == 0, "\(sweep.stderr)")
        let shard = directory + "/shard-0000-of-0001.json"
        var text = try String(contentsOfFile: shard, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"shard_count\": 1", with: "\"shard_count\": \(count)")
        if count == "1" { text = text.replacingOccurrences(of: "\"runs\": 4", with: "\"runs\": 9223372036854775807") }
        try text.write(toFile: shard, atomically: true, encoding: .utf8)
        let result = try ParleyProcess.run(["merge", directory])
        #expect(result.status == 65)  // SIGILL / SIGSEGV before
        #expect(result.stderr.contains(expected), "\(result.stderr)")
    }

    @Test(arguments: [("0", "1e19", "5e18", "1e18"), ("-1e200", "1e200", "1e199", "-1e199")])
    func scalesBeyondTheMagnitudeLimitFailValidation(min: String, max: String, a: String, b: String) throws {
        let path = try file("big.yaml", scenario(min: min, max: max, a: a, b: b))
        for command in [["validate", path], ["forecast", path, "--json"]] {
            let result = try ParleyProcess.run(command)
            #expect(result.status == 65, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("big.yaml:6:"), "\(result.stderr)")
            #expect(result.stderr.contains("(limit: number magnitude)"), "\(result.stderr)")
        }
    }

    @Test func scaleAtTheMagnitudeLimitForecastsAndReports() throws {
        // The largest scale that validates: every model, table, chart and JSON answer stays finite.
        let path = try file("edge.yaml", scenario(min: "-1e15", max: "1e15", a: "9e14", b: "-3e14"))
        let forecast = try ParleyProcess.run(["forecast", path, "--json"])
        #expect(forecast.status == 0, "\(forecast.stderr)")
        #expect(!forecast.stdout.contains("nan") && !forecast.stdout.contains("inf"))
        let table = try ParleyProcess.run(["forecast", path])
        #expect(table.status == 0, "\(table.stderr)")
        let out = try ParleyProcess.temporaryDirectory() + "/edge.html"
        let report = try ParleyProcess.run(["report", path, "-o", out])
        #expect(report.status == 0, "\(report.stderr)")
        let simulate = try ParleyProcess.run(["simulate", path, "--model", "spatial", "--json"])
        #expect(simulate.status == 0, "\(simulate.stderr)")
    }

    @Test func repeatedCaseWithAnOverflowingStartYearIsAnError() throws {
        let text = try String(contentsOfFile: ParleyProcess.packageRoot + "/Examples/axis-of-evil.yaml", encoding: .utf8)
            .replacingOccurrences(of: "start: 2001-Q4", with: "start: 9223372036854775807-Q4")
            .replacingOccurrences(of: "text: sources/mousavian2014.txt, ", with: "")  // the copy has no sources/ beside it
        let path = try file("axis.yaml", text)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("9223372036854775807-Q4") }) + 1
        let result = try ParleyProcess.run(["validate", path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("axis.yaml:\(line):"), "\(result.stderr)")
        #expect(result.stderr.contains("horizon.start: the start year 9223372036854775807 is beyond ±1000000 (limit: start year)"))
    }

    @Test func aForeignStoreIsAnErrorNotATrap() throws {
        // A store whose run table has NULLs where Parley writes values: GRDB's non-optional
        // subscripts trapped on it.
        let directory = try ParleyProcess.temporaryDirectory()
        let path = directory + "/runs.sqlite"
        let create = Process()
        create.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        create.arguments = ["sqlite3", path, """
            CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY); INSERT INTO grdb_migrations VALUES ('v1');
            CREATE TABLE run (id INTEGER PRIMARY KEY, command TEXT, scenario_name TEXT, scenario_sha256 TEXT, parameters TEXT, seed TEXT,
              parley_version TEXT, started_at TEXT, finished_at TEXT, duration_seconds REAL, status TEXT, result TEXT);
            CREATE TABLE replicate (run_id INTEGER, idx INTEGER, payload TEXT); INSERT INTO run (id, command) VALUES (1, NULL);
            """]
        guard (try? create.run()) != nil else { return }  // no sqlite3 here: ParleyStoreTests cover the store itself
        create.waitUntilExit()
        guard create.terminationStatus == 0 else { return }
        let result = try ParleyProcess.run(["runs", "list"], environment: ["PARLEY_STORE": path])
        #expect(result.status == 66, "\(result.stderr)")
        #expect(result.stderr.contains("could not be read"))
    }

    @Test func decidesOwnCSVFilesReadAsDecideInput() throws {
        // Tab-separated '#A/#P/#M/#D' rows in a .csv file, as decide ships its inputs.
        let path = ParleyProcess.packageRoot + "/Tests/ParleyBargainingTests/Fixtures/decide/river.csv"
        let result = try ParleyProcess.run(["validate", path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("7 stakeholders, 5 issues"), "\(result.stdout)")
    }
}
