import ParleyCore
public import ParleyGames

/// The JSON documents of `parley tournament --json` and `parley evolve --json`; keys are
/// snake_case and stable (DESIGN.md).
public enum TournamentJSON {
    /// One row per player in rank order (`ranking` holds player indices), the keys both kinds
    /// of tournament share.
    private static func playerRows(
        _ ranking: [Int], name: (Int) -> String, mean: (Int) -> Double, median: (Int) -> Double, wins: (Int) -> Double,
        rating: (Int) -> Double, stochastic: (Int) -> Bool, scores: (Int) -> [Double]
    ) -> [OutputNode] {
        ranking.enumerated().map { rank, i -> OutputNode in
            .map([
                ("name", .text(name(i))),
                ("rank", .number(Double(rank + 1))),
                ("mean_score", .number(mean(i))),
                ("median_score", .number(median(i))),
                ("median_wins", .number(wins(i))),
                ("cooperating_rating", .number(rating(i))),
                ("stochastic", .literal(stochastic(i) ? "true" : "false")),
                ("normalised_scores", .sequence(scores(i).map(OutputNode.number), flow: true)),
            ], flow: false)
        }
    }

    /// `{"players": [{"name", "rank", "mean_score", "median_score", "median_wins",
    /// "cooperating_rating", "normalised_scores"}], "settings": {...}, "payoff_matrix": [[...]]}`,
    /// players in rank order, rank 1 best; scores are payoff per turn per opponent.
    public static func tournament(_ result: TournamentResult, tournament: Tournament) -> String {
        let players = playerRows(result.ranking, name: { result.players[$0].name }, mean: result.meanScore, median: result.medianScore,
                                 wins: result.medianWins, rating: { result.cooperatingRating[$0] },
                                 stochastic: { result.players[$0].isStochastic }, scores: { result.normalisedScores[$0] })
        return JSONWriter.write(.map([
            ("players", .sequence(players, flow: false)),
            ("settings", settings(tournament.settings, extra: [
                ("repetitions", .number(Double(tournament.repetitions))),
                ("seed", .literal(String(tournament.seed))),
                ("self_play", .literal(tournament.selfPlay ? "true" : "false")),
            ])),
            ("payoff_matrix", .map([
                ("players", .sequence(result.players.map { .text($0.name) }, flow: true)),
                ("rows", .sequence(result.payoffMatrix.map { .sequence($0.map(OutputNode.number), flow: true) }, flow: false)),
            ])),
        ]))
    }

    /// `{"types": [...], "runs", "fixations": [{"name", "count", "share"}], "unfixed",
    /// "mean_generations", "settings": {...}}` for a set of Moran runs.
    public static func moran(_ tally: MoranTally, process: MoranProcess, seed: UInt64) -> String {
        let fixations = process.types.indices.map { k -> OutputNode in
            let count = k < tally.fixations.count ? tally.fixations[k] : 0
            return .map([
                ("name", .text(process.types[k].name)),
                ("initial", .number(Double(process.initial.filter { $0 == k }.count))),
                ("count", .number(Double(count))),
                ("share", .number(tally.runs == 0 ? 0 : Double(count) / Double(tally.runs))),
            ], flow: true)
        }
        var extra: [(String, OutputNode?)] = [
            ("mode", .text(process.mode.rawValue)),
            ("mutation_rate", .number(process.mutationRate)),
            ("seed", .literal(String(seed))),
        ]
        if let group = process.group {
            extra.append(("group_game", groupGame(group.game)))
            extra.append(("group_threshold", group.threshold.map { .number(Double($0)) }))
        }
        return JSONWriter.write(.map([
            ("dynamics", .text("moran")),
            ("runs", .number(Double(tally.runs))),
            ("fixations", .sequence(fixations, flow: false)),
            ("unfixed", .number(Double(tally.unfixed))),
            ("mean_generations", .number(Double(tally.generations) / Double(max(1, tally.runs)))),
            ("settings", settings(process.settings, extra: extra)),
        ]))
    }

    /// `parley tournament --game public-goods:M --json`: `{"players": [{"name", "rank",
    /// "mean_score", "median_score", "median_wins", "cooperating_rating", "stochastic",
    /// "normalised_scores"}], "settings": {..., "group_game", "group_size", "groups"}}`; scores
    /// are payoff per turn, averaged over a player's groups.
    public static func groupTournament(_ result: GroupTournamentResult, tournament: GroupTournament) -> String {
        let players = playerRows(result.ranking, name: { result.players[$0].name }, mean: result.meanScore, median: result.medianScore,
                                 wins: result.medianWins, rating: { result.cooperatingRating[$0] },
                                 stochastic: { result.players[$0].isStochastic }, scores: { result.normalisedScores[$0] })
        return JSONWriter.write(.map([
            ("players", .sequence(players, flow: false)),
            ("settings", settings(tournament.settings.match, extra: [
                ("group_game", groupGame(tournament.settings.game)),
                ("group_size", .number(Double(tournament.groupSize))),
                ("group_threshold", .number(Double(tournament.settings.threshold(size: tournament.groupSize)))),
                ("groups", .number(Double(tournament.groups.count))),
                ("repetitions", .number(Double(tournament.repetitions))),
                ("seed", .literal(String(tournament.seed))),
            ], pairGame: false)),
        ]))
    }

    static func groupGame(_ game: GroupGame) -> OutputNode {
        switch game.kind {
        case .publicGoods(let multiplier, let endowment):
            .map([("name", .text("public-goods")), ("multiplier", .number(multiplier)), ("endowment", .number(endowment))], flow: true)
        case .volunteersDilemma(let benefit, let cost):
            .map([("name", .text("volunteer")), ("benefit", .number(benefit)), ("cost", .number(cost))], flow: true)
        }
    }

    /// `{"dynamics": "replicator", "players": [...], "shares": [[...]], "final": [...]}`, shares
    /// every `every` steps.
    public static func replicator(names: [String], path: [[Double]], step: Double, every: Int) -> String {
        let sampled = stride(from: 0, to: path.count, by: max(1, every)).map { path[$0] }
        return JSONWriter.write(.map([
            ("dynamics", .text("replicator")),
            ("players", .sequence(names.map(OutputNode.text), flow: true)),
            ("step", .number(step)),
            ("times", .sequence(stride(from: 0, to: path.count, by: max(1, every)).map { .number(Double($0) * step) }, flow: true)),
            ("shares", .sequence(sampled.map { .sequence($0.map(OutputNode.number), flow: true) }, flow: false)),
            ("final", .sequence((path.last ?? []).map(OutputNode.number), flow: true)),
        ]))
    }

    static func settings(_ settings: MatchSettings, extra: [(String, OutputNode?)], pairGame: Bool = true) -> OutputNode {
        var entries: [(String, OutputNode?)] = []
        switch settings.length {
        case .turns(let turns):
            entries.append(("turns", .number(Double(turns))))
        case .endProbability(let p, let cap):
            entries.append(("end_probability", .number(p)))
            entries.append(("maximum_turns", .number(Double(cap))))
        }
        entries.append(("noise", .number(settings.noise)))
        if pairGame { entries.append(("game", .map([
            ("first", .sequence(settings.game.firstPayoffs.map(OutputNode.number), flow: true)),
            ("second", .sequence(settings.game.secondPayoffs.map(OutputNode.number), flow: true)),
        ], flow: true))) }
        return .map(entries + extra)
    }
}

extension TournamentJSON {
    /// `parley tournament --case FILE --json`: `{"case", "counterpart", "replier", "turns",
    /// "replies": [{"strategy", "label", "noise", "runs", "collapsed_share", "collapse_turn",
    /// "collapse_label", "mutual_cooperation", "score_per_turn", "restoring_gesture",
    /// "history"?}]}`.
    public static func scriptedCase(_ study: RepeatedGameCase, _ outcomes: [ReplyOutcome]) -> String {
        let labels = Dictionary(zip(study.study.replies.map(\.name), study.replyLabels), uniquingKeysWith: { first, _ in first })
        let rows = outcomes.map { row -> OutputNode in
            .map([
                ("strategy", .text(row.reply)),
                ("label", labels[row.reply].map(OutputNode.text)),
                ("noise", .number(row.noise)),
                ("runs", .number(Double(row.runs))),
                ("collapsed_share", .number(row.collapsedShare)),
                ("collapse_turn", row.collapseTurn.map { .number(Double($0)) } ?? .literal("null")),
                ("collapse_label", row.collapseTurn.map { .text(study.label(turn: $0)) } ?? .literal("null")),
                ("mutual_cooperation", .number(row.mutualCooperation)),
                ("score_per_turn", .number(row.replyScorePerTurn)),
                ("restoring_gesture", row.runs == 1 ? (row.restoringGesture.map { .number(Double($0)) } ?? .literal("null")) : nil),
                ("history", row.first.map { first in .map([(study.replierName, .text(first)), (study.counterpartName, .text(row.second ?? ""))], flow: true) }),
            ], flow: false)
        }
        return JSONWriter.write(.map([
            ("case", .text(study.name)),
            ("counterpart", .text(study.counterpartName)),
            ("replier", .text(study.replierName)),
            ("turns", .number(Double(study.study.turns))),
            ("unit", .text(study.unit)),
            ("scripted_defections", .sequence(study.study.defectionTurns.map { .text(study.label(turn: $0)) }, flow: true)),
            ("stage_game", stageGame(study)),
            ("replies", .sequence(rows, flow: false)),
        ]))
    }

    /// The case's stage game: both tables (rows the replier's moves), the parameters, and each
    /// side's one-round best replies with the parameter ranges where they hold.
    static func stageGame(_ study: RepeatedGameCase) -> OutputNode {
        let game = study.study.game
        func table(_ values: [Double]) -> OutputNode {
            .sequence([.sequence([.number(values[0]), .number(values[1])], flow: true), .sequence([.number(values[2]), .number(values[3])], flow: true)], flow: true)
        }
        func side(_ side: StageGameReading.Side) -> OutputNode {
            .map([
                ("best_reply_to_cooperation", .text(side.toCooperation.rawValue)),
                ("best_reply_to_defection", .text(side.toDefection.rawValue)),
                ("rule", .text(side.rule.rawValue)),
                ("rule_strategy", side.rule.strategyKey.map(OutputNode.text) ?? .literal("null")),
                ("holds_while", .sequence(side.bounds.map { bound in
                    .map([
                        ("parameter", .text(bound.parameter)),
                        ("value", .number(bound.value.doubleValue)),
                        ("above", bound.lower.map { .number($0.doubleValue) } ?? .literal("null")),
                        ("below", bound.upper.map { .number($0.doubleValue) } ?? .literal("null")),
                    ], flow: true)
                }, flow: false)),
            ], flow: false)
        }
        let reading = study.reading
        let stage = study.stageGame
        return .map([
            ("replier_moves", .sequence((stage?.replierMoves ?? ["C", "D"]).map(OutputNode.text), flow: true)),
            ("counterpart_moves", .sequence((stage?.counterpartMoves ?? ["C", "D"]).map(OutputNode.text), flow: true)),
            ("replier_payoffs", table(game.firstPayoffs)),
            ("counterpart_payoffs", table(game.secondPayoffs)),
            ("parameters", stage.map { stage in
                .sequence(stage.parameters.map { parameter in
                    .map([
                        ("id", .text(parameter.id)),
                        ("value", .number(parameter.value.doubleValue)),
                        ("meaning", parameter.meaning.map(OutputNode.text)),
                        ("evidence", .sequence(parameter.evidence.map { item in
                            .map([
                                ("source", .text(item.source)),
                                ("kind", .text(item.kind.rawValue)),
                                ("verified", .literal(item.verified ? "true" : "false")),
                                ("quote", .text(item.quote)),
                                ("note", item.note.map(OutputNode.text)),
                            ], flow: true)
                        }, flow: false)),
                    ], flow: false)
                }, flow: false)
            }),
            ("replier", side(reading.replier)),
            ("counterpart", side(reading.counterpart)),
        ], flow: false)
    }
}
