import ArgumentParser
import Foundation
import ParleyCore
import ParleyGames
import ParleyIO
import ParleyReports

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario files; print every problem with its file, line, column and key path.",
        discussion: """
            Reads scenarios (format: parley/1 in YAML or JSON; KTAB CSV/XML and decide TSV by extension), \
            game files (format: parley-game/1) and repeated-game cases (format: parley-repeated/1). \
            Exit 0 when every file is valid, 65 when one holds bad data, 66 when one is missing. \
            Every kind: quote whose source has a local text: is checked against it; evidence dated \
            after the scenario's as_of is a warning (an error with --strict). For each scenario the \
            summary counts verified quotes, quotes without a text to check them against, paraphrases \
            and inferences.

            Example:
              parley validate Examples/*.yaml
            """)

    @Argument(help: "Scenario files to check.")
    var files: [String]

    @Flag(help: "Print the errors as JSON on stdout.")
    var json = false

    @Flag(help: "Treat warnings (evidence dated after as_of, decide rows left out) as errors.")
    var strict = false

    func run() throws {
        var failures: [ScenarioErrors] = []
        var warnings: [ScenarioError] = []
        for file in files {
            do throws(ScenarioErrors) {
                let summary: String
                switch Self.formatTag(file) {
                case "parley-game/1":
                    _ = try GameFile.read(file)
                    summary = "a strategic game (format parley-game/1)"
                case "parley-repeated/1":
                    let study = try RepeatedGameFile.read(file)
                    summary = Self.summary(study)
                default:
                    let reading = try ScenarioFile.readWithWarnings(file)
                    if !reading.warnings.isEmpty {
                        let findings = reading.warnings.map { warning in
                            var copy = warning
                            if strict { copy.severity = .error }
                            return copy
                        }
                        if strict { throw ScenarioErrors(findings) }
                        warnings += findings
                        if !json { Console.report(ScenarioErrors(findings)) }
                    }
                    summary = Self.summary(reading.scenario)
                }
                if !json { Console.out(Console.stdoutStyle.green("ok") + ": \(file): " + summary) }
            } catch {
                failures.append(error)
                if !json { Console.report(error) }
            }
        }
        if json {
            Console.out(ResultJSON.errors(failures.flatMap(\.errors) + warnings))
        }
        guard failures.isEmpty else {
            let statuses = failures.map(ExitStatus.of)
            throw ExitCode((statuses.contains(.noInput) ? ExitStatus.noInput : .dataError).rawValue)
        }
    }

    /// The `format:` tag of a YAML or JSON file, read from its text without parsing it, so that
    /// game and repeated-game files go to their own readers.
    static func formatTag(_ path: String) -> String? {
        guard let text = try? ScenarioFile.readText(path) else { return nil }
        for line in text.split(separator: "\n").prefix(200) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("format:") {
                return trimmed.dropFirst("format:".count).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            }
            if let range = trimmed.range(of: "\"format\"") {
                let rest = trimmed[range.upperBound...].drop { $0 == " " || $0 == ":" }
                return rest.split(separator: "\"").first.map(String.init)
            }
        }
        return nil
    }

    /// "10 stakeholders, 3 issues, 27 sources; evidence for 30 of 30 stances and 10 of 10 capabilities",
    /// then, when there is evidence, "; quotes: 29 verified, 12 unverifiable (no text); 20 paraphrases, 3 inferences"
    /// (and "; 2 dated after as_of" when some are).
    static func summary(_ study: RepeatedGameCase) -> String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        let parameters = study.stageGame?.parameters ?? []
        let evidence = study.evidence + parameters.flatMap(\.evidence)
        let quotes = evidence.filter { $0.kind == .quote }
        let verified = quotes.filter(\.verified).count
        let replies = study.replyLabels.count
        var text = "a repeated-game case (format parley-repeated/1), \(replies) \(replies == 1 ? "reply" : "replies")"
        if !parameters.isEmpty {
            text += "; a stage game from \(count(parameters.count, "parameter")), evidence for \(parameters.filter { !$0.evidence.isEmpty }.count) of them"
        }
        if !evidence.isEmpty {
            text += "; quotes: \(verified) verified, \(quotes.count - verified) unverifiable (no text); "
                + "\(count(evidence.filter { $0.kind == .paraphrase }.count, "paraphrase")), \(count(evidence.filter { $0.kind == .inference }.count, "inference"))"
        }
        return text
    }

    static func summary(_ scenario: Scenario) -> String {
        let stances = scenario.stakeholders.flatMap(\.stances)
        let backed = stances.filter { !$0.evidence.isEmpty }.count
        let capabilities = scenario.stakeholders.filter { !$0.evidence.isEmpty }.count
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        let counts = scenario.evidenceCounts
        var evidence = ""
        if counts.total > 0 {
            evidence = "; quotes: \(counts.quotesVerified) verified, \(counts.quotesUnverifiable) unverifiable (no text); "
                + "\(count(counts.paraphrases, "paraphrase")), \(count(counts.inferences, "inference"))"
            if counts.hindsight > 0 {
                evidence += "; \(counts.hindsight) dated after as_of"
                    + (counts.hindsightBehindNumbers == 0 ? " (all in notes, none behind a coded number)" : " (\(counts.hindsightBehindNumbers) behind coded numbers)")
            }
        }
        return "\(count(scenario.stakeholders.count, "stakeholder")), \(count(scenario.issues.count, "issue")), \(count(scenario.sources.count, "source")); "
            + "evidence for \(backed) of \(stances.count) stances and \(capabilities) of \(scenario.stakeholders.count) capabilities" + evidence
    }
}
