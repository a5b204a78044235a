/// Terminal output for `parley game solve`: the equilibria as a table, mixed strategies in
/// words, and a character map of where an action is dominant. Takes plain text so that the
/// reports module does not depend on the games engine; the command line formats the numbers.
public enum GameTable {
    /// One equilibrium: a label (its number, and component if known), one strategy text per
    /// player, and the payoffs as text.
    public struct Row: Sendable {
        public var label: String
        public var strategies: [String]
        public var payoffs: String
        public init(label: String, strategies: [String], payoffs: String) {
            self.label = label
            self.strategies = strategies
            self.payoffs = payoffs
        }
    }

    /// The equilibria as a table at most `width` columns wide.
    public static func render(players: [String], rows: [Row], width: Int = 80, style: TerminalStyle = .plain) -> String {
        var table = TextTable(columns: [TextTable.Column("#", minimumWidth: 2)]
            + players.map { TextTable.Column($0, minimumWidth: 8) }
            + [TextTable.Column("payoffs", minimumWidth: 8)])
        for row in rows {
            table.append([row.label] + row.strategies + [row.payoffs])
        }
        return table.render(width: width, style: style)
    }

    /// A mixed strategy in words: the label alone when pure, else `1/3 a + 2/3 b` over the
    /// support. `probabilities` are exact texts; `"0"` marks strategies outside the support.
    /// Labels that are bare numbers (Gambit's defaults) would read ambiguously after a
    /// probability, so then the whole vector is shown: `(0, 2/3, 1/3)`.
    public static func mixedText(probabilities: [String], labels: [String]) -> String {
        let support = zip(probabilities, labels).filter { $0.0 != "0" }
        if support.count == 1, let only = support.first, only.0 == "1" { return only.1 }
        if labels.contains(where: { $0.isEmpty || $0.allSatisfy(\.isNumber) }) {
            return "(" + probabilities.joined(separator: ", ") + ")"
        }
        return support.map { "\($0.0) \($0.1)" }.joined(separator: " + ")
    }

    /// A map of one character per grid point: `rows` top to bottom (typically the second
    /// parameter, highest first), `columns` left to right, with axis labels and a legend.
    public static func renderMap(
        rowName: String, rowValues: [String], columnName: String, columnValues: [String], cells: [[Character]],
        legend: [(Character, String)], width: Int = 80
    ) -> String {
        let labelWidth = max(rowName.count, rowValues.map(\.count).max() ?? 0)
        var lines: [String] = []
        lines.append(pad(rowName, labelWidth) + "  " + columnName + " →")
        for (k, row) in cells.enumerated() {
            let label = k < rowValues.count ? rowValues[k] : ""
            lines.append(String(repeating: " ", count: labelWidth - label.count) + label + "  " + String(row.flatMap { [$0, " "] }).trimmingTrailingSpaces())
        }
        // Column values under the grid: first, middle and last, to keep within 80 columns.
        if let first = columnValues.first, let last = columnValues.last {
            let span = max(1, columnValues.count * 2 - 1)
            var axis = first
            let gap = span - first.count - last.count
            axis += gap > 0 ? String(repeating: " ", count: gap) + last : " " + last
            lines.append(String(repeating: " ", count: labelWidth + 2) + axis)
        }
        lines.append("")
        lines.append(TextWrap.wrap(legend.map { "\($0.0) \($0.1)" }.joined(separator: "; "), width: width))
        return lines.joined(separator: "\n")
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.hasSuffix(" ") { copy.removeLast() }
        return copy
    }
}
