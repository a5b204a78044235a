/// What a stored run was asked to compute: the command and its parameters, as a `Codable`
/// value. The run store finds a sweep to resume by this key, so the same request always gives
/// the same ``key`` text.
///
/// The key's text is a small JSON object with a fixed key order and `", "` separators (the
/// format run stores have held since they were introduced), so stores written by earlier
/// versions keep resuming. Decoding accepts any JSON spelling of the same object.
public enum RunParameters: Sendable, Hashable, Codable {
    /// `parley forecast`: the models run, in order.
    case forecast(ForecastParameters)
    /// `parley sensitivity`: the Monte Carlo plan and the shard this run computes.
    case sensitivity(SensitivityParameters)

    /// The command name stored beside the key ("forecast", "sensitivity").
    public var command: String {
        switch self {
        case .forecast: "forecast"
        case .sensitivity: "sensitivity"
        }
    }

    /// The master seed, for the store's seed column.
    public var seed: UInt64? {
        switch self {
        case .forecast: nil
        case .sensitivity(let parameters): parameters.seed
        }
    }

    /// The stored key text, e.g. `{"models": ["weighted-mean", "nash"]}`.
    public var key: String {
        switch self {
        case .forecast(let parameters):
            "{\"models\": \(Self.list(parameters.models))}"
        case .sensitivity(let p):
            "{\"runs\": \(p.runs), \"seed\": \(p.seed), \"models\": \(Self.list(p.models)), \"shard\": \"\(p.shardIndex)/\(p.shardCount)\""
                + (p.fromCodings ? ", \"from_codings\": true}" : "}")
        }
    }

    /// A JSON array of strings; model names are `[a-z-]+`, but escape anyway.
    static func list(_ names: [String]) -> String {
        "[" + names.map { "\"" + escape($0) + "\"" }.joined(separator: ", ") + "]"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// The parameters of a forecast run.
public struct ForecastParameters: Sendable, Hashable, Codable {
    /// Model names, in the order they ran.
    public var models: [String]

    public init(models: [String]) {
        self.models = models
    }
}

/// The parameters of a Monte Carlo sensitivity run (one shard of it, or all: shard 0 of 1).
public struct SensitivityParameters: Sendable, Hashable, Codable {
    /// Replicates in the whole sweep (all shards).
    public var runs: Int
    /// The master seed (0 to 2^64 − 1).
    public var seed: UInt64
    /// Model names, in order.
    public var models: [String]
    /// This shard's index, 0-based.
    public var shardIndex: Int
    /// How many shards the sweep has.
    public var shardCount: Int

    /// Whether stances were drawn from their coders too; keys of sweeps without it are unchanged.
    public var fromCodings: Bool

    public init(runs: Int, seed: UInt64, models: [String], shardIndex: Int = 0, shardCount: Int = 1, fromCodings: Bool = false) {
        self.fromCodings = fromCodings
        self.runs = runs
        self.seed = seed
        self.models = models
        self.shardIndex = shardIndex
        self.shardCount = shardCount
    }

    enum CodingKeys: String, CodingKey {
        case runs, seed, models
        case shardIndex = "shard_index"
        case shardCount = "shard_count"
        case fromCodings = "from_codings"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        runs = try container.decode(Int.self, forKey: .runs)
        seed = try container.decode(UInt64.self, forKey: .seed)
        models = try container.decode([String].self, forKey: .models)
        shardIndex = try container.decode(Int.self, forKey: .shardIndex)
        shardCount = try container.decode(Int.self, forKey: .shardCount)
        fromCodings = try container.decodeIfPresent(Bool.self, forKey: .fromCodings) ?? false
    }
}
