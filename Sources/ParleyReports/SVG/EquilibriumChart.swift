import ParleyCore
public import ParleyGames

/// One equilibrium's mixed strategies as bars: a block per player, a bar per strategy from 0 to
/// its probability (exact value written at the bar's end), in the player's palette colour.
///
/// Players with more than ``maxRows`` strategies show only those played, with a count of the rest.
public enum EquilibriumChart {
    public static let width = 680.0
    public static let right = 60.0
    public static let maxRows = 12
    static let rowHeight = 18.0

    /// The bars of `equilibrium` in `game`; `number` (1-based) names it in the title. O(strategies).
    public static func render(_ game: NormalFormGame, equilibrium: NashEquilibrium, number: Int) -> SVGDocument {
        let probabilities = equilibrium.profile.probabilities
        struct Row { var label: String; var value: Rational?; var player: Int }
        var rows: [Row] = []
        for p in game.players.indices {
            let list = p < probabilities.count ? probabilities[p] : []
            let payoff = p < equilibrium.payoffs.count ? ", expected payoff \(equilibrium.payoffs[p])" : ""
            rows.append(Row(label: game.players[p] + payoff, value: nil, player: p))
            let shown = game.strategies[p].count > maxRows ? list.indices.filter { list[$0].signum > 0 } : Array(game.strategies[p].indices)
            for s in shown where s < game.strategies[p].count {
                rows.append(Row(label: game.strategies[p][s], value: s < list.count ? list[s] : .zero, player: p))
            }
            if shown.count < game.strategies[p].count {
                rows.append(Row(label: "\(game.strategies[p].count - shown.count) other strategies at probability 0", value: nil, player: p))
            }
        }
        let left = min(300, max(120, (rows.filter { $0.value != nil }.map { SVGDocument.estimatedWidth($0.label, size: 11) }.max() ?? 0) + 20))
        let top = 10.0
        let scale = LinearScale(domain: 0...1, start: left, end: width - right)
        let bottom = top + Double(rows.count) * rowHeight + 6
        var svg = SVGDocument(width: width, height: bottom + 40, title: "Equilibrium \(number): each player's mixed strategy")
        ChartParts.xAxis(&svg, scale: scale, y: bottom, top: top, title: "probability", ticks: [0, 0.25, 0.5, 0.75, 1])
        for (index, row) in rows.enumerated() {
            let y = top + (Double(index) + 0.5) * rowHeight
            guard let value = row.value else {
                svg.text(row.label, x: 4, y: y + 4, size: 11, bold: true, fill: Palette.colour(row.player))
                continue
            }
            svg.text(row.label, x: left - 8, y: y + 4, anchor: .end, size: 11)
            let end = scale.map(value.doubleValue)
            if value.signum > 0 { svg.rect(x: left, y: y - 6, width: end - left, height: 12, fill: Palette.colour(row.player)) }
            svg.text(value.description, x: end + 5, y: y + 4, size: 11, bold: value.signum > 0, fill: value.signum > 0 ? "#222222" : Palette.axis)
        }
        return svg
    }
}
