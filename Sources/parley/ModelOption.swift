import ArgumentParser
import ParleyAnalysis
import ParleyBargaining

/// `--model NAME`, checked against the catalogue with a helpful message.
struct ModelOptions: ParsableArguments {
    @Option(name: .customLong("model"), help: ArgumentHelp("A model to run (repeatable); default: all.", valueName: "name"))
    var names: [String] = []

    func validate() throws {
        do {
            _ = try ModelChoice.models(named: names)
        } catch {
            throw ValidationError(error.message + (error.hint.map { "; \($0)" } ?? ""))
        }
    }

    var models: [any BargainingModel] {
        (try? ModelChoice.models(named: names)) ?? ModelCatalog.all
    }
}
