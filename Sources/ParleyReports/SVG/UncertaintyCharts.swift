public import ParleyCore
public import ParleySimulation

/// Monte Carlo spread on one issue: a box per model from the 25th to the 75th percentile,
/// whiskers from the 5th to the 95th, a tick at the median, and the observed outcome as a line.
public enum FanChart {
    public static let width = 680.0
    public static let left = 170.0
    public static let right = 24.0
    public static let top = 14.0
    static let rowHeight = 24.0

    /// The chart for `issue` from `summary`'s distributions on it, in model order. O(models).
    public static func render(issue: PolicyIssue, summary: MonteCarloSummary) -> SVGDocument {
        let rows = summary.distributions.filter { $0.issue == issue.id }
        let scale = LinearScale(domain: issue.scale.min...issue.scale.max, start: left, end: width - right)
        let bottom = top + Double(rows.count) * rowHeight + 6
        var svg = SVGDocument(width: width, height: bottom + 70,
                              title: "\(issue.name): forecast spread over \(summary.plan.runs) Monte Carlo runs")
        ChartParts.xAxis(&svg, scale: scale, y: bottom, top: top, title: ForecastChart.axisTitle(issue))
        if let observed = issue.observed {
            let x = scale.map(observed.value)
            svg.line(x, top, x, bottom, stroke: Palette.observed, width: 2)
        }
        for (index, row) in rows.enumerated() {
            let y = top + (Double(index) + 0.5) * rowHeight
            svg.text(row.model, x: left - 10, y: y + 4, anchor: .end, size: 11)
            guard row.quantiles.count == 5 else {
                svg.text("no forecast", x: left + 4, y: y + 4, size: 10, fill: Palette.axis)
                continue
            }
            let q = row.quantiles.map(scale.map)
            let colour = Palette.colour(index)
            svg.line(q[0], y, q[4], y, stroke: colour, width: 1.5)
            svg.line(q[0], y - 5, q[0], y + 5, stroke: colour, width: 1.5)
            svg.line(q[4], y - 5, q[4], y + 5, stroke: colour, width: 1.5)
            svg.rect(x: q[1], y: y - 8, width: q[3] - q[1], height: 16, fill: colour, opacity: 0.45, stroke: colour)
            svg.line(q[2], y - 8, q[2], y + 8, stroke: "#000000", width: 2)
        }
        var legend: [(ChartParts.Mark, String)] = [
            (.band(Palette.colour(0)), "middle 50%"), (.line(Palette.colour(0), dash: nil), "5th to 95th percentile"),
            (.line("#000000", dash: nil), "median"),
        ]
        if let observed = issue.observed { legend.append((.line(Palette.observed, dash: nil), "observed \(NumberText.fixed(observed.value, digits: 1))")) }
        ChartParts.legend(&svg, legend, x: left, y: bottom + 50, maxX: width - right)
        return svg
    }
}

/// A tornado of sensitivities on one issue: a bar per input from the forecast with the input at
/// its low value to the forecast at its high value, largest swing on top.
public enum TornadoChart {
    public static let width = 680.0
    public static let left = 250.0
    public static let right = 24.0
    public static let top = 14.0
    static let rowHeight = 20.0

    /// The chart for `issue` from `drivers` about it (already ranked). `base` is the forecast
    /// with every input at its value in the scenario, drawn as a line when given. O(drivers).
    public static func render(issue: PolicyIssue, drivers: [Sensitivity.Driver], base: Double?) -> SVGDocument {
        let rows = drivers.filter { $0.issue == issue.id }
        let scale = LinearScale(domain: issue.scale.min...issue.scale.max, start: left, end: width - right)
        let bottom = top + Double(max(1, rows.count)) * rowHeight + 6
        var svg = SVGDocument(width: width, height: bottom + 70, title: "\(issue.name): inputs that move the \(rows.first?.model ?? "") forecast most")
        ChartParts.xAxis(&svg, scale: scale, y: bottom, top: top, title: "forecast: " + ForecastChart.axisTitle(issue))
        for (index, row) in rows.enumerated() {
            let y = top + (Double(index) + 0.5) * rowHeight
            svg.text(truncated(row.input, width: left - 16), x: left - 10, y: y + 4, anchor: .end, size: 10)
            guard let low = row.forecastAtLow, let high = row.forecastAtHigh else { continue }
            let lowX = scale.map(low)
            let highX = scale.map(high)
            // Orange where the input is at its low value, blue where high; a sliver when the swing is nil.
            if let base {
                let baseX = scale.map(base)
                svg.rect(x: baseX, y: y - 7, width: lowX - baseX, height: 14, fill: Palette.colour(1))
                svg.rect(x: baseX, y: y - 7, width: highX - baseX, height: 14, fill: Palette.colour(0))
            } else {
                svg.rect(x: lowX, y: y - 7, width: highX - lowX, height: 14, fill: Palette.colour(0))
            }
            if abs(highX - lowX) < 1 { svg.line(lowX, y - 7, lowX, y + 7, stroke: Palette.axis) }
        }
        if let base {
            let x = scale.map(base)
            svg.line(x, top, x, bottom, stroke: "#000000", width: 1.5)
        }
        var legend: [(ChartParts.Mark, String)] = [(.bar(Palette.colour(1)), "input at its low value"), (.bar(Palette.colour(0)), "input at its high value")]
        if base != nil { legend.append((.line("#000000", dash: nil), "base forecast")) }
        ChartParts.legend(&svg, legend, x: left, y: bottom + 50, maxX: width - right)
        return svg
    }

    static func truncated(_ text: String, width: Double) -> String {
        guard SVGDocument.estimatedWidth(text, size: 10) > width else { return text }
        let keep = max(1, Int(width / (10 * 0.56)) - 1)
        return String(text.prefix(keep)) + "…"
    }
}
