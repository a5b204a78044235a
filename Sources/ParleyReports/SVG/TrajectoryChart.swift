public import ParleyBargaining
public import ParleyCore

/// One model's run on one issue: each stakeholder's position round by round, and the model's
/// forecast per round as a thick black line, with a legend of stakeholders on the right.
public enum TrajectoryChart {
    public static let width = 680.0
    public static let left = 56.0
    public static let legendWidth = 190.0
    public static let top = 28.0
    public static let plotHeight = 220.0

    /// The chart of `run` on `issue`. O(rounds × stakeholders²) (positions are looked up by id).
    ///
    /// The round axis ends a little after the last round in which a position or the forecast on this issue
    /// still moved (a note says so), so a run that settles at round 50 of 250 is not squeezed into the
    /// left fifth; the legend widens to hold every name whole.
    public static func render(run: ModelRun, issue: PolicyIssue, scenario: Scenario) -> SVGDocument {
        let stakeholders = scenario.stakeholders.filter { $0.stance(on: issue.id) != nil }
        let allRounds = run.trajectory.rounds
        let settled = lastMovement(allRounds, issue: issue, stakeholders: stakeholders)
        let finalRound = allRounds.last?.index ?? 0
        let shownLast = settled < finalRound ? min(finalRound, settled + max(2, settled / 10)) : finalRound
        let rounds = allRounds.filter { $0.index <= shownLast }
        let lastRound = Double(max(1, shownLast))
        let longest = stakeholders.map { SVGDocument.estimatedWidth($0.name, size: 10) }.max() ?? 0
        let legend = max(legendWidth, longest + 50)
        let chartWidth = width - legendWidth + legend
        let plotRight = chartWidth - legend
        let x = LinearScale(domain: 0...lastRound, start: left, end: plotRight)
        let y = LinearScale(domain: issue.scale.min...issue.scale.max, start: top + plotHeight, end: top)
        let legendHeight = Double(stakeholders.count + 1) * 15 + top
        var svg = SVGDocument(width: chartWidth, height: max(top + plotHeight + 44, legendHeight + 8),
                              title: "\(issue.name): positions round by round under \(run.model)")
        let axisTitle = shownLast < finalRound ? "round (no movement after round \(settled) of \(finalRound))" : "round"
        ChartParts.xAxis(&svg, scale: x, y: top + plotHeight, top: top, title: axisTitle)
        ChartParts.yAxis(&svg, scale: y, x: left, right: plotRight, title: ForecastChart.axisTitle(issue))
        for (index, stakeholder) in stakeholders.enumerated() {
            let points = rounds.compactMap { round in
                round.position(of: stakeholder.id, on: issue.id).map { (x: x.map(Double(round.index)), y: y.map($0)) }
            }
            if points.count == 1, let only = points.first {
                svg.circle(cx: only.x, cy: only.y, r: 3, fill: Palette.colour(index))
            } else {
                svg.polyline(points, stroke: Palette.colour(index), width: 1.5, dash: Palette.dash(index))
            }
            let legendY = top + Double(index) * 15 + 10
            svg.line(plotRight + 14, legendY - 3.5, plotRight + 32, legendY - 3.5, stroke: Palette.colour(index), width: 2, dash: Palette.dash(index))
            svg.text(stakeholder.name, x: plotRight + 36, y: legendY, size: 10)
        }
        let forecast = rounds.compactMap { round in
            round.forecast.first { $0.issue == issue.id }.map { (x: x.map(Double(round.index)), y: y.map($0.value)) }
        }
        let legendY = top + Double(stakeholders.count) * 15 + 10
        if forecast.count > 1 {
            svg.polyline(forecast, stroke: Palette.observed, width: 3)
            svg.line(plotRight + 14, legendY - 3.5, plotRight + 32, legendY - 3.5, stroke: Palette.observed, width: 3)
            svg.text("forecast", x: plotRight + 36, y: legendY, size: 10, bold: true)
        } else if let value = run.value(for: issue.id) {
            svg.line(left, y.map(value), plotRight, y.map(value), stroke: Palette.observed, width: 2, dash: "6 3")
            svg.line(plotRight + 14, legendY - 3.5, plotRight + 32, legendY - 3.5, stroke: Palette.observed, width: 2, dash: "6 3")
            svg.text("final forecast", x: plotRight + 36, y: legendY, size: 10, bold: true)
        }
        return svg
    }

    /// The last round in which any position on `issue`, or the forecast, differs from the round
    /// before by more than a millionth of the scale; 0 when nothing moves. O(rounds × stakeholders²).
    static func lastMovement(_ rounds: [Trajectory.Round], issue: PolicyIssue, stakeholders: [Stakeholder]) -> Int {
        let tolerance = issue.scale.width * 1e-6
        var last = 0
        for (previous, round) in zip(rounds, rounds.dropFirst()) {
            let moved = stakeholders.contains { stakeholder in
                guard let before = previous.position(of: stakeholder.id, on: issue.id),
                      let now = round.position(of: stakeholder.id, on: issue.id) else { return false }
                return abs(now - before) > tolerance
            }
            let forecastMoved: Bool = {
                guard let before = previous.forecast.first(where: { $0.issue == issue.id })?.value,
                      let now = round.forecast.first(where: { $0.issue == issue.id })?.value else { return false }
                return abs(now - before) > tolerance
            }()
            if moved || forecastMoved { last = round.index }
        }
        return last
    }
}
