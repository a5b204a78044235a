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

    /// The map for `issue`; stakeholders without a stance on it are left out. Labels are placed by
    /// ``placeLabels(names:bubbles:region:overflowTop:)``.
    public static func render(issue: PolicyIssue, scenario: Scenario) -> SVGDocument {
        let points = scenario.stakeholders.compactMap { stakeholder -> (name: String, stance: Stance, capability: Double)? in
            stakeholder.stance(on: issue.id).map { (stakeholder.name, $0, stakeholder.capability(on: issue.id)) }
        }
        // Padded by the largest radius so bubbles at the scale's ends stay clear of the axes.
        let xPad = maxRadius / (width - left - right) * issue.scale.width
        let yPad = maxRadius / plotHeight * 100
        let x = LinearScale(domain: (issue.scale.min - xPad)...(issue.scale.max + xPad), start: left, end: width - right)
        let y = LinearScale(domain: -yPad...(100 + yPad), start: top + plotHeight, end: top)
        let largest = points.map(\.capability).max() ?? 0
        let bubbles: [Bubble] = points.map { (x: x.map($0.stance.position), y: y.map($0.stance.salience), r: radius($0.capability, largest: largest)) }
        let baseHeight = top + plotHeight + 62
        let labels = placeLabels(names: points.map(\.name), bubbles: bubbles, region: (left + 2, 2, width - 2, top + plotHeight - 1),
                                 overflowTop: baseHeight - 20)
        let lowest = labels.map(\.box.y1).max() ?? 0
        var svg = SVGDocument(width: width, height: max(baseHeight, lowest + 6), title: "\(issue.name): stakeholders by position, salience and capability")
        ChartParts.xAxis(&svg, scale: x, y: top + plotHeight, top: top, title: "position: " + ForecastChart.axisTitle(issue),
                         ticks: LinearScale(domain: issue.scale.min...issue.scale.max, start: 0, end: 1).ticks())
        ChartParts.yAxis(&svg, scale: y, x: left, right: width - right, title: "salience",
                         ticks: LinearScale(domain: 0...100, start: 0, end: 1).ticks())
        // Biggest bubbles first so small ones stay visible on top.
        let order = points.indices.sorted { points[$0].capability != points[$1].capability ? points[$0].capability > points[$1].capability : $0 < $1 }
        for index in order {
            let point = points[index]
            svg.circle(cx: bubbles[index].x, cy: bubbles[index].y, r: bubbles[index].r,
                       fill: Palette.colour(index), opacity: 0.55, stroke: Palette.colour(index),
                       tooltip: "\(point.name): position \(NumberText.fixed(point.stance.position, digits: 1)), salience "
                           + "\(NumberText.fixed(point.stance.salience, digits: 0)), capability \(NumberText.fixed(point.capability, digits: 0))")
        }
        for label in labels {
            if let leader = label.leader {
                svg.line(leader.x1, leader.y1, leader.x2, leader.y2, stroke: Palette.axis, width: 0.75)
            }
            svg.text(label.name, x: label.x, y: label.baseline, anchor: label.anchor, size: 10, fill: "#222222")
        }
        return svg
    }

    /// A stakeholder's name as placed on the map: drawn at (`x`, `baseline`) with `anchor`, inside
    /// `box` (estimated: no font metrics are available), and joined to its bubble by `leader` when it
    /// could not sit beside it.
    public struct Label: Sendable, Hashable {
        public var name: String
        public var x: Double
        public var baseline: Double
        public var anchor: SVGDocument.Anchor
        /// Left edge and estimated width of the label (no font metrics are available).
        public var left: Double
        public var width: Double
        /// A line from the bubble's edge to the label, or nil when the label sits beside its bubble.
        public var leader: Leader?

        /// The label's estimated extent: left, top, right, bottom.
        public var box: (x0: Double, y0: Double, x1: Double, y1: Double) { (left, baseline - 9, left + width, baseline + 2.5) }
    }

    /// A leader line, from (`x1`, `y1`) on the bubble's edge to (`x2`, `y2`) on the label's near side.
    public struct Leader: Sendable, Hashable {
        public var x1: Double, y1: Double, x2: Double, y2: Double
    }

    /// A bubble: centre and radius in pixels.
    public typealias Bubble = (x: Double, y: Double, r: Double)

    /// Estimated width of a 10 px map label (a little wider than ``SVGDocument/estimatedWidth(_:size:)``
    /// so that real fonts rarely exceed it).
    static func labelWidth(_ name: String) -> Double { Double(name.count) * 10 * 0.6 }

    /// Places one label per bubble (in order) so that no two labels overlap and none covers another
    /// stakeholder's bubble. A label sits 3 px beside its own bubble (right, left, above, below or on a
    /// diagonal) where that spot is free and no other bubble is nearer to it than its own; otherwise at
    /// the nearest free spot of the plot, joined to its bubble by a leader line; when the plot is full,
    /// in rows below `bottom` (the caller makes the canvas taller: see the returned labels' boxes).
    ///
    /// Labels stay inside `region` (left, top, right, bottom) unless they overflow below it.
    /// - Complexity: O(n · g · n) for n labels and g ≈ 3,600 grid spots in the worst case (a full plot);
    ///   O(n²) when every label finds a place beside its bubble or near it.
    public static func placeLabels(names: [String], bubbles: [Bubble], region: (x0: Double, y0: Double, x1: Double, y1: Double),
                                   overflowTop: Double) -> [Label] {
        var taken: [Box] = []
        var occupancy = Occupancy(region: region)
        var labels: [Label] = []
        let count = min(names.count, bubbles.count)
        // Grid spots for pushed-away labels: label tops every 6 px, left edges every 8 px.
        var gridTops: [Double] = []
        var top = region.y0
        while top + 11.5 <= region.y1 { gridTops.append(top); top += 6 }
        var overflowCursor = (x: region.x0, baseline: overflowTop + 11)
        for index in 0..<count {
            let name = names[index]
            let bubble = bubbles[index]
            let width = labelWidth(name)
            let others = bubbles.indices.filter { $0 != index && $0 < count }.map { bubbles[$0] }
            func inside(_ box: Box) -> Bool {
                box.x0 >= region.x0 && box.x1 <= region.x1 && box.y0 >= region.y0 && box.y1 <= region.y1
            }
            func free(_ box: Box) -> Bool {
                inside(box) && !taken.contains(where: { $0.overlaps(box, margin: 1) }) && !others.contains(where: { box.touches($0) })
            }
            // The grid search tests thousands of spots: labels already placed are looked up in the occupancy grid.
            func freeSpot(_ box: Box) -> Bool {
                inside(box) && occupancy.isFree(box) && !others.contains(where: { box.touches($0) })
            }
            // Beside the bubble: (anchor x, baseline, anchor); the near side is exact whatever the real text width.
            let diagonal = bubble.r * 0.7071
            let beside: [(Double, Double, SVGDocument.Anchor)] = [
                (bubble.x + bubble.r + 3, bubble.y + 3.5, .start),
                (bubble.x - bubble.r - 3, bubble.y + 3.5, .end),
                (bubble.x, bubble.y - bubble.r - 4, .middle),
                (bubble.x, bubble.y + bubble.r + 11, .middle),
                (bubble.x + diagonal + 2, bubble.y - diagonal - 2, .start),
                (bubble.x - diagonal - 2, bubble.y - diagonal - 2, .end),
                (bubble.x + diagonal + 2, bubble.y + diagonal + 10, .start),
                (bubble.x - diagonal - 2, bubble.y + diagonal + 10, .end),
            ]
            var placed: Label?
            for (x, baseline, anchor) in beside {
                let left = anchor == .start ? x : anchor == .end ? x - width : x - width / 2
                let box = Box(x0: left, y0: baseline - 9, x1: left + width, y1: baseline + 2.5)
                guard free(box) else { continue }
                let own = box.gap(to: bubble)
                // Beside its own bubble only if no other bubble is as near: otherwise a reader could pair it wrongly.
                guard others.allSatisfy({ box.gap(to: $0) > own + 2 }) else { continue }
                placed = Label(name: name, x: x, baseline: baseline, anchor: anchor, left: left, width: width)
                break
            }
            if placed == nil {
                // The nearest free grid spot, with a leader line back to the bubble.
                // Ring by ring outwards from the spot centred on the bubble; stop once no farther ring can be nearer.
                var best: (distance: Double, box: Box)?
                let columns = max(0, Int(((region.x1 - width - region.x0) / 8).rounded(.down)))
                if !gridTops.isEmpty, region.x0 + width <= region.x1 {
                    let rows = gridTops.count
                    let centreColumn = min(columns, max(0, Int(((bubble.x - width / 2 - region.x0) / 8).rounded())))
                    let centreRow = min(rows - 1, max(0, Int(((bubble.y - 6 - region.y0) / 6).rounded())))
                    func consider(_ column: Int, _ row: Int) {
                        guard column >= 0, column <= columns, row >= 0, row < rows else { return }
                        let left = region.x0 + Double(column) * 8
                        let box = Box(x0: left, y0: gridTops[row], x1: left + width, y1: gridTops[row] + 11.5)
                        let distance = box.gap(to: bubble)
                        guard distance >= 4, best.map({ distance < $0.distance }) ?? true, freeSpot(box) else { return }
                        best = (distance, box)
                    }
                    for ring in 0...(columns + rows) {
                        if let best, Double(ring) * 6 > best.distance + width / 2 + bubble.r + 12 { break }
                        if ring == 0 {
                            consider(centreColumn, centreRow)
                            continue
                        }
                        for column in (centreColumn - ring)...(centreColumn + ring) {
                            consider(column, centreRow - ring)
                            consider(column, centreRow + ring)
                        }
                        for row in (centreRow - ring + 1)..<(centreRow + ring) {
                            consider(centreColumn - ring, row)
                            consider(centreColumn + ring, row)
                        }
                    }
                }
                if let best {
                    placed = Label(name: name, x: best.box.x0, baseline: best.box.y0 + 9, anchor: .start, left: best.box.x0, width: width)
                } else {
                    // The plot is full: a row below it.
                    if overflowCursor.x + width > region.x1, overflowCursor.x > region.x0 {
                        overflowCursor = (region.x0, overflowCursor.baseline + 13)
                    }
                    placed = Label(name: name, x: overflowCursor.x, baseline: overflowCursor.baseline, anchor: .start,
                                   left: overflowCursor.x, width: width)
                    overflowCursor.x += width + 10
                }
                if var label = placed {
                    // From the bubble's edge towards the nearest point of the label's first half (always under real text).
                    let box = Box(x0: label.left, y0: label.baseline - 9, x1: label.left + min(width, max(6, width / 2)), y1: label.baseline + 2.5)
                    let end = box.nearest(to: bubble)
                    let dx = end.x - bubble.x
                    let dy = end.y - bubble.y
                    let length = (dx * dx + dy * dy).squareRoot()
                    let unit = length > 0 ? (dx / length, dy / length) : (1.0, 0.0)
                    label.leader = Leader(x1: bubble.x + unit.0 * bubble.r, y1: bubble.y + unit.1 * bubble.r, x2: end.x, y2: end.y)
                    placed = label
                }
            }
            if let label = placed {
                labels.append(label)
                let box = Box(x0: label.left, y0: label.baseline - 9, x1: label.left + label.width, y1: label.baseline + 2.5)
                taken.append(box)
                occupancy.mark(Box(x0: box.x0 - 1, y0: box.y0 - 1, x1: box.x1 + 1, y1: box.y1 + 1))
            }
        }
        return labels
    }

    /// Radius with area proportional to capability: r = maxRadius · √(c / largest), at least 2 px.
    public static func radius(_ capability: Double, largest: Double) -> Double {
        guard largest > 0, capability > 0 else { return 2 }
        return max(2, maxRadius * (capability / largest).squareRoot())
    }

    /// Which 4 × 3 px cells of the label region some placed label (or its 1 px margin) touches: a spot is
    /// free of labels when none of its cells is taken (conservative: a partly covered cell counts as taken).
    struct Occupancy {
        static let cellWidth = 4.0
        static let cellHeight = 3.0
        let x0: Double
        let y0: Double
        let columns: Int
        let rows: Int
        var cells: [Bool]

        init(region: (x0: Double, y0: Double, x1: Double, y1: Double)) {
            x0 = region.x0
            y0 = region.y0
            columns = max(1, Int(((region.x1 - region.x0) / Self.cellWidth).rounded(.up)) + 1)
            rows = max(1, Int(((region.y1 - region.y0) / Self.cellHeight).rounded(.up)) + 1)
            cells = Array(repeating: false, count: columns * rows)
        }

        /// The cells `box` covers, clamped to the grid; nil when it lies wholly outside.
        private func span(_ box: Box) -> (c0: Int, c1: Int, r0: Int, r1: Int)? {
            let width = Double(columns) * Self.cellWidth
            let height = Double(rows) * Self.cellHeight
            guard box.x1 >= x0, box.y1 >= y0, box.x0 < x0 + width, box.y0 < y0 + height else { return nil }
            func index(_ value: Double, _ origin: Double, _ size: Double, _ count: Int) -> Int {
                min(count - 1, max(0, Int(((value - origin) / size).rounded(.down))))
            }
            return (index(box.x0, x0, Self.cellWidth, columns), index(box.x1, x0, Self.cellWidth, columns),
                    index(box.y0, y0, Self.cellHeight, rows), index(box.y1, y0, Self.cellHeight, rows))
        }

        mutating func mark(_ box: Box) {
            guard let span = span(box) else { return }
            for row in span.r0...span.r1 {
                for column in span.c0...span.c1 { cells[row * columns + column] = true }
            }
        }

        func isFree(_ box: Box) -> Bool {
            guard let span = span(box) else { return true }
            for row in span.r0...span.r1 {
                for column in span.c0...span.c1 where cells[row * columns + column] { return false }
            }
            return true
        }
    }

    /// A label's box in pixels.
    struct Box {
        var x0: Double
        var y0: Double
        var x1: Double
        var y1: Double

        func overlaps(_ other: Box, margin: Double = 0) -> Bool {
            x0 < other.x1 + margin && other.x0 < x1 + margin && y0 < other.y1 + margin && other.y0 < y1 + margin
        }

        /// Whether the bubble comes within 0.5 px of the box (a cheap bounding test first).
        func touches(_ circle: Bubble) -> Bool {
            if circle.x + circle.r + 0.5 < x0 || circle.x - circle.r - 0.5 > x1 || circle.y + circle.r + 0.5 < y0 || circle.y - circle.r - 0.5 > y1 { return false }
            return gap(to: circle) < 0.5
        }

        /// The point of the box nearest to the bubble's centre.
        func nearest(to circle: Bubble) -> (x: Double, y: Double) {
            (min(max(circle.x, x0), x1), min(max(circle.y, y0), y1))
        }

        /// Distance from the bubble's edge to the box (negative when they overlap).
        func gap(to circle: Bubble) -> Double {
            let point = nearest(to: circle)
            let dx = point.x - circle.x
            let dy = point.y - circle.y
            return (dx * dx + dy * dy).squareRoot() - circle.r
        }
    }
}
