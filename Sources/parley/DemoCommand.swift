import ArgumentParser
import Foundation
import ParleyBargaining
import ParleyCore
import ParleyGames
import ParleyIO
import ParleyReports

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the founding case, Bonn 2001, end to end and explain the result.",
        discussion: """
            Reads Examples/bonn-2001.yaml (found from the current directory upward, or next to the \
            executable's package), runs every model, scores it against history and reads the result.

            Example:
              swift run parley demo
            """)

    @Option(help: ArgumentHelp("Use this scenario instead of Examples/bonn-2001.yaml.", valueName: "file"))
    var file: String?

    func run() throws {
        try Console.run {
            guard let path = file ?? Self.findExample("bonn-2001.yaml") else {
                throw ScenarioErrors([ScenarioError(
                    .fileNotFound, "cannot find Examples/bonn-2001.yaml from \(FileManager.default.currentDirectoryPath)",
                    hint: "run the demo from the Parley folder, or pass --file PATH")])
            }
            let style = Console.stdoutStyle
            let width = Console.width
            let scenario = try ScenarioFile.read(path)
            let report = try ForecastReport(scenario: scenario, models: ModelCatalog.all)
            var lines: [String] = []
            lines.append(style.bold("Parley demo: \(scenario.name)"))
            lines.append(style.dim(TextWrap.wrap("scenario: \(path) (\(ValidateCommand.summary(scenario)))", width: width - 2)))
            lines.append("")
            lines.append(TextWrap.wrap(
                "Ten parties bargained at the Petersberg over three questions: how many posts the Northern Alliance "
                    + "would hold, who would chair the interim administration, and whether a foreign force would deploy. "
                    + "Parley codes who wanted what, how much each cared and how strong each was, with a quote behind "
                    + "every number, and asks each model where the talks should have ended.", width: width - 2))
            lines.append("")
            lines.append(ForecastTable.render(report, scenario: scenario, width: width, style: style))
            lines.append("")
            lines.append(style.bold("What it says"))
            for paragraph in FoundingCaseReading.paragraphs(report, scenario: scenario) {
                lines.append("")
                lines.append(TextWrap.wrap(paragraph, width: width - 2))
            }
            if let gamePath = Self.findExample("iran-2001-cooperation.yaml"), case .model(let model)? = try? GameFile.read(gamePath),
               let solution = try? GameSolver.solve(model, method: .automatic, label: 1, dominance: true) {
                lines.append("")
                lines.append(style.bold("Iran's choice, autumn 2001: a Bayesian game"))
                lines.append("")
                lines.append(TextWrap.wrap(
                    "Iran helped the US against the Taliban without knowing whether Washington was sincere (Khamenei: \"the "
                        + "Americans' invitation for cooperation is tactical\"). Mousavian called help \"a no-lose proposition\", "
                        + "and Soleimani agreed that \"even if the US was not sincere, we would still have eliminated our enemy\".",
                    width: width - 2))
                lines.append("")
                let report = GameText.render(solution, model: model, width: width, style: style)
                lines.append(report)
                lines.append("")
                lines.append(TextWrap.wrap(
                    "Read the map from right to left: where toppling the Taliban is worth more to Iran than an entrenched US "
                        + "turning on it costs, helping is strictly dominant (#); on the + column the two are equal, the literal "
                        + "\"no-lose\" line; below it Iran still helps in equilibrium (o) if its prior that the US is sincere is "
                        + "high enough.", width: width - 2))
            }
            if let axisPath = Self.findExample("axis-of-evil.yaml"), let axis = try? RepeatedGameFile.read(axisPath) {
                let outcomes = axis.study.analyse()
                let report = CaseReport.text(axis, outcomes, width: width, style: style)
                lines.append("")
                lines.append(style.bold("After \"axis of evil\": the repeated game"))
                lines.append("")
                // The table and its key; the full histories are in `parley tournament --case`.
                lines.append(report.components(separatedBy: "\n\nHistories").first ?? report)
                lines.append("")
                let labels = Dictionary(zip(axis.study.replies.map(\.name), axis.replyLabels), uniquingKeysWith: { first, _ in first })
                let readings = outcomes.filter { $0.runs == 1 }.map { row -> String in
                    let name = labels[row.reply] ?? row.reply
                    guard let turn = row.collapseTurn else { return "\(name) never breaks off" }
                    let restore = row.restoringGesture.map { "\($0) \(axis.unit)\($0 == 1 ? "" : "s") of unconditional US cooperation win it back" }
                        ?? "nothing the US does afterwards restores cooperation"
                    return "\(name) breaks off in \(axis.label(turn: turn)) and \(restore)"
                }
                lines.append(TextWrap.wrap(
                    "Without noise: " + readings.joined(separator: "; ") + ". Khatami expected no rapprochement "
                        + "\"for at least 10 years\": that is the grim-trigger row.", width: width - 2))
            }
            lines.append("")
            lines.append(style.dim(TextWrap.wrap(
                "Next: parley forecast \(path) --json; parley validate Examples/*.yaml; Examples/README.md explains the coding.",
                width: width - 2)))
            Console.out(lines.joined(separator: "\n"))
        }
    }

    /// `Examples/NAME` in the current directory or an ancestor, else in the package that built
    /// this executable (`.build/<config>/parley` → the package root).
    static func findExample(_ name: String) -> String? {
        let manager = FileManager.default
        var candidates: [URL] = []
        var directory = URL(fileURLWithPath: manager.currentDirectoryPath)
        for _ in 0..<8 {
            candidates.append(directory)
            directory.deleteLastPathComponent()
        }
        var executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        for _ in 0..<5 {
            executable.deleteLastPathComponent()
            candidates.append(executable)
        }
        for candidate in candidates {
            let path = candidate.appendingPathComponent("Examples").appendingPathComponent(name).path
            if manager.fileExists(atPath: path) {
                return path.hasPrefix(manager.currentDirectoryPath + "/")
                    ? String(path.dropFirst(manager.currentDirectoryPath.count + 1)) : path
            }
        }
        return nil
    }
}
