import Foundation
import ParleyCore

/// Where a scenario's source texts (`text:` on a source) are read from.
public enum SourceTextPolicy: Sendable, Hashable {
    /// Texts are not read: every quote stays unverified. For scenarios that do not come from
    /// a file of the user's own (a web request), so no local file is ever opened.
    case ignore
    /// Texts are read from paths relative to this directory (the scenario file's).
    case relativeTo(directory: String)

    /// The policy for a scenario read from `path`: texts relative to its directory.
    public static func beside(_ path: String) -> SourceTextPolicy {
        .relativeTo(directory: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }
}

/// The analysis parts of the `parley/1` schema: status quo, forum, notes, codings, and the
/// checks of evidence against source texts and dates.
extension ScenarioDecoder {
    // MARK: - Source texts and evidence checks

    /// Reads a source's local text, recording a located error when it cannot be read.
    mutating func loadText(_ relative: String, for source: String, at path: ScenarioPath, _ location: SourceLocation) {
        guard case .relativeTo(let directory) = textPolicy else { return }
        let full = relative.hasPrefix("/") ? relative : URL(fileURLWithPath: directory).appendingPathComponent(relative).path
        do {
            let text = try ScenarioFile.readText(full)
            sourceTexts[source] = QuoteVerifier(sourceText: text)
        } catch {
            let reason = error.errors.first.map(\.message) ?? "cannot read it"
            context.fail(error.errors.first?.code ?? .io, at: path, location, "cannot read the text of source '\(source)' at \(full): \(reason)",
                         hint: "text: is a path relative to the scenario file; remove it if there is no local copy")
        }
    }

    /// Whether the evidence is a verified quote; `nil` after recording an error for a quote
    /// that its source's text does not contain.
    mutating func verify(_ evidence: Evidence, at path: ScenarioPath, fields: Fields) -> Bool? {
        guard evidence.kind == .quote, let verifier = sourceTexts[evidence.source] else { return false }
        if verifier.contains(evidence.quote) { return true }
        let hint = verifier.nearestPassage(to: evidence.quote).map { "the nearest passage of the text reads: \"\($0)\"; if the words are yours, write kind: paraphrase" }
            ?? "no passage of the text shares its words; if the words are yours, write kind: paraphrase"
        context.fail(.quoteNotFound, at: path.appending("quote"), fields["quote"]?.location ?? fields.location,
                     "this quote does not appear in the text of source '\(evidence.source)' (compared after normalising whitespace, quote marks, dashes and ellipses)",
                     hint: hint)
        return nil
    }

    /// Records a warning for evidence dated after `as_of` behind a number (a capability, a
    /// stance, a status quo); a note's evidence is narrative and is not checked.
    mutating func checkHindsight(_ evidence: Evidence, at path: ScenarioPath, fields: Fields) {
        guard !decodingNote, let asOf, let text = evidence.date ?? sourceDates[evidence.source], let date = PartialDate(text),
              date.isDefinitelyAfter(asOf) else { return }
        let own = evidence.date != nil
        warnings.append(ScenarioError(
            .hindsight, at: path,
            "evidence dated \(text)\(own ? "" : " (its source's date)") is after as_of \(asOf): the coding rests on hindsight",
            hint: own ? "code the number from evidence available by \(asOf), or move as_of"
                : "give the evidence its own date with date: (when the words were said), or code from earlier evidence",
            location: (own ? fields["date"]?.location : nil) ?? fields.location, severity: .warning))
    }

    // MARK: - Status quo, forum, notes, codings

    mutating func decodeStatusQuo(_ node: DocumentNode, at path: ScenarioPath) -> StatusQuo? {
        guard let fields = context.fields(
            node, at: path, what: "a status quo", allowed: ["value", "evidence"],
            required: [("value", "the outcome if no agreement is reached, on the issue's scale")])
        else { return nil }
        let value = fields["value"].flatMap { context.number($0, at: path.appending("value"), what: "a value on the issue's scale") }
        let evidence = decodeEvidenceList(fields["evidence"], at: path.appending("evidence"))
        guard let value, let evidence else { return nil }
        return StatusQuo(value: value, evidence: evidence)
    }

    mutating func decodeForum(_ node: DocumentNode, at path: ScenarioPath) -> Forum? {
        guard let fields = context.fields(
            node, at: path, what: "a forum", allowed: ["rule", "members", "threshold", "setter", "status_quo_cost"],
            required: [("rule", "one of \(Forum.Rule.allCases.map(\.rawValue).joined(separator: ", "))")])
        else { return nil }
        let rule = fields["rule"].flatMap {
            context.choice($0, at: path.appending("rule"), from: Forum.Rule.allCases.map { ($0.rawValue, $0) }, what: "decision rule")
        }
        var failed = false
        var members: [String]?
        if let node = fields["members"] {
            members = decodeList(node, at: path.appending("members"), what: "a list of stakeholder ids") { decoder, item, itemPath in
                decoder.context.string(item, at: itemPath, what: "a stakeholder id")
            }
            failed = failed || members == nil
        }
        var threshold: Double?
        if let node = fields["threshold"] {
            threshold = context.number(node, at: path.appending("threshold"), what: "a share of the members' capability, 0.5-1")
            failed = failed || threshold == nil
        }
        let setter = optionalString(fields, "setter", at: path, what: "a stakeholder id")
        var cost = 0.0
        if let node = fields["status_quo_cost"] {
            if let value = context.number(node, at: path.appending("status_quo_cost"), what: "a cost in scale units >= 0") { cost = value } else { failed = true }
        }
        guard let rule, let setter, !failed else { return nil }
        do {
            return try Forum(rule: rule, members: members, threshold: threshold, setter: setter, statusQuoCost: cost)
        } catch {
            context.absorb(error, under: path)
            return nil
        }
    }

    mutating func decodeNote(_ node: DocumentNode, at path: ScenarioPath) -> ScenarioNote? {
        guard let fields = context.fields(
            node, at: path, what: "a note", allowed: ["id", "about", "title", "text", "evidence"],
            required: [("id", "an id such as 'why-consensus'"), ("text", "the note's text")])
        else { return nil }
        let id = fields["id"].flatMap { context.string($0, at: path.appending("id"), what: "an id") }
        let about = optionalString(fields, "about", at: path, what: "an issue or stakeholder id")
        let title = optionalString(fields, "title", at: path)
        let text = fields["text"].flatMap { context.string($0, at: path.appending("text")) }
        decodingNote = true
        let evidence = decodeEvidenceList(fields["evidence"], at: path.appending("evidence"))
        decodingNote = false
        guard let id, let about, let title, let text, let evidence else { return nil }
        do {
            return try ScenarioNote(id: id, about: about, title: title, text: text, evidence: evidence)
        } catch {
            context.absorb(error, under: path)
            return nil
        }
    }

    /// `codings:` of a stance on `issue`, with positions checked against the issue's scale.
    mutating func decodeCodings(_ node: DocumentNode, issue: String, at path: ScenarioPath) -> [Coding]? {
        decodeList(node, at: path, what: "a list of codings") { (decoder: inout ScenarioDecoder, item: DocumentNode, itemPath: ScenarioPath) -> Coding? in
            guard let fields = decoder.context.fields(
                item, at: itemPath, what: "a coding", allowed: ["coder", "position", "salience"],
                required: [("coder", "the coder's id"), ("position", "a number on the issue's scale"), ("salience", "a number 0-100")])
            else { return nil }
            let coder = fields["coder"].flatMap { decoder.context.string($0, at: itemPath.appending("coder"), what: "a coder id") }
            let position = fields["position"].flatMap { decoder.context.number($0, at: itemPath.appending("position"), what: "a position on the issue's scale") }
            let salience = fields["salience"].flatMap { decoder.context.number($0, at: itemPath.appending("salience"), what: "a salience 0-100") }
            if let position, let scale = decoder.scales[issue], !scale.contains(position), let node = fields["position"] {
                decoder.context.fail(.outOfRange, at: itemPath.appending("position"), node.location,
                                     "\(NumberText.plain(position)) is outside the scale \(scale.rangeText) of issue '\(issue)'")
            }
            guard let coder, let position, let salience else { return nil }
            do throws(ScenarioErrors) {
                return try Coding(coder: coder, position: position, salience: salience)
            } catch {
                decoder.context.absorb(error, under: itemPath)
                return nil
            }
        }
    }
}
