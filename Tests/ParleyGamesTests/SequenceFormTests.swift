import ParleyCore
import ParleyGames
import Testing

/// Hand-made trees with answers computed here.
enum HandTrees {
    /// Player 1 takes an outside option worth `outside` (player 2 gets 0) or enters a matching-pennies
    /// game played simultaneously (player 2 does not see player 1's coin): player 1 gets 2 for
    /// (H, H), 1 for (T, T), 0 on a mismatch; player 2 gets the negative. An outcome `toll` sits on
    /// the inner node where the subgame starts.
    static func outsideOption(outside: Rational, toll: [Rational]? = nil) throws -> ExtensiveFormGame {
        try ExtensiveFormGame(
            players: ["row", "column"],
            nodes: [
                .init(infoset: 0, children: [1, 2]),
                .init(outcome: [outside, 0]),
                .init(infoset: 1, children: [3, 6], outcome: toll),
                .init(infoset: 2, children: [4, 5]),
                .init(outcome: [2, -2]),
                .init(outcome: [0, 0]),
                .init(infoset: 2, children: [7, 8]),
                .init(outcome: [0, 0]),
                .init(outcome: [1, -1]),
            ],
            infosets: [
                .init(mover: .player(0), number: 1, actions: ["out", "in"]),
                .init(mover: .player(0), number: 2, actions: ["H", "T"]),
                .init(mover: .player(1), number: 1, actions: ["h", "t"]),
            ])
    }

    static let third = Rational(1) / Rational(3)
}

@Suite struct SequenceFormTests {
    @Test func sequencesAndPayoffsOfTheOutsideOptionGame() throws {
        let form = try SequenceForm(try HandTrees.outsideOption(outside: 1))
        // Player 1: ∅, out, in, H, T; player 2: ∅, h, t.
        #expect(form.sequences.map(\.count) == [5, 3])
        #expect(form.parentSequence == [[0, 2], [0]])
        // Cell (out, ∅) holds the outside option; (H, h) pays 2; (T, t) pays 1.
        #expect(form.payoffs[0][1 * 3 + 0] == 1)
        #expect(form.payoffs[0][3 * 3 + 1] == 2)
        #expect(form.payoffs[1][4 * 3 + 2] == -1)
        #expect(form.payoffs[0][3 * 3 + 2] == 0)
    }

    @Test func lemkeFindsTheMixedEquilibriumOfTheSubgame() throws {
        // The matching-pennies subgame has the unique equilibrium p(H) = q(h) = 1/3 (2q = 1 − q and
        // 2p = 1 − p), worth 2/3 to player 1, which beats an outside option of 1/2.
        let tree = try HandTrees.outsideOption(outside: Rational(1) / Rational(2))
        let outcome = try SequenceFormLemke.solve(tree)
        let third = HandTrees.third
        #expect(outcome.behaviour.probabilities == [[0, 1], [third, 1 - third], [third, 1 - third]])
        #expect(outcome.payoffs == [2 * third, -2 * third])
        #expect(try SequenceForm(tree).isEquilibrium(outcome.behaviour))
    }

    @Test func subgamePerfectionTakesTheOutsideOptionWhenItPaysMore() throws {
        // With the option worth 1 > 2/3, player 1 stays out; the subgame is still solved (1/3, 1/3).
        let tree = try HandTrees.outsideOption(outside: 1)
        #expect(SubgamePerfection.subgameRoots(of: tree) == [0, 2])
        let spe = try SubgamePerfection(tree)
        let third = HandTrees.third
        #expect(spe.behaviour.probabilities == [[1, 0], [third, 1 - third], [third, 1 - third]])
        #expect(spe.payoffs == [1, 0])
        #expect(spe.subgames.map(\.root) == [2, 0])
        #expect(spe.subgames.map(\.method) == ["sequence-form", "backward-induction"])
        #expect(spe.subgames.first?.value == [2 * third, -2 * third])
    }

    @Test func outcomesOnInnerNodesCount() throws {
        // A toll of (5, 5) where the subgame starts adds to every payoff below it (gambit#654).
        let tree = try HandTrees.outsideOption(outside: 1, toll: [5, 5])
        let third = HandTrees.third
        let spe = try SubgamePerfection(tree)
        #expect(spe.subgames.first?.value == [5 + 2 * third, 5 - 2 * third])
        #expect(spe.payoffs == [5 + 2 * third, 5 - 2 * third])
        #expect(spe.behaviour.probabilities[0] == [0, 1])
        let lemke = try SequenceFormLemke.solve(tree)
        #expect(lemke.payoffs == [5 + 2 * third, 5 - 2 * third])
    }

    @Test func subgamePerfectionRefinesTheEntryGame() throws {
        // Entrant: out (1, 5) or in; incumbent fights (0, 0) or yields (2, 2). Only (in, yield) is subgame perfect.
        let tree = try ExtensiveFormGame(
            players: ["entrant", "incumbent"],
            nodes: [.init(infoset: 0, children: [1, 2]), .init(outcome: [1, 5]), .init(infoset: 1, children: [3, 4]),
                    .init(outcome: [0, 0]), .init(outcome: [2, 2])],
            infosets: [.init(mover: .player(0), number: 1, actions: ["out", "in"]), .init(mover: .player(1), number: 1, actions: ["fight", "yield"])])
        let spe = try SubgamePerfection(tree)
        #expect(spe.behaviour.probabilities == [[0, 1], [0, 1]])
        #expect(spe.payoffs == [2, 2])
        #expect(spe.subgames.count == 2)
        // Lemke's equilibrium is Nash, whichever of the two it is.
        let lemke = try SequenceFormLemke.solve(tree)
        #expect(lemke.payoffs == [2, 2] || lemke.payoffs == [1, 5])
    }

    @Test func imperfectRecallIsRefused() throws {
        // Player 1 moves, then moves again without remembering the first move.
        let tree = try ExtensiveFormGame(
            players: ["forgetful", "other"],
            nodes: [.init(infoset: 0, children: [1, 4]), .init(infoset: 1, children: [2, 3]), .init(outcome: [1, 0]), .init(outcome: [0, 0]),
                    .init(infoset: 1, children: [5, 6]), .init(outcome: [0, 0]), .init(outcome: [1, 0])],
            infosets: [.init(mover: .player(0), number: 1, actions: ["l", "r"]), .init(mover: .player(0), number: 2, label: "again", actions: ["a", "b"])])
        #expect(tree.reducedStrategyCount(of: 0) == nil)
        do {
            _ = try SequenceForm(tree)
            Issue.record("accepted imperfect recall")
        } catch {
            #expect(error.code == .unsupported)
            #expect(error.message.contains("perfect recall"))
            #expect(error.message.contains("'again'"))
        }
    }

    @Test func autoPicksTheSequenceFormOnlyWithPerfectRecall() throws {
        let recall = try GameSolver.solve(try HandTrees.outsideOption(outside: 1), method: .automatic)
        #expect(recall.method == .sequenceForm)
        #expect(recall.behaviours.count == 1)
        // Kuhn: the mixed strategy over reduced strategies multiplies the behaviour probabilities.
        #expect(recall.game.strategies[0] == ["out/*", "in/H", "in/T"])
        #expect(recall.equilibria.first?.profile.probabilities[0] == [1, 0, 0])
        let forgetful = try ExtensiveFormGame(
            players: ["forgetful", "other"],
            nodes: [.init(infoset: 0, children: [1, 4]), .init(infoset: 1, children: [2, 3]), .init(outcome: [1, 0]), .init(outcome: [0, 0]),
                    .init(infoset: 1, children: [5, 6]), .init(outcome: [0, 0]), .init(outcome: [1, 0])],
            infosets: [.init(mover: .player(0), number: 1, actions: ["l", "r"]), .init(mover: .player(0), number: 2, actions: ["a", "b"])])
        #expect(try GameSolver.solve(forgetful, method: .automatic).method != .sequenceForm)
        #expect(throws: GameError.self) { try GameSolver.solve(forgetful, method: .sequenceForm) }
    }

    @Test func threePlayersAreRefusedBySequenceFormButNotBySubgamePerfection() throws {
        // A perfect-information tree of three players: backward induction in every subgame.
        let tree = try ExtensiveFormGame(
            players: ["a", "b", "c"],
            nodes: [.init(infoset: 0, children: [1, 2]), .init(outcome: [1, 1, 1]), .init(infoset: 1, children: [3, 4]),
                    .init(outcome: [0, 2, 0]), .init(outcome: [3, 0, 3])],
            infosets: [.init(mover: .player(0), number: 1, actions: ["stop", "go"]), .init(mover: .player(1), number: 1, actions: ["take", "pass"])])
        #expect(throws: GameError.self) { try SequenceForm(tree) }
        let spe = try SubgamePerfection(tree)
        // b takes (2 > 0), so a stops (1 > 0).
        #expect(spe.payoffs == [1, 1, 1])
        #expect(spe.payoffs == (try BackwardInduction(tree)).rootValue)
    }

    @Test func reducedStrategyCountMatchesTheList() throws {
        for tree in [try HandTrees.outsideOption(outside: 1), try ReferenceTree.make(branching: 2, depth: 4), try ReferenceTree.make(branching: 3, depth: 4)] {
            for p in tree.players.indices {
                #expect(tree.reducedStrategyCount(of: p) == Double(tree.reducedStrategies(of: p).count))
            }
        }
    }

    @Test func subgamePerfectionAgreesWithBackwardInductionOnPerfectInformation() throws {
        // Every decision node starts a subgame; with the lowest-action tie rule the values agree.
        for (b, d) in [(2, 4), (3, 4), (2, 6)] {
            let tree = try ReferenceTree.make(branching: b, depth: d)
            #expect(SubgamePerfection.subgameRoots(of: tree).count == tree.nodes.count(where: { $0.infoset != nil }))
            #expect(try SubgamePerfection(tree).payoffs == [96, 99])
        }
    }
}

/// All extreme equilibria of the outside-option tree (``HandTrees/outsideOption(outside:toll:)``),
/// worked by hand. In the matching-pennies subgame player 1 earns max(2q, 1 − q) against
/// q = P(h), and the subgame's own equilibrium (p = q = 1/3) is worth 2/3.
@Suite struct SequenceFormEnumerationTests {
    /// Realization plans: player 1 (∅, out, in, H, T), player 2 (∅, h, t).
    static func plans(_ result: SequenceFormEnumeration.Result) -> Set<[[Rational]]> {
        Set(result.equilibria.map(\.plans))
    }

    @Test func aBetterOutsideOptionGivesASegment() throws {
        // Outside option 1 > 2/3: player 1 stays out, and staying out is a best reply while
        // max(2q, 1 − q) ≤ 1, that is q ∈ [0, 1/2]. One component, extreme points q = 0 and 1/2.
        let result = try SequenceFormEnumeration.solve(try HandTrees.outsideOption(outside: 1))
        let half = Rational(1) / Rational(2)
        #expect(Self.plans(result) == [[[1, 1, 0, 0, 0], [1, 0, 1]], [[1, 1, 0, 0, 0], [1, half, half]]])
        #expect(Set(result.equilibria.map(\.component)) == [0])
        #expect(result.equilibria.allSatisfy { $0.payoffs == [1, 0] })
    }

    @Test func aWorseOutsideOptionGivesTheSubgameEquilibriumOnly() throws {
        // Outside option 1/2 < 2/3: player 1 enters and the subgame is played at (1/3, 1/3).
        let result = try SequenceFormEnumeration.solve(try HandTrees.outsideOption(outside: Rational(1) / Rational(2)))
        let third = HandTrees.third
        #expect(Self.plans(result) == [[[1, 0, 1, third, 2 * third], [1, third, 2 * third]]])
        #expect(result.equilibria.first?.behaviour.probabilities == [[0, 1], [third, 2 * third], [third, 2 * third]])
    }

    @Test func anEqualOutsideOptionJoinsBothInOneComponent() throws {
        // Outside option 2/3: staying out needs max(2q, 1 − q) ≤ 2/3, so q = 1/3 exactly; then
        // entering is as good, and every mixture of out and (in, p = 1/3) is an equilibrium:
        // two extreme equilibria sharing player 2's plan, one component.
        let third = HandTrees.third
        let result = try SequenceFormEnumeration.solve(try HandTrees.outsideOption(outside: 2 * third))
        #expect(Self.plans(result) == [[[1, 1, 0, 0, 0], [1, third, 2 * third]], [[1, 0, 1, third, 2 * third], [1, third, 2 * third]]])
        #expect(Set(result.equilibria.map(\.component)) == [0])
    }

    @Test func aThreePlayerTreeIsRefused() throws {
        #expect(throws: GameError.self) {
            try SequenceFormEnumeration.solve(try ExtensiveFormGame(
                players: ["a", "b", "c"],
                nodes: [.init(infoset: 0, children: [1, 2]), .init(outcome: [1, 0, 0]), .init(outcome: [0, 1, 0])],
                infosets: [.init(mover: .player(0), number: 1, actions: ["l", "r"])]))
        }
    }
}
