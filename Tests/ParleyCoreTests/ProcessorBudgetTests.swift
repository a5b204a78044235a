import Foundation
import ParleyCore
import Testing

/// The default worker count honours the CPU limits a container or a batch job sets
/// (fixture trees under Fixtures/cgroup stand for `/`).
@Suite struct ProcessorBudgetTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/cgroup").path

    @Test(arguments: [
        // (cpu.max text, CPUs): QUOTA/PERIOD in microseconds; "max" is no limit.
        ("150000 100000\n", 1.5 as Double?),
        ("200000 100000", 2.0),
        ("50000 100000", 0.5),
        ("100000", 1.0),  // the period defaults to the kernel's 100 000 µs
        ("max 100000\n", nil),
        ("", nil),
        ("0 100000", nil),
        ("-1 100000", nil),
        ("abc 100000", nil),
        ("100000 0", nil),
        ("100000 xyz", nil),
    ])
    func cpuMaxIsParsed(text: String, cpus: Double?) {
        #expect(ProcessorBudget.cpuMax(text) == cpus)
    }

    @Test func cfsQuotaIsParsed() {
        #expect(ProcessorBudget.cfsQuota(quota: "250000\n", period: "100000\n") == 2.5)
        #expect(ProcessorBudget.cfsQuota(quota: "-1\n", period: "100000\n") == nil)
        #expect(ProcessorBudget.cfsQuota(quota: "", period: "100000") == nil)
        #expect(ProcessorBudget.cfsQuota(quota: "100000", period: "0") == nil)
    }

    @Test func quotasRoundUp() {
        #expect(ProcessorBudget.workers(forQuota: 0.5) == 1)
        #expect(ProcessorBudget.workers(forQuota: 1.0) == 1)
        #expect(ProcessorBudget.workers(forQuota: 1.5) == 2)
        #expect(ProcessorBudget.workers(forQuota: 2.0) == 2)
        #expect(ProcessorBudget.workers(forQuota: .infinity) == 1)
        #expect(ProcessorBudget.workers(forQuota: 1e300) == Int.max)
    }

    @Test(arguments: [
        ("0-15", 16 as Int?), ("0,2-3", 3), ("0-3,8,10-11\n", 7), ("5", 1),
        ("", nil), ("3-1", nil), ("a-b", nil), ("0-1-2", nil), ("-1", nil),
    ])
    func cpuListsAreCounted(text: String, count: Int?) {
        #expect(ProcessorBudget.cpuListCount(text) == count)
    }

    @Test(arguments: [
        // (fixture, cores, SLURM_CPUS_PER_TASK, expected budget)
        ("v2-pod", 64, nil, 2),  // limits.cpu 1500m on a 64-core node: ceil(1.5)
        ("v2-pod", 1, nil, 1),  // never more than the online cores
        ("v2-nested", 64, nil, 3),  // the leaf is unlimited, its parent slice allows 3 CPUs
        ("v2-unlimited", 64, nil, 3),  // no quota; affinity 0,2-3
        ("v2-unlimited", 64, "2", 2),  // a Slurm allocation narrows further
        ("v2-unlimited", 64, "0", 3),  // a nonsensical allocation is ignored
        ("v1-docker", 64, nil, 3),  // cgroup v1 quota 250000/100000: ceil(2.5); the unlimited root is ignored
        ("v1-docker", 64, "8", 3),  // the quota is tighter than the allocation
        ("does-not-exist", 6, nil, 6),  // no files (macOS): the cores
        ("does-not-exist", 0, nil, 1),  // at least 1
    ] as [(String, Int, String?, Int)])
    func budgetIsTheTightestLimit(fixture: String, cores: Int, slurm: String?, expected: Int) {
        let environment = slurm.map { ["SLURM_CPUS_PER_TASK": $0] } ?? [:]
        #expect(ProcessorBudget.budget(environment: environment, root: Self.fixtures + "/" + fixture, cores: cores) == expected)
    }

    @Test func theLiveBudgetIsWithinTheCores() {
        let budget = ProcessorBudget.current
        #expect(budget >= 1)
        #expect(budget <= Swift.max(1, ProcessInfo.processInfo.activeProcessorCount))
    }
}
