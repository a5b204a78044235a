import Synchronization

/// A request to stop a long computation, set from another thread (a server's deadline, a client
/// that hung up) and checked by the engines between steps.
///
/// Setting and reading are one relaxed atomic operation each, so a hot loop may check it often;
/// engines check once per round, pivot or support, or every few thousand iterations of an inner
/// loop. A computation that was never cancelled runs exactly as without a token.
public final class CancellationToken: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Whether ``cancel()`` was called.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }

    /// Asks every computation holding this token to stop at its next check. Idempotent.
    public func cancel() { flag.store(true, ordering: .relaxed) }
}

/// The ambient cancellation token of the computation running on this thread or task.
///
/// A front end that bounds a computation (the web server) binds a token around it with
/// `Cancellation.$current.withValue(token) { ... }`; the engines read it at their checks
/// (``isRequested``) and stop, throwing their own typed error (a `ModelError`-like "stopped"
/// error) or returning early to a caller that throws. Nothing binds a token on the command
/// line, so there every check is false and results are unchanged.
///
/// The binding is a task-local value: it reaches synchronous code called from the binding
/// scope, on the same thread (also outside any task), but not work handed to other threads.
public enum Cancellation {
    /// The token bound for the current computation, if any.
    @TaskLocal public static var current: CancellationToken?

    /// Whether the current computation was asked to stop. A task-local lookup and an atomic
    /// load: cheap, but hot inner loops should check every N iterations (see ``Checkpoint``).
    public static var isRequested: Bool { current?.isCancelled ?? false }

    /// The message engines give when they stop on request.
    public static let message = "stopped before finishing: the computation was cancelled (its deadline passed or its client left)"
}

/// A cheap periodic check for hot loops: reads the ambient token once, then looks at its flag
/// every `interval` calls to ``shouldStop()``.
public struct Checkpoint: Sendable {
    private let token: CancellationToken?
    private let interval: Int
    private var count = 0

    /// - Parameter interval: how many calls between two looks at the flag (at least 1).
    public init(every interval: Int = 1024) {
        token = Cancellation.current
        self.interval = max(1, interval)
    }

    /// True once the computation was asked to stop (looked at every `interval` calls; always
    /// false without a token).
    public mutating func shouldStop() -> Bool {
        guard let token else { return false }
        count += 1
        guard count >= interval else { return false }
        count = 0
        return token.isCancelled
    }

    /// Looks at the flag now.
    public var isCancelled: Bool { token?.isCancelled ?? false }
}
