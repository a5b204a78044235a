public import ParleyBargaining
public import ParleyCore
import ParleySimulation

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
        holdOut += " At 4 a.m. Zarif's \"This is the best deal you can get\" closed the deal."
        let dynamic = ["expected-utility", "exchange", "spatial"]
        let dynamicRuns = report.runs.filter { dynamic.contains($0.model) }
        if let best = dynamicRuns.min(by: { abs(($0.value(for: share.id) ?? .infinity) - observed) < abs(($1.value(for: share.id) ?? .infinity) - observed) }),
           let value = best.value(for: share.id) {
            holdOut += " Of the dynamic models, \(best.model) comes nearest on the share, at \(ForecastReading.number(value))%"
            holdOut += "."
            if best.model == "exchange", let trade = allianceTrade(scenario) {
                let rome = scenario.stakeholder("rome-group")?.stance(on: "chair")?.position
                let toward = rome.flatMap { scenario.issue("chair")?.nearestAnchor(to: $0) }.map { ", toward the Rome group's \($0.label)" } ?? ""
                holdOut += " It lets parties trade concessions across issues, and its trades echo the record: the Northern"
                    + " Alliance gives ground on the chair in return for support on its share (\(trade.count)"
                    + " exchange\(trade.count == 1 ? "" : "s"); its chair position moves from \(ForecastReading.number(trade.from)) to"
                    + " \(ForecastReading.number(trade.to))\(toward)), as Abdullah put it: the chair \"belongs to them [the royalists],"
                    + " and we will keep the defence ministry\"."
            }
        }
        paragraphs.append(holdOut)
        if let answer = howIranWon(report, scenario: scenario) { paragraphs.append(answer) }
        return paragraphs
    }

    /// The title's question, "How Iran won": Iran's rank among the parties by how close the
    /// outcome came to its opening positions, under history and under each model, and how
    /// much the models agree.
    static func howIranWon(_ report: ForecastReport, scenario: Scenario) -> String? {
        guard scenario.stakeholder("iran") != nil else { return nil }
        let count = scenario.stakeholders.count
        var text = "Did Iran win? Rank the \(count) parties by how close the outcome came to their opening positions "
            + "(salience-weighted, 0-100)."
        if let history = WinnersAndLosers.history(scenario), let iran = history.standing(of: "iran"), let distance = iran.distance {
            let first = history.standings.first { $0.rank == 1 }?.stakeholder ?? "?"
            text += " Against history Iran ranks #\(iran.rank) of \(count) (distance \(ForecastReading.number(distance))"
                + (first == "iran" ? ": the outcome sat closer to Iran's openings than to anyone else's)." : "; #1 is \(first)).")
        }
        let ranks = report.winners(scenario: scenario).compactMap { table in
            table.standing(of: "iran").map { (table.source, $0.rank) }
        }
        guard !ranks.isEmpty else { return text }
        text += " Under the models' forecasts: " + ranks.map { "\($0.0) #\($0.1)" }.joined(separator: ", ") + "."
        let top = ranks.filter { $0.1 <= 3 }.count
        text += top == ranks.count
            ? " Every model puts Iran among the three biggest winners,"
            : " \(top) of \(ranks.count) models put Iran among the three biggest winners,"
        text += " so the answer holds across models on this coding."
        if let confidence = historyRankConfidence(scenario, draws: 1000, seed: 2001) {
            text += " And as the coded numbers vary within their stated uncertainty (1000 draws, seed 2001), Iran still ranks"
                + " first against history in \(ForecastReading.number(confidence.first * 100))% of draws and in the top three in"
                + " \(ForecastReading.number(confidence.topThree * 100))%."
        }
        return text
    }

    /// The Northern Alliance's exchanges in the exchange model that supply the chair for the
    /// share: how many, and its chair position before the first and after the last.
    static func allianceTrade(_ scenario: Scenario) -> (count: Int, from: Double, to: Double)? {
        guard let run = try? ExchangeModel().simulate(scenario) else { return nil }
        let moves = run.rounds.flatMap(\.exchanges).flatMap(\.moves).filter {
            $0.stakeholder == "northern-alliance" && $0.issue == "chair" && $0.demandIssue == "na-share"
        }
        guard let first = moves.first, let last = moves.last else { return nil }
        return (moves.count, first.from, last.to)
    }

    /// How often Iran ranks first, and in the top three, against history when the scenario's
    /// uncertain inputs are drawn from their spreads (`RandomStream(seed:index:purpose: "monte-carlo")`,
    /// as Monte Carlo runs draw them); `nil` without observed outcomes or uncertainty.
    static func historyRankConfidence(_ scenario: Scenario, draws: Int, seed: UInt64) -> (first: Double, topThree: Double)? {
        guard scenario.uncertainty != nil, draws > 0 else { return nil }
        let sampler = InputSampler(scenario: scenario)
        var first = 0
        var topThree = 0
        for index in 0..<draws {
            var stream = RandomStream(seed: seed, index: UInt64(index), purpose: "monte-carlo")
            guard let drawn = try? sampler.draw(using: &stream), let history = WinnersAndLosers.history(drawn),
                  let rank = history.standing(of: "iran")?.rank else { return nil }
            if rank == 1 { first += 1 }
            if rank <= 3 { topThree += 1 }
        }
        return (Double(first) / Double(draws), Double(topThree) / Double(draws))
    }
}
