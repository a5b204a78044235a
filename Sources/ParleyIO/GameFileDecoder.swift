import ParleyCore
import ParleyGames

/// Decodes a Parley game file (`format: parley-game/1`, YAML or JSON) into a `GameModel`,
/// collecting every error with its location, as the scenario decoder does.
struct GameFileDecoder {
    static let formatTag = "parley-game/1"
    var context: DecodingContext

    init(file: String?) {
        context = DecodingContext(file: file)
    }

    mutating func decode(_ root: DocumentNode) throws(ScenarioErrors) -> GameModel {
        let path = ScenarioPath.root
        guard let fields = context.fields(
            root, at: path, what: "a game file",
            allowed: ["format", "name", "summary", "sources", "parameters", "players", "payoffs", "analysis"],
            required: [("format", "'\(Self.formatTag)'"), ("name", "the game's name"), ("players", "a list of players"), ("payoffs", "a list of payoff entries")])
        else { throw ScenarioErrors(context.sortedErrors) }
        if let node = fields["format"], let format = context.string(node, at: ["format"]), format != Self.formatTag {
            context.fail(.invalidValue, at: ["format"], node.location, "unsupported format '\(format)'; expected '\(Self.formatTag)'",
                         hint: format == "parley/1" ? "this is a scenario file: use parley forecast or parley validate" : nil)
        }
        let name = fields["name"].flatMap { context.string($0, at: ["name"]) } ?? ""
        let summary = fields["summary"].flatMap { context.string($0, at: ["summary"]) }
        let sources = fields["sources"].map { decodeSources($0) } ?? []
        let parameters = fields["parameters"].map { decodeParameters($0, sources: sources) } ?? []
        let players = fields["players"].map { decodePlayers($0, sources: sources) } ?? []
        let outcomes = fields["payoffs"].map { decodeOutcomes($0, players: players, sources: sources) } ?? []
        let analysis = fields["analysis"].flatMap { decodeAnalysis($0, players: players, parameters: parameters) }
        checkExpressions(parameters: parameters, players: players, outcomes: outcomes, payoffsNode: fields["payoffs"])
        guard context.errors.isEmpty else { throw ScenarioErrors(context.sortedErrors) }
        let model = GameModel(name: name, summary: summary, sources: sources, parameters: parameters, players: players,
                              outcomes: outcomes, analysis: analysis)
        do {
            _ = try model.bayesianGame()
        } catch {
            throw ScenarioErrors([ScenarioError(.invalidValue, at: ["payoffs"], error.message, hint: error.hint,
                                                location: fields["payoffs"]?.location ?? root.location)])
        }
        return model
    }

    // MARK: - Parts

    private mutating func decodeSources(_ node: DocumentNode) -> [Source] {
        guard let items = context.list(node, at: ["sources"], what: "a list of sources") else { return [] }
        var sources: [Source] = []
        for (index, item) in items.enumerated() {
            let path = ScenarioPath(["sources", .index(index)])
            guard let fields = context.fields(item, at: path, what: "a source", allowed: ["id", "title", "author", "date", "url", "note"],
                                              required: [("id", "an id"), ("title", "a title")]) else { continue }
            func text(_ key: String) -> String? { fields[key].flatMap { context.string($0, at: path.appending(key)) } }
            do {
                sources.append(try Source(id: text("id") ?? "", title: text("title") ?? "", author: text("author"), date: text("date"),
                                          url: text("url"), note: text("note")))
            } catch {
                context.absorb(error, under: path)
            }
        }
        return sources
    }

    private mutating func decodeEvidence(_ node: DocumentNode?, at path: ScenarioPath, sources: [Source]) -> [Evidence] {
        guard let node, let items = context.list(node, at: path, what: "a list of evidence") else { return [] }
        var evidence: [Evidence] = []
        for (index, item) in items.enumerated() {
            let itemPath = path.appending(index: index)
            guard let fields = context.fields(item, at: itemPath, what: "a piece of evidence", allowed: ["source", "quote", "page", "note"],
                                              required: [("source", "a source id"), ("quote", "the source's words")]) else { continue }
            let source = fields["source"].flatMap { context.string($0, at: itemPath.appending("source")) } ?? ""
            if let sourceNode = fields["source"], !sources.contains(where: { $0.id == source }) {
                context.fail(.unknownReference, at: itemPath.appending("source"), sourceNode.location, "cites unknown source '\(source)'",
                             hint: Suggestion.closest(to: source, in: sources.map(\.id)).map { "did you mean '\($0)'?" })
            }
            let quote = fields["quote"].flatMap { context.string($0, at: itemPath.appending("quote")) } ?? ""
            do {
                evidence.append(try Evidence(source: source, quote: quote,
                                             page: fields["page"].flatMap { context.string($0, at: itemPath.appending("page")) },
                                             note: fields["note"].flatMap { context.string($0, at: itemPath.appending("note")) }))
            } catch {
                context.absorb(error, under: itemPath)
            }
        }
        return evidence
    }

    private mutating func expression(_ node: DocumentNode, at path: ScenarioPath, what: String) -> LinearExpression? {
        guard let text = context.string(node, at: path, what: what) else { return nil }
        switch LinearExpression.parse(text) {
        case .success(let expression): return expression
        case .failure(let error):
            context.fail(.invalidValue, at: path, node.location, error.message, hint: error.hint)
            return nil
        }
    }

    private mutating func decodeParameters(_ node: DocumentNode, sources: [Source]) -> [GameModel.Parameter] {
        guard let items = context.list(node, at: ["parameters"], what: "a list of parameters") else { return [] }
        var parameters: [GameModel.Parameter] = []
        for (index, item) in items.enumerated() {
            let path = ScenarioPath(["parameters", .index(index)])
            guard let fields = context.fields(item, at: path, what: "a parameter", allowed: ["id", "value", "meaning", "evidence"],
                                              required: [("id", "an id"), ("value", "a number")]) else { continue }
            guard let idNode = fields["id"], let id = context.identifier(idNode, at: path.appending("id"), what: "an id"),
                  let valueNode = fields["value"], let value = context.rational(valueNode, at: path.appending("value"), what: "a number") else { continue }
            if parameters.contains(where: { $0.id == id }) {
                context.fail(.duplicate, at: path.appending("id"), idNode.location, "the parameter '\(id)' is defined twice")
            }
            parameters.append(GameModel.Parameter(
                id: id, value: value, meaning: fields["meaning"].flatMap { context.string($0, at: path.appending("meaning")) },
                evidence: decodeEvidence(fields["evidence"], at: path.appending("evidence"), sources: sources)))
        }
        return parameters
    }

    private mutating func decodePlayers(_ node: DocumentNode, sources: [Source]) -> [GameModel.Player] {
        guard let items = context.list(node, at: ["players"], what: "a list of players") else { return [] }
        if items.isEmpty { context.fail(.empty, at: ["players"], node.location, "a game needs at least one player") }
        var players: [GameModel.Player] = []
        for (index, item) in items.enumerated() {
            let path = ScenarioPath(["players", .index(index)])
            guard let fields = context.fields(item, at: path, what: "a player", allowed: ["id", "name", "actions", "types"],
                                              required: [("id", "an id"), ("actions", "a list of action ids")]) else { continue }
            guard let idNode = fields["id"], let id = context.identifier(idNode, at: path.appending("id"), what: "an id") else { continue }
            if players.contains(where: { $0.id == id }) {
                context.fail(.duplicate, at: path.appending("id"), idNode.location, "the player '\(id)' is defined twice")
            }
            var actions: [String] = []
            if let actionsNode = fields["actions"], let list = context.list(actionsNode, at: path.appending("actions"), what: "a list of action ids") {
                for (k, actionNode) in list.enumerated() {
                    guard let action = context.identifier(actionNode, at: path.appending("actions").appending(index: k), what: "an action id") else { continue }
                    if actions.contains(action) {
                        context.fail(.duplicate, at: path.appending("actions").appending(index: k), actionNode.location, "the action '\(action)' is listed twice")
                    }
                    actions.append(action)
                }
                if list.isEmpty { context.fail(.empty, at: path.appending("actions"), actionsNode.location, "a player needs at least one action") }
            }
            var types: [GameModel.PlayerType] = []
            if let typesNode = fields["types"], let list = context.list(typesNode, at: path.appending("types"), what: "a list of types") {
                for (k, typeNode) in list.enumerated() {
                    let typePath = path.appending("types").appending(index: k)
                    guard let typeFields = context.fields(typeNode, at: typePath, what: "a type", allowed: ["id", "prior", "evidence"],
                                                          required: [("id", "an id"), ("prior", "a probability or an expression")]),
                          let typeIdNode = typeFields["id"], let typeId = context.identifier(typeIdNode, at: typePath.appending("id"), what: "a type id"),
                          let priorNode = typeFields["prior"],
                          let prior = expression(priorNode, at: typePath.appending("prior"), what: "a probability") else { continue }
                    types.append(GameModel.PlayerType(id: typeId, prior: prior,
                                                      evidence: decodeEvidence(typeFields["evidence"], at: typePath.appending("evidence"), sources: sources)))
                }
            }
            players.append(GameModel.Player(id: id, name: fields["name"].flatMap { context.string($0, at: path.appending("name")) } ?? id,
                                            actions: actions, types: types))
        }
        return players
    }

    private mutating func decodeOutcomes(_ node: DocumentNode, players: [GameModel.Player], sources: [Source]) -> [GameModel.Outcome] {
        guard let items = context.list(node, at: ["payoffs"], what: "a list of payoff entries") else { return [] }
        var outcomes: [GameModel.Outcome] = []
        var seen: [[Int]: Int] = [:]
        for (index, item) in items.enumerated() {
            let path = ScenarioPath(["payoffs", .index(index)])
            guard let fields = context.fields(item, at: path, what: "a payoff entry", allowed: ["actions", "types", "payoffs", "evidence", "note"],
                                              required: [("actions", "one action per player"), ("payoffs", "one payoff per player")]) else { continue }
            var ok = true
            var actions = Array(repeating: 0, count: players.count)
            if let actionsNode = fields["actions"] {
                ok = choose(actionsNode, at: path.appending("actions"), players: players, into: &actions, what: "action",
                            options: { $0.actions }, requiredFor: { _ in true }) && ok
            }
            var types = Array(repeating: 0, count: players.count)
            if let typesNode = fields["types"] {
                ok = choose(typesNode, at: path.appending("types"), players: players, into: &types, what: "type",
                            options: { $0.types.map(\.id) }, requiredFor: { $0.types.count > 1 }) && ok
            } else if players.contains(where: { $0.types.count > 1 }) {
                context.fail(.missingField, at: path.appending("types"), item.location,
                             "missing 'types': the players \(players.filter { $0.types.count > 1 }.map { "'\($0.id)'" }.joined(separator: ", ")) have types")
                ok = false
            }
            var payoffs = Array(repeating: LinearExpression(constant: .zero), count: players.count)
            if let payoffsNode = fields["payoffs"], let payoffFields = context.fields(
                payoffsNode, at: path.appending("payoffs"), what: "payoffs by player id", allowed: players.map(\.id),
                required: players.map { ($0.id, "\($0.id)'s payoff") }) {
                for (p, player) in players.enumerated() {
                    guard let valueNode = payoffFields[player.id] else { ok = false; continue }
                    if let value = expression(valueNode, at: path.appending("payoffs").appending(player.id), what: "a payoff") {
                        payoffs[p] = value
                    } else {
                        ok = false
                    }
                }
            } else {
                ok = false
            }
            let evidence = decodeEvidence(fields["evidence"], at: path.appending("evidence"), sources: sources)
            guard ok else { continue }
            let key = actions + types
            if let first = seen[key] {
                context.fail(.duplicate, at: path, item.location, "this combination of actions\(fields["types"] == nil ? "" : " and types") already has payoffs in payoffs[\(first)]")
                continue
            }
            seen[key] = index
            outcomes.append(GameModel.Outcome(actions: actions, types: types, payoffs: payoffs, evidence: evidence))
        }
        return outcomes
    }

    /// Reads `{player-id: choice-id, ...}` into indices, one per player where `requiredFor` holds.
    private mutating func choose(
        _ node: DocumentNode, at path: ScenarioPath, players: [GameModel.Player], into result: inout [Int], what: String,
        options: (GameModel.Player) -> [String], requiredFor: (GameModel.Player) -> Bool
    ) -> Bool {
        let relevant = players.filter(requiredFor)
        guard let fields = context.fields(node, at: path, what: "\(what)s by player id", allowed: relevant.map(\.id),
                                          required: relevant.map { ($0.id, "one of \($0.id)'s \(what)s") }) else { return false }
        var ok = true
        for (p, player) in players.enumerated() where requiredFor(player) {
            guard let valueNode = fields[player.id] else { ok = false; continue }
            let names = options(player)
            guard let index = context.choice(valueNode, at: path.appending(player.id), from: names.enumerated().map { ($0.element, $0.offset) },
                                             what: "\(what) of '\(player.id)'") else { ok = false; continue }
            result[p] = index
        }
        return ok
    }

    private mutating func decodeAnalysis(_ node: DocumentNode, players: [GameModel.Player], parameters: [GameModel.Parameter]) -> GameModel.Analysis? {
        let path = ScenarioPath(["analysis"])
        guard let fields = context.fields(node, at: path, what: "an analysis", allowed: ["player", "action", "sweep"],
                                          required: [("player", "a player id"), ("action", "one of the player's actions"), ("sweep", "a list of parameter sweeps")]),
              let playerNode = fields["player"],
              let player = context.choice(playerNode, at: path.appending("player"), from: players.enumerated().map { ($0.element.id, $0.offset) }, what: "player"),
              let actionNode = fields["action"],
              let action = context.choice(actionNode, at: path.appending("action"), from: players[player].actions.enumerated().map { ($0.element, $0.offset) },
                                          what: "action of '\(players[player].id)'"),
              let sweepNode = fields["sweep"], let items = context.list(sweepNode, at: path.appending("sweep"), what: "a list of parameter sweeps")
        else { return nil }
        var sweeps: [GameModel.Sweep] = []
        for (index, item) in items.enumerated() {
            let itemPath = path.appending("sweep").appending(index: index)
            guard let sweep = context.fields(item, at: itemPath, what: "a sweep", allowed: ["parameter", "from", "to", "steps"],
                                             required: [("parameter", "a parameter id"), ("from", "a number"), ("to", "a number"), ("steps", "a number of intervals")]),
                  let parameterNode = sweep["parameter"],
                  let parameter = context.choice(parameterNode, at: itemPath.appending("parameter"), from: parameters.map { ($0.id, $0.id) }, what: "parameter"),
                  let fromNode = sweep["from"], let from = context.rational(fromNode, at: itemPath.appending("from"), what: "a number"),
                  let toNode = sweep["to"], let to = context.rational(toNode, at: itemPath.appending("to"), what: "a number"),
                  let stepsNode = sweep["steps"], let steps = context.number(stepsNode, at: itemPath.appending("steps"), what: "a whole number of intervals")
            else { continue }
            guard steps == steps.rounded(), (1...200).contains(steps) else {
                context.fail(.outOfRange, at: itemPath.appending("steps"), stepsNode.location, "steps must be a whole number from 1 to 200, found \(NumberText.plain(steps))")
                continue
            }
            sweeps.append(GameModel.Sweep(parameter: parameter, from: from, to: to, steps: Int(steps)))
        }
        if sweeps.count > 2 {
            context.fail(.invalidValue, at: path.appending("sweep"), sweepNode.location, "a map sweeps one or two parameters, found \(sweeps.count)")
        }
        return GameModel.Analysis(player: player, action: action, sweeps: sweeps)
    }

    /// Every parameter an expression names must be defined.
    private mutating func checkExpressions(parameters: [GameModel.Parameter], players: [GameModel.Player], outcomes: [GameModel.Outcome], payoffsNode: DocumentNode?) {
        let known = parameters.map(\.id)
        func check(_ expression: LinearExpression, _ path: ScenarioPath) {
            for term in expression.terms where !known.contains(term.parameter) {
                context.fail(.unknownReference, at: path, context.locate(path) ?? SourceLocation(file: context.file, line: 1, column: 1),
                             "unknown parameter '\(term.parameter)'",
                             hint: Suggestion.closest(to: term.parameter, in: known).map { "did you mean '\($0)'?" } ?? "define it under 'parameters'")
            }
        }
        for (p, player) in players.enumerated() {
            for (t, type) in player.types.enumerated() {
                check(type.prior, ScenarioPath(["players", .index(p), "types", .index(t), "prior"]))
            }
        }
        _ = payoffsNode
        for (k, outcome) in outcomes.enumerated() {
            for (p, expression) in outcome.payoffs.enumerated() {
                check(expression, ScenarioPath(["payoffs", .index(k), "payoffs", .key(players[p].id)]))
            }
        }
    }
}
