import ArgumentParser
import ParleyAnalysis
import ParleyBargaining
import ParleyCore

/// `--model NAME`, checked against the catalogue with a helpful message.
struct ModelOptions: ParsableArguments {
    @Option(name: .customLong("model"), help: ArgumentHelp("A model to run (repeatable); default: all (procedural only on scenarios with a forum and status quos).", valueName: "name"))
    var names: [String] = []

    func validate() throws {
        do {
            _ = try ModelChoice.models(named: names)
        } catch {
            throw ValidationError(error.message + (error.hint.map { "; \($0)" } ?? ""))
        }
    }

    /// The models named as they run on `scenario`, or its default set (the procedural model
    /// joins when the scenario has a forum and status quos; the ensemble combines them).
    func models(for scenario: Scenario) -> [any BargainingModel] {
        (try? ModelChoice.models(named: names, for: scenario)) ?? ModelCatalog.defaults(for: scenario)
    }
}
