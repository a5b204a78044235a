import Foundation
import ParleyCore
import ParleyGames
import ParleyIO
import Testing

/// The game trees of scripts/gambit_tree_fixtures.sh (pygambit 16.7.0): pygambit's catalog trees
/// and generated poker-like trees, with Gambit's sequence-form Lemke equilibrium and subgames.
struct TreeFixture: Decodable, Sendable, CustomTestStringConvertible {
    struct Infoset: Decodable, Sendable {
        var player: Int
        /// Preorder index of the set's first node.
        var member: Int
        var probabilities: [String]
    }

    struct Solution: Decodable, Sendable {
        var behaviour: [Infoset]
        var payoffs: [String]
    }

    var name: String
    var players: Int
    var nodes: Int
    var perfect_recall: Bool
    var subgame_roots: [Int]
    var lcp: Solution?
    var enummixed_count: Int?

    var testDescription: String { name }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../ParleyGamesTests/Fixtures/gambit").standardizedFileURL

    static let all: [TreeFixture] = {
        struct File: Decodable { var trees: [TreeFixture] }
        guard let data = try? Data(contentsOf: directory.appendingPathComponent("trees.json")),
              let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return file.trees
    }()

    static func path(_ name: String) -> String { directory.appendingPathComponent("trees/\(name)").path }

    func tree() throws -> ExtensiveFormGame {
        guard case .extensive(let tree) = try GameFile.read(Self.path(name)) else { throw GameError(.shape, "not a tree") }
        return tree
    }

    /// Gambit's equilibrium as a behaviour profile of `tree` (sets matched by their first node).
    func gambitBehaviour(in tree: ExtensiveFormGame) throws -> BehaviourProfile? {
        guard let lcp else { return nil }
        var profile = BehaviourProfile(uniformFor: tree)
        for set in lcp.behaviour {
            let index = try #require(tree.nodes[set.member].infoset)
            #expect(tree.infosets[index].mover == .player(set.player))
            profile.probabilities[index] = try set.probabilities.map { try #require(Rational($0)) }
        }
        return profile
    }
}

@Suite struct GameTreeFixtureTests {
    @Test func fixturesArePresent() {
        #expect(TreeFixture.all.count >= 30)
        #expect(TreeFixture.all.filter { $0.lcp != nil }.count >= 25)
    }

    @Test(arguments: TreeFixture.all)
    func sequenceFormLemkeFindsAnExactEquilibrium(fixture: TreeFixture) throws {
        let tree = try fixture.tree()
        #expect(tree.nodes.count == fixture.nodes)
        guard fixture.players == 2 else { return }
        guard fixture.perfect_recall else {
            // Gambit refuses these too; the error names the set and the missing recall.
            #expect(throws: GameError.self) { try SequenceForm(tree) }
            return
        }
        let form = try SequenceForm(tree)
        let outcome = try SequenceFormLemke.solve(form)
        #expect(form.isEquilibrium(outcome.behaviour))
        // Gambit's equilibrium passes the same exact check, and pays what it says.
        let gambit = try #require(try fixture.gambitBehaviour(in: tree))
        #expect(form.isEquilibrium(gambit))
        let gambitPayoffs = try (fixture.lcp?.payoffs ?? []).map { try #require(Rational($0)) }
        #expect(gambit.payoffs(in: tree) == gambitPayoffs)
        // Same start (player 1's root constraint): the same equilibrium, except on one degenerate
        // game (16 extreme equilibria) where the two implementations break a tie differently.
        let identical = outcome.payoffs == gambitPayoffs && tree.infosets.indices.allSatisfy {
            tree.infosets[$0].mover == .chance || outcome.behaviour.probabilities[$0] == gambit.probabilities[$0]
        }
        #expect(identical == (fixture.name != "journals-mor-vonstengelforges2008-fig6.efg"))
        if fixture.enummixed_count == 1 { #expect(identical) }
        // The Kuhn mixed strategies are an equilibrium of the reduced normal form too.
        let normal = try tree.reducedNormalForm()
        let mixed = outcome.behaviour.mixedProfile(in: tree)
        #expect(normal.expectedPayoffs(mixed) == outcome.payoffs)
        #expect(normal.isNashEquilibrium(mixed))
    }

    @Test(arguments: TreeFixture.all)
    func subgamesMatchGambit(fixture: TreeFixture) throws {
        let tree = try fixture.tree()
        #expect(SubgamePerfection.subgameRoots(of: tree) == fixture.subgame_roots)
    }

    @Test(arguments: TreeFixture.all)
    func subgamePerfectEquilibriumIsAnEquilibriumOfEverySubgame(fixture: TreeFixture) throws {
        guard fixture.players == 2, fixture.perfect_recall else { return }
        let tree = try fixture.tree()
        let solution = try SubgamePerfection(tree)
        #expect(solution.subgames.count == fixture.subgame_roots.count)
        #expect(try SequenceForm(tree).isEquilibrium(solution.behaviour))
        #expect(solution.behaviour.payoffs(in: tree) == solution.payoffs)
        for subgame in solution.subgames {
            let restricted = try Subtree(tree, root: subgame.root)
            let local = BehaviourProfile(restricted.sets.map { solution.behaviour.probabilities[$0] })
            #expect(try SequenceForm(restricted.game).isEquilibrium(local), "subgame at node \(subgame.root)")
            #expect(local.payoffs(in: restricted.game) == subgame.value)
        }
    }

    @Test(arguments: TreeFixture.all)
    func treesRoundTripThroughTheGameFile(fixture: TreeFixture) throws {
        let tree = try fixture.tree()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-tree-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for format in ["yaml", "json"] {
            let path = directory.appendingPathComponent("tree.\(format)").path
            try GameFile.write(.extensive(tree), to: path)
            guard case .extensive(let again) = try GameFile.read(path) else { Issue.record("\(format) did not read back as a tree"); continue }
            #expect(again == tree, "\(format)")
            let efg = directory.appendingPathComponent("back.efg").path
            try GameFile.write(.extensive(again), to: efg)
            #expect(try String(contentsOfFile: efg, encoding: .utf8) == GambitEFGCodec.encode(tree))
        }
    }
}

/// The subtree of `tree` at `root` as a game of its own, with the tree's set index of each of its sets.
struct Subtree {
    var game: ExtensiveFormGame
    var sets: [Int]

    init(_ tree: ExtensiveFormGame, root: Int) throws {
        var nodes: [ExtensiveFormGame.Node] = []
        var sets: [Int] = []
        var setMap: [Int: Int] = [:]
        var stack: [(Int, Int?)] = [(root, nil)]
        while let (index, parent) = stack.popLast() {
            let position = nodes.count
            if let parent { nodes[parent].children.append(position) }
            var node = ExtensiveFormGame.Node(outcome: tree.nodes[index].outcome)
            if let set = tree.nodes[index].infoset {
                if setMap[set] == nil {
                    setMap[set] = sets.count
                    sets.append(set)
                }
                node.infoset = setMap[set]
                for child in tree.nodes[index].children.reversed() { stack.append((child, position)) }
            }
            nodes.append(node)
        }
        game = try ExtensiveFormGame(players: tree.players, nodes: nodes, infosets: sets.map { tree.infosets[$0] })
        self.sets = sets
    }
}
