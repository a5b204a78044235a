import ParleyCore
import ParleyGames

/// Writes a `GameModel` as a Parley game file (`format: parley-game/1`), the shape
/// ``GameFileDecoder`` reads, so a written file reads back to the same model.
enum GameFileEncoder {
    static func tree(_ model: GameModel) -> OutputNode {
        func evidence(_ list: [Evidence]) -> OutputNode? {
            list.isEmpty ? nil : .sequence(list.map { item in
                .map([("source", .text(item.source)), ("quote", .text(item.quote)), ("page", item.page.map(OutputNode.text)),
                      ("note", item.note.map(OutputNode.text))], flow: true)
            }, flow: false)
        }
        func value(_ expression: LinearExpression) -> OutputNode {
            expression.terms.isEmpty && expression.constant.isInteger ? .literal(expression.constant.description) : .text(expression.description)
        }
        let sources: OutputNode? = model.sources.isEmpty ? nil : .sequence(model.sources.map { source in
            .map([("id", .text(source.id)), ("title", .text(source.title)), ("author", source.author.map(OutputNode.text)),
                  ("date", source.date.map(OutputNode.text)), ("url", source.url.map(OutputNode.text)), ("note", source.note.map(OutputNode.text))], flow: true)
        }, flow: false)
        let parameters: OutputNode? = model.parameters.isEmpty ? nil : .sequence(model.parameters.map { parameter in
            .map([("id", .text(parameter.id)), ("value", value(LinearExpression(constant: parameter.value))),
                  ("meaning", parameter.meaning.map(OutputNode.text)), ("evidence", evidence(parameter.evidence))])
        }, flow: false)
        let players = OutputNode.sequence(model.players.map { player in
            .map([
                ("id", .text(player.id)), ("name", .text(player.name)),
                ("actions", .sequence(player.actions.map { .text($0) }, flow: true)),
                ("types", player.types.isEmpty ? nil : .sequence(player.types.map { type in
                    .map([("id", .text(type.id)), ("prior", value(type.prior)), ("evidence", evidence(type.evidence))])
                }, flow: false)),
            ])
        }, flow: false)
        let payoffs = OutputNode.sequence(model.outcomes.map { outcome in
            let typed = model.players.indices.filter { model.players[$0].types.count > 1 }
            return .map([
                ("actions", .map(model.players.indices.map { (model.players[$0].id, .text(model.players[$0].actions[outcome.actions[$0]])) }, flow: true)),
                ("types", typed.isEmpty ? nil : .map(typed.map { (model.players[$0].id, .text(model.players[$0].types[outcome.types[$0]].id)) }, flow: true)),
                ("payoffs", .map(model.players.indices.map { (model.players[$0].id, value(outcome.payoffs[$0])) }, flow: true)),
                ("evidence", evidence(outcome.evidence)),
            ], flow: outcome.evidence.isEmpty)
        }, flow: false)
        var analysis: OutputNode?
        if let spec = model.analysis {
            analysis = .map([
                ("player", .text(model.players[spec.player].id)),
                ("action", .text(model.players[spec.player].actions[spec.action])),
                ("sweep", .sequence(spec.sweeps.map { sweep in
                    .map([("parameter", .text(sweep.parameter)), ("from", .text(sweep.from.description)), ("to", .text(sweep.to.description)),
                          ("steps", .number(Double(sweep.steps)))], flow: true)
                }, flow: false)),
            ])
        }
        return .map([
            ("format", .text(GameFileDecoder.formatTag)),
            ("name", .text(model.name)),
            ("summary", model.summary.map(OutputNode.text)),
            ("sources", sources),
            ("parameters", parameters),
            ("players", players),
            ("payoffs", payoffs),
            ("analysis", analysis),
        ])
    }
}
