public import ParleyCore

/// Runs a list of models on one scenario, the ensemble last-aware: the ensemble combines the
/// runs of the other models in the list; listed alone, it runs its own members.
public enum ModelRunner {
    /// One run per model, in the order given.
    /// `progress` is called after each model other than the ensemble with the count of those run so far.
    /// - Throws: ``ModelError`` from the first model that cannot run.
    public static func runAll(
        _ models: [any BargainingModel], on scenario: Scenario, progress: (Int) -> Void = { _ in }
    ) throws(ModelError) -> [ModelRun] {
        var runs: [ModelRun] = []
        for model in models where !(model is EnsembleModel) {
            try ModelError.checkCancellation(model.name)
            runs.append(try model.run(scenario))
            progress(runs.count)
        }
        var ordered: [ModelRun] = []
        var next = 0
        for model in models {
            if let ensemble = model as? EnsembleModel {
                let members = runs.isEmpty ? try ensemble.members.map { model throws(ModelError) in try model.run(scenario) } : runs
                ordered.append(ensemble.combine(members, scenario: scenario, requireMembers: runs.isEmpty))
            } else {
                ordered.append(runs[next])
                next += 1
            }
        }
        return ordered
    }
}
