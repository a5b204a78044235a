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
    public static func render(run: ModelRun, issue: PolicyIssue, scenario: Scenario) -> SVGDocument {
        let rounds = run.trajectory.rounds
        let lastRound = Double(max(1, (rounds.last?.index ?? 0)))
        let plotRight = width - legendWidth
        let x = LinearScale(domain: 0...lastRound, start: left, end: plotRight)
        let y = LinearScale(domain: issue.scale.min...issue.scale.max, start: top + plotHeight, end: top)
        let stakeholders = scenario.stakeholders.filter { $0.stance(on: issue.id) != nil }
        let legendHeight = Double(stakeholders.count + 1) * 15 + top
        var svg = SVGDocument(width: width, height: max(top + plotHeight + 44, legendHeight + 8),
                              title: "\(issue.name): positions round by round under \(run.model)")
        ChartParts.xAxis(&svg, scale: x, y: top + plotHeight, top: top, title: "round")
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
            svg.text(TornadoChart.truncated(stakeholder.name, width: legendWidth - 40), x: plotRight + 36, y: legendY, size: 10)
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
}
