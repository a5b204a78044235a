import Foundation
import ParleySimulation
@testable import ParleyStore
import Testing

@Suite struct RunStoreTests {
    func temporaryStore() throws -> RunStore {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)/runs.sqlite").path
        return try RunStore(path: path)
    }

    @Test func recordsRunsAndReplicatesExactly() throws {
        let store = try temporaryStore()
        let id = try store.begin(command: "sensitivity", scenarioName: "Bonn", scenarioHash: "abc", parameters: "{\"runs\": 3}", seed: 18_446_744_073_709_551_615, version: "0.1.0")
        let replicates = [
            ReplicateResult(index: 2, values: [[51.51000000000001, nil], [0.1 + 0.2, 1e-300]], converged: [true, false]),
            ReplicateResult(index: 0, values: [[-0.0, 100]], converged: [true]),
        ]
        try store.save(replicates, run: id)
        try store.save([replicates[0]], run: id)  // saving again keeps one row
        #expect(try store.replicates(run: id) == replicates.sorted { $0.index < $1.index })
        #expect(try store.resumable(command: "sensitivity", scenarioHash: "abc", parameters: "{\"runs\": 3}") == id)
        #expect(try store.resumable(command: "sensitivity", scenarioHash: "abc", parameters: "{\"runs\": 4}") == nil)
        try store.finish(id, status: .complete, result: "{}", duration: 1.5)
        #expect(try store.resumable(command: "sensitivity", scenarioHash: "abc", parameters: "{\"runs\": 3}") == nil)
        let record = try #require(try store.record(id))
        #expect(record.status == .complete)
        #expect(record.seed == 18_446_744_073_709_551_615)
        #expect(record.replicateCount == 2)
        #expect(record.durationSeconds == 1.5)
        #expect(try store.list().map(\.id) == [id])
    }

    @Test func defaultPathFollowsTheEnvironment() {
        #expect(RunStore.defaultPath(environment: ["PARLEY_STORE": "/x/runs.sqlite", "HOME": "/home/a"]) == "/x/runs.sqlite")
        #expect(RunStore.defaultPath(environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/a"]) == "/data/parley/runs.sqlite")
        #expect(RunStore.defaultPath(environment: ["HOME": "/home/a"]) == "/home/a/.parley/runs.sqlite")
    }
}
