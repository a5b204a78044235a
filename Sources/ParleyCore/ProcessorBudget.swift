import Foundation

/// How many CPUs this process may really use, for the default of every `--jobs` and worker pool.
///
/// The core count (`ProcessInfo.activeProcessorCount`) is wrong in a container or a batch job: a pod
/// limited to 2 CPUs on a 64-core node sees 64 cores and would start 64 workers that the kernel then
/// throttles. The budget is the smallest of:
///
/// - the cores the process may run on (its scheduler affinity, `Cpus_allowed_list` in `/proc/self/status`,
///   which `taskset`, `cpuset` cgroups and Slurm's task binding narrow);
/// - the cgroup CPU quota, rounded up: cgroup v2 `cpu.max` (`"150000 100000"` is 1.5 CPUs, so 2
///   workers; `"max 100000"` is no limit), or cgroup v1 `cpu.cfs_quota_us` / `cpu.cfs_period_us`
///   (a quota of -1 is no limit), taken at the process's own cgroup and every ancestor, as
///   Kubernetes' CPU limits and systemd's `CPUQuota=` set them;
/// - in a Slurm job, `SLURM_CPUS_PER_TASK` (the allocation), when it is a positive integer;
///
/// and at least 1. Files that are missing or unreadable are ignored (macOS has none of them).
/// Reading costs a few small file reads; call it once per command.
public enum ProcessorBudget {
    /// The budget of this process: affinity, cgroup quota and `SLURM_CPUS_PER_TASK`, at least 1.
    public static var current: Int {
        budget(environment: ProcessInfo.processInfo.environment, root: "/", cores: ProcessInfo.processInfo.activeProcessorCount)
    }

    /// The budget read from the files under `root` (a fixture folder in tests, `/` for real),
    /// with `cores` as the last resort.
    /// - Parameters:
    ///   - environment: the process environment (only `SLURM_CPUS_PER_TASK` is read).
    ///   - root: the folder that stands for `/`; `proc/self/status`, `proc/self/cgroup` and
    ///     `sys/fs/cgroup/...` are read below it.
    ///   - cores: the online core count, used when nothing narrower is known.
    /// - Returns: the number of workers to start, at least 1.
    public static func budget(environment: [String: String], root: String, cores: Int) -> Int {
        var limit = Swift.max(1, cores)
        if let allowed = read(root, "proc/self/status").flatMap(allowedCPUs(status:)) {
            limit = Swift.min(limit, allowed)
        }
        if let quota = cgroupQuota(root: root) {
            limit = Swift.min(limit, workers(forQuota: quota))
        }
        if let text = environment["SLURM_CPUS_PER_TASK"], let cpus = Int(text), cpus >= 1 {
            limit = Swift.min(limit, cpus)
        }
        return Swift.max(1, limit)
    }

    /// The CPUs a cgroup v2 `cpu.max` file allows: `"QUOTA PERIOD"` in microseconds gives
    /// QUOTA/PERIOD; `"max ..."` (no limit), empty or malformed text gives nil.
    public static func cpuMax(_ text: String) -> Double? {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        guard let first = fields.first, first != "max", let quota = Double(first), quota > 0 else { return nil }
        let period = fields.count > 1 ? Double(fields[1]) : 100_000  // the kernel's default period
        guard let period, period > 0 else { return nil }
        return quota / period
    }

    /// The CPUs a cgroup v1 quota allows: `cpu.cfs_quota_us` / `cpu.cfs_period_us`; a quota of -1
    /// (no limit), 0 or malformed text gives nil.
    public static func cfsQuota(quota: String, period: String) -> Double? {
        guard let quota = Double(quota.trimmingCharacters(in: .whitespacesAndNewlines)), quota > 0,
              let period = Double(period.trimmingCharacters(in: .whitespacesAndNewlines)), period > 0 else { return nil }
        return quota / period
    }

    /// Workers for a quota of `cpus`: rounded up (1.5 CPUs run 2 workers, which the quota then
    /// shares), at least 1, at most `Int.max`.
    public static func workers(forQuota cpus: Double) -> Int {
        guard cpus.isFinite, cpus > 0 else { return 1 }
        let rounded = cpus.rounded(.up)
        return rounded >= Double(Int.max) ? Int.max : Swift.max(1, Int(rounded))
    }

    /// The number of CPUs in a Linux CPU list such as `"0-3,8,10-11"` (7); nil when malformed.
    public static func cpuListCount(_ text: String) -> Int? {
        var count = 0
        for part in text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",") {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count == 1 || bounds.count == 2, let low = Int(bounds[0]), low >= 0 else { return nil }
            let high = bounds.count == 2 ? Int(bounds[1]) : low
            guard let high, high >= low, high - low < 1 << 20 else { return nil }
            count += high - low + 1
        }
        return count > 0 ? count : nil
    }

    /// The `Cpus_allowed_list` of a `/proc/self/status` text, counted.
    static func allowedCPUs(status: String) -> Int? {
        for line in status.split(separator: "\n") where line.hasPrefix("Cpus_allowed_list:") {
            return cpuListCount(String(line.dropFirst("Cpus_allowed_list:".count)))
        }
        return nil
    }

    /// The tightest cgroup CPU quota of this process and its ancestors, v2 or v1, in CPUs.
    static func cgroupQuota(root: String) -> Double? {
        guard let membership = read(root, "proc/self/cgroup") else { return nil }
        var quotas: [Double] = []
        for line in membership.split(separator: "\n") {
            // "hierarchy-ID:controllers:path"; the path itself may hold colons.
            let fields = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3 else { continue }
            let path = String(fields[2])
            if fields[0] == "0", fields[1].isEmpty {
                for mount in ["sys/fs/cgroup", "sys/fs/cgroup/unified"] {
                    for folder in ancestors(of: path) {
                        if let text = read(root, mount + folder + "/cpu.max"), let cpus = cpuMax(text) { quotas.append(cpus) }
                    }
                }
            } else if fields[1].split(separator: ",").contains("cpu") {
                for mount in ["sys/fs/cgroup/cpu", "sys/fs/cgroup/cpu,cpuacct"] {
                    for folder in ancestors(of: path) {
                        if let quota = read(root, mount + folder + "/cpu.cfs_quota_us"),
                           let period = read(root, mount + folder + "/cpu.cfs_period_us"),
                           let cpus = cfsQuota(quota: quota, period: period) {
                            quotas.append(cpus)
                        }
                    }
                }
            }
        }
        return quotas.min()
    }

    /// `"/a/b"` → `["/a/b", "/a", ""]`: the cgroup and its ancestors as suffixes of a mount point
    /// (inside a container's cgroup namespace the path is `/`, which gives `[""]`).
    static func ancestors(of path: String) -> [String] {
        var parts = path.split(separator: "/").filter { $0 != ".." && $0 != "." }
        var folders: [String] = []
        while !parts.isEmpty {
            folders.append("/" + parts.joined(separator: "/"))
            parts.removeLast()
        }
        folders.append("")
        return folders
    }

    private static func read(_ root: String, _ relative: String) -> String? {
        let base = root.hasSuffix("/") ? root : root + "/"
        guard let data = FileManager.default.contents(atPath: base + relative) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
