import ParleyCore
import ParleyIO

/// Reads a scenario for a command that runs models on it. Warnings about the data itself (a
/// decide `#D` row left out because its actor is undefined) go to stderr, since they change what
/// the models see; hindsight warnings stay with `parley validate`, which reports them in full.
enum ScenarioInput {
    static func read(_ path: String, format: ScenarioFormat? = nil) throws(ScenarioErrors) -> Scenario {
        let reading = try ScenarioFile.readWithWarnings(path, format: format)
        let shown = reading.warnings.filter { $0.code != .hindsight }
        if !shown.isEmpty { Console.report(ScenarioErrors(shown)) }
        return reading.scenario
    }
}
