import Foundation
import ParleyGames
import Testing

/// The peer fixtures written by scripts/gambit_fixtures.sh (pygambit 16.7.0, nashpy 0.0.43).
struct PeerFixture: Decodable, Sendable, CustomTestStringConvertible {
    struct Equilibrium: Decodable, Sendable {
        var strategies: [[String]]
        var payoffs: [String]
    }

    var name: String
    var source: String
    var rows: Int
    var columns: Int
    var a: [[String]]
    var b: [[String]]
    var equilibria: [Equilibrium]
    var pure_count: Int
    var nashpy_vertex_count: Int?

    var testDescription: String { name }

    func game() throws -> NormalFormGame {
        func parse(_ matrix: [[String]]) throws -> [[Rational]] {
            try matrix.map { row in try row.map { try #require(Rational($0)) } }
        }
        return try NormalFormGame.bimatrix(try parse(a), try parse(b), title: name)
    }

    /// Gambit's equilibria as exact profiles.
    func expected() throws -> [MixedProfile] {
        try equilibria.map { eq in MixedProfile(try eq.strategies.map { list in try list.map { try #require(Rational($0)) } }) }
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/gambit")

    static let all: [PeerFixture] = {
        struct File: Decodable { var games: [PeerFixture] }
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("equilibria.json")),
              let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return file.games
    }()
}
