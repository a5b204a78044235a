import Dispatch
import Synchronization

/// Runs independent model evaluations on up to `jobs` threads and returns their results in index
/// order, so the output never depends on scheduling.
enum ParallelRuns {
    /// `body(0) ... body(count − 1)` on at most `jobs` threads (`DispatchQueue.concurrentPerform`),
    /// in index order. Work stops early when `body` throws or `shouldStop` returns true; the first
    /// error by index is rethrown, and a stop throws `stopped`.
    static func map<T: Sendable>(
        count: Int, jobs: Int, stopped: ModelError, shouldStop: @escaping @Sendable () -> Bool,
        _ body: @escaping @Sendable (Int) throws(ModelError) -> T
    ) throws(ModelError) -> [T] {
        guard count > 0 else { return [] }
        let workers = Swift.max(1, Swift.min(jobs, count))
        let next = Atomic<Int>(0)
        let failed = Atomic<Bool>(false)
        let collected = Mutex<[Result<T, ModelError>?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var local: [(Int, Result<T, ModelError>)] = []
            while !failed.load(ordering: .relaxed) {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                if index >= count { break }
                if shouldStop() {
                    failed.store(true, ordering: .relaxed)
                    break
                }
                do throws(ModelError) {
                    local.append((index, .success(try body(index))))
                } catch {
                    local.append((index, .failure(error)))
                    failed.store(true, ordering: .relaxed)
                }
            }
            collected.withLock { all in
                for (index, result) in local { all[index] = result }
            }
        }
        let results = collected.withLock { $0 }
        for case .failure(let error)? in results { throw error }
        var values: [T] = []
        values.reserveCapacity(count)
        for case .success(let value)? in results { values.append(value) }
        guard values.count == count else { throw stopped }
        return values
    }
}
