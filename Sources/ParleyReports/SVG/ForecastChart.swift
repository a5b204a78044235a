public import ParleyAnalysis
import ParleyBargaining
public import ParleyCore

/// Models against history on one issue: a row per model with its forecast as a dot, the
/// observed outcome as a vertical line over its shaded range, and the issue's anchors as
/// labelled ticks along the top.
public enum ForecastChart {
    /// Canvas width, and the plot's left and right margins, in pixels.
    public static let width = 680.0
    public static let left = 170.0
    public static let right = 24.0
    static let rowHeight = 22.0

    /// The chart for `issue` from the rows of `forecasts` about it, in their order. O(models + anchors²).
    public static func render(issue: PolicyIssue, forecasts: [ScoredForecast]) -> SVGDocument {
        let rows = forecasts.filter { $0.issue == issue.id }
        let scale = LinearScale(domain: issue.scale.min...issue.scale.max, start: left, end: width - right)
        let labels = AnchorLabels.place(issue.anchors, scale: scale)
        let top = 12 + Double(labels.rows) * 13 + 8
        let bottom = top + Double(rows.count) * rowHeight + 6
        var svg = SVGDocument(width: width, height: bottom + 70, title: "\(issue.name): forecasts by model against the observed outcome")
        if let observed = issue.observed, let range = observed.range {
            svg.rect(x: scale.map(range.lowerBound), y: top, width: scale.map(range.upperBound) - scale.map(range.lowerBound),
                     height: bottom - top, fill: Palette.observed, opacity: 0.12)
        }
        ChartParts.xAxis(&svg, scale: scale, y: bottom, top: top, title: axisTitle(issue))
        AnchorLabels.draw(&svg, labels, scale: scale, bottom: bottom)
        if let observed = issue.observed {
            let x = scale.map(observed.value)
            svg.line(x, top, x, bottom, stroke: Palette.observed, width: 2)
        }
        for (index, row) in rows.enumerated() {
            let y = top + (Double(index) + 0.5) * rowHeight
            svg.text(row.model, x: left - 10, y: y + 4, anchor: .end, size: 11)
            if let value = row.value {
                svg.circle(cx: scale.map(value), cy: y, r: 6, fill: Palette.colour(index), stroke: "#FFFFFF",
                           tooltip: "\(row.model): \(NumberText.fixed(value, digits: 1))")
            } else {
                svg.text("no forecast", x: left + 4, y: y + 4, size: 10, fill: Palette.axis)
            }
        }
        var legend: [(ChartParts.Mark, String)] = [(.dot(Palette.colour(0)), "a model's forecast")]
        if let observed = issue.observed {
            legend.append((.line(Palette.observed, dash: nil), "observed \(NumberText.fixed(observed.value, digits: 1))"))
            if observed.range != nil { legend.append((.band(Palette.observed), "observed range")) }
        }
        if !issue.anchors.isEmpty { legend.append((.line(Palette.axis, dash: "3 3"), "anchor")) }
        ChartParts.legend(&svg, legend, x: left, y: bottom + 50, maxX: width - right)
        return svg
    }

    static func axisTitle(_ issue: PolicyIssue) -> String {
        issue.scale.unit.map { "\(issue.name) (\($0))" } ?? issue.name
    }
}

/// Anchor labels stacked in rows so that none overlaps its neighbour.
enum AnchorLabels {
    struct Placed {
        var anchor: Anchor
        var row: Int
    }

    struct Layout {
        var placed: [Placed]
        var rows: Int
    }

    /// Greedy: each label goes in the first row where it clears the previous label by 6 px. O(anchors × rows).
    static func place(_ anchors: [Anchor], scale: LinearScale) -> Layout {
        var rowEnds: [Double] = []
        var placed: [Placed] = []
        for anchor in anchors.sorted(by: { $0.value < $1.value }) {
            let half = SVGDocument.estimatedWidth(anchor.label, size: 10) / 2
            let x = scale.map(anchor.value)
            let startX = x - half
            if let row = rowEnds.firstIndex(where: { $0 + 6 <= startX }) {
                rowEnds[row] = x + half
                placed.append(Placed(anchor: anchor, row: row))
            } else {
                rowEnds.append(x + half)
                placed.append(Placed(anchor: anchor, row: rowEnds.count - 1))
            }
        }
        return Layout(placed: placed, rows: rowEnds.count)
    }

    static func draw(_ svg: inout SVGDocument, _ layout: Layout, scale: LinearScale, bottom: Double) {
        for item in layout.placed {
            let x = scale.map(item.anchor.value)
            let labelY = 12 + Double(item.row) * 13 + 8
            svg.line(x, labelY + 3, x, bottom, stroke: Palette.axis, width: 0.75, dash: "3 3")
            // Labels at the scale's ends hug the plot so they are not clipped.
            let anchor: SVGDocument.Anchor = x - SVGDocument.estimatedWidth(item.anchor.label, size: 10) / 2 < 4 ? .start
                : x + SVGDocument.estimatedWidth(item.anchor.label, size: 10) / 2 > svg.width - 4 ? .end : .middle
            svg.text(item.anchor.label, x: x, y: labelY, anchor: anchor, size: 10, fill: Palette.axis)
        }
    }
}
