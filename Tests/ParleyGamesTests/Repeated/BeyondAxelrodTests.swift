import ParleyGames
import Testing

/// Asymmetric 2x2 stage games given as a bimatrix.
@Suite struct BimatrixStageGameTests {
    @Test func ultimatumAndUSIranTablesAreAsDocumented() throws {
        // pie 10, unfair offer 2: fair offers pay 5 each; unfair accepted 8/2, rejected 0/0.
        let ultimatum = try StageGame.ultimatum()
        #expect(ultimatum.firstPayoffs == [5, 5, 8, 0])
        #expect(ultimatum.secondPayoffs == [5, 5, 2, 0])
        #expect(!ultimatum.isSymmetric)
        // Examples/iran-2001-cooperation.yaml: taliban 4, cooperation 4, risk 2; us-help 3,
        // us-partnership 4, us-turn 2, us-cost 1. Iran: help/partner 4+4, help/turn 4−2,
        // hold back/partner 4, hold back/turn 0. Sincere US: 3+4, 3, −1, 0; tactical 3, 3+2, −1, 2.
        #expect(StageGame.usIran(.sincere).firstPayoffs == [8, 2, 4, 0])
        #expect(StageGame.usIran(.sincere).secondPayoffs == [7, 3, -1, 0])
        #expect(StageGame.usIran(.tactical).secondPayoffs == [3, 5, -1, 2])
    }

    @Test func gameNamesParse() throws {
        #expect(try RepeatedGameChoice.parse("bimatrix:5,5,8,0/5,5,2,0") == .pair(try StageGame.ultimatum()))
        #expect(try RepeatedGameChoice.parse("ultimatum:10, 2") == .pair(try StageGame.ultimatum()))
        #expect(try RepeatedGameChoice.parse("pd") == .pair(.prisonersDilemma))
        #expect(try RepeatedGameChoice.parse("US-Iran:tactical") == .pair(StageGame.usIran(.tactical)))
        #expect(try RepeatedGameChoice.parse("public-goods:3") == .group(try GroupGame.publicGoods(multiplier: 3)))
        #expect(try RepeatedGameChoice.parse("volunteer") == .group(try GroupGame(.volunteersDilemma(benefit: 2, cost: 1))))
        for bad in ["bimatrix:1,2,3", "bimatrix:1,2,3,4", "ultimatum:10,6", "pd:1,2,x,4", "public-goods", "chess", "us-iran:hawkish", "pd:nan,0,5,1"] {
            #expect(throws: RepeatedGameError.self, "\(bad)") { try RepeatedGameChoice.parse(bad) }
        }
    }

    /// In an asymmetric game each pair meets in both roles. Ultimatum, 10 turns: Cooperator
    /// proposing fair to Defector: 5 + 5 per turn, 50/50. Defector proposing unfair to
    /// Cooperator, who accepts: 8/2 per turn, 80/20. Cooperator 70 and Defector 130 over 20
    /// turns: 3.5 and 6.5 per turn.
    @Test func asymmetricPairsPlayBothRoles() throws {
        let players = try ["Cooperator", "Defector"].map { try StrategyCatalog.player(named: $0) }
        let settings = try MatchSettings(game: StageGame.ultimatum(), length: .turns(10))
        let meeting = RepeatedMatch.meeting(players[0], players[1], settings: settings)
        #expect(meeting.turns == 20 && meeting.firstScore == 70 && meeting.secondScore == 130)
        let result = try Tournament(players: players, settings: settings, repetitions: 2, selfPlay: false).play(jobs: 2)
        #expect(result.normalisedScores == [[3.5, 3.5], [6.5, 6.5]])
        #expect(result.rankedNames == ["Defector", "Cooperator"])
        // A symmetric game is one match, as before: 10 turns of (0, 5).
        let pd = RepeatedMatch.meeting(players[0], players[1], settings: try MatchSettings(length: .turns(10)))
        #expect(pd.turns == 10 && pd.firstScore == 0 && pd.secondScore == 50)
        // Fitness-proportional selection needs payoffs >= 0: the tactical US's −1 is refused.
        #expect(throws: RepeatedGameError.self) {
            try MoranProcess(population: players, settings: MatchSettings(game: StageGame.usIran(.tactical)))
        }
        _ = try MoranProcess(population: players, settings: settings)
    }
}

/// n-player repeated games: public goods and the volunteer's dilemma.
@Suite struct GroupGameTests {
    @Test func payoffsByHand() throws {
        let goods = try GroupGame.publicGoods(multiplier: 3)
        // Group of 4, endowment 1: a cooperator with 2 cooperating others shares 3 × 3 / 4.
        #expect(goods.payoff(.cooperate, others: 2, size: 4) == 2.25)
        // A defector with 3 cooperating others keeps 1 and shares 3 × 3 / 4.
        #expect(goods.payoff(.defect, others: 3, size: 4) == 3.25)
        let volunteer = try GroupGame(.volunteersDilemma(benefit: 2, cost: 1))
        #expect(volunteer.payoff(.cooperate, others: 0, size: 5) == 1)
        #expect(volunteer.payoff(.defect, others: 0, size: 5) == 0)
        #expect(volunteer.payoff(.defect, others: 1, size: 5) == 2)
        #expect(throws: RepeatedGameError.self) { try GroupGame(.publicGoods(multiplier: -1, endowment: 1)) }
        #expect(throws: RepeatedGameError.self) { try GroupSettings(game: goods, match: MatchSettings(), threshold: 0) }
    }

    /// Public goods (multiplier 3), group of 4: Cooperator, Cooperator, Defector, Tit For Tat
    /// that sees cooperation only when all 3 others cooperated, 10 turns. Round 1: C C D C,
    /// 3 contributors, a cooperator gets 2.25, the Defector 3.25; Tit For Tat saw 2 < 3 and
    /// defects from round 2: C C D D, 2 contributors, cooperators get 1.5, defectors 2.5.
    /// Totals: Cooperators 2.25 + 9 × 1.5 = 15.75, Defector 3.25 + 9 × 2.5 = 25.75, Tit For
    /// Tat 2.25 + 9 × 2.5 = 24.75.
    @Test func publicGoodsMatchByHand() throws {
        let players = try ["Cooperator", "Cooperator", "Defector", "TitForTat"].map { try StrategyCatalog.player(named: $0) }
        let settings = try GroupSettings(game: GroupGame.publicGoods(multiplier: 3), match: MatchSettings(length: .turns(10)), threshold: 3)
        let match = GroupMatch.play(players, settings: settings)
        #expect(match.scores == [15.75, 15.75, 25.75, 24.75])
        #expect(match.cooperations == [10, 10, 0, 1])
        // The default threshold is a majority of the others (2 of 3): Tit For Tat keeps cooperating.
        let lenient = GroupMatch.play(players, settings: try GroupSettings(game: settings.game, match: settings.match))
        #expect(lenient.scores == [22.5, 22.5, 32.5, 22.5])
    }

    /// Groups of 3 from [Cooperator, Defector, Tit For Tat] (one group), multiplier 2, 5 turns,
    /// Tit For Tat needing both others: round 1 C D C, 2 contributors, shares 4/3: 4/3, 7/3,
    /// 4/3; then C D D, 1 contributor: 2/3, 5/3, 5/3. Per turn: Cooperator (4/3 + 8/3)/5 = 0.8,
    /// Defector (7/3 + 20/3)/5 = 1.8, Tit For Tat (4/3 + 20/3)/5 = 1.6.
    @Test func groupTournamentByHand() throws {
        let players = try ["Cooperator", "Defector", "TitForTat"].map { try StrategyCatalog.player(named: $0) }
        let settings = try GroupSettings(game: GroupGame.publicGoods(multiplier: 2), match: MatchSettings(length: .turns(5)))
        let tournament = try GroupTournament(players: players, settings: settings, groupSize: 3, repetitions: 3)
        #expect(tournament.groups == [[0, 1, 2]])
        let result = tournament.play(jobs: 2)
        #expect(result.rankedNames == ["Defector", "Tit For Tat", "Cooperator"])
        for (i, expected) in [0.8, 1.8, 1.6].enumerated() {
            #expect(abs(result.medianScore(i) - expected) < 1e-12)
        }
        #expect(result.wins[1] == [1, 1, 1])
    }

    @Test func everyCombinationOnceAndSameResultForAnyJobs() throws {
        let players = try ["Cooperator", "Defector", "TitForTat", "Grudger", "Random"].map { try StrategyCatalog.player(named: $0) }
        let settings = try GroupSettings(game: GroupGame(.volunteersDilemma(benefit: 2, cost: 1)), match: MatchSettings(length: .turns(20), noise: 0.05))
        let tournament = try GroupTournament(players: players, settings: settings, groupSize: 3, repetitions: 4, seed: 9)
        // C(5, 3) = 10 groups, lexicographic.
        #expect(tournament.groups.count == 10)
        #expect(tournament.groups.first == [0, 1, 2] && tournament.groups.last == [2, 3, 4])
        #expect(Set(tournament.groups.map { $0.map(String.init).joined() }).count == 10)
        let one = tournament.play(jobs: 1, blockSize: 3)
        let two = tournament.play(jobs: 2)
        #expect(one.normalisedScores == two.normalisedScores && one.ranking == two.ranking)
        #expect(throws: RepeatedGameError.self) {
            try GroupTournament(players: players, settings: settings, groupSize: 6)
        }
        #expect(throws: RepeatedGameError.self) {
            try GroupTournament(players: Array(repeating: players[0], count: 200), settings: settings, groupSize: 100)
        }
    }
}
