public import ParleyCore
public import ParleyGames

/// Reads repeated-game case files with located errors.
public enum RepeatedGameFile {
    /// Reads and checks the case at `path`.
    /// - Throws: `ScenarioErrors` with every problem located (file, line, column, key path).
    public static func read(_ path: String) throws(ScenarioErrors) -> RepeatedGameCase {
        try decode(try ScenarioFile.readText(path), file: path)
    }

    /// Decodes YAML (or JSON) text.
    /// - Throws: `ScenarioErrors` as ``read(_:)``.
    public static func decode(_ text: String, file: String? = nil) throws(ScenarioErrors) -> RepeatedGameCase {
        guard let root = try YAMLDocumentReader.read(text, file: file) else {
            throw ScenarioErrors([ScenarioError(.emptyFile, "the file has no content", location: SourceLocation(file: file, line: 1, column: 1))])
        }
        var c = DecodingContext(file: file)
        let result = decodeCase(root, &c)
        let errors = c.sortedErrors
        guard errors.isEmpty, let result else {
            throw ScenarioErrors(errors.isEmpty ? [ScenarioError(.invalidValue, "the case could not be read")] : errors)
        }
        return result
    }

    private static func decodeCase(_ root: DocumentNode, _ c: inout DecodingContext) -> RepeatedGameCase? {
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
                guard let f = c.fields(item, at: path, what: "a source", allowed: ["id", "title", "author", "date", "url"],
                                       required: [("id", "an id"), ("title", "text")]) else { continue }
                if let id = f["id"].flatMap({ c.string($0, at: path.appending("id")) }),
                   let title = f["title"].flatMap({ c.string($0, at: path.appending("title")) }) {
                    sources.append((id, title))
                }
                for key in ["author", "date", "url"] { if let node = f[key] { _ = c.string(node, at: path.appending(key)) } }
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
        }
        var game = StageGame.prisonersDilemma
        if let node = fields["game"], let f = c.fields(node, at: top.appending("game"), what: "the stage game",
                                                       allowed: ["r", "s", "t", "p"], required: [("r", "a number"), ("s", "a number"), ("t", "a number"), ("p", "a number")]) {
            let values = ["r", "s", "t", "p"].map { key in f[key].flatMap { c.number($0, at: top.appending("game").appending(key)) } }
            if let r = values[0], let s = values[1], let t = values[2], let p = values[3], let made = try? StageGame(r: r, s: s, t: t, p: p) {
                game = made
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
                                    replierName: replierName, replyLabels: labels, scriptedLabels: scriptedLabels, evidence: evidence, study: study)
        } catch {
            c.fail(.invalidValue, at: top, root.location, error.message, hint: error.hint)
            return nil
        }
    }

    private static func integer(_ node: DocumentNode?, _ path: ScenarioPath, _ c: inout DecodingContext, range: ClosedRange<Int>) -> Int? {
        guard let node, let value = c.number(node, at: path, what: "a whole number") else { return nil }
        guard value == value.rounded(), value >= Double(range.lowerBound), value <= Double(range.upperBound) else {
            c.fail(.outOfRange, at: path, node.location, "expected a whole number in \(range.lowerBound)...\(range.upperBound), found \(NumberText.plain(value))")
            return nil
        }
        return Int(value)
    }

    private static func strategy(_ node: DocumentNode, _ path: ScenarioPath, _ c: inout DecodingContext) -> RepeatedPlayer? {
        guard let name = c.string(node, at: path, what: "a strategy name") else { return nil }
        do {
            return try StrategyCatalog.player(named: name)
        } catch {
            c.fail(.unknownReference, at: path, node.location, error.message, hint: error.hint)
            return nil
        }
    }

    private static func quotes(_ node: DocumentNode, _ path: ScenarioPath, _ ids: Set<String>, _ c: inout DecodingContext) -> [RepeatedGameCase.Quote] {
        guard let items = c.list(node, at: path, what: "evidence") else { return [] }
        var out: [RepeatedGameCase.Quote] = []
        for (i, item) in items.enumerated() {
            let itemPath = path.appending(index: i)
            guard let f = c.fields(item, at: itemPath, what: "a quote", allowed: ["source", "quote", "note"],
                                   required: [("source", "a source id"), ("quote", "the quoted words")]) else { continue }
            guard let source = f["source"].flatMap({ c.string($0, at: itemPath.appending("source")) }),
                  let quote = f["quote"].flatMap({ c.string($0, at: itemPath.appending("quote")) }) else { continue }
            if !ids.contains(source), let sourceNode = f["source"] {
                c.fail(.unknownReference, at: itemPath.appending("source"), sourceNode.location, "no source with id '\(source)'",
                       hint: "add it under sources: or use one of: \(ids.sorted().joined(separator: ", "))")
            }
            out.append(RepeatedGameCase.Quote(source: source, quote: quote, note: f["note"].flatMap { c.string($0, at: itemPath.appending("note")) }))
        }
        return out
    }
}

