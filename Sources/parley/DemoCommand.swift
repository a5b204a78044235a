import ArgumentParser
import Foundation
import ParleyAnalysis
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
            Reads Examples/bonn-2001.yaml with its strategic companions, Examples/iran-2001-cooperation.yaml \
            (a game) and Examples/axis-of-evil.yaml (a repeated case), found from the current directory upward \
            or next to the executable's package; runs every model, scores it against history and reads the \
            result. Every sentence is derived from the results and the files' own text, so --file works \
            for any scenario (add --game and --case for its companions).

            Example:
              swift run parley demo
              parley demo --file Examples/ec-car-emissions.yaml
            """)

    @Option(help: ArgumentHelp("Use this scenario instead of Examples/bonn-2001.yaml.", valueName: "file"))
    var file: String?

    @Option(help: ArgumentHelp("A game file to analyse after the scenario (default with no --file: Examples/iran-2001-cooperation.yaml).", valueName: "file"))
    var game: String?

    @Option(name: .customLong("case"), help: ArgumentHelp("A repeated-game case to read after it (default with no --file: Examples/axis-of-evil.yaml).", valueName: "file"))
    var repeatedCase: String?

    func run() throws {
        try Console.run {
            guard let path = file ?? Self.findExample("bonn-2001.yaml") else {
                throw ScenarioErrors([ScenarioError(
                    .fileNotFound, "cannot find Examples/bonn-2001.yaml from \(FileManager.default.currentDirectoryPath)",
                    hint: "run the demo from the Parley folder, or pass --file PATH")])
            }
            let gamePath = game ?? (file == nil ? Self.findExample("iran-2001-cooperation.yaml") : nil)
            let casePath = repeatedCase ?? (file == nil ? Self.findExample("axis-of-evil.yaml") : nil)
            let style = Console.stdoutStyle
            let width = Console.width
            let scenario = try ScenarioFile.read(path)
            let forecast = try ScenarioForecast(scenario: scenario, models: ModelCatalog.defaults(for: scenario), winners: true)
            var lines: [String] = []
            lines.append(style.bold("Parley demo: \(scenario.name)"))
            lines.append(style.dim(TextWrap.wrap("scenario: \(path) (\(ValidateCommand.summary(scenario)))", width: width - 2)))
            for paragraph in ScenarioIntroduction.paragraphs(forecast) + WhoWonReading.notes(scenario) {
                lines.append("")
                lines.append(TextWrap.wrap(paragraph, width: width - 2))
            }
            lines.append("")
            lines.append(ForecastTable.render(forecast.report, scenario: scenario, width: width, style: style))
            lines.append("")
            lines.append(style.bold("What it says"))
            var readings = ForecastReading.paragraphs(forecast)
            if let odds = try WinnerOdds(scenario: scenario, draws: 1000, seed: 1) {
                readings.append(WhoWonReading.odds(odds, scenario: scenario))
            }
            for paragraph in readings {
                lines.append("")
                lines.append(TextWrap.wrap(paragraph, width: width - 2))
            }
            if let gamePath {
                let analysis = try Self.gameAnalysis(gamePath)
                lines.append("")
                lines.append(style.bold(analysis.name))
                if let summary = analysis.model?.summary {
                    lines.append("")
                    lines.append(TextWrap.wrap(summary, width: width - 2))
                }
                lines.append("")
                lines.append(GameText.render(analysis.solution, model: analysis.model, width: width, style: style))
                lines.append("")
                lines.append(TextWrap.wrap(StrategicReading.paragraph(analysis), width: width - 2))
            }
            if let casePath {
                let study = try RepeatedGameFile.read(casePath)
                let analysis: RepeatedAnalysis
                do throws(RepeatedGameError) {
                    analysis = try RepeatedAnalysis(study: study, playTournaments: false)
                } catch {
                    throw ScenarioErrors([ScenarioError(.invalidValue, error.message, hint: error.hint, location: SourceLocation(file: casePath, line: 1, column: 1))])
                }
                let report = CaseReport.text(study, analysis.outcomes, width: width, style: style)
                lines.append("")
                lines.append(style.bold(study.name))
                lines.append("")
                lines.append(TextWrap.wrap(study.summary, width: width - 2))
                lines.append("")
                // The table and its key; the full histories are in `parley tournament --case`.
                lines.append(report.components(separatedBy: "\n\nHistories").first ?? report)
                lines.append("")
                lines.append(TextWrap.wrap(StrategicReading.paragraph(analysis), width: width - 2))
            }
            lines.append("")
            lines.append(style.dim(TextWrap.wrap(
                "Next: parley forecast \(path) --winners; parley report \(path) -o report.html; Examples/README.md explains the coding.",
                width: width - 2)))
            Console.out(lines.joined(separator: "\n"))
        }
    }

    /// Reads and solves a game file as `parley game solve` does, with errors located in the file.
    static func gameAnalysis(_ path: String) throws -> GameAnalysis {
        let document = try GameFile.read(path)
        do throws(GameError) {
            return try GameAnalysis.solve(file: path, document: document)
        } catch {
            throw ScenarioErrors([ScenarioError(.invalidValue, error.message, hint: error.hint, location: SourceLocation(file: path, line: 1, column: 1))])
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
