import ArgumentParser
import ParleyBargaining

/// `--model NAME`, checked against the catalogue with a helpful message.
struct ModelOptions: ParsableArguments {
    @Option(name: .customLong("model"), help: ArgumentHelp("A model to run (repeatable); default: all.", valueName: "name"))
    var names: [String] = []

    func validate() throws {
        for name in names where ModelCatalog.model(named: name) == nil {
            throw ValidationError("unknown model '\(name)'; available: \(ModelCatalog.names.joined(separator: ", "))")
        }
    }

    var models: [any BargainingModel] {
        names.isEmpty ? ModelCatalog.all : names.compactMap(ModelCatalog.model(named:))
    }
}
