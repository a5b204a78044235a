import ParleyCore

/// How many threads Parley's parallel engines use by default.
enum Parallelism {
    /// The CPUs this process may use (``ProcessorBudget/current``: affinity, the cgroup CPU quota
    /// and `SLURM_CPUS_PER_TASK`), at least 1.
    static var defaultJobs: Int { ProcessorBudget.current }
}
