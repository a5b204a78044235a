/// The models Parley can run, by their command-line names.
public enum ModelCatalog {
    /// The individual models, in the order tables list them.
    public static let members: [any BargainingModel] = [
        WeightedMeanModel(), WeightedMedianModel(), NashBargainingModel(), ExpectedUtilityModel(), ExchangeModel(), SpatialModel(),
    ]

    /// Every model run by default, the ensemble of ``members`` last.
    public static let all: [any BargainingModel] = members + [EnsembleModel(members: members)]

    /// Models run only when asked for by name, because they need data that most scenarios lack:
    /// `procedural` needs a forum with a setter and a status quo on every issue.
    public static let onRequest: [any BargainingModel] = [ProceduralModel()]

    /// The names of ``all``.
    public static var names: [String] { all.map(\.name) }

    /// The names of ``all`` and ``onRequest``: every name `--model` accepts.
    public static var knownNames: [String] { (all + onRequest).map(\.name) }

    /// The model called `name` (among ``all`` and ``onRequest``), if there is one.
    public static func model(named name: String) -> (any BargainingModel)? {
        all.first { $0.name == name } ?? onRequest.first { $0.name == name }
    }
}
