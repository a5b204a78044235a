public import ParleyCore

/// The models Parley can run, by their command-line names.
public enum ModelCatalog {
    /// The individual models, in the order tables list them.
    public static let members: [any BargainingModel] = [
        WeightedMeanModel(), WeightedMedianModel(), NashBargainingModel(), ExpectedUtilityModel(), ExchangeModel(), SpatialModel(),
    ]

    /// The models run by default on a scenario without a forum, the ensemble of ``members`` last.
    public static let all: [any BargainingModel] = members + [EnsembleModel(members: members)]

    /// Models that need data most scenarios lack: `procedural` needs a forum with a setter and a
    /// status quo on every issue. They run by default only on scenarios that have it (see
    /// ``defaults(for:)``), and whenever named.
    public static let onRequest: [any BargainingModel] = [ProceduralModel()]

    /// The models run on `scenario` when none are named: ``members``, each model of
    /// ``onRequest`` the scenario has the data for, and the ensemble of all of those last.
    public static func defaults(for scenario: Scenario) -> [any BargainingModel] {
        let chosen = members + (ProceduralModel.canRun(on: scenario) ? onRequest : [])
        return chosen + [EnsembleModel(members: chosen)]
    }

    /// The names of ``all``.
    public static var names: [String] { all.map(\.name) }

    /// The names of ``all`` and ``onRequest``: every name `--model` accepts.
    public static var knownNames: [String] { (all + onRequest).map(\.name) }

    /// The model called `name` (among ``all`` and ``onRequest``), if there is one. The ensemble
    /// returned combines ``members`` only; ``model(named:for:)`` gives the scenario's ensemble.
    public static func model(named name: String) -> (any BargainingModel)? {
        all.first { $0.name == name } ?? onRequest.first { $0.name == name }
    }

    /// The model called `name` as it runs on `scenario`: the ensemble combines the scenario's
    /// ``defaults(for:)``; any other model is ``model(named:)``.
    public static func model(named name: String, for scenario: Scenario) -> (any BargainingModel)? {
        name == "ensemble" ? defaults(for: scenario).last : model(named: name)
    }
}
