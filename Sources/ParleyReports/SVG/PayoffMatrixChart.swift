import ParleyCore
public import ParleyGames

/// A two-player game's payoff matrix: the row player's strategies down, the column player's
/// across, each cell "row payoff, column payoff" (exact), the row player's number in the first
/// palette colour and the column player's in the second.
///
/// A cell where a pure equilibrium sits has a thick black frame and a shaded fill; every cell
/// in the support of an equilibrium carries its tag ("E2") so mixed equilibria show too.
public enum PayoffMatrixChart {
    /// The largest matrix drawn; bigger games get their equilibria only.
    public static let maxStrategies = 10
    public static let equilibriumFill = "#FFF3C4"
    static let rowHeight = 36.0

    /// The matrix of `game` with `equilibria` marked (numbered from 1 in order), or nil when the
    /// game does not have two players or has more than ``maxStrategies`` per player. O(rows × columns × equilibria).
    public static func render(_ game: NormalFormGame, equilibria: [NashEquilibrium], title: String) -> SVGDocument? {
        guard game.players.count == 2, game.strategies.allSatisfy({ (1...maxStrategies).contains($0.count) }) else { return nil }
        let rows = game.strategies[0]
        let columns = game.strategies[1]
        let cellTexts = rows.indices.map { r in columns.indices.map { c in (game.payoff([r, c], player: 0).description, game.payoff([r, c], player: 1).description) } }
        // Widths with a margin: the reader's font may be wider than the estimate.
        let widest = cellTexts.flatMap { $0 }.map { SVGDocument.estimatedWidth($0.0 + ", " + $0.1, size: 12) * 1.2 }.max() ?? 0
        let tagWidth = SVGDocument.estimatedWidth(equilibria.indices.map { "E\($0 + 1)" }.joined(separator: " "), size: 9)
        let headWidth = columns.map { SVGDocument.estimatedWidth($0, size: 11) }.max() ?? 0
        let cellWidth = max(64, widest + 16, min(tagWidth + 10, 160), headWidth + 10)
        let left = max(80, (rows.map { SVGDocument.estimatedWidth($0, size: 11) }.max() ?? 0) + 20)
        let top = 50.0
        let width = left + cellWidth * Double(columns.count) + 16
        let bottom = top + rowHeight * Double(rows.count)
        let legend: [(ChartParts.Mark, String)] = [
            (.bar(Palette.colour(0)), "\(game.players[0])'s payoff"), (.bar(Palette.colour(1)), "\(game.players[1])'s payoff"),
            (.bar(equilibriumFill), "pure equilibrium (framed)"), (.dot(Palette.axis), "E1, E2… (or a count): equilibria whose support holds the cell"),
        ]
        // A dry run measures how many rows the legend wraps to.
        var probe = SVGDocument(width: max(width, 420), height: 0, title: "")
        let legendEnd = ChartParts.legend(&probe, legend, x: 4, y: bottom + 26, maxX: max(width, 420) - 4)
        var svg = SVGDocument(width: max(width, 420), height: legendEnd + 4, title: title)
        svg.text(game.players[1] + " →", x: left, y: 16, size: 12, bold: true, fill: Palette.colour(1))
        svg.text(game.players[0] + " ↓", x: 4, y: top - 10, size: 12, bold: true, fill: Palette.colour(0))
        for (c, name) in columns.enumerated() {
            svg.text(name, x: left + (Double(c) + 0.5) * cellWidth, y: top - 10, anchor: .middle, size: 11)
        }
        let supports = equilibria.map(\.profile.supports)
        for (r, name) in rows.enumerated() {
            let y = top + Double(r) * rowHeight
            svg.text(name, x: left - 8, y: y + rowHeight / 2 + 4, anchor: .end, size: 11)
            for c in columns.indices {
                let x = left + Double(c) * cellWidth
                let tags = supports.indices.filter { supports[$0].count == 2 && supports[$0][0].contains(r) && supports[$0][1].contains(c) }
                let pure = tags.contains { supports[$0][0].count == 1 && supports[$0][1].count == 1 }
                svg.rect(x: x, y: y, width: cellWidth, height: rowHeight, fill: pure ? equilibriumFill : "#FFFFFF", stroke: Palette.grid)
                let (a, b) = cellTexts[r][c]
                // Either side of the centre, so the two numbers cannot overlap whatever the font.
                let centre = x + cellWidth / 2
                svg.text(a + ",", x: centre - 1, y: y + rowHeight / 2 + 5, anchor: .end, size: 12, fill: Palette.colour(0))
                svg.text(b, x: centre + 4, y: y + rowHeight / 2 + 5, size: 12, fill: Palette.colour(1))
                if !tags.isEmpty {
                    var tag = tags.map { "E\($0 + 1)" }.joined(separator: " ")
                    if SVGDocument.estimatedWidth(tag, size: 9) > cellWidth - 6 { tag = "\(tags.count) eq." }
                    svg.text(tag, x: x + cellWidth - 3, y: y + 10, anchor: .end, size: 9, fill: Palette.axis)
                }
            }
        }
        // Frames last, so neighbouring cells do not paint over them.
        for support in supports where support.count == 2 && support[0].count == 1 && support[1].count == 1 {
            let x = left + Double(support[1][0]) * cellWidth
            let y = top + Double(support[0][0]) * rowHeight
            svg.rect(x: x + 1, y: y + 1, width: cellWidth - 2, height: rowHeight - 2, fill: "none", stroke: "#000000")
            svg.rect(x: x + 2, y: y + 2, width: cellWidth - 4, height: rowHeight - 4, fill: "none", stroke: "#000000")
        }
        ChartParts.legend(&svg, legend, x: 4, y: bottom + 26, maxX: svg.width - 4)
        return svg
    }
}
