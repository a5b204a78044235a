/// The models Parley can run, by their command-line names.
public enum ModelCatalog {
    /// The individual models, in the order tables list them.
    public static let members: [any BargainingModel] = [
        WeightedMeanModel(), WeightedMedianModel(), NashBargainingModel(), ExpectedUtilityModel(), ExchangeModel(), SpatialModel(),
    ]

    /// Every model, the ensemble of ``members`` last.
    public static let all: [any BargainingModel] = members + [EnsembleModel(members: members)]

    /// The names of ``all``.
    public static var names: [String] { all.map(\.name) }

    /// The model called `name`, if there is one.
    public static func model(named name: String) -> (any BargainingModel)? {
        all.first { $0.name == name }
    }
}
