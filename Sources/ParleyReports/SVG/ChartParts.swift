import ParleyCore

/// The Okabe–Ito palette, distinguishable with the common colour-vision deficiencies
/// (Okabe & Ito 2008); yellow comes late because it is faint on white.
public enum Palette {
    public static let colours = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"]

    /// The colour of series `index`, cycling.
    public static func colour(_ index: Int) -> String {
        colours[((index % colours.count) + colours.count) % colours.count]
    }

    /// A dash pattern that separates series sharing a colour once the palette has cycled.
    public static func dash(_ index: Int) -> String? {
        index < colours.count ? nil : (index / colours.count) % 2 == 1 ? "5 3" : "2 2"
    }

    public static let axis = "#444444"
    public static let grid = "#DDDDDD"
    public static let observed = "#000000"
}

/// A linear map from data values to pixels.
public struct LinearScale: Sendable, Hashable {
    public var domain: ClosedRange<Double>
    public var start: Double
    public var end: Double

    /// `domain` mapped onto `start...end` pixels (end may be below start, for y axes); an empty
    /// domain is widened by 1 so nothing divides by zero.
    public init(domain: ClosedRange<Double>, start: Double, end: Double) {
        self.domain = domain.lowerBound < domain.upperBound ? domain : (domain.lowerBound - 0.5)...(domain.upperBound + 0.5)
        self.start = start
        self.end = end
    }

    /// Pixel position of `value`. O(1).
    public func map(_ value: Double) -> Double {
        start + (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound) * (end - start)
    }

    /// About `count` round tick values (steps of 1, 2 or 5 × 10^k) inside the domain.
    public func ticks(count: Int = 5) -> [Double] {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0, span.isFinite, count > 0 else { return [] }
        let raw = span / Double(count)
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        var ticks: [Double] = []
        var k = (domain.lowerBound / step).rounded(.up)
        while k * step <= domain.upperBound + step * 1e-9, ticks.count < 50 {
            ticks.append(k * step)
            k += 1
        }
        return ticks
    }
}

/// Axes, gridlines and legends shared by the charts.
enum ChartParts {
    /// A horizontal axis at `y` with ticks (`ticks`, else round values of the domain), gridlines up to `top`, and an optional title below.
    static func xAxis(_ svg: inout SVGDocument, scale: LinearScale, y: Double, top: Double, title: String?, ticks: [Double]? = nil) {
        for tick in ticks ?? scale.ticks() {
            let x = scale.map(tick)
            svg.line(x, top, x, y, stroke: Palette.grid)
            svg.line(x, y, x, y + 4, stroke: Palette.axis)
            svg.text(NumberText.label(tick), x: x, y: y + 15, anchor: .middle, size: 10, fill: Palette.axis)
        }
        svg.line(scale.start, y, scale.end, y, stroke: Palette.axis)
        if let title {
            // Centred under the axis unless that would run off the canvas.
            let centre = (scale.start + scale.end) / 2
            let half = SVGDocument.estimatedWidth(title, size: 11) / 2
            if centre + half > svg.width - 4 {
                svg.text(title, x: svg.width - 4, y: y + 29, anchor: .end, size: 11, fill: Palette.axis)
            } else {
                svg.text(title, x: centre, y: y + 29, anchor: .middle, size: 11, fill: Palette.axis)
            }
        }
    }

    /// A vertical axis at `x` with ticks, gridlines across to `right`, and a title above it.
    static func yAxis(_ svg: inout SVGDocument, scale: LinearScale, x: Double, right: Double, title: String?, ticks: [Double]? = nil) {
        for tick in ticks ?? scale.ticks() {
            let y = scale.map(tick)
            svg.line(x, y, right, y, stroke: Palette.grid)
            svg.line(x - 4, y, x, y, stroke: Palette.axis)
            svg.text(NumberText.label(tick), x: x - 6, y: y + 3.5, anchor: .end, size: 10, fill: Palette.axis)
        }
        svg.line(x, scale.start, x, scale.end, stroke: Palette.axis)
        // Left-aligned at the canvas edge: a long title centred on the axis would be clipped.
        if let title { svg.text(title, x: 4, y: min(scale.start, scale.end) - 10, size: 11, fill: Palette.axis) }
    }

    /// One legend entry.
    enum Mark {
        case dot(String), line(String, dash: String?), band(String), bar(String)
    }

    /// Legend entries laid out left to right from (x, y), wrapping at `maxX`; returns the y below the legend.
    @discardableResult
    static func legend(_ svg: inout SVGDocument, _ entries: [(Mark, String)], x: Double, y: Double, maxX: Double) -> Double {
        var cursor = x
        var row = y
        for (mark, label) in entries {
            let width = 22 + SVGDocument.estimatedWidth(label, size: 10) + 14
            if cursor + width > maxX, cursor > x {
                cursor = x
                row += 16
            }
            switch mark {
            case .dot(let colour): svg.circle(cx: cursor + 7, cy: row - 3.5, r: 4.5, fill: colour)
            case .line(let colour, let dash): svg.line(cursor, row - 3.5, cursor + 16, row - 3.5, stroke: colour, width: 2, dash: dash)
            case .band(let colour): svg.rect(x: cursor, y: row - 9, width: 16, height: 11, fill: colour, opacity: 0.25)
            case .bar(let colour): svg.rect(x: cursor, y: row - 8, width: 16, height: 9, fill: colour)
            }
            svg.text(label, x: cursor + 21, y: row, size: 10)
            cursor += width
        }
        return row + 16
    }
}

extension NumberText {
    /// Tick label: whole numbers plain, others with up to two decimals.
    static func label(_ value: Double) -> String {
        SVGDocument.number(value)
    }
}

/// A sequential colour scale after matplotlib's viridis (van der Walt & Smith 2015): dark
/// purple to yellow, monotone in lightness, so it reads for colour-blind readers and in grey.
public struct SequentialScale: Sendable, Hashable {
    /// Viridis sampled at nine evenly spaced points, low to high.
    public static let stops: [(red: Int, green: Int, blue: Int)] = [
        (0x44, 0x01, 0x54), (0x47, 0x2D, 0x7B), (0x3B, 0x52, 0x8B), (0x2C, 0x72, 0x8E), (0x21, 0x91, 0x8C),
        (0x28, 0xAE, 0x80), (0x5E, 0xC9, 0x62), (0xAD, 0xDC, 0x30), (0xFD, 0xE7, 0x25),
    ]

    public var domain: ClosedRange<Double>

    /// `domain` maps onto the scale's ends; an empty domain is widened by 1 so nothing divides by zero.
    public init(domain: ClosedRange<Double>) {
        self.domain = domain.lowerBound < domain.upperBound ? domain : (domain.lowerBound - 0.5)...(domain.upperBound + 0.5)
    }

    /// Where `value` falls on the scale, clamped to 0...1 (non-finite values give 0). O(1).
    public func fraction(_ value: Double) -> Double {
        let t = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        return t.isFinite ? min(1, max(0, t)) : 0
    }

    /// The colour of `value` as `#RRGGBB`, linearly interpolated between the stops. O(1).
    public func colour(_ value: Double) -> String {
        Self.colour(atFraction: fraction(value))
    }

    /// The colour at `t` in 0...1 along the scale.
    public static func colour(atFraction t: Double) -> String {
        let position = min(1, max(0, t.isFinite ? t : 0)) * Double(stops.count - 1)
        let lower = min(stops.count - 2, Int(position))
        let f = position - Double(lower)
        let (a, b) = (stops[lower], stops[lower + 1])
        func mix(_ x: Int, _ y: Int) -> Int { Int((Double(x) + (Double(y) - Double(x)) * f).rounded()) }
        return hex(mix(a.red, b.red), mix(a.green, b.green), mix(a.blue, b.blue))
    }

    /// Text colour that stays legible on `value`'s cell: white on the dark half, black on the light.
    public func textColour(_ value: Double) -> String {
        fraction(value) < 0.55 ? "#FFFFFF" : "#000000"
    }

    static func hex(_ red: Int, _ green: Int, _ blue: Int) -> String {
        let digits = Array("0123456789ABCDEF")
        return "#" + [red, green, blue].map { value in
            let v = min(255, max(0, value))
            return String([digits[v / 16], digits[v % 16]])
        }.joined()
    }
}

extension ChartParts {
    /// A horizontal colour bar for `scale` from `x` to `x + width` with its top at `y`: 60 slices,
    /// ticks and values below, and `title` above. Returns the y below the bar's labels.
    @discardableResult
    static func colourBar(_ svg: inout SVGDocument, scale: SequentialScale, x: Double, y: Double, width: Double, title: String) -> Double {
        let slices = 60
        let step = width / Double(slices)
        svg.text(title, x: x, y: y - 5, size: 10, fill: Palette.axis)
        for k in 0..<slices {
            // Slightly overlapping slices, so no hairline gaps show between them.
            let t = (Double(k) + 0.5) / Double(slices)
            svg.rect(x: x + Double(k) * step, y: y, width: step + 0.6, height: 10, fill: SequentialScale.colour(atFraction: t))
        }
        svg.rect(x: x, y: y, width: width, height: 10, fill: "none", stroke: Palette.axis)
        let axis = LinearScale(domain: scale.domain, start: x, end: x + width)
        var ticks = axis.ticks(count: 4)
        // The ends are always labelled, so the extreme cells can be read off the bar.
        ticks = ticks.filter { abs(axis.map($0) - x) > 32 && abs(axis.map($0) - x - width) > 32 }
        for tick in [scale.domain.lowerBound] + ticks + [scale.domain.upperBound] {
            let tx = axis.map(tick)
            svg.line(tx, y + 10, tx, y + 14, stroke: Palette.axis)
            svg.text(NumberText.fixed(tick, digits: 2), x: tx, y: y + 25, anchor: .middle, size: 10, fill: Palette.axis)
        }
        return y + 34
    }
}
