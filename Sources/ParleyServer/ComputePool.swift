import Dispatch
import Foundation
import ParleyCore

/// Set when a computation's deadline passed or its client left; the engines check it between
/// steps (it is bound as ``ParleyCore/Cancellation/current`` around the work) and stop.
typealias CancelFlag = CancellationToken

/// Runs model computations on their own threads, at most `workers` at once, each within a deadline.
///
/// Swift's cooperative pool has one thread per core; a model run there would stall every other request
/// on that thread, so each computation gets a thread of its own and the request task only awaits it.
/// A computation that misses its deadline is told to stop (``CancelFlag``, bound as the engines'
/// ambient ``ParleyCore/Cancellation`` token, which the models and game solvers check each round
/// or pivot) and the request gets 503; its worker slot is freed only when it has actually
/// stopped, so runaway work cannot pile up. ``busy`` counts the slots in use.
final class ComputePool: @unchecked Sendable {
    let workers: Int
    let seconds: Double
    private let lock = NSLock()
    private var busyCount = 0
    private var waiting: [(id: UInt64, resume: (Bool) -> Void)] = []
    private var nextID: UInt64 = 0

    /// The serve flag that raises `workers`, named in the busy message.
    let flag: String?

    init(workers: Int, seconds: Double, flag: String?) {
        self.workers = max(1, workers)
        self.seconds = seconds
        self.flag = flag
    }

    /// Runs `body` on a worker thread and returns its result.
    /// - Throws: what `body` throws, or a 503 ``APIError`` when no worker came free or the work did not
    ///   finish within the deadline.
    /// - Parameter cancel: set by the caller when the client has gone; the work is then skipped or told to stop.
    func run<T: Sendable>(_ what: String, cancel: CancelFlag = CancelFlag(), _ body: @escaping @Sendable (CancelFlag) throws -> T) async throws -> T {
        let deadline = DispatchTime.now() + seconds
        let admitted = await acquire(until: deadline)
        if cancel.isCancelled {
            if admitted { release() }
            throw APIError(499, "the client closed the connection before \(what) started")
        }
        guard admitted else {
            throw APIError(503, "the server is busy: all \(workers) worker\(workers == 1 ? " is" : "s are") computing and none came free within \(NumberText.seconds(seconds)) s",
                           hint: "retry shortly, or start the server with \(flag.map { "more \($0) or " } ?? "")a longer --compute-seconds",
                           headers: [("Retry-After", "2")])
        }
        let once = ResumeOnce<T>()
        let limit = seconds
        return try await withCheckedThrowingContinuation { continuation in
            once.set(continuation)
            // A thread of its own, not Dispatch's global queue: on Linux that queue is as wide as the cores,
            // so one long Monte Carlo run could hold back every forecast queued behind it.
            let thread = Thread {
                let result = Cancellation.$current.withValue(cancel) { Result { try body(cancel) } }
                self.release()
                once.resume(result)
            }
            thread.stackSize = 8 << 20
            thread.start()
            DispatchQueue.global().asyncAfter(deadline: deadline) {
                cancel.cancel()
                once.resume(.failure(APIError(
                    503, "\(what) did not finish within the server's limit of \(NumberText.seconds(limit)) s and was stopped",
                    hint: "ask for less (fewer runs, a smaller scenario), run it with the parley command line, or start the server with a longer --compute-seconds")))
            }
        }
    }

    /// Worker slots in use now: computations running, including those past their deadline that
    /// have not stopped yet.
    var busy: Int { lock.withLock { busyCount } }

    /// `{"workers": busy heavy slots, "light_workers": busy light slots}` for `/api/health`.
    static func busyJSON(heavy: ComputePool, light: ComputePool) -> JSONValue {
        .object([("workers", .integer(Int64(heavy.busy))), ("light_workers", .integer(Int64(light.busy)))])
    }

    private func acquire(until deadline: DispatchTime) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let id: UInt64? = lock.withLock {
                if busyCount < workers {
                    busyCount += 1
                    return nil
                }
                nextID += 1
                waiting.append((nextID, { continuation.resume(returning: $0) }))
                return nextID
            }
            guard let id else {
                continuation.resume(returning: true)
                return
            }
            DispatchQueue.global().asyncAfter(deadline: deadline) {
                let timedOut: ((Bool) -> Void)? = self.lock.withLock {
                    guard let index = self.waiting.firstIndex(where: { $0.id == id }) else { return nil }
                    return self.waiting.remove(at: index).resume
                }
                timedOut?(false)
            }
        }
    }

    /// Hands the slot to the longest waiter, or frees it.
    private func release() {
        let next: ((Bool) -> Void)? = lock.withLock {
            if waiting.isEmpty {
                busyCount -= 1
                return nil
            }
            return waiting.removeFirst().resume
        }
        next?(true)
    }
}

/// A continuation resumed by whichever comes first: the result or the deadline.
private final class ResumeOnce<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var pending: Result<T, any Error>?
    private var done = false

    func set(_ continuation: CheckedContinuation<T, any Error>) {
        let early: Result<T, any Error>? = lock.withLock {
            if let pending {
                self.pending = nil
                return pending
            }
            self.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    func resume(_ result: Result<T, any Error>) {
        let target: CheckedContinuation<T, any Error>? = lock.withLock {
            if done { return nil }
            done = true
            guard let continuation else {
                pending = result
                return nil
            }
            self.continuation = nil
            return continuation
        }
        target?.resume(with: result)
    }
}

extension NumberText {
    /// Seconds for messages: "10", "2.5".
    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? plain(value) : fixed(value, digits: 1)
    }
}
