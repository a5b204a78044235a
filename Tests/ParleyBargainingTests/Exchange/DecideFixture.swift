import Foundation
import ParleyBargaining
import ParleyCore

/// A decide-exchange-model run written by scripts/decide_fixtures.py, with the decide TSV it ran on.
struct DecideFixture: Decodable {
    struct Issue: Decodable {
        var key: String
        var lower: Double
        var upper: Double
    }

    struct Exchange: Decodable {
        var gain: Double
        var i: String
        var iSupply: String
        var iY: Double
        var j: String
        var jSupply: String
        var jY: Double
    }

    struct Round: Decodable {
        var round: Int
        var candidates: Int
        var validCandidates: Int
        var realized: Int
        var exactTies: Int?
        var nbsStart: [String: Double]
        var exchanges: [Exchange]?
        var votingNbs: [String: Double]
        var votingPositions: [String: [String: Double]]
        var positions: [String: [String: Double]]
    }

    var input: String
    var roundsRequested: Int
    var p: String?
    var issues: [Issue]
    var actors: [String]
    var uniformDraws: Int?
    var rounds: [Round]

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/decide")

    static func load(_ name: String) throws -> DecideFixture {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(DecideFixture.self, from: data)
    }

    /// The scenario decide read: `input`, parsed here independently of ParleyIO (this target
    /// does not depend on it), with decide's rules: scale = min/max of the '#M' rows,
    /// salience 0-1 written as 0-100, power as capability.
    func scenario() throws -> Scenario {
        try Self.scenario(tsv: String(contentsOf: Self.directory.appendingPathComponent(input), encoding: .utf8))
    }

    static func scenario(tsv: String) throws -> Scenario {
        var actors: [String] = []
        var issueKeys: [String] = []
        var marks: [String: [Double]] = [:]
        var data: [(actor: String, issue: String, position: Double, salience: Double, power: Double)] = []
        // decide's own files are tab- or semicolon-separated (CoP21.csv is the latter).
        let delimiter: Character = tsv.split(separator: "\n").first?.contains("\t") == false && tsv.contains(";") ? ";" : "\t"
        for line in tsv.split(separator: "\n") {
            let fields = line.split(separator: delimiter, omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "'"))
            }
            switch fields.first {
            case "#A": actors.append(fields[1])
            case "#P": issueKeys.append(fields[1])
            case "#M": marks[fields[1], default: []].append(Double(fields[2]) ?? .nan)
            case "#D":
                data.append((fields[1], fields[2], Double(fields[3]) ?? .nan, Double(fields[4]) ?? .nan, Double(fields[5]) ?? .nan))
            default: continue
            }
        }
        let issues = try issueKeys.map { key in
            let values = marks[key] ?? [0, 100]
            return try PolicyIssue(id: key, name: key, scale: Scale(min: values.min() ?? 0, max: values.max() ?? 100))
        }
        let stakeholders = try actors.map { actor in
            let rows = data.filter { $0.actor == actor }
            let capability = rows.map(\.power).max() ?? 0
            return try Stakeholder(id: actor, name: actor, capability: capability, stances: rows.map { row in
                try Stance(issue: row.issue, position: row.position, salience: (row.salience * 100 * 1e6).rounded() / 1e6,
                           capability: row.power == capability ? nil : row.power)
            })
        }
        return try Scenario(name: "decide fixture", issues: issues, stakeholders: stakeholders)
    }
}

/// True when `a` and `b` agree to `relative` (with an absolute floor for values near zero).
func close(_ a: Double, _ b: Double, relative: Double = 1e-9) -> Bool {
    abs(a - b) <= relative * max(abs(a), abs(b), 1e-3)
}

/// A generator that returns a fixed sequence of words: decide's draws replaced by a Weyl
/// sequence, word k = k · 0x9E3779B97F4A7C15 (mod 2^64), so that `nextUnit()` gives the values
/// scripts/decide_fixtures.py hands decide.
struct WeylWords: RandomNumberGenerator {
    var count: UInt64 = 0

    mutating func next() -> UInt64 {
        count += 1
        return count &* 0x9E37_79B9_7F4A_7C15
    }
}
