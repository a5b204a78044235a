import Foundation
public import ParleyCore
public import ParleySimulation

/// One shard of a Monte Carlo sweep on disk: a manifest that identifies the sweep, the
/// scenario itself (so `parley merge` needs nothing else), and every replicate's results with
/// numbers written exactly (shortest round-trip decimal).
public struct ShardFile: Sendable {
    public static let formatTag = "parley-shard/1"

    /// What every shard of one sweep shares, plus which slice this one is.
    public struct Manifest: Sendable, Hashable {
        public var version: String
        public var scenarioHash: String
        public var plan: MonteCarloPlan
        public var shardIndex: Int
        public var shardCount: Int

        public init(version: String, scenarioHash: String, plan: MonteCarloPlan, shardIndex: Int, shardCount: Int) {
            self.version = version
            self.scenarioHash = scenarioHash
            self.plan = plan
            self.shardIndex = shardIndex
            self.shardCount = shardCount
        }

        /// Whether two manifests belong to the same sweep (everything but the shard index).
        public func sameSweep(as other: Manifest) -> Bool {
            version == other.version && scenarioHash == other.scenarioHash && plan == other.plan && shardCount == other.shardCount
        }
    }

    public var manifest: Manifest
    public var scenario: Scenario
    public var results: [ReplicateResult]

    public init(manifest: Manifest, scenario: Scenario, results: [ReplicateResult]) {
        self.manifest = manifest
        self.scenario = scenario
        self.results = results
    }

    /// The hash that identifies a scenario: SHA-256 of its canonical JSON.
    public static func hash(_ scenario: Scenario) -> String {
        SHA256.hex(JSONWriter.write(ScenarioEncoder.tree(scenario)))
    }

    /// `shard-0003-of-0016.json`: names sort in shard order.
    public static func fileName(index: Int, count: Int) -> String {
        func pad(_ n: Int) -> String { let text = String(n); return String(repeating: "0", count: max(0, 4 - text.count)) + text }
        return "shard-\(pad(index))-of-\(pad(count)).json"
    }

    /// The file's text.
    public func encoded() -> String {
        let plan = manifest.plan
        let manifestNode = OutputNode.map([
            ("parley_version", .text(manifest.version)),
            ("scenario_sha256", .text(manifest.scenarioHash)),
            ("seed", .literal(String(plan.seed))),
            ("runs", .number(Double(plan.runs))),
            ("shard_index", .number(Double(manifest.shardIndex))),
            ("shard_count", .number(Double(manifest.shardCount))),
            ("models", .sequence(plan.models.map(OutputNode.text), flow: true)),
            ("issues", .sequence(plan.issues.map(OutputNode.text), flow: true)),
            ("from_codings", plan.fromCodings ? .literal("true") : nil),
        ])
        let results = results.map { result -> OutputNode in
            .map([
                ("i", .number(Double(result.index))),
                ("v", .sequence(result.values.map { row in .sequence(row.map { $0.map(OutputNode.number) ?? .literal("null") }, flow: true) }, flow: true)),
                ("c", .sequence(result.converged.map { .literal($0 ? "true" : "false") }, flow: true)),
            ], flow: true)
        }
        return JSONWriter.write(.map([
            ("format", .text(Self.formatTag)),
            ("manifest", manifestNode),
            ("scenario", ScenarioEncoder.tree(scenario)),
            ("results", .sequence(results, flow: false)),
        ]))
    }

    /// Writes the shard to `directory` atomically (temporary file, then rename).
    /// - Returns: the path written.
    public func write(to directory: String) throws(ScenarioErrors) -> String {
        let path = (directory as NSString).appendingPathComponent(Self.fileName(index: manifest.shardIndex, count: manifest.shardCount))
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(encoded().utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ScenarioErrors([ScenarioError(.io, "cannot write \(path): \(error.localizedDescription)")])
        }
        return path
    }

    /// Reads a shard file.
    /// - Throws: `ScenarioErrors` naming the file and what is wrong with it.
    public static func read(_ path: String) throws(ScenarioErrors) -> ShardFile {
        try decode(try ScenarioFile.readText(path, limit: 1 << 30), file: path)
    }

    /// Parses a shard file's text; `file` names it in errors.
    /// - Throws: `ScenarioErrors` as ``read(_:)``, with every size checked against
    ///   ``ReaderLimits`` (runs, shards) before it is used.
    public static func decode(_ contents: String, file: String?) throws(ScenarioErrors) -> ShardFile {
        let path = file ?? "<input>"
        guard let root = try JSONDocumentReader.read(contents, file: file) else {
            throw ScenarioErrors([ScenarioError(.emptyFile, "\(path) holds no shard")])
        }
        func fail(_ message: String) -> ScenarioErrors {
            ScenarioErrors([ScenarioError(.invalidValue, "\(path) is not a Parley shard file: \(message)", location: SourceLocation(file: file, line: 1, column: 1))])
        }
        guard case .mapping(let pairs, _) = root else { throw fail("expected a JSON object") }
        func field(_ key: String) -> DocumentNode? { pairs.first { $0.key.text == key }?.value }
        guard case .scalar(let tag)? = field("format"), tag.text == formatTag else { throw fail("expected \"format\": \"\(formatTag)\"") }
        guard case .mapping(let manifestPairs, _)? = field("manifest") else { throw fail("no manifest") }
        func manifestValue(_ key: String) -> DocumentNode? { manifestPairs.first { $0.key.text == key }?.value }
        func text(_ node: DocumentNode?) -> String? { if case .scalar(let s)? = node { s.text } else { nil } }
        func int(_ node: DocumentNode?) -> Int? { text(node).flatMap { Int($0) } }
        func texts(_ node: DocumentNode?) -> [String]? {
            guard case .sequence(let items, _)? = node else { return nil }
            let values = items.compactMap { text($0) }
            return values.count == items.count ? values : nil
        }
        guard let version = text(manifestValue("parley_version")), let hash = text(manifestValue("scenario_sha256")),
              let seed = text(manifestValue("seed")).flatMap({ UInt64($0) }), let runs = int(manifestValue("runs")),
              let index = int(manifestValue("shard_index")), let count = int(manifestValue("shard_count")),
              let models = texts(manifestValue("models")), let issues = texts(manifestValue("issues"))
        else { throw fail("the manifest lacks a field or has one of the wrong type") }
        guard (1...ReaderLimits.runs).contains(runs) else {
            throw fail("manifest.runs is \(runs); a sweep has 1 to \(ReaderLimits.runs) runs (limit: runs)")
        }
        guard (1...ReaderLimits.shards).contains(count) else {
            throw fail("manifest.shard_count is \(count); a sweep has 1 to \(ReaderLimits.shards) shards (limit: shards)")
        }
        guard (0..<count).contains(index) else {
            throw fail("manifest.shard_index is \(index); with shard_count \(count) it must be 0 to \(count - 1)")
        }
        guard let scenarioNode = field("scenario") else { throw fail("no scenario") }
        var decoder = ScenarioDecoder(file: file)
        let scenario = try decoder.decode(scenarioNode)
        guard case .sequence(let items, _)? = field("results") else { throw fail("no results list") }
        guard items.count <= runs else {
            throw fail("the file holds \(items.count) results but manifest.runs is \(runs)")
        }
        var results: [ReplicateResult] = []
        for item in items {
            guard case .mapping(let entry, _) = item,
                  let i = int(entry.first(where: { $0.key.text == "i" })?.value),
                  case .sequence(let rows, _)? = entry.first(where: { $0.key.text == "v" })?.value,
                  case .sequence(let flags, _)? = entry.first(where: { $0.key.text == "c" })?.value
            else { throw fail("a result entry is malformed (line \(item.location.line))") }
            let values = rows.map { row -> [Double?] in
                guard case .sequence(let cells, _) = row else { return [] }
                return cells.map { cell in text(cell).flatMap { $0 == "null" ? nil : Double($0) } }
            }
            results.append(ReplicateResult(index: i, values: values, converged: flags.map { text($0) == "true" }))
        }
        let fromCodings = text(manifestValue("from_codings")) == "true"
        let plan = MonteCarloPlan(runs: runs, seed: seed, models: models, issues: issues, fromCodings: fromCodings)
        return ShardFile(manifest: Manifest(version: version, scenarioHash: hash, plan: plan, shardIndex: index, shardCount: count),
                         scenario: scenario, results: results)
    }

    /// Checks that `shards` are exactly the shards 0..<N of one sweep, each once, each complete,
    /// and returns their results in replicate order.
    /// - Throws: `ScenarioErrors` naming the missing, duplicate or mismatched shards.
    public static func merge(_ shards: [(path: String, shard: ShardFile)]) throws(ScenarioErrors) -> (ShardFile.Manifest, Scenario, [ReplicateResult]) {
        guard let first = shards.first else {
            throw ScenarioErrors([ScenarioError(.fileNotFound, "no shard files found", hint: "pass the directories that parley sensitivity --shard ... --out wrote")])
        }
        var errors: [ScenarioError] = []
        let count = first.shard.manifest.shardCount
        for (path, shard) in shards.dropFirst() where !shard.manifest.sameSweep(as: first.shard.manifest) {
            let m = shard.manifest
            let f = first.shard.manifest
            var differences: [String] = []
            if m.scenarioHash != f.scenarioHash { differences.append("scenario") }
            if m.plan.seed != f.plan.seed { differences.append("seed \(m.plan.seed) vs \(f.plan.seed)") }
            if m.plan.runs != f.plan.runs { differences.append("runs \(m.plan.runs) vs \(f.plan.runs)") }
            if m.plan.models != f.plan.models { differences.append("models") }
            if m.shardCount != f.shardCount { differences.append("shard count \(m.shardCount) vs \(f.shardCount)") }
            if m.version != f.version { differences.append("Parley version \(m.version) vs \(f.version)") }
            errors.append(ScenarioError(.invalidValue, "\(path) belongs to another sweep than \(first.path): \(differences.joined(separator: ", ")) differ"))
        }
        var seen: [Int: String] = [:]
        for (path, shard) in shards {
            let index = shard.manifest.shardIndex
            if let other = seen[index] {
                errors.append(ScenarioError(.duplicate, "shard \(index) of \(count) appears twice: \(other) and \(path)"))
            }
            seen[index] = path
            let expected = shard.manifest.plan.replicates(shard: index, of: max(1, count))
            if shard.results.map(\.index) != Array(expected) {
                errors.append(ScenarioError(.invalidValue, "\(path) is incomplete: expected replicates \(expected.lowerBound)..<\(expected.upperBound), found \(shard.results.count)"))
            }
        }
        let missing = (0..<count).filter { seen[$0] == nil }
        if !missing.isEmpty {
            errors.append(ScenarioError(.invalidValue, "missing shard\(missing.count == 1 ? "" : "s") \(missing.map(String.init).joined(separator: ", ")) of \(count)",
                                        hint: "run them, or rerun the sweep with fewer shards"))
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        let ordered = shards.sorted { $0.shard.manifest.shardIndex < $1.shard.manifest.shardIndex }
        return (first.shard.manifest, first.shard.scenario, ordered.flatMap(\.shard.results))
    }
}
