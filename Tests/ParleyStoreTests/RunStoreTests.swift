import Foundation
import ParleySimulation
import GRDB
@testable import ParleyStore
import Testing

@Suite struct RunStoreTests {
    func temporaryStore() throws -> RunStore {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)/runs.sqlite").path
        return try RunStore(path: path)
    }

    @Test func recordsRunsAndReplicatesExactly() throws {
        let store = try temporaryStore()
        let id = try store.begin(command: "sensitivity", scenarioName: "Bonn", scenarioHash: "abc", parameters: "{\"runs\": 3}", seed: 18_446_744_073_709_551_615, version: "0.1.0")
        let replicates = [
            ReplicateResult(index: 2, values: [[51.51000000000001, nil], [0.1 + 0.2, 1e-300]], converged: [true, false]),
            ReplicateResult(index: 0, values: [[-0.0, 100]], converged: [true]),
        ]
        try store.save(replicates, run: id)
        try store.save([replicates[0]], run: id)  // saving again keeps one row
        #expect(try store.replicates(run: id) == replicates.sorted { $0.index < $1.index })
        #expect(try store.resumable(command: "sensitivity", scenarioHash: "abc", parameters: "{\"runs\": 3}") == id)
        #expect(try store.resumable(command: "sensitivity", scenarioHash: "abc", parameters: "{\"runs\": 4}") == nil)
        try store.finish(id, status: .complete, result: "{}", duration: 1.5)
        #expect(try store.resumable(command: "sensitivity", scenarioHash: "abc", parameters: "{\"runs\": 3}") == nil)
        let record = try #require(try store.record(id))
        #expect(record.status == .complete)
        #expect(record.seed == 18_446_744_073_709_551_615)
        #expect(record.replicateCount == 2)
        #expect(record.durationSeconds == 1.5)
        #expect(try store.list().map(\.id) == [id])
    }

    @Test func defaultPathFollowsTheEnvironment() {
        #expect(RunStore.defaultPath(environment: ["PARLEY_STORE": "/x/runs.sqlite", "HOME": "/home/a"]) == "/x/runs.sqlite")
        #expect(RunStore.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"]) == "/data/parley/runs.sqlite")
        #expect(RunStore.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.parley/runs.sqlite")
    }
}

/// A database that Parley did not write (issue 12): errors, never traps.
@Suite struct ForeignDatabaseTests {
    func foreignPath(_ sql: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("foreign-\(UUID().uuidString).sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: sql) }
        return path
    }

    @Test func nullsWhereParleyWritesValuesAreErrors() throws {
        // The migration table claims v1, but the run row has NULLs and the replicate index is text.
        let path = try foreignPath("""
            CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
            INSERT INTO grdb_migrations VALUES ('v1');
            CREATE TABLE run (id INTEGER PRIMARY KEY, command TEXT, scenario_name TEXT, scenario_sha256 TEXT, parameters TEXT,
                              seed TEXT, parley_version TEXT, started_at TEXT, finished_at TEXT, duration_seconds REAL, status TEXT, result TEXT);
            CREATE TABLE replicate (run_id INTEGER, idx, payload TEXT);
            INSERT INTO run (id, command) VALUES (1, NULL);
            INSERT INTO replicate VALUES (1, 'not a number', NULL);
            """)
        let store = try RunStore(path: path)
        #expect(throws: StoreError.self) { try store.list() }
        #expect(throws: StoreError.self) { try store.record(1) }
        #expect(throws: StoreError.self) { try store.replicates(run: 1) }
    }

    @Test func missingColumnsAreErrors() throws {
        let path = try foreignPath("""
            CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
            INSERT INTO grdb_migrations VALUES ('v1');
            CREATE TABLE run (id INTEGER PRIMARY KEY, note TEXT);
            CREATE TABLE replicate (run_id INTEGER, idx INTEGER, payload TEXT);
            INSERT INTO run VALUES (1, 'x');
            """)
        let store = try RunStore(path: path)
        #expect(throws: StoreError.self) { try store.list() }
    }

    @Test func anotherProgramsTableNamedRunIsAnErrorAtOpening() throws {
        let path = try foreignPath("CREATE TABLE run (name TEXT); INSERT INTO run VALUES ('mine');")
        #expect(throws: StoreError.self) { try RunStore(path: path) }
    }

    @Test func anotherProgramsDatabaseIsRefusedAndLeftAsItWas() throws {
        let path = try foreignPath("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');")
        #expect(throws: StoreError.self) { try RunStore(path: path) }
        let tables = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        #expect(tables == ["notes"])
    }

    @Test func aFileThatIsNotADatabaseIsAnError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("foreign-\(UUID().uuidString).sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try RunStore(path: path) }
    }
}
