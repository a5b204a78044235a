import Foundation
import ParleySimulation
@testable import ParleyStore
import Testing

/// A store shared by racing openers, and stores on network file systems.
@Suite struct StoreConcurrencyTests {
    @Test func racingOpenersOfANewStoreAllSucceedAndLoseNothing() async throws {
        // Eight connections create the same new store at once (in one process; the CLI test runs
        // eight processes): every open succeeds and every run is kept.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("race-\(UUID().uuidString)/runs.sqlite").path
        let ids = try await withThrowingTaskGroup(of: Int64.self) { group in
            for task in 0..<8 {
                group.addTask {
                    let store = try RunStore(path: path)
                    let id = try store.begin(command: "sensitivity", scenarioName: "task \(task)", scenarioHash: "h", parameters: "{}", seed: UInt64(task), version: "0")
                    try store.save([ReplicateResult(index: task, values: [[Double(task)]], converged: [true])], run: id)
                    try store.finish(id, status: .complete, result: nil, duration: 0)
                    return id
                }
            }
            return try await group.reduce(into: [Int64]()) { $0.append($1) }
        }
        #expect(Set(ids).count == 8)
        let records = try RunStore(path: path).list(limit: 100)
        #expect(records.count == 8)
        #expect(records.allSatisfy { $0.status == .complete && $0.replicateCount == 1 })
        #expect(Set(records.map(\.scenarioName)) == Set((0..<8).map { "task \($0)" }))
    }

    static let mounts = """
        overlay / overlay rw,relatime 0 0
        proc /proc proc rw 0 0
        tmpfs /tmp tmpfs rw 0 0
        fs1:/export/home /home nfs4 rw,vers=4.2 0 0
        /dev/sdb1 /home/alice/scratch ext4 rw 0 0
        //nas/share /mnt/my\\040share cifs rw 0 0
        lustre@o2ib:/scratch /lustre lustre rw 0 0
        """

    @Test(arguments: [
        ("/home/alice/.parley/runs.sqlite", "nfs4" as String?),
        ("/home/alice/scratch/runs.sqlite", nil),  // a local disk mounted inside the NFS home
        ("/home", "nfs4"),
        ("/homework/runs.sqlite", nil),  // a prefix of the name is not a parent folder
        ("/tmp/parley/runs.sqlite", nil),
        ("/mnt/my share/runs.sqlite", "cifs"),
        ("/lustre/project/runs.sqlite", "lustre"),
        ("/var/lib/parley/runs.sqlite", nil),  // the overlay root
    ])
    func networkFileSystemsAreTold(path: String, type: String?) {
        #expect(RunStore.networkFileSystem(atPath: path, mounts: Self.mounts) == type)
    }

    @Test func theTemporaryFolderIsNotANetworkFileSystemHere() {
        // The test machines keep /tmp on a local disk or tmpfs; the store tests above rely on it.
        #expect(RunStore.networkFileSystem(atPath: FileManager.default.temporaryDirectory.path) == nil)
    }
}
