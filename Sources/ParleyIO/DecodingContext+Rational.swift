import ParleyCore
import ParleyGames

extension DecodingContext {
    /// An exact number written as an integer, a decimal or a fraction such as `1/3`, or nil after
    /// recording a located error.
    mutating func rational(_ node: DocumentNode, at path: ScenarioPath, what: String) -> Rational? {
        guard let text = string(node, at: path, what: what) else { return nil }
        if let problem = ReaderLimits.numberProblem(text) {
            fail(.outOfRange, at: path, node.location, problem, hint: ReaderLimits.numberHint)
            return nil
        }
        guard let value = Rational(text) else {
            fail(.wrongType, at: path, node.location, "expected \(what) (an integer, decimal or fraction such as 1/3), found '\(text)'")
            return nil
        }
        return value
    }
}
