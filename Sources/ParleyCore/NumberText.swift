/// Plain, locale-free text for numbers in messages and files.
public enum NumberText {
    /// `140` for whole numbers, the shortest text that reads back to the same `Double` otherwise
    /// (`51.5`, `0.0001`), and `nan`, `inf`, `-inf` for the non-finite values.
    public static func plain(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// `value` rounded to `digits` decimals, without trailing zeros beyond the first decimal
    /// when `trim` is set. Used for tables, never for files.
    ///
    /// Values of 1e15 and more in magnitude (and `digits` beyond 15) are written as ``plain(_:)``
    /// writes them, since their digits below one are not representable anyway: every finite
    /// `Double` gives text, none traps.
    public static func fixed(_ value: Double, digits: Int) -> String {
        if !value.isFinite || abs(value) >= 1e15 { return plain(value) }
        let scale = pow10(min(digits, 15))
        let rounded = (value * scale).rounded() / scale
        guard rounded.isFinite, abs(rounded) < 1e15 else { return plain(value) }
        var whole = rounded < 0 ? -rounded : rounded
        let negative = rounded < 0 && (whole * scale).rounded() != 0
        var text = String(Int64(whole.rounded(.down)))
        if digits > 0 {
            let digits = min(digits, 15)
            whole -= whole.rounded(.down)
            let fraction = Int64((whole * scale).rounded())
            var digitsText = String(fraction)
            if digitsText.count < digits {
                digitsText = String(repeating: "0", count: digits - digitsText.count) + digitsText
            }
            text += "." + digitsText
        }
        return negative ? "-" + text : text
    }

    private static func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<max(0, n) { result *= 10 }
        return result
    }
}
