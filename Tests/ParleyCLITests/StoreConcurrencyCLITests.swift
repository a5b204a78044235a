import Foundation
import Testing

/// Eight `parley sensitivity` shard processes, started together, record into one new run store
/// (issue 15: four shards lost a run in 3 of 8 trials with "table run already exists").
@Suite struct StoreConcurrencyCLITests {
    @Test func eightShardProcessesOnANewStoreLoseNothing() throws {
        let directory = try ParleyProcess.temporaryDirectory()
        let store = directory + "/store/runs.sqlite"  // does not exist yet: every process races to create it
        let runs = 400  // 50 replicates per shard
        let processes = try (0..<8).map { index -> (Process, Pipe) in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(ParleyProcess.executable))
            process.arguments = ["sensitivity", "Examples/bonn-2001.yaml", "--runs", "\(runs)", "--seed", "5", "--jobs", "1",
                                 "--shard", "\(index)/8", "--out", directory + "/shards", "--store", store] + SweepTests.models
            process.currentDirectoryURL = URL(fileURLWithPath: ParleyProcess.packageRoot)
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return (process, errors)
        }
        var messages: [String] = []
        for (process, errors) in processes {
            messages.append(String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
            process.waitUntilExit()
        }
        #expect(processes.allSatisfy { $0.0.terminationStatus == 0 })
        // A store that cannot be opened or written is only a warning: look for none.
        #expect(!messages.contains { $0.contains("warning") }, "\(messages.filter { $0.contains("warning") })")
        // Runs 1 to 8 are the eight shards, each complete with its 50 replicates; there is no run 9.
        for id in 1...8 {
            let shown = try ParleyProcess.run(["runs", "show", "\(id)", "--store", store])
            #expect(shown.status == 0, "\(shown.stderr)")
            #expect(shown.stdout.contains("(complete)"))
            #expect(shown.stdout.contains("replicates checkpointed: \(runs / 8)"))
        }
        #expect(try ParleyProcess.run(["runs", "show", "9", "--store", store]).status != 0)
        let shards = try FileManager.default.contentsOfDirectory(atPath: directory + "/shards")
        #expect(shards.count == 8)
    }
}
