public import ParleyBargaining
public import ParleyCore

/// Which bargaining models a request runs, chosen by name once for every front end.
public enum ModelChoice {
    /// The models named by `names`, in that order; when `names` is empty, the default set:
    /// `ModelCatalog.defaults(for:)` of `scenario` (the procedural model joins when the scenario
    /// has a forum and status quos), or `ModelCatalog.all` without a scenario. A name may hold
    /// several, comma-separated ("weighted-mean,nash"), as query strings do. The ensemble, named
    /// or not, combines the scenario's default members.
    /// - Throws: ``AnalysisError`` (`unknownModel`) naming the first unknown model and the available ones.
    public static func models(named names: [String], for scenario: Scenario? = nil) throws(AnalysisError) -> [any BargainingModel] {
        let split = names.flatMap { $0.split(separator: ",") }.map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        if split.isEmpty { return scenario.map(ModelCatalog.defaults(for:)) ?? ModelCatalog.all }
        var models: [any BargainingModel] = []
        for name in split {
            let found = scenario.flatMap { ModelCatalog.model(named: name, for: $0) } ?? ModelCatalog.model(named: name)
            guard let model = found else { throw unknown(name) }
            models.append(model)
        }
        return models
    }

    /// The error for a model name the catalog does not have.
    public static func unknown(_ name: String) -> AnalysisError {
        AnalysisError(.unknownModel, "unknown model '\(name)'", hint: "available: \(ModelCatalog.knownNames.joined(separator: ", "))")
    }

    /// What the default model set leaves out for `scenario`, as a note for the user: the
    /// procedural model when the scenario lacks a forum with a setter or a status quo on some
    /// issue; `nil` when models were named or nothing was left out.
    public static func skipped(named names: [String], scenario: Scenario) -> String? {
        guard names.flatMap({ $0.split(separator: ",") }).isEmpty, !ProceduralModel.canRun(on: scenario) else { return nil }
        let listed = ModelCatalog.onRequest.map(\.name).joined(separator: ", ")
        return "\(listed) skipped: it needs forum: with a setter among the stakeholders and a status_quo on every issue (see docs/procedural-model.md)"
    }

    /// The model whose forecasts a sensitivity analysis explains: the ensemble when it ran, else the first model.
    public static func driverModel(in models: [any BargainingModel]) -> (any BargainingModel)? {
        models.last { $0.name == "ensemble" } ?? models.first
    }
}

extension String {
    func trimmingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
