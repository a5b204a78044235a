import Foundation
import ParleyCore
import ParleyGames
import ParleyIO
import Testing

/// scripts/sequence_form_fixtures.sh (pygambit 16.7.0): for the two-player trees with perfect
/// recall of trees.json whose strategic form is small, the realization plans of every extreme
/// equilibrium of Gambit's strategic form (`enummixed_solve`), exactly, each marked extreme or
/// not among them (a convex combination of the others, by a linear program).
struct SequenceFormFixture: Decodable, Sendable, CustomTestStringConvertible {
    struct Point: Decodable, Sendable {
        var x: [String]
        var y: [String]
        var extreme: Bool
    }

    var name: String
    /// Per player, the sequences as (preorder index of the set's first node, action).
    var sequences: [[[Int]]]
    var equilibria: [Point]

    var testDescription: String { name }

    /// Trees whose debug-build enumeration takes more than a couple of seconds (about 5 s for
    /// shohamleytonbrown2008 fig. 6.2, 23 s for poker-3x2x2: many degenerate bases), run only
    /// with `PARLEY_SLOW_TESTS=1`.
    static let slow: Set<String> = ["books-shohamleytonbrown2008-fig6_2.efg", "poker-3x2x2-5002.efg"]
    static var selected: [SequenceFormFixture] {
        ProcessInfo.processInfo.environment["PARLEY_SLOW_TESTS"] == "1" ? all : all.filter { !slow.contains($0.name) }
    }

    static let all: [SequenceFormFixture] = {
        struct File: Decodable { var trees: [SequenceFormFixture] }
        guard let data = try? Data(contentsOf: TreeFixture.directory.appendingPathComponent("sequence_form.json")),
              let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return file.trees
    }()
}

@Suite struct SequenceFormEnumerationFixtureTests {
    @Test func fixturesArePresent() {
        #expect(SequenceFormFixture.all.count >= 25)
    }

    /// The extreme equilibria found on the sequence form are exactly the extreme points of the
    /// image of Gambit's extreme equilibria of the strategic form, compared exactly.
    @Test(arguments: SequenceFormFixture.selected)
    func extremeEquilibriaMatchGambit(fixture: SequenceFormFixture) throws {
        guard case .extensive(let tree) = try GameFile.read(TreeFixture.path(fixture.name)) else { throw GameError(.shape, "not a tree") }
        let form = try SequenceForm(tree)
        let result = try SequenceFormEnumeration.solve(form)
        // Gambit's order of sequences, in Parley's indices (the empty sequence is implied).
        let order = try fixture.sequences.map { list in
            try list.map { pair in
                let set = try #require(tree.nodes[pair[0]].infoset)
                return try #require(form.firstSequence[set]) + pair[1]
            }
        }
        var ours: Set<[Rational]> = []
        for found in result.equilibria {
            #expect(form.isEquilibrium(found.behaviour))
            #expect(found.payoffs == found.behaviour.payoffs(in: tree))
            ours.insert(order[0].map { found.plans[0][$0] } + order[1].map { found.plans[1][$0] })
        }
        #expect(ours.count == result.equilibria.count)
        let theirs = try Set(fixture.equilibria.filter(\.extreme).map { point in
            try (point.x + point.y).map { try #require(Rational($0)) }
        })
        #expect(ours == theirs, "\(fixture.name): \(ours.count) extreme equilibria, Gambit's image has \(theirs.count)")
    }
}
