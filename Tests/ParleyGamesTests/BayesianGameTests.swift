import ParleyGames
import Testing

@Suite struct BayesianGameTests {
    /// Iran (one type) helps or holds back; the US, sincere with prior 1/4 or tactical, partners or turns.
    static func dilemma(talibanMinusRisk: Int = 4) throws -> BayesianGame {
        let quarter = try #require(Rational("1/4"))
        // payoffs[typeProfile][actionProfile] with actions (iran, us) in odometer order:
        // (help, partner), (hold, partner), (help, turn), (hold, turn).
        let sincere: [[Rational]] = [[10, 7], [0, 4], [Rational(talibanMinusRisk), 3], [0, 0]]
        let tactical: [[Rational]] = [[10, 3], [0, 0], [Rational(talibanMinusRisk), 5], [0, 2]]
        return try BayesianGame(title: "dilemma", players: ["iran", "us"], actions: [["help", "hold"], ["partner", "turn"]],
                                types: [["-"], ["sincere", "tactical"]],
                                prior: BayesianGame.independentPrior([[1], [quarter, 1 - quarter]]), payoffs: [sincere, tactical])
    }

    @Test func harsanyiFormHasExAnteExpectedPayoffs() throws {
        let form = try Self.dilemma().harsanyiForm()
        // US plans list the sincere type's action first: partner/turn = partner if sincere, turn if tactical.
        #expect(form.strategies[1] == ["partner/partner", "turn/partner", "partner/turn", "turn/turn"])
        // Iran helps, US plays partner/turn: Iran 1/4*10 + 3/4*4 = 11/2; US 1/4*7 + 3/4*5 = 11/2.
        #expect(form.payoff([0, 2], player: 0) == (try #require(Rational("11/2"))))
        #expect(form.payoff([0, 2], player: 1) == (try #require(Rational("11/2"))))
    }

    @Test func uniqueBayesianEquilibriumAndPosteriors() throws {
        let game = try Self.dilemma()
        let equilibria = try game.equilibria()
        #expect(equilibria.count == 1)
        let equilibrium = try #require(equilibria.first)
        #expect(equilibrium.profile == MixedProfile(pure: [0, 2], shape: [2, 4]))
        let behaviour = game.behaviour(equilibrium.profile)
        #expect(behaviour[1] == [[1, 0], [0, 1]])  // sincere partners, tactical turns
        // Partnering reveals sincerity; turning reveals tactics.
        #expect(game.posterior(player: 1, afterAction: 0, behaviour: behaviour) == [1, 0])
        #expect(game.posterior(player: 1, afterAction: 1, behaviour: behaviour) == [0, 1])
        #expect(game.beliefs(player: 0, type: 0) == BayesianGame.independentPrior([[1], [try #require(Rational("1/4")), try #require(Rational("3/4"))]]))
    }

    @Test func helpingIsDominantExactlyWhenToppingTheTalibanOutweighsTheRisk() throws {
        #expect(try DominanceMap.status(Self.dilemma(talibanMinusRisk: 4), player: 0, action: 0) == .strictlyDominant)
        #expect(try DominanceMap.status(Self.dilemma(talibanMinusRisk: 0), player: 0, action: 0) == .weaklyDominant)
        // T - R = -1: help against a tactical US loses 1, but 1/4*10 - 3/4*1 > 0, so Iran still helps.
        #expect(try DominanceMap.status(Self.dilemma(talibanMinusRisk: -1), player: 0, action: 0) == .everyEquilibrium)
        // T - R = -9: 1/4*10 - 3/4*9 < 0: holding back is the best reply.
        #expect(try DominanceMap.status(Self.dilemma(talibanMinusRisk: -9), player: 0, action: 0) == .noEquilibrium)
    }

    @Test func refusesABadPrior() {
        #expect(throws: GameError.self) {
            try BayesianGame(players: ["a"], actions: [["x"]], types: [["s", "t"]], prior: [1, 1], payoffs: [[[0]], [[0]]])
        }
    }

    @Test func linearExpressionsParseAndEvaluate() throws {
        let expression = try LinearExpression.parse("taliban + 2 * cooperation - risk-next-door + 1/2").get()
        #expect(expression.evaluate(["taliban": 6, "cooperation": 4, "risk-next-door": 2]) == .success(try #require(Rational("25/2"))))
        #expect(expression.description == "taliban + 2 * cooperation - risk-next-door + 1/2")
        if case .success = LinearExpression.parse("a -") { Issue.record("a trailing operator must be refused") }
        if case .success = LinearExpression.parse("a b") { Issue.record("two names in a row must be refused") }
    }
}
