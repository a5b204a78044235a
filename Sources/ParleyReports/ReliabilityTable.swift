public import ParleyCore

/// `parley reliability` as terminal text: the alphas overall and per issue, then each
/// stance's spread between coders.
public enum ReliabilityTable {
    /// The report, ending in a newline.
    public static func render(scenario: Scenario, reliability: CodingReliability, width: Int = 80, style: TerminalStyle = .plain) -> String {
        func alpha(_ value: Double?) -> String { value.map { NumberText.fixed($0, digits: 3) } ?? "n/a" }
        guard reliability.units > 0 else {
            return "\(scenario.name): no stance has codings by two or more coders; add codings: [{coder, position, salience}, ...] to stances\n"
        }
        var out = style.bold("Intercoder reliability") + " (Krippendorff's alpha, interval metric): \(reliability.units) stances coded by "
            + "\(reliability.coders.count) coders (\(reliability.coders.joined(separator: ", ")))\n\n"
        var summary = TextTable(columns: [
            .init("issue"), .init("units", alignment: .right), .init("alpha position", alignment: .right),
            .init("alpha salience", alignment: .right),
        ])
        summary.append(["all issues", String(reliability.units), alpha(reliability.alpha.position), alpha(reliability.alpha.salience)])
        for issue in reliability.issues where issue.units > 0 {
            summary.append([issue.issue, String(issue.units), alpha(issue.alpha.position), alpha(issue.alpha.salience)])
        }
        out += summary.render(width: width, style: style) + "\n\n"
        var stances = TextTable(columns: [
            .init("stakeholder"), .init("issue"), .init("coders", alignment: .right), .init("position range", alignment: .right),
            .init("position sd", alignment: .right), .init("salience range", alignment: .right), .init("salience sd", alignment: .right),
        ])
        for stance in reliability.stances {
            stances.append([
                stance.stakeholder, stance.issue, String(stance.coders.count),
                "\(NumberText.plain(stance.positionRange.lowerBound))-\(NumberText.plain(stance.positionRange.upperBound))",
                NumberText.fixed(stance.positionSD, digits: 1),
                "\(NumberText.plain(stance.salienceRange.lowerBound))-\(NumberText.plain(stance.salienceRange.upperBound))",
                NumberText.fixed(stance.salienceSD, digits: 1),
            ])
        }
        out += stances.render(width: width, style: style) + "\n\n"
        out += "Alpha >= 0.8 is reliable; 0.667-0.8 allows tentative conclusions (Krippendorff 2019). Positions are compared as percent of each issue's scale.\n"
        return out
    }
}
