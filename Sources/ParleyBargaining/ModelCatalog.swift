/// The models Parley can run, by their command-line names.
public enum ModelCatalog {
    /// Every model available now, in the order tables list them.
    public static let all: [any BargainingModel] = [WeightedMeanModel(), WeightedMedianModel(), NashBargainingModel()]

    /// The names of ``all``.
    public static var names: [String] { all.map(\.name) }

    /// The model called `name`, if there is one.
    public static func model(named name: String) -> (any BargainingModel)? {
        all.first { $0.name == name }
    }
}
