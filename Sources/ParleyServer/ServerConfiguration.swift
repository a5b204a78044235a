import Foundation
import ParleyCore

/// What `parley serve` binds to and how much work one request may ask for.
///
/// Every bound answers a refused request with a JSON error naming the limit and the flag that raises it.
public struct ServerConfiguration: Sendable, Hashable {
    /// The interface to listen on; loopback unless the user asks otherwise.
    public var host: String
    /// The TCP port; 0 asks the system for a free one (the bound port is reported on start).
    public var port: Int
    /// The largest request body accepted, in bytes (larger ones get 413).
    public var maxBodyBytes: Int
    /// Wall-clock seconds one computation may take, including waiting for a free worker (then 503).
    public var computeSeconds: Double
    /// The most Monte Carlo runs one request may ask for.
    public var maxRuns: Int
    /// The most model-stakeholder-issue evaluations one Monte Carlo request may ask for:
    /// runs × models × stakeholders × issues.
    public var maxMonteCarloWork: Int
    /// Monte Carlo runs and game solutions allowed at once; the rest wait (up to `computeSeconds`).
    /// Forecasts and charts have their own workers (one per core, at least 2), so they stay quick meanwhile.
    public var workers: Int
    /// The run store's path (the same database as the command line's). Never shown in an answer.
    public var storePath: String
    /// Whether requests may record runs (`?store=true`) and read the store; `parley serve
    /// --no-store` turns it off: the store is then never opened, whatever a request says.
    public var recordRuns: Bool

    /// - Parameters: see the properties; `workers` defaults to one less than the cores (at least 1), so one
    ///   core stays free for the event loop and light requests.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, maxBodyBytes: Int = 4 * 1024 * 1024, computeSeconds: Double = 10,
        maxRuns: Int = 20_000, maxMonteCarloWork: Int = 50_000_000, workers: Int? = nil, storePath: String, recordRuns: Bool = true
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.computeSeconds = computeSeconds
        self.maxRuns = maxRuns
        self.maxMonteCarloWork = maxMonteCarloWork
        self.workers = workers ?? ServerConfiguration.defaultWorkers
        self.storePath = storePath
        self.recordRuns = recordRuns
    }

    /// One less than the active cores, at least 1.
    public static var defaultWorkers: Int {
        max(1, ProcessorCount.active - 1)
    }

    /// Whether `host` names a loopback interface (only these are safe without authentication).
    public var isLoopback: Bool {
        let name = host.lowercased()
        return name == "::1" || name == "localhost" || Self.isIPv4Loopback(name)
    }
}

extension ServerConfiguration {
    /// Whether `name` is a dotted IPv4 address in 127.0.0.0/8 (four numbers 0-255, the first 127).
    static func isIPv4Loopback(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts.first == "127" else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy { $0.isASCII && $0.isNumber } && (Int(part) ?? 256) <= 255
        }
    }
}

enum ProcessorCount {
    /// The CPUs this process may use (affinity, cgroup quota, Slurm allocation), at least 1.
    static var active: Int { ProcessorBudget.current }
}
