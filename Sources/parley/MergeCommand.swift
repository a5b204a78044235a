import ArgumentParser
import Foundation
import ParleyBargaining
import ParleyCore
import ParleyIO
import ParleySimulation

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the shards of a Monte Carlo sweep exactly, after checking that none is missing, doubled or foreign.",
        discussion: """
            Reads every shard-*.json in the given directories (or the given files). The output is byte for \
            byte what an unsharded `parley sensitivity` run with the same seed and runs prints.

            Example:
              parley merge sweep/
              parley merge sweep/ --json > sweep.json
            """)

    @Argument(help: "Shard directories or files.")
    var paths: [String]

    @Option(help: "Drivers to list per issue.")
    var top = 5

    @Flag(help: "Write one JSON document to stdout and nothing else.")
    var json = false

    func run() throws {
        try Console.run {
            var files: [String] = []
            for path in paths {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    throw ScenarioErrors([ScenarioError(.fileNotFound, "no such file or directory: \(path)")])
                }
                if isDirectory.boolValue {
                    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                    files += names.filter { $0.hasPrefix("shard-") && $0.hasSuffix(".json") }.sorted().map { (path as NSString).appendingPathComponent($0) }
                } else {
                    files.append(path)
                }
            }
            var shards: [(path: String, shard: ShardFile)] = []
            for file in files { shards.append((file, try ShardFile.read(file))) }
            let (manifest, scenario, results) = try ShardFile.merge(shards)
            let models = manifest.plan.models.compactMap { ModelCatalog.model(named: $0, for: scenario) }
            guard models.count == manifest.plan.models.count else {
                throw ScenarioErrors([ScenarioError(.invalidValue, "the shards name models this Parley does not have: \(manifest.plan.models.joined(separator: ", "))")])
            }
            try SensitivityCommand.printSummary(scenario: scenario, plan: manifest.plan, results: results, models: models, top: top, json: json)
        }
    }
}
