/// One coder's independent values for a stance (`codings:` in a stance), for intercoder
/// reliability and for Monte Carlo draws over coders.
public struct Coding: Sendable, Hashable {
    /// The coder's id (``Identifier`` rules), unique within the stance.
    public let coder: String
    /// On the scale (checked by ``Scenario``).
    public let position: Double
    /// 0–100.
    public let salience: Double

    /// Creates a coding.
    /// - Throws: ``ScenarioErrors`` for a malformed coder id, a non-finite number or a salience
    ///   outside 0–100. Paths are relative to the coding.
    public init(coder: String, position: Double, salience: Double) throws(ScenarioErrors) {
        var errors: [ScenarioError] = []
        if let error = Identifier.check(coder, at: ["coder"]) { errors.append(error) }
        if !position.isFinite {
            errors.append(ScenarioError(.notFinite, at: ["position"], "expected a finite number, found \(NumberText.plain(position))"))
        }
        if !salience.isFinite {
            errors.append(ScenarioError(.notFinite, at: ["salience"], "expected a finite number 0-100, found \(NumberText.plain(salience))"))
        } else if !(0...100).contains(salience) {
            errors.append(ScenarioError(.outOfRange, at: ["salience"], "salience \(NumberText.plain(salience)) is outside 0...100"))
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        self.coder = coder
        self.position = position
        self.salience = salience
    }
}
