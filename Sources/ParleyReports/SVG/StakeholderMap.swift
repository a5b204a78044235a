public import ParleyCore

/// Stakeholders on one issue: x = opening position, y = salience (0–100), bubble area
/// proportional to capability on the issue, each bubble labelled with the stakeholder's name.
public enum StakeholderMap {
    public static let width = 680.0
    public static let left = 56.0
    public static let right = 24.0
    public static let top = 30.0
    public static let plotHeight = 260.0
    /// Radius of the most capable stakeholder's bubble, in pixels.
    public static let maxRadius = 22.0

    /// The map for `issue`; stakeholders without a stance on it are left out. O(stakeholders²) for label placement.
    public static func render(issue: PolicyIssue, scenario: Scenario) -> SVGDocument {
        let points = scenario.stakeholders.compactMap { stakeholder -> (name: String, stance: Stance, capability: Double)? in
            stakeholder.stance(on: issue.id).map { (stakeholder.name, $0, stakeholder.capability(on: issue.id)) }
        }
        // Padded by the largest radius so bubbles at the scale's ends stay clear of the axes.
        let xPad = maxRadius / (width - left - right) * issue.scale.width
        let yPad = maxRadius / plotHeight * 100
        let x = LinearScale(domain: (issue.scale.min - xPad)...(issue.scale.max + xPad), start: left, end: width - right)
        let y = LinearScale(domain: -yPad...(100 + yPad), start: top + plotHeight, end: top)
        var svg = SVGDocument(width: width, height: top + plotHeight + 62, title: "\(issue.name): stakeholders by position, salience and capability")
        ChartParts.xAxis(&svg, scale: x, y: top + plotHeight, top: top, title: "position: " + ForecastChart.axisTitle(issue),
                         ticks: LinearScale(domain: issue.scale.min...issue.scale.max, start: 0, end: 1).ticks())
        ChartParts.yAxis(&svg, scale: y, x: left, right: width - right, title: "salience",
                         ticks: LinearScale(domain: 0...100, start: 0, end: 1).ticks())
        let largest = points.map(\.capability).max() ?? 0
        // Biggest bubbles first so small ones stay visible on top.
        let order = points.indices.sorted { points[$0].capability != points[$1].capability ? points[$0].capability > points[$1].capability : $0 < $1 }
        for index in order {
            let point = points[index]
            svg.circle(cx: x.map(point.stance.position), cy: y.map(point.stance.salience), r: radius(point.capability, largest: largest),
                       fill: Palette.colour(index), opacity: 0.55, stroke: Palette.colour(index),
                       tooltip: "\(point.name): position \(NumberText.fixed(point.stance.position, digits: 1)), salience "
                           + "\(NumberText.fixed(point.stance.salience, digits: 0)), capability \(NumberText.fixed(point.capability, digits: 0))")
        }
        let bubbles = points.map { (x: x.map($0.stance.position), y: y.map($0.stance.salience), r: radius($0.capability, largest: largest)) }
        var taken: [Box] = []
        for (index, point) in points.enumerated() {
            let bubble = bubbles[index]
            let labelWidth = SVGDocument.estimatedWidth(point.name, size: 10)
            // Right, left, above, below the bubble; then further down on the right. The first
            // spot that overlaps no label, no other bubble and stays on the canvas wins.
            var candidates = [
                Box(x0: bubble.x + bubble.r + 3, baseline: bubble.y + 3.5, width: labelWidth),
                Box(x0: bubble.x - bubble.r - 3 - labelWidth, baseline: bubble.y + 3.5, width: labelWidth),
                Box(x0: bubble.x - labelWidth / 2, baseline: bubble.y - bubble.r - 4, width: labelWidth),
                Box(x0: bubble.x - labelWidth / 2, baseline: bubble.y + bubble.r + 12, width: labelWidth),
            ]
            for step in 1...8 { candidates.append(Box(x0: bubble.x + bubble.r + 3, baseline: bubble.y + 3.5 + Double(step) * 12, width: labelWidth)) }
            let others = bubbles.indices.filter { $0 != index }.map { bubbles[$0] }
            let free = candidates.first { box in
                box.x0 >= 2 && box.x0 + box.width <= width - 2 && box.baseline - 10 >= 0
                    && !taken.contains(where: box.overlaps) && !others.contains(where: { box.overlaps(circle: $0) })
            }
            let chosen = free ?? candidates.first { $0.x0 >= 2 && $0.x0 + $0.width <= width - 2 } ?? candidates[0]
            taken.append(chosen)
            // A label pushed away from its bubble gets a leader line back to it.
            if let spot = candidates.firstIndex(where: { $0.x0 == chosen.x0 && $0.baseline == chosen.baseline }), spot >= 4 {
                svg.line(bubble.x + bubble.r * 0.7, bubble.y + bubble.r * 0.7, chosen.x0, chosen.baseline - 4, stroke: Palette.axis, width: 0.75)
            }
            svg.text(point.name, x: chosen.x0, y: chosen.baseline, size: 10, fill: "#222222")
        }
        return svg
    }

    /// Radius with area proportional to capability: r = maxRadius · √(c / largest), at least 2 px.
    public static func radius(_ capability: Double, largest: Double) -> Double {
        guard largest > 0, capability > 0 else { return 2 }
        return max(2, maxRadius * (capability / largest).squareRoot())
    }

    /// A label's box: 10 px text from `baseline − 9` to `baseline + 2`.
    struct Box {
        var x0: Double
        var baseline: Double
        var width: Double

        func overlaps(_ other: Box) -> Bool {
            x0 < other.x0 + other.width && other.x0 < x0 + width && abs(baseline - other.baseline) < 11
        }

        func overlaps(circle: (x: Double, y: Double, r: Double)) -> Bool {
            let nearestX = min(max(circle.x, x0), x0 + width)
            let nearestY = min(max(circle.y, baseline - 9), baseline + 2)
            let dx = nearestX - circle.x
            let dy = nearestY - circle.y
            return dx * dx + dy * dy < circle.r * circle.r
        }
    }
}
