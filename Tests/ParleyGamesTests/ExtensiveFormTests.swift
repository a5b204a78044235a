import ParleyCore
import ParleyGames
import Testing

/// The perfect-information trees of the reference (§1): a complete `b`-ary tree of depth `D`,
/// player (d % 2) + 1 moving at depth d, leaf payoffs drawn in preorder from SplitMix64(777),
/// `u1` then `u2` for each leaf, as `next() % 100`.
enum ReferenceTree {
    static func make(branching b: Int, depth: Int, zeroSum: Bool = false) throws -> ExtensiveFormGame {
        var stream = SplitMix64(state: 777)
        var nodes: [ExtensiveFormGame.Node] = []
        var infosets: [ExtensiveFormGame.InformationSet] = []
        let actions = (0..<b).map(String.init)
        // Iterative preorder: (depth, parent).
        var stack: [(depth: Int, parent: Int?)] = [(0, nil)]
        while let (d, parent) = stack.popLast() {
            let index = nodes.count
            if let parent { nodes[parent].children.append(index) }
            if d == depth {
                // The zero-sum variant keeps both draws, so u1 is the same as in the general-sum tree.
                let u1 = Rational(Int(stream.next() % 100))
                let drawn = Rational(Int(stream.next() % 100))
                let u2 = zeroSum ? -u1 : drawn
                nodes.append(ExtensiveFormGame.Node(outcome: [u1, u2]))
            } else {
                infosets.append(ExtensiveFormGame.InformationSet(mover: .player(d % 2), number: infosets.count + 1, actions: actions))
                nodes.append(ExtensiveFormGame.Node(infoset: infosets.count - 1))
                for _ in 0..<b { stack.append((d + 1, index)) }
            }
        }
        // Children were pushed in reverse order of visit; the stack pops the last pushed first,
        // so child k of a node was visited k-th and appended in order: preorder holds.
        return try ExtensiveFormGame(players: ["1", "2"], nodes: nodes, infosets: infosets)
    }
}

@Suite struct ExtensiveFormTests {
    @Test func backwardInductionMatchesTheReferenceTree() throws {
        // Reference §3(d): b=3, D=10: 88,573 nodes, SPE (99, 99), path [1,0,0,1,0,2,0,2,2,0], 528 tie nodes.
        let tree = try ReferenceTree.make(branching: 3, depth: 10)
        #expect(tree.nodes.count == 88_573)
        let solution = try BackwardInduction(tree)
        #expect(solution.rootValue == [99, 99])
        #expect(solution.path == [1, 0, 0, 1, 0, 2, 0, 2, 2, 0])
        #expect(solution.tieCount == 528)
        // The zero-sum variant (u2 = -u1) has value 31.
        #expect(try BackwardInduction(ReferenceTree.make(branching: 3, depth: 10, zeroSum: true)).rootValue.first == 31)
    }

    @Test(arguments: [(2, 4), (3, 4), (2, 6)])
    func smallReferenceTreesEndAt96And99(branching: Int, depth: Int) throws {
        // Reference: (96, 99) for (b, D) = (2,4), (3,4), (2,6), (2,7), (3,5).
        let solution = try BackwardInduction(ReferenceTree.make(branching: branching, depth: depth))
        #expect(solution.rootValue == [96, 99])
    }

    @Test func subgamePerfectionOfTheSmallTreeIsANashEquilibriumOfItsNormalForm() throws {
        let tree = try ReferenceTree.make(branching: 2, depth: 4)
        let form = try tree.reducedNormalForm()
        // Player 1 moves at depths 0 and 2: reduced strategies pick the root action and then
        // one action at each of the 2 depth-2 nodes below it: 2 * 2 * 2 = 8.
        #expect(form.strategies[0].count == 8)
        let pure = form.pureEquilibria()
        #expect(pure.contains { $0.payoffs == [96, 99] })
    }

    @Test func reducedNormalFormOfAnEntryGame() throws {
        // Entrant: out (1, 5) or in; incumbent then fights (0, 0) or accommodates (2, 2).
        let tree = try ExtensiveFormGame(
            players: ["entrant", "incumbent"],
            nodes: [
                .init(infoset: 0, children: [1, 2]),
                .init(outcome: [1, 5]),
                .init(infoset: 1, children: [3, 4]),
                .init(outcome: [0, 0]),
                .init(outcome: [2, 2]),
            ],
            infosets: [.init(mover: .player(0), number: 1, actions: ["out", "in"]), .init(mover: .player(1), number: 1, actions: ["fight", "yield"])])
        let form = try tree.reducedNormalForm()
        #expect(form.strategies == [["out", "in"], ["fight", "yield"]])
        let (a, b) = try #require(form.bimatrixPayoffs)
        #expect(a == [[1, 1], [0, 2]])
        #expect(b == [[5, 5], [0, 2]])
        // Two pure Nash equilibria (out, fight) and (in, yield); only the second is subgame perfect.
        #expect(form.pureEquilibria().count == 2)
        let spe = try BackwardInduction(tree)
        #expect(spe.path == [1, 1])
        #expect(spe.rootValue == [2, 2])
    }

    @Test func chanceMovesAverageExactly() throws {
        let third = try #require(Rational("1/3"))
        let tree = try ExtensiveFormGame(
            players: ["p"],
            nodes: [.init(infoset: 0, children: [1, 2]), .init(outcome: [3]), .init(outcome: [0])],
            infosets: [.init(mover: .chance, number: 1, actions: ["a", "b"], probabilities: [third, 1 - third])])
        #expect(try BackwardInduction(tree).rootValue == [1])  // 1/3 * 3
    }

    @Test func refusesChanceProbabilitiesThatDoNotSumToOne() {
        #expect(throws: GameError.self) {
            try ExtensiveFormGame(players: ["p"], nodes: [.init(infoset: 0, children: [1, 2]), .init(), .init()],
                                  infosets: [.init(mover: .chance, number: 1, actions: ["a", "b"], probabilities: [1, 1])])
        }
    }
}
