import ParleyCore

/// A minimal SVG writer: shapes and text appended in order, numbers written with two fixed
/// decimals (trailing zeros trimmed) so the same chart always gives the same bytes.
///
/// Text stays text (`<text>` elements, escaped), so charts are searchable and accessible.
public struct SVGDocument: Sendable, Hashable {
    /// Canvas size in CSS pixels.
    public let width: Double
    public let height: Double
    /// The chart's accessible title (`<title>`).
    public let title: String
    private var elements: [String] = []

    public init(width: Double, height: Double, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    /// A straight line; `dash` is an SVG dash array such as `"4 3"`.
    public mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        var text = "<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" y2=\"\(Self.number(y2))\""
            + " stroke=\"\(Self.escape(stroke))\" stroke-width=\"\(Self.number(width))\""
        if let dash { text += " stroke-dasharray=\"\(Self.escape(dash))\"" }
        elements.append(text + "/>")
    }

    /// An axis-aligned rectangle; negative sizes are normalised.
    public mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, opacity: Double = 1, stroke: String? = nil) {
        var text = "<rect x=\"\(Self.number(min(x, x + width)))\" y=\"\(Self.number(min(y, y + height)))\""
            + " width=\"\(Self.number(abs(width)))\" height=\"\(Self.number(abs(height)))\" fill=\"\(Self.escape(fill))\""
        if opacity < 1 { text += " fill-opacity=\"\(Self.number(opacity))\"" }
        if let stroke { text += " stroke=\"\(Self.escape(stroke))\"" }
        elements.append(text + "/>")
    }

    /// A circle, with an optional tooltip (`<title>` child).
    public mutating func circle(cx: Double, cy: Double, r: Double, fill: String, opacity: Double = 1, stroke: String? = nil, tooltip: String? = nil) {
        var text = "<circle cx=\"\(Self.number(cx))\" cy=\"\(Self.number(cy))\" r=\"\(Self.number(r))\" fill=\"\(Self.escape(fill))\""
        if opacity < 1 { text += " fill-opacity=\"\(Self.number(opacity))\"" }
        if let stroke { text += " stroke=\"\(Self.escape(stroke))\"" }
        if let tooltip {
            elements.append(text + "><title>\(Self.escape(tooltip))</title></circle>")
        } else {
            elements.append(text + "/>")
        }
    }

    /// An open path through `points`.
    public mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width: Double = 1.5, dash: String? = nil) {
        guard !points.isEmpty else { return }
        let list = points.map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: " ")
        var text = "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(Self.escape(stroke))\" stroke-width=\"\(Self.number(width))\""
        if let dash { text += " stroke-dasharray=\"\(Self.escape(dash))\"" }
        elements.append(text + "/>")
    }

    /// Horizontal text alignment relative to `x`.
    public enum Anchor: String, Sendable {
        case start, middle, end
    }

    /// A run of text, escaped; `size` in pixels.
    public mutating func text(
        _ string: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 11, bold: Bool = false, fill: String = "#222222"
    ) {
        var attributes = "x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-size=\"\(Self.number(size))\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        attributes += " fill=\"\(Self.escape(fill))\""
        elements.append("<text \(attributes)>\(Self.escape(string))</text>")
    }

    /// The document, one element per line, ending in a newline.
    public func render() -> String {
        var lines = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\""
                + " viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\">",
            "<title>\(Self.escape(title))</title>",
        ]
        lines += elements
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// XML-escapes `&`, `<`, `>`, `"` and `'` (safe in text and attribute values).
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Two decimals, trailing zeros trimmed (`12.5`, `3`, `-0.25`); non-finite values become 0
    /// so a degenerate input cannot produce invalid SVG.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        var text = NumberText.fixed(value, digits: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// Rough width of `text` at `size` pixels, for layout (no font metrics are available).
    public static func estimatedWidth(_ text: String, size: Double = 11) -> Double {
        Double(text.count) * size * 0.56
    }
}
