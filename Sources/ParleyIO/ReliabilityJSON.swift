public import ParleyCore

extension ResultJSON {
    /// `parley reliability --json`: `{"scenario", "units", "coders", "coder_ids", "alpha": {"position",
    /// "salience"}, "issues": [{"issue", "units", "alpha"}], "stances": [{"stakeholder", "issue",
    /// "coders", "position_range", "position_sd", "salience_range", "salience_sd"}]}`. Alphas are
    /// Krippendorff's (interval metric), `null` where undefined; ranges and SDs are in the issue's
    /// scale units (positions) and 0–100 points (saliences).
    public static func reliability(scenario: Scenario, reliability: CodingReliability) -> String {
        func number(_ value: Double?) -> OutputNode { value.map(OutputNode.number) ?? .literal("null") }
        func alphas(_ alpha: CodingReliability.Alphas) -> OutputNode {
            .map([("position", number(alpha.position)), ("salience", number(alpha.salience))], flow: true)
        }
        func range(_ range: ClosedRange<Double>) -> OutputNode {
            .sequence([.number(range.lowerBound), .number(range.upperBound)], flow: true)
        }
        return JSONWriter.write(.map([
            ("scenario", .text(scenario.name)),
            ("units", .number(Double(reliability.units))),
            ("coders", .number(Double(reliability.coders.count))),
            ("coder_ids", .sequence(reliability.coders.map(OutputNode.text), flow: true)),
            ("alpha", alphas(reliability.alpha)),
            ("issues", .sequence(reliability.issues.map { issue in
                .map([("issue", .text(issue.issue)), ("units", .number(Double(issue.units))), ("alpha", alphas(issue.alpha))], flow: true)
            }, flow: false)),
            ("stances", .sequence(reliability.stances.map { stance in
                .map([
                    ("stakeholder", .text(stance.stakeholder)), ("issue", .text(stance.issue)),
                    ("coders", .sequence(stance.coders.map(OutputNode.text), flow: true)),
                    ("position_range", range(stance.positionRange)), ("position_sd", .number(stance.positionSD)),
                    ("salience_range", range(stance.salienceRange)), ("salience_sd", .number(stance.salienceSD)),
                ], flow: true)
            }, flow: false)),
        ]))
    }
}
