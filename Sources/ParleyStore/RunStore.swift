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
    ///
    /// Safe when several processes open and write one new store at once (the shards of a sweep on
    /// one machine): every connection waits up to 30 s for a lock (`busy_timeout`), and when two
    /// processes create the schema at the same moment the loser's migration fails ("table run already
    /// exists"), so the open is retried, and finds the schema the winner committed. A store on a
    /// network file system (NFS, SMB/CIFS, Lustre, GPFS, CephFS, AFS, 9p) is refused: SQLite's WAL
    /// needs shared memory that only one machine's processes share, and its locks are unreliable
    /// there (see docs/scaling.md).
    /// - Throws: ``StoreError`` when the file cannot be opened or migrated, or lies on a network
    ///   file system.
    public init(path: String) throws(StoreError) {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError(.cannotOpen, message: "cannot open the run store at \(path): \(error)", path: path)
        }
        if let kind = Self.networkFileSystem(atPath: folder.isEmpty ? "." : folder) {
            throw StoreError(.cannotOpen, message: "the run store at \(path) is on a network file system (\(kind)), where SQLite's "
                             + "write-ahead log cannot work and locks are unreliable; set PARLEY_STORE (or --store) to a path on a "
                             + "local disk, one per task, or pass --no-store", path: path)
        }
        var attempt = 0
        while true {
            do {
                database = try Self.open(path: path)
                return
            } catch let error as StoreError {
                throw error
            } catch {
                // A racing process created the schema or held the lock while switching to WAL:
                // retry a few times; the second open sees its committed schema.
                attempt += 1
                guard attempt < Self.openAttempts else {
                    throw StoreError(.cannotOpen, message: "cannot open the run store at \(path): \(error)", path: path)
                }
                usleep(useconds_t(20_000 * attempt))
            }
        }
    }

    /// How many times an open is tried before its error is reported.
    static let openAttempts = 8

    /// One attempt: connect, switch to WAL, refuse foreign databases, migrate.
    private static func open(path: String) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL")
        }
        let database = try DatabaseQueue(path: path, configuration: configuration)
        // Another program's database (tables, but none of the store's bookkeeping): refuse it
        // rather than add tables to it.
        let foreign = try database.read { db -> [String] in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            return tables.isEmpty || tables.contains("grdb_migrations") ? [] : tables
        }
        guard foreign.isEmpty else {
            throw StoreError(message: "cannot open the run store at \(path): it is another program's database (tables \(foreign.prefix(5).joined(separator: ", "))); "
                             + "Parley keeps its runs in a file of its own: set PARLEY_STORE to a new path", path: path)
        }
        try migrator.migrate(database)
        return database
    }

    /// The type of the network file system that holds `path` (`nfs4`, `cifs`, ...), or nil for a
    /// local one or when it cannot be told (no `/proc/self/mounts`, as on macOS).
    public static func networkFileSystem(atPath path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: "/proc/self/mounts") else { return nil }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        return networkFileSystem(atPath: resolved, mounts: String(decoding: data, as: UTF8.self))
    }

    /// The network file system type of the mount that holds the absolute, resolved `path`,
    /// according to `mounts` (the text of `/proc/self/mounts`: device, mount point, type, ...;
    /// spaces in a mount point written `\040`): the longest mount point that contains `path`.
    /// Linear in the number of mounts.
    static func networkFileSystem(atPath path: String, mounts: String) -> String? {
        var best: (point: String, type: String)?
        for line in mounts.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            let point = fields[1].replacingOccurrences(of: "\\040", with: " ")
            let inside = point == "/" || path == point || path.hasPrefix(point.hasSuffix("/") ? point : point + "/")
            if inside, point.count >= (best?.point.count ?? 0) {
                best = (point, String(fields[2]))
            }
        }
        guard let type = best?.type else { return nil }
        let network = ["nfs", "nfs4", "cifs", "smb3", "smbfs", "lustre", "gpfs", "ceph", "9p", "afs", "glusterfs", "fuse.sshfs", "fuse.s3fs"]
        return network.contains(type) ? type : nil
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
                // Throwing decoders: a foreign or damaged database gives an error, never a trap.
                ReplicateCodec.decode(index: try row.decode(Int.self, forColumn: "idx"), try row.decode(String.self, forColumn: "payload"))
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

    /// A row as a record, with GRDB's throwing decoders: a database written by something else
    /// (missing columns, NULLs, values of the wrong type) gives an error, never a trap.
    private static func record(_ row: Row) throws -> RunRecord {
        RunRecord(
            id: try row.decode(forColumn: "id"), command: try row.decode(forColumn: "command"),
            scenarioName: try row.decode(forColumn: "scenario_name"), scenarioHash: try row.decode(forColumn: "scenario_sha256"),
            parameters: try row.decode(forColumn: "parameters"),
            seed: (try row.decode(String?.self, forColumn: "seed")).flatMap { UInt64($0) },
            version: try row.decode(forColumn: "parley_version"),
            startedAt: try row.decode(forColumn: "started_at"), finishedAt: try row.decode(forColumn: "finished_at"),
            durationSeconds: try row.decode(forColumn: "duration_seconds"),
            status: RunRecord.Status(rawValue: try row.decode(String.self, forColumn: "status")) ?? .failed,
            result: try row.decode(forColumn: "result"), replicateCount: try row.decode(forColumn: "replicate_count"))
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
