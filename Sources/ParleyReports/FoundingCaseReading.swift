public import ParleyBargaining
public import ParleyCore

/// The demo's reading of the Bonn 2001 forecasts: what the baseline models say, and what the
/// Northern Alliance's hold-out ("tenaciously demanded the majority share") and Zarif's
/// intervention ("This is the best deal you can get") mean for them.
///
/// Every figure is computed from the report, so the text stays true when the scenario's
/// coding changes; stakeholders and issues are looked up by the ids of `Examples/bonn-2001.yaml`.
public enum FoundingCaseReading {
    public static func paragraphs(_ report: ForecastReport, scenario: Scenario) -> [String] {
        var paragraphs = ForecastReading.issueParagraphs(report, scenario: scenario)
        guard let share = scenario.issue("na-share"), let observed = share.observed?.value,
              let alliance = scenario.stakeholder("northern-alliance"),
              let demand = alliance.stance(on: share.id)?.position,
              let compromise = report.runs.first(where: { $0.model == "weighted-mean" })?.value(for: share.id)
        else { return paragraphs }
        var holdOut = "The hold-out: the Northern Alliance opened at \(ForecastReading.number(demand))% of the posts and "
            + "\"tenaciously demanded the majority share\"; the compromise model, which weighs its demand like "
            + "anyone else's, gives it \(ForecastReading.number(compromise))%."
        if let fraction = ForecastReading.shareOfDemand(outcome: observed, forecast: compromise, demand: demand) {
            holdOut += " It came away with about \(ForecastReading.number(observed))%: "
                + "\(ForecastReading.number(fraction * 100))% of the way from the compromise to its demand."
        }
        holdOut += " At 4 a.m. Zarif's \"This is the best deal you can get\" closed the gap: a static model cannot "
            + "see that deadline bargaining, which is why Parley's dynamic models (expected utility, exchange, "
            + "spatial) are the next step."
        paragraphs.append(holdOut)
        if let iran = scenario.stakeholder("iran"), let iranPosition = iran.stance(on: share.id)?.position {
            let side = abs(iranPosition - observed) < abs(compromise - observed) ? "nearer the outcome than" : "no nearer the outcome than"
            paragraphs.append(
                "Iran's coded position on the share (\(ForecastReading.number(iranPosition))%) is \(side) the compromise: "
                    + "on this coding, the deal Iran brokered sits where Iran stood. Whether that is how Iran \"won\" "
                    + "is a question for the winners-and-losers analysis that comes with the dynamic models.")
        }
        return paragraphs
    }
}
