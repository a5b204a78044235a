import ParleyCore
public import ParleyGames

/// A heat map of a tournament's payoffs: one row per strategy, one column per opponent, each
/// cell the row strategy's mean payoff per turn against the column strategy, coloured on a
/// viridis scale from the smallest value drawn to the largest, with the value written in the
/// cell when it fits and a colour bar below.
///
/// Column heads are the names when they fit over a cell, else numbers that the row labels repeat.
public enum PayoffHeatMap {
    public static let maxCell = 64.0
    public static let minCell = 22.0
    public static let right = 24.0
    static let plotWidth = 480.0

    /// The chart of `values[i][j]` (nil: no match played, drawn grey with a dash) for strategies
    /// `names` (rows and columns alike). O(n²).
    public static func render(title: String, names: [String], values: [[Double?]], valueTitle: String = "mean payoff per turn, row strategy against column") -> SVGDocument {
        let n = names.count
        let cell = min(maxCell, max(minCell, (plotWidth / Double(max(1, n))).rounded(.down)))
        let numbered = names.contains { SVGDocument.estimatedWidth($0, size: 10) > cell - 4 }
        let rowLabels = numbered ? names.enumerated().map { "\($0.offset + 1)  \($0.element)" } : names
        let left = min(260, max(90, (rowLabels.map { SVGDocument.estimatedWidth($0, size: 11) }.max() ?? 0) + 20))
        let top = 46.0
        let gridWidth = cell * Double(n)
        let width = max(left + gridWidth + right, 420)
        let bottom = top + gridWidth
        let drawn = (0..<n).flatMap { i in (0..<n).compactMap { j in value(values, i, j) } }
        let scale = SequentialScale(domain: (drawn.min() ?? 0)...(drawn.max() ?? 1))
        var svg = SVGDocument(width: width, height: bottom + 78, title: title)
        svg.text("opponent (column) →", x: left, y: 14, size: 11, fill: Palette.axis)
        svg.text("strategy (row) ↓", x: 4, y: top - 8, size: 11, fill: Palette.axis)
        for (j, name) in names.enumerated() {
            svg.text(numbered ? String(j + 1) : name, x: left + (Double(j) + 0.5) * cell, y: top - 8, anchor: .middle, size: 10)
        }
        for (i, label) in rowLabels.enumerated() {
            let y = top + Double(i) * cell
            svg.text(label, x: left - 8, y: y + cell / 2 + 4, anchor: .end, size: 11)
            for j in 0..<n {
                let x = left + Double(j) * cell
                guard let v = value(values, i, j) else {
                    svg.rect(x: x, y: y, width: cell, height: cell, fill: "#EEEEEE", stroke: "#FFFFFF")
                    svg.text("–", x: x + cell / 2, y: y + cell / 2 + 4, anchor: .middle, size: 11, fill: Palette.axis)
                    continue
                }
                svg.rect(x: x, y: y, width: cell, height: cell, fill: scale.colour(v), stroke: "#FFFFFF")
                let text = NumberText.fixed(v, digits: 2)
                if SVGDocument.estimatedWidth(text, size: 11) <= cell - 4 {
                    svg.text(text, x: x + cell / 2, y: y + cell / 2 + 4, anchor: .middle, size: 11, fill: scale.textColour(v))
                }
            }
        }
        ChartParts.colourBar(&svg, scale: scale, x: left, y: bottom + 34, width: max(160, min(gridWidth, 320)),
                             title: valueTitle)
        return svg
    }

    /// The heat map of `result`'s payoff matrix, with `labels` (default: the players' names).
    /// Without self-play the diagonal is left blank. O(players²).
    public static func render(
        _ result: TournamentResult, selfPlay: Bool, labels: [String]? = nil, title: String,
        valueTitle: String = "mean payoff per turn, row strategy against column"
    ) -> SVGDocument {
        let names = labels.flatMap { $0.count == result.players.count ? $0 : nil } ?? result.players.map(\.name)
        let values = result.payoffMatrix.enumerated().map { i, row in
            row.enumerated().map { j, v -> Double? in i == j && !selfPlay ? nil : v }
        }
        return render(title: title, names: names, values: values, valueTitle: valueTitle)
    }

    static func value(_ values: [[Double?]], _ i: Int, _ j: Int) -> Double? {
        guard i < values.count, j < values[i].count, let v = values[i][j], v.isFinite else { return nil }
        return v
    }
}
