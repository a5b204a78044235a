import Foundation
public import ParleyCore
public import ParleyGames

/// Reads repeated-game case files with located errors.
public enum RepeatedGameFile {
    /// Reads and checks the case at `path`.
    /// - Throws: `ScenarioErrors` with every problem located (file, line, column, key path).
    /// Sources' `text:` copies are read relative to the file's directory, and every
    /// `kind: quote` citing such a source must appear in it.
    public static func read(_ path: String) throws(ScenarioErrors) -> RepeatedGameCase {
        try decode(try ScenarioFile.readText(path), file: path, texts: .beside(path))
    }

    /// Decodes YAML (or JSON) text.
    /// - Parameters:
    ///   - text: the document.
    ///   - file: its path, for error locations.
    ///   - texts: where sources' `text:` copies are read from; `.ignore` (the default) leaves
    ///     every quote unverified and opens no file.
    /// - Throws: `ScenarioErrors` as ``read(_:)``.
    public static func decode(_ text: String, file: String? = nil, texts: SourceTextPolicy = .ignore) throws(ScenarioErrors) -> RepeatedGameCase {
        guard let root = try YAMLDocumentReader.read(text, file: file) else {
            throw ScenarioErrors([ScenarioError(.emptyFile, "the file has no content", location: SourceLocation(file: file, line: 1, column: 1))])
        }
        var c = DecodingContext(file: file)
        var reader = CaseReader(texts: texts)
        let result = reader.decodeCase(root, &c)
        let errors = c.sortedErrors
        guard errors.isEmpty, let result else {
            throw ScenarioErrors(errors.isEmpty ? [ScenarioError(.invalidValue, "the case could not be read")] : errors)
        }
        return result
    }

}

/// The state of one decoding: the policy for source texts and the texts read.
private struct CaseReader {
    let texts: SourceTextPolicy
    var verifiers: [String: QuoteVerifier] = [:]

    init(texts: SourceTextPolicy) {
        self.texts = texts
    }

    mutating func decodeCase(_ root: DocumentNode, _ c: inout DecodingContext) -> RepeatedGameCase? {
        let top: ScenarioPath = .root
        guard let fields = c.fields(root, at: top, what: "a repeated-game case", allowed: [
            "format", "name", "summary", "sources", "horizon", "game", "counterpart", "scripted", "replier", "replies",
            "noise", "runs", "seed", "window", "evidence",
        ], required: [("format", "parley-repeated/1"), ("name", "text"), ("horizon", "{turns, unit, start}"),
                      ("counterpart", "{name, strategy}"), ("scripted", "a list of {turn, label}"), ("replies", "a list of {strategy, label}")])
        else { return nil }
        if let node = fields["format"], let format = c.string(node, at: top.appending("format")), format != "parley-repeated/1" {
            c.fail(.invalidValue, at: top.appending("format"), node.location, "unknown format '\(format)'", hint: "write format: parley-repeated/1")
        }
        let name = fields["name"].flatMap { c.string($0, at: top.appending("name")) } ?? ""
        let summary = fields["summary"].flatMap { c.string($0, at: top.appending("summary")) } ?? ""
        var sources: [(id: String, title: String)] = []
        if let node = fields["sources"], let items = c.list(node, at: top.appending("sources"), what: "sources") {
            for (i, item) in items.enumerated() {
                let path = top.appending("sources").appending(index: i)
                guard let f = c.fields(item, at: path, what: "a source", allowed: ["id", "title", "author", "date", "url", "text", "note"],
                                       required: [("id", "an id"), ("title", "text")]) else { continue }
                if let id = f["id"].flatMap({ c.string($0, at: path.appending("id")) }),
                   let title = f["title"].flatMap({ c.string($0, at: path.appending("title")) }) {
                    sources.append((id, title))
                    if let node = f["text"], let relative = c.string(node, at: path.appending("text"), what: "a path to the source's text") {
                        loadText(relative, for: id, at: path.appending("text"), node.location, &c)
                    }
                }
                for key in ["author", "date", "url", "note"] { if let node = f[key] { _ = c.string(node, at: path.appending(key)) } }
            }
        }
        let ids = Set(sources.map(\.id))
        var turns = 0
        var unit = "turn"
        var start = "1"
        if let node = fields["horizon"], let f = c.fields(node, at: top.appending("horizon"), what: "the horizon",
                                                          allowed: ["turns", "unit", "start"], required: [("turns", "a whole number")]) {
            turns = integer(f["turns"], top.appending("horizon").appending("turns"), &c, range: 2...100_000) ?? 0
            unit = f["unit"].flatMap { c.string($0, at: top.appending("horizon").appending("unit")) } ?? unit
            start = f["start"].flatMap { c.string($0, at: top.appending("horizon").appending("start")) } ?? start
            if let startNode = f["start"], let year = RepeatedGameCase.startYear(start, unit: unit), year.magnitude > UInt(RepeatedGameCase.maximumYear) {
                c.fail(.outOfRange, at: top.appending("horizon").appending("start"), startNode.location,
                       "the start year \(year) is beyond ±\(RepeatedGameCase.maximumYear) (limit: start year)",
                       hint: "write the calendar year of turn 1, such as 2001-Q4 or 2001")
            }
        }
        var game = StageGame.prisonersDilemma
        var stageGame: CaseStageGame?
        if let node = fields["game"] {
            if case .mapping(let pairs, _) = node, pairs.contains(where: { ["replier", "counterpart", "moves", "parameters"].contains($0.key.text) }) {
                stageGame = decodeTwoSided(node, top.appending("game"), ids, &c)
                if let stageGame { game = stageGame.game }
            } else if let f = c.fields(node, at: top.appending("game"), what: "the stage game", allowed: ["r", "s", "t", "p"],
                                       required: [("r", "a number"), ("s", "a number"), ("t", "a number"), ("p", "a number")]) {
                let values = ["r", "s", "t", "p"].map { key in f[key].flatMap { c.number($0, at: top.appending("game").appending(key)) } }
                if let r = values[0], let s = values[1], let t = values[2], let p = values[3], let made = try? StageGame(r: r, s: s, t: t, p: p) {
                    game = made
                }
            }
        }
        var counterpart: RepeatedPlayer?
        var counterpartName = "counterpart"
        if let node = fields["counterpart"], let f = c.fields(node, at: top.appending("counterpart"), what: "the counterpart",
                                                              allowed: ["name", "strategy"], required: [("name", "text"), ("strategy", "a strategy name")]) {
            counterpartName = f["name"].flatMap { c.string($0, at: top.appending("counterpart").appending("name")) } ?? counterpartName
            counterpart = f["strategy"].flatMap { strategy($0, top.appending("counterpart").appending("strategy"), &c) }
        }
        var defections: [Int] = []
        var scriptedLabels: [String] = []
        if let node = fields["scripted"], let items = c.list(node, at: top.appending("scripted"), what: "scripted defections") {
            for (i, item) in items.enumerated() {
                let path = top.appending("scripted").appending(index: i)
                guard let f = c.fields(item, at: path, what: "a scripted defection", allowed: ["turn", "label", "evidence"],
                                       required: [("turn", "a turn number"), ("label", "text")]) else { continue }
                if let turn = integer(f["turn"], path.appending("turn"), &c, range: 1...max(1, turns)) { defections.append(turn) }
                scriptedLabels.append(f["label"].flatMap { c.string($0, at: path.appending("label")) } ?? "")
                if let evidence = f["evidence"] { _ = quotes(evidence, path.appending("evidence"), ids, &c) }
            }
        }
        var replierName = "replier"
        if let node = fields["replier"], let f = c.fields(node, at: top.appending("replier"), what: "the replier", allowed: ["name"], required: [("name", "text")]) {
            replierName = f["name"].flatMap { c.string($0, at: top.appending("replier").appending("name")) } ?? replierName
        }
        var replies: [RepeatedPlayer] = []
        var labels: [String] = []
        if let node = fields["replies"], let items = c.list(node, at: top.appending("replies"), what: "reply strategies") {
            for (i, item) in items.enumerated() {
                let path = top.appending("replies").appending(index: i)
                guard let f = c.fields(item, at: path, what: "a reply", allowed: ["strategy", "label"], required: [("strategy", "a strategy name")]) else { continue }
                if let player = f["strategy"].flatMap({ strategy($0, path.appending("strategy"), &c) }) {
                    replies.append(player)
                    labels.append(f["label"].flatMap { c.string($0, at: path.appending("label")) } ?? player.name)
                }
            }
        }
        var noise: [Double] = [0, 0.05]
        if let node = fields["noise"], let items = c.list(node, at: top.appending("noise"), what: "noise levels") {
            noise = items.enumerated().compactMap { i, item in
                let path = top.appending("noise").appending(index: i)
                guard let value = c.number(item, at: path) else { return nil }
                guard (0...1).contains(value) else {
                    c.fail(.outOfRange, at: path, item.location, "noise \(value) is outside 0...1")
                    return nil
                }
                return value
            }
        }
        let runs = integer(fields["runs"], top.appending("runs"), &c, range: 1...1_000_000) ?? 1000
        let seed = integer(fields["seed"], top.appending("seed"), &c, range: 0...Int.max) ?? 0
        let window = integer(fields["window"], top.appending("window"), &c, range: 1...max(1, turns)) ?? 4
        let evidence = fields["evidence"].map { quotes($0, top.appending("evidence"), ids, &c) } ?? []
        guard c.errors.isEmpty, let counterpart else { return nil }
        do {
            let study = try ScriptedDefectionStudy(replies: replies, counterpart: counterpart, defectionTurns: defections, turns: turns,
                                                   game: game, noiseLevels: noise, runs: runs, seed: UInt64(seed), window: window)
            return RepeatedGameCase(name: name, summary: summary, sources: sources, unit: unit, start: start, counterpartName: counterpartName,
                                    replierName: replierName, replyLabels: labels, scriptedLabels: scriptedLabels, evidence: evidence, study: study,
                                    stageGame: stageGame)
        } catch {
            c.fail(.invalidValue, at: top, root.location, error.message, hint: error.hint)
            return nil
        }
    }

    func integer(_ node: DocumentNode?, _ path: ScenarioPath, _ c: inout DecodingContext, range: ClosedRange<Int>) -> Int? {
        guard let node, let value = c.number(node, at: path, what: "a whole number") else { return nil }
        // `Int(exactly:)`: `Double(Int.max)` is 2^63, which `Int(_:)` cannot hold.
        guard let whole = Int(exactly: value), range.contains(whole) else {
            c.fail(.outOfRange, at: path, node.location, "expected a whole number in \(range.lowerBound)...\(range.upperBound), found \(NumberText.plain(value))")
            return nil
        }
        return whole
    }

    func strategy(_ node: DocumentNode, _ path: ScenarioPath, _ c: inout DecodingContext) -> RepeatedPlayer? {
        guard let name = c.string(node, at: path, what: "a strategy name") else { return nil }
        do {
            return try StrategyCatalog.player(named: name)
        } catch {
            c.fail(.unknownReference, at: path, node.location, error.message, hint: error.hint)
            return nil
        }
    }

    func quotes(_ node: DocumentNode, _ path: ScenarioPath, _ ids: Set<String>, _ c: inout DecodingContext) -> [RepeatedGameCase.Quote] {
        guard let items = c.list(node, at: path, what: "evidence") else { return [] }
        var out: [RepeatedGameCase.Quote] = []
        for (i, item) in items.enumerated() {
            let itemPath = path.appending(index: i)
            guard let f = c.fields(item, at: itemPath, what: "a quote", allowed: ["source", "quote", "kind", "note"],
                                   required: [("source", "a source id"), ("quote", "the quoted words")]) else { continue }
            guard let source = f["source"].flatMap({ c.string($0, at: itemPath.appending("source")) }),
                  let quote = f["quote"].flatMap({ c.string($0, at: itemPath.appending("quote")) }) else { continue }
            if !ids.contains(source), let sourceNode = f["source"] {
                c.fail(.unknownReference, at: itemPath.appending("source"), sourceNode.location, "no source with id '\(source)'",
                       hint: "add it under sources: or use one of: \(ids.sorted().joined(separator: ", "))")
            }
            var kind = Evidence.Kind.quote
            if let node = f["kind"] {
                guard let chosen = c.choice(node, at: itemPath.appending("kind"), from: Evidence.Kind.allCases.map { ($0.rawValue, $0) }, what: "evidence kind")
                else { continue }
                kind = chosen
            }
            var verified = false
            if kind == .quote, let verifier = verifiers[source] {
                if verifier.contains(quote) {
                    verified = true
                } else {
                    let hint = verifier.nearestPassage(to: quote).map { "the nearest passage of the text reads: \"\($0)\"; if the words are yours, write kind: paraphrase" }
                        ?? "no passage of the text shares its words; if the words are yours, write kind: paraphrase"
                    c.fail(.quoteNotFound, at: itemPath.appending("quote"), f["quote"]?.location ?? item.location,
                           "this quote does not appear in the text of source '\(source)' (compared after normalising whitespace, quote marks, dashes and ellipses)",
                           hint: hint)
                }
            }
            out.append(RepeatedGameCase.Quote(source: source, quote: quote, note: f["note"].flatMap { c.string($0, at: itemPath.appending("note")) },
                                              kind: kind, verified: verified))
        }
        return out
    }

    /// Reads a source's local text into ``verifiers``, recording a located error when it cannot be read.
    mutating func loadText(_ relative: String, for source: String, at path: ScenarioPath, _ location: SourceLocation, _ c: inout DecodingContext) {
        guard case .relativeTo(let directory) = texts else { return }
        let full = relative.hasPrefix("/") ? relative : URL(fileURLWithPath: directory).appendingPathComponent(relative).path
        do {
            verifiers[source] = QuoteVerifier(sourceText: try ScenarioFile.readText(full))
        } catch {
            let reason = error.errors.first.map(\.message) ?? "cannot read it"
            c.fail(error.errors.first?.code ?? .io, at: path, location, "cannot read the text of source '\(source)' at \(full): \(reason)",
                   hint: "text: is a path relative to the case file; remove it if there is no local copy")
        }
    }

    /// The two-sided form of `game:`: moves, parameters, and each side's table of numbers or expressions.
    func decodeTwoSided(_ node: DocumentNode, _ path: ScenarioPath, _ ids: Set<String>, _ c: inout DecodingContext) -> CaseStageGame? {
        guard let f = c.fields(node, at: path, what: "the stage game", allowed: ["moves", "parameters", "replier", "counterpart", "note"],
                               required: [("replier", "the replier's 2x2 table [[CC, CD], [DC, DD]]"), ("counterpart", "the counterpart's 2x2 table [[CC, CD], [DC, DD]]")])
        else { return nil }
        if let note = f["note"] { _ = c.string(note, at: path.appending("note")) }
        var replierMoves = ["cooperate", "defect"]
        var counterpartMoves = ["cooperate", "defect"]
        if let movesNode = f["moves"], let m = c.fields(movesNode, at: path.appending("moves"), what: "the moves' names", allowed: ["replier", "counterpart"]) {
            for side in ["replier", "counterpart"] {
                guard let sideNode = m[side] else { continue }
                let sidePath = path.appending("moves").appending(side)
                guard let items = c.list(sideNode, at: sidePath, what: "two names, cooperate then defect") else { continue }
                guard items.count == 2 else {
                    c.fail(.invalidValue, at: sidePath, sideNode.location, "expected two names (cooperate, then defect), found \(items.count)")
                    continue
                }
                let names = items.enumerated().compactMap { k, item in c.string(item, at: sidePath.appending(index: k), what: "a move's name") }
                if names.count == 2 {
                    if side == "replier" { replierMoves = names } else { counterpartMoves = names }
                }
            }
        }
        var parameters: [CaseStageGame.Parameter] = []
        if let listNode = f["parameters"], let items = c.list(listNode, at: path.appending("parameters"), what: "a list of parameters") {
            for (k, item) in items.enumerated() {
                let itemPath = path.appending("parameters").appending(index: k)
                guard let p = c.fields(item, at: itemPath, what: "a parameter", allowed: ["id", "value", "meaning", "evidence"],
                                       required: [("id", "an id"), ("value", "a number")]) else { continue }
                guard let idNode = p["id"], let id = c.identifier(idNode, at: itemPath.appending("id"), what: "an id"),
                      let valueNode = p["value"], let value = c.rational(valueNode, at: itemPath.appending("value"), what: "a number") else { continue }
                if parameters.contains(where: { $0.id == id }) {
                    c.fail(.duplicate, at: itemPath.appending("id"), idNode.location, "the parameter '\(id)' is defined twice")
                    continue
                }
                let evidence = p["evidence"].map { quotes($0, itemPath.appending("evidence"), ids, &c) } ?? []
                parameters.append(CaseStageGame.Parameter(id: id, value: value, meaning: p["meaning"].flatMap { c.string($0, at: itemPath.appending("meaning")) },
                                                          evidence: evidence))
            }
        }
        let known = Set(parameters.map(\.id))
        func table(_ side: String) -> [LinearExpression]? {
            guard let tableNode = f[side] else { return nil }
            let tablePath = path.appending(side)
            let what = "a 2x2 table [[CC, CD], [DC, DD]]: rows the replier's move, columns the counterpart's"
            guard let rows = c.list(tableNode, at: tablePath, what: what) else { return nil }
            guard rows.count == 2 else {
                c.fail(.invalidValue, at: tablePath, tableNode.location, "expected \(what), found \(rows.count) rows")
                return nil
            }
            var entries: [LinearExpression] = []
            for (r, row) in rows.enumerated() {
                let rowPath = tablePath.appending(index: r)
                guard let cells = c.list(row, at: rowPath, what: "a row of two payoffs") else { return nil }
                guard cells.count == 2 else {
                    c.fail(.invalidValue, at: rowPath, row.location, "expected a row of two payoffs, found \(cells.count)")
                    return nil
                }
                for (k, cell) in cells.enumerated() {
                    let cellPath = rowPath.appending(index: k)
                    guard let text = c.string(cell, at: cellPath, what: "a number or an expression of parameters") else { return nil }
                    switch LinearExpression.parse(text) {
                    case .success(let expression):
                        if let unknown = expression.terms.first(where: { !known.contains($0.parameter) }) {
                            c.fail(.unknownReference, at: cellPath, cell.location, "'\(unknown.parameter)' is not a parameter of the game",
                                   hint: known.isEmpty ? "define it under game: parameters:" : "use one of: \(known.sorted().joined(separator: ", "))")
                            return nil
                        }
                        entries.append(expression)
                    case .failure(let error):
                        c.fail(.invalidValue, at: cellPath, cell.location, error.message, hint: error.hint)
                        return nil
                    }
                }
            }
            return entries
        }
        let replier = table("replier")
        let counterpart = table("counterpart")
        guard let replier, let counterpart else { return nil }
        do {
            return try CaseStageGame(replierMoves: replierMoves, counterpartMoves: counterpartMoves, parameters: parameters,
                                     replierPayoffs: replier, counterpartPayoffs: counterpart)
        } catch {
            c.fail(.invalidValue, at: path, node.location, error.message, hint: error.hint)
            return nil
        }
    }
}

extension RepeatedGameCase {
    /// The largest start year a case file may give (in magnitude): 1,000,000.
    public static let maximumYear = 1_000_000

    /// The year `start` names for a `quarter` ("2001-Q4") or `year` ("2001") unit, if any.
    static func startYear(_ start: String, unit: String) -> Int? {
        let parts = start.split(separator: "-")
        if unit == "quarter", parts.count == 2, parts[1].first == "Q" { return Int(parts[0]) }
        if unit == "year" { return Int(start) }
        return nil
    }
}
