import Foundation
import ParleyCore
import ParleyGames
import ParleyIO

/// What every harness does with one input: decode it as a user's file would be decoded
/// (UTF-8 check included) and, when it is valid, write it back in every format that can hold
/// it, read that back, and format its numbers, so that the writers see every value the
/// readers accept. Errors are the expected outcome and are dropped; a trap is a finding.
public enum FuzzInput {
    /// The input as text, or `nil` when it is not UTF-8 (the readers' first check).
    public static func text(_ data: UnsafePointer<UInt8>, _ size: Int) -> String? {
        try? ScenarioFile.text(from: Data(bytes: data, count: size), file: "fuzz")
    }

    /// A scenario reader; valid scenarios are written in all formats and read back.
    public static func decodeScenario(_ text: String, _ format: ScenarioFormat) {
        _ = ScenarioFormat(sniffing: text)
        guard let scenario = try? ScenarioCodec.decode(text, format: format, file: "fuzz") else { return }
        exercise(scenario)
    }

    /// The DEU reader: text before the first blank line is the capability table, the rest the
    /// DEU file (a fixed table when there is no blank line).
    public static func decodeDEU(_ text: String) {
        var capabilitiesText = "code;capability;name\na;1;A\nb;2;B\nc;3;C\n"
        var body = text
        if let split = text.range(of: "\n\n") {
            capabilitiesText = String(text[..<split.lowerBound])
            body = String(text[split.upperBound...])
        }
        guard let capabilities = try? DEUImporter.decodeCapabilities(capabilitiesText, file: "capabilities.csv"),
              let scenarios = try? DEUImporter.decode(body, file: "fuzz.csv", capabilities: capabilities, capabilitiesFile: "capabilities.csv")
        else { return }
        for scenario in scenarios.prefix(4) { exercise(scenario) }
    }

    /// A game reader; valid games are written back as Gambit text.
    public static func decodeGame(_ text: String, _ format: GameFormat) {
        guard let document = try? GameFile.decode(text, format: format, file: "fuzz") else { return }
        switch document {
        case .normalForm(let game):
            let written = GambitNFGCodec.encode(game)
            _ = try? GambitNFGCodec.decode(written)
        case .extensive(let tree):
            let written = GambitEFGCodec.encode(tree)
            _ = try? GambitEFGCodec.decode(written)
        case .model(let model):
            _ = try? model.bayesianGame()
        }
    }

    /// The repeated-game case reader; a valid case labels its turns.
    public static func decodeRepeated(_ text: String) {
        guard let found = try? RepeatedGameFile.decode(text, file: "fuzz") else { return }
        for turn in [1, 2, 1_000, Int.max] { _ = found.label(turn: turn) }
    }

    /// The shard file reader; a valid shard is written back and merged alone.
    public static func decodeShard(_ text: String) {
        guard let shard = try? ShardFile.decode(text, file: "fuzz") else { return }
        _ = try? ShardFile.decode(shard.encoded(), file: "fuzz-again")
        _ = try? ShardFile.merge([(path: "fuzz", shard: shard)])
    }

    private static func exercise(_ scenario: Scenario) {
        for format in ScenarioFormat.allCases {
            guard let encoded = try? ScenarioCodec.encode(scenario, format: format) else { continue }
            _ = try? ScenarioCodec.decode(encoded.text, format: format, file: "fuzz-again")
        }
        for issue in scenario.issues {
            for value in [issue.scale.min, issue.scale.max, issue.scale.width, issue.scale.toPercent(issue.scale.max)] {
                _ = NumberText.plain(value)
                _ = NumberText.fixed(value, digits: 1)
            }
        }
    }
}
