public import ParleyBargaining

/// Which bargaining models a request runs, chosen by name once for every front end.
public enum ModelChoice {
    /// The models named by `names`, in that order; every model of the catalog when `names` is empty.
    /// A name may hold several, comma-separated ("weighted-mean,nash"), as query strings do.
    /// - Throws: ``AnalysisError`` (`unknownModel`) naming the first unknown model and the available ones.
    public static func models(named names: [String]) throws(AnalysisError) -> [any BargainingModel] {
        let split = names.flatMap { $0.split(separator: ",") }.map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
        if split.isEmpty { return ModelCatalog.all }
        var models: [any BargainingModel] = []
        for name in split {
            guard let model = ModelCatalog.model(named: name) else { throw unknown(name) }
            models.append(model)
        }
        return models
    }

    /// The error for a model name the catalog does not have.
    public static func unknown(_ name: String) -> AnalysisError {
        AnalysisError(.unknownModel, "unknown model '\(name)'", hint: "available: \(ModelCatalog.names.joined(separator: ", "))")
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
