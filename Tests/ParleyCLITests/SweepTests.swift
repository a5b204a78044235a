import Foundation
import Testing

/// The Monte Carlo contract (DESIGN.md, "Determinism" and "Scale"), checked on the real executable.
@Suite(.serialized) struct SweepTests {
    /// The closed-form models keep these process-level tests fast; the contract is the same for all.
    static let models = ["--model", "weighted-mean", "--model", "nash", "--model", "ensemble"]
    let arguments = ["sensitivity", "Examples/bonn-2001.yaml", "--runs", "240", "--seed", "11", "--json"] + models

    @Test func outputIsByteIdenticalForAnyJobs() throws {
        let outputs = try [1, 2, 8].map { jobs in try ParleyProcess.run(arguments + ["--jobs", "\(jobs)"]) }
        #expect(outputs.allSatisfy { $0.status == 0 })
        #expect(outputs[0].stdout == outputs[1].stdout)
        #expect(outputs[0].stdout == outputs[2].stdout)
        #expect(outputs[0].stdout.contains("\"summaries\""))
    }

    @Test func fourShardProcessesMergeToTheSingleRun() throws {
        let directory = try ParleyProcess.temporaryDirectory()
        // Launch the four shards as concurrent processes, as a scheduler would.
        let shards = try (0..<4).map { index -> Process in
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(ParleyProcess.executable))
            process.arguments = ["sensitivity", "Examples/bonn-2001.yaml", "--runs", "240", "--seed", "11", "--jobs", "1", "--out", directory] + Self.models
            process.currentDirectoryURL = URL(fileURLWithPath: ParleyProcess.packageRoot)
            // Shard 2 takes its index from Slurm's variables as a rerun with `sbatch --array=2` sets them
            // (a one-task array: its count and minimum must not be read as the sweep's), shard 3 from a
            // Kubernetes indexed job's.
            var environment = ProcessInfo.processInfo.environment
            switch index {
            case 2: environment.merge(["SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "2", "SLURM_ARRAY_TASK_COUNT": "1",
                                        "PARLEY_SHARD_COUNT": "4"]) { $1 }
            case 3: environment.merge(["JOB_COMPLETION_INDEX": "3", "PARLEY_SHARD_COUNT": "4"]) { $1 }
            default: process.arguments? += ["--shard", "\(index)/4"]
            }
            process.environment = environment
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in shards { process.waitUntilExit() }
        #expect(shards.allSatisfy { $0.terminationStatus == 0 })
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files == ["shard-0000-of-0004.json", "shard-0001-of-0004.json", "shard-0002-of-0004.json", "shard-0003-of-0004.json"])
        let merged = try ParleyProcess.run(["merge", directory, "--json"])
        let single = try ParleyProcess.run(arguments)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == single.stdout)
    }

    @Test func mergeRefusesMissingDuplicateAndForeignShards() throws {
        let directory = try ParleyProcess.temporaryDirectory()
        for index in [0, 2] {
            #expect(try ParleyProcess.run(["sensitivity", "Examples/bonn-2001.yaml", "--runs", "30", "--seed", "1", "--shard", "\(index)/3", "--out", directory] + Self.models).status == 0)
        }
        let missing = try ParleyProcess.run(["merge", directory])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("missing shard 1 of 3"))

        let foreign = try ParleyProcess.temporaryDirectory()
        #expect(try ParleyProcess.run(["sensitivity", "Examples/bonn-2001.yaml", "--runs", "30", "--seed", "2", "--shard", "1/3", "--out", foreign] + Self.models).status == 0)
        let mixed = try ParleyProcess.run(["merge", directory, foreign])
        #expect(mixed.status == 65)
        #expect(mixed.stderr.contains("belongs to another sweep"))
        #expect(mixed.stderr.contains("seed 2 vs 1"))

        let duplicate = try ParleyProcess.run(["merge", directory, directory + "/shard-0000-of-0003.json"])
        #expect(duplicate.stderr.contains("shard 0 of 3 appears twice"))
    }

    @Test func slurmArrayWithoutAShardCountIsAUsageError() throws {
        let directory = try ParleyProcess.temporaryDirectory()
        let arguments = ["sensitivity", "Examples/bonn-2001.yaml", "--runs", "30", "--out", directory, "--no-store"] + Self.models
        // A rerun of one task (`sbatch --array=3`) without PARLEY_SHARD_COUNT: its array size, 1, is not the sweep's.
        let missing = try ParleyProcess.run(arguments, environment: ["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_COUNT": "1", "SLURM_ARRAY_TASK_MIN": "3"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("PARLEY_SHARD_COUNT is not"))
        // Index 4 of 4 shards is out of range.
        let outside = try ParleyProcess.run(arguments, environment: ["SLURM_ARRAY_TASK_ID": "4", "PARLEY_SHARD_COUNT": "4"])
        #expect(outside.status == 64)
        #expect(outside.stderr.contains("is not a shard"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
    }

    @Test func shardWithoutOutIsAUsageError() throws {
        let result = try ParleyProcess.run(["sensitivity", "Examples/bonn-2001.yaml", "--shard", "0/2"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--out DIR is required"))
        #expect(try ParleyProcess.run(["sensitivity", "Examples/bonn-2001.yaml", "--shard", "2/2", "--out", "x"]).status == 64)
    }
}
