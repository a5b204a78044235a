import Foundation

/// How many threads Parley's parallel engines use by default.
enum Parallelism {
    /// `SLURM_CPUS_PER_TASK` when set to a positive integer (a batch job's allocation),
    /// else `ProcessInfo.activeProcessorCount`.
    static var defaultJobs: Int {
        if let text = ProcessInfo.processInfo.environment["SLURM_CPUS_PER_TASK"], let value = Int(text), value > 0 {
            return value
        }
        return Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)
    }
}
