/// A plain-text table for terminals: columns padded to their widest cell, numbers right-aligned,
/// long text cut with "…" so the table fits a width (80 columns by default).
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Sendable {
        public var title: String
        public var alignment: Alignment
        /// The narrowest this column may be cut to when the table is too wide.
        public var minimumWidth: Int

        public init(_ title: String, alignment: Alignment = .left, minimumWidth: Int = 4) {
            self.title = title
            self.alignment = alignment
            self.minimumWidth = minimumWidth
        }
    }

    public var columns: [Column]
    public private(set) var rows: [[String]] = []

    public init(columns: [Column]) {
        self.columns = columns
    }

    /// Adds a row; missing cells are blank, extra cells are dropped.
    public mutating func append(_ cells: [String]) {
        var row = Array(cells.prefix(columns.count))
        while row.count < columns.count { row.append("") }
        rows.append(row)
    }

    /// The table as lines joined by newlines, at most `width` characters wide. `style`
    /// emphasises the header.
    public func render(width: Int = 80, style: TerminalStyle = .plain) -> String {
        let gap = 2
        var widths = columns.indices.map { index in
            max(columns[index].title.count, rows.map { $0[index].count }.max() ?? 0)
        }
        // Shrink the widest shrinkable column until the table fits.
        while widths.reduce(0, +) + gap * (columns.count - 1) > width {
            guard let index = widths.indices.filter({ widths[$0] > columns[$0].minimumWidth }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[index] -= 1
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() {
                let fitted = Self.fit(cell, width: widths[index])
                let padding = String(repeating: " ", count: max(0, widths[index] - fitted.count))
                parts.append(columns[index].alignment == .right ? padding + fitted : fitted + padding)
            }
            var text = parts.joined(separator: String(repeating: " ", count: gap))
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var lines = [style.bold(line(columns.map(\.title)))]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: String(repeating: " ", count: gap)))
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }

    static func fit(_ text: String, width: Int) -> String {
        guard text.count > width else { return text }
        guard width > 1 else { return String(text.prefix(width)) }
        return String(text.prefix(width - 1)) + "…"
    }
}

/// Wraps prose to a width, breaking at spaces.
public enum TextWrap {
    public static func wrap(_ text: String, width: Int = 78, indent: String = "") -> String {
        var lines: [String] = []
        var current = indent
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if current.count > indent.count, current.count + 1 + word.count > width {
                lines.append(current)
                current = indent
            }
            current += (current.count > indent.count ? " " : "") + word
        }
        if current.count > indent.count { lines.append(current) }
        return lines.joined(separator: "\n")
    }
}
