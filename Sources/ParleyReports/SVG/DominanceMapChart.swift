import ParleyCore
public import ParleyGames

/// A dominance map as a grid of cells: the first swept parameter across, the second up, each
/// cell coloured by what the action is at that point (strictly dominant … in no equilibrium)
/// and carrying the status's symbol from `parley game solve` (so it reads without colour), with
/// a ring at the values the file codes.
public enum DominanceMapChart {
    public static let width = 680.0
    public static let right = 24.0
    public static let left = 70.0
    static let top = 34.0

    /// Fill per status, strongest first: blue, sky blue, green, orange, light grey (Okabe–Ito).
    public static func colour(_ status: DominanceMap.Status) -> String {
        switch status {
        case .strictlyDominant: "#0072B2"
        case .weaklyDominant: "#56B4E9"
        case .everyEquilibrium: "#009E73"
        case .someEquilibria: "#E69F00"
        case .noEquilibrium: "#E4E4E4"
        }
    }

    /// The status's words, as the map's legend says them.
    public static func words(_ status: DominanceMap.Status) -> String {
        switch status {
        case .strictlyDominant: "strictly dominant"
        case .weaklyDominant: "weakly dominant"
        case .everyEquilibrium: "in every equilibrium"
        case .someEquilibria: "in some equilibria"
        case .noEquilibrium: "in no equilibrium"
        }
    }

    /// The chart of `map` for `model` (names, and the coded parameter values for the ring). O(grid points).
    public static func render(_ map: DominanceMap, model: GameModel) -> SVGDocument {
        let player = map.player < model.players.count ? model.players[map.player] : nil
        let action = player.flatMap { map.action < $0.actions.count ? $0.actions[map.action] : nil } ?? "the action"
        let columnsSweep = map.sweeps.first
        let rowsSweep = map.sweeps.count > 1 ? map.sweeps[1] : nil
        let columnValues = columnsSweep?.points ?? [.zero]
        let rowValues = rowsSweep?.points ?? [.zero]
        let plotWidth = width - left - right
        let cellWidth = plotWidth / Double(max(1, columnValues.count))
        let cellHeight = min(30, max(14, 300 / Double(max(1, rowValues.count))))
        let bottom = top + cellHeight * Double(rowValues.count)
        let present = DominanceMap.Status.allCases.filter { status in map.points.contains { $0.status == status } }
        let legend: [(ChartParts.Mark, String)] = present.map { (.bar(colour($0)), "\($0.symbol)  \(words($0))") }
            + [(.dot("#000000"), "ring: the values the file codes")]
        var probe = SVGDocument(width: width, height: 0, title: "")
        let legendEnd = ChartParts.legend(&probe, legend, x: left, y: bottom + 52, maxX: width - right)
        var svg = SVGDocument(width: width, height: legendEnd + 2,
                              title: "Where \(action) stays dominant for \(player?.name ?? "the player") as \(map.sweeps.map(\.parameter).joined(separator: " and ")) vary")
        let x = span(columnValues, start: left, end: width - right)
        let y = span(rowValues, start: bottom, end: top)
        for (index, point) in map.points.enumerated() {
            let c = index % max(1, columnValues.count)
            let r = index / max(1, columnValues.count)
            guard r < rowValues.count else { break }
            let cx = left + Double(c) * cellWidth
            let cy = bottom - Double(r + 1) * cellHeight
            svg.rect(x: cx, y: cy, width: cellWidth, height: cellHeight, fill: colour(point.status), stroke: "#FFFFFF")
            if cellWidth >= 12, cellHeight >= 12 {
                let ink = point.status == .noEquilibrium || point.status == .someEquilibria || point.status == .weaklyDominant ? "#000000" : "#FFFFFF"
                svg.text(String(point.status.symbol), x: cx + cellWidth / 2, y: cy + cellHeight / 2 + 4, anchor: .middle, size: 11, fill: ink)
            }
        }
        if let columnsSweep {
            ChartParts.xAxis(&svg, scale: x, y: bottom, top: bottom, title: columnsSweep.parameter + " →", ticks: tickValues(columnValues))
        }
        if let rowsSweep {
            ChartParts.yAxis(&svg, scale: y, x: left, right: left, title: rowsSweep.parameter + " ↑", ticks: tickValues(rowValues))
        }
        // The file's own values: a ring where they fall (only when inside the swept ranges).
        let coded = map.sweeps.map { sweep in model.parameters.first { $0.id == sweep.parameter }?.value.doubleValue }
        if let vx = coded.first ?? nil, x.domain.contains(vx) {
            var vy: Double? = (top + bottom) / 2
            if rowsSweep != nil {
                vy = (coded.count > 1 ? coded[1] : nil).flatMap { y.domain.contains($0) ? y.map($0) : nil }
            }
            if let vy {
                let r = min(cellWidth, cellHeight) * 0.45
                svg.circle(cx: x.map(vx), cy: vy, r: r + 1.5, fill: "none", stroke: "#FFFFFF")
                svg.circle(cx: x.map(vx), cy: vy, r: r, fill: "none", stroke: "#000000")
            }
        }
        ChartParts.legend(&svg, legend, x: left, y: bottom + 52, maxX: width - right)
        return svg
    }

    /// A scale whose cells are centred on the grid values: the domain runs half a step past each end.
    static func span(_ values: [Rational], start: Double, end: Double) -> LinearScale {
        let first = values.first?.doubleValue ?? 0
        let last = values.last?.doubleValue ?? 1
        let half = values.count > 1 ? (last - first) / Double(values.count - 1) / 2 : 0.5
        return LinearScale(domain: min(first, last) - abs(half)...max(first, last) + abs(half), start: start, end: end)
    }

    /// At most about seven of the grid values, evenly picked, always the ends.
    static func tickValues(_ values: [Rational]) -> [Double] {
        guard values.count > 7 else { return values.map(\.doubleValue) }
        let stride = Int((Double(values.count - 1) / 6).rounded(.up))
        var picked = Swift.stride(from: 0, to: values.count, by: stride).map { values[$0].doubleValue }
        if let last = values.last?.doubleValue, picked.last != last {
            if picked.count > 1, values.count - 1 - (picked.count - 1) * stride < stride / 2 + 1 { picked.removeLast() }
            picked.append(last)
        }
        return picked
    }
}
