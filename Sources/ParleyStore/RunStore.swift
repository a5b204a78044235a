import Foundation
import GRDB
public import ParleySimulation

/// A recorded run of a Parley command.
public struct RunRecord: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        case running, complete, interrupted, failed
    }

    public var id: Int64
    /// `forecast`, `sensitivity`, `backtest`, ...
    public var command: String
    public var scenarioName: String
    public var scenarioHash: String
    /// The run's parameters as JSON (models, runs, seed, ...), as the command wrote them.
    public var parameters: String
    public var seed: UInt64?
    public var version: String
    /// ISO 8601, UTC.
    public var startedAt: String
    public var finishedAt: String?
    public var durationSeconds: Double?
    public var status: Status
    /// The command's `--json` output, when it finished.
    public var result: String?
    /// Replicates checkpointed so far (Monte Carlo runs).
    public var replicateCount: Int
}

/// Why the store could not be used.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure; new codes may be added without breaking callers.
    public struct Code: RawRepresentable, Sendable, Hashable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The store could not be opened or created (permissions, a missing folder, a file that is not a Parley store).
        public static let cannotOpen = Code(rawValue: "cannot-open")
        /// A read failed.
        public static let readFailed = Code(rawValue: "read-failed")
        /// A write failed.
        public static let writeFailed = Code(rawValue: "write-failed")
        /// A run or replicate that was asked for is not in the store.
        public static let notFound = Code(rawValue: "not-found")
    }

    public var code: Code
    public var message: String
    /// The store's file, as given.
    public var path: String?

    public init(_ code: Code = .cannotOpen, message: String, path: String? = nil) {
        self.code = code
        self.message = message
        self.path = path
    }

    public var description: String { message }
}

/// The embedded SQLite store of runs (GRDB): every run's scenario hash, parameters, seed,
/// version, timing and results, and the replicates of Monte Carlo sweeps as they finish, so an
/// interrupted sweep resumes where it stopped.
///
/// The schema is managed by a `DatabaseMigrator`; the database uses WAL and a busy timeout so
/// that several shard processes can write to one store.
public final class RunStore: Sendable {
    private let database: DatabaseQueue
    public let path: String

    /// Opens (creating if needed) the store at `path`.
    /// - Throws: ``StoreError`` when the file cannot be opened or migrated.
    public init(path: String) throws(StoreError) {
        self.path = path
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            var configuration = Configuration()
            configuration.busyMode = .timeout(30)
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL")
            }
            database = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(database)
        } catch {
            throw StoreError(.cannotOpen, message: "cannot open the run store at \(path): \(error)", path: path)
        }
    }

    /// `$PARLEY_STORE`, else `$XDG_DATA_HOME/parley/runs.sqlite`, else `~/.parley/runs.sqlite`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let path = environment["PARLEY_STORE"], !path.isEmpty { return path }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return data + "/parley/runs.sqlite" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.parley/runs.sqlite"
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE run (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  command TEXT NOT NULL,
                  scenario_name TEXT NOT NULL,
                  scenario_sha256 TEXT NOT NULL,
                  parameters TEXT NOT NULL,
                  seed TEXT,
                  parley_version TEXT NOT NULL,
                  started_at TEXT NOT NULL,
                  finished_at TEXT,
                  duration_seconds REAL,
                  status TEXT NOT NULL,
                  result TEXT
                );
                CREATE INDEX run_resume ON run(command, scenario_sha256, parameters, status);
                CREATE TABLE replicate (
                  run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
                  idx INTEGER NOT NULL,
                  payload TEXT NOT NULL,
                  PRIMARY KEY (run_id, idx)
                );
                """)
        }
        return migrator
    }

    /// Records the start of a run; returns its id.
    public func begin(command: String, scenarioName: String, scenarioHash: String, parameters: String, seed: UInt64?, version: String) throws(StoreError) -> Int64 {
        try write { db in
            try db.execute(sql: """
                INSERT INTO run (command, scenario_name, scenario_sha256, parameters, seed, parley_version, started_at, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'running')
                """, arguments: [command, scenarioName, scenarioHash, parameters, seed.map(String.init), version, Self.timestamp(Date())])
            return db.lastInsertedRowID
        }
    }

    /// Records how a run ended.
    public func finish(_ id: Int64, status: RunRecord.Status, result: String?, duration: Double) throws(StoreError) {
        try write { db in
            try db.execute(sql: "UPDATE run SET status = ?, result = ?, duration_seconds = ?, finished_at = ? WHERE id = ?",
                           arguments: [status.rawValue, result, duration, Self.timestamp(Date()), id])
        }
    }

    /// Checkpoints finished replicates (idempotent: a replicate stored twice keeps one row).
    public func save(_ replicates: [ReplicateResult], run id: Int64) throws(StoreError) {
        try write { db in
            let statement = try db.makeStatement(sql: "INSERT OR REPLACE INTO replicate (run_id, idx, payload) VALUES (?, ?, ?)")
            for replicate in replicates {
                try statement.execute(arguments: [id, replicate.index, ReplicateCodec.encode(replicate)])
            }
        }
    }

    /// The checkpointed replicates of run `id`, in index order.
    public func replicates(run id: Int64) throws(StoreError) -> [ReplicateResult] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT idx, payload FROM replicate WHERE run_id = ? ORDER BY idx", arguments: [id]).compactMap { row in
                ReplicateCodec.decode(index: row["idx"], row["payload"])
            }
        }
    }

    /// The latest unfinished run of `command` with the same scenario and parameters, if any.
    public func resumable(command: String, scenarioHash: String, parameters: String) throws(StoreError) -> Int64? {
        try read { db in
            try Int64.fetchOne(db, sql: """
                SELECT id FROM run WHERE command = ? AND scenario_sha256 = ? AND parameters = ? AND status IN ('running', 'interrupted')
                ORDER BY id DESC LIMIT 1
                """, arguments: [command, scenarioHash, parameters])
        }
    }

    /// The most recent runs, newest first.
    public func list(limit: Int = 50) throws(StoreError) -> [RunRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "\(Self.selectRecord) ORDER BY run.id DESC LIMIT ?", arguments: [limit]).map(Self.record)
        }
    }

    /// The run with `id`, if any.
    public func record(_ id: Int64) throws(StoreError) -> RunRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "\(Self.selectRecord) WHERE run.id = ?", arguments: [id]).map(Self.record)
        }
    }

    private static let selectRecord = """
        SELECT run.*, (SELECT COUNT(*) FROM replicate WHERE replicate.run_id = run.id) AS replicate_count FROM run
        """

    private static func record(_ row: Row) -> RunRecord {
        RunRecord(
            id: row["id"], command: row["command"], scenarioName: row["scenario_name"], scenarioHash: row["scenario_sha256"],
            parameters: row["parameters"], seed: (row["seed"] as String?).flatMap { UInt64($0) }, version: row["parley_version"],
            startedAt: row["started_at"], finishedAt: row["finished_at"], durationSeconds: row["duration_seconds"],
            status: RunRecord.Status(rawValue: row["status"]) ?? .failed, result: row["result"], replicateCount: row["replicate_count"])
    }

    private func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.write(body)
        } catch {
            throw StoreError(.writeFailed, message: "the run store at \(path) could not be written: \(error)", path: path)
        }
    }

    private func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try database.read(body)
        } catch {
            throw StoreError(.readFailed, message: "the run store at \(path) could not be read: \(error)", path: path)
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}

/// A replicate's values as compact, exact text: models separated by `;`, issues by `,`, `n`
/// for no value, then `|` and one `1`/`0` per model for convergence.
enum ReplicateCodec {
    static func encode(_ replicate: ReplicateResult) -> String {
        let values = replicate.values.map { row in row.map { $0.map { "\($0)" } ?? "n" }.joined(separator: ",") }.joined(separator: ";")
        return values + "|" + replicate.converged.map { $0 ? "1" : "0" }.joined()
    }

    static func decode(index: Int, _ text: String) -> ReplicateResult? {
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let values = parts[0].split(separator: ";", omittingEmptySubsequences: false).map { row in
            row.split(separator: ",", omittingEmptySubsequences: false).map { $0 == "n" ? nil : Double($0) }
        }
        return ReplicateResult(index: index, values: values, converged: parts[1].map { $0 == "1" })
    }
}
