import Foundation
import Testing

/// Interrupted sweeps keep what finished and resume without losing or repeating a replicate.
@Suite(.serialized) struct ResumeTests {
    func sweep(_ store: String, extra: [String] = []) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ParleyProcess.executable ?? "parley")
        process.arguments = ["sensitivity", "Examples/bonn-2001.yaml", "--runs", "4000", "--seed", "5", "--jobs", "2", "--json", "--store", store] + SweepTests.models + extra
        process.currentDirectoryURL = URL(fileURLWithPath: ParleyProcess.packageRoot)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }

    /// Waits until the store shows checkpointed replicates of a running sweep (at most 60 s).
    func waitForCheckpoint(_ store: String) throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let listed = try ParleyProcess.run(["runs", "list", "--store", store])
            // A running row shows its id and, once blocks are checkpointed, their replicate count.
            if let line = listed.stdout.split(separator: "\n").first(where: { $0.contains("running") }),
               line.split(separator: " ").compactMap({ Int($0) }).count >= 2 {
                return
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
    }

    @Test func killedSweepResumesToTheSameResult() throws {
        let directory = try ParleyProcess.temporaryDirectory()
        let store = directory + "/runs.sqlite"
        let child = sweep(store)
        try child.run()
        // Let it checkpoint some blocks, then kill it without warning (as an OOM killer or a pre-empted node would).
        try waitForCheckpoint(store)
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)

        let listed = try ParleyProcess.run(["runs", "list", "--store", store])
        #expect(listed.stdout.contains("running"), "\(listed.stdout)")

        let resumed = try ParleyProcess.run(["sensitivity", "Examples/bonn-2001.yaml", "--runs", "4000", "--seed", "5", "--jobs", "2", "--json", "--store", store, "--resume"] + SweepTests.models)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.contains("resuming run"))
        let fresh = try ParleyProcess.run(["sensitivity", "Examples/bonn-2001.yaml", "--runs", "4000", "--seed", "5", "--json", "--no-store"] + SweepTests.models)
        #expect(resumed.stdout == fresh.stdout)

        let after = try ParleyProcess.run(["runs", "show", "1", "--store", store])
        #expect(after.stdout.contains("(complete)"))
        #expect(after.stdout.contains("replicates checkpointed: 4000"))
        let exported = try ParleyProcess.run(["runs", "export", "1", "--store", store])
        #expect(exported.stdout == fresh.stdout)
    }

    @Test func ctrlCStopsCleanlyAndKeepsWhatFinished() throws {
        let directory = try ParleyProcess.temporaryDirectory()
        let store = directory + "/runs.sqlite"
        let child = sweep(store)
        try child.run()
        try waitForCheckpoint(store)
        kill(child.processIdentifier, SIGINT)
        child.waitUntilExit()
        #expect(child.terminationStatus == 130)
        let shown = try ParleyProcess.run(["runs", "show", "1", "--store", store])
        #expect(shown.stdout.contains("(interrupted)"))
        #expect(try ParleyProcess.run(["runs", "export", "1", "--store", store]).status == 64)  // no result yet
        let resumed = try ParleyProcess.run(["sensitivity", "Examples/bonn-2001.yaml", "--runs", "4000", "--seed", "5", "--jobs", "2", "--json", "--store", store, "--resume"] + SweepTests.models)
        #expect(resumed.status == 0)
    }

    @Test func resumeWithNothingToResumeIsAClearError() throws {
        let store = try ParleyProcess.temporaryDirectory() + "/runs.sqlite"
        let result = try ParleyProcess.run(["sensitivity", "Examples/bonn-2001.yaml", "--runs", "10", "--store", store, "--resume"] + SweepTests.models)
        #expect(result.status == 64)
        #expect(result.stderr.contains("nothing to resume"))
    }
}
