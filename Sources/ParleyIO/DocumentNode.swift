import ParleyCore

/// A parsed YAML or JSON document with the position of every node, before any schema is
/// applied. Both readers produce this tree so that one decoder, with one set of messages,
/// serves both formats.
indirect enum DocumentNode: Sendable {
    case scalar(ScalarNode)
    case mapping([(key: ScalarNode, value: DocumentNode)], SourceLocation)
    case sequence([DocumentNode], SourceLocation)

    var location: SourceLocation {
        switch self {
        case .scalar(let scalar): scalar.location
        case .mapping(_, let location), .sequence(_, let location): location
        }
    }

    /// "a mapping", "a list", "the number 12", ... for "expected X, found Y" messages.
    var kindDescription: String {
        switch self {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let scalar): scalar.kindDescription
        }
    }
}

/// A leaf value with its text as written and whether it was quoted.
struct ScalarNode: Sendable {
    /// The value's text, after unescaping.
    var text: String
    /// True for plain (unquoted) YAML scalars and for JSON numbers, booleans and null:
    /// these are typed by their text. Quoted scalars are always text.
    var isPlain: Bool
    var location: SourceLocation

    /// The YAML 1.2 core-schema reading of a plain scalar.
    enum Resolved: Equatable {
        case null
        case bool(Bool)
        case number(Double)
        /// `.nan`, `.inf` and friends: numbers the format refuses.
        case nonFinite(String)
        case text(String)
    }

    var resolved: Resolved {
        guard isPlain else { return .text(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".nan", ".NaN", ".NAN", "nan", "NaN", "NAN": return .nonFinite(text)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
             "inf", "-inf", "+inf", "Infinity", "-Infinity", "infinity", "-infinity":
            return .nonFinite(text)
        default:
            if let number = Self.parseNumber(text) {
                return number.isFinite ? .number(number) : .nonFinite(text)
            }
            return .text(text)
        }
    }

    var kindDescription: String {
        switch resolved {
        case .null: return "nothing (null)"
        case .bool(let value): return "the boolean \(value)"
        case .number: return "the number \(text)"
        case .nonFinite: return "\(text)"
        case .text(let value):
            let shown = value.count > 40 ? String(value.prefix(37)) + "..." : value
            return isPlain ? "the text '\(shown)'" : "the quoted text \"\(shown)\""
        }
    }

    /// Decimal numbers as YAML 1.2 and JSON write them (`12`, `-0.5`, `1e-3`, `.5`), and
    /// `0x`/`0o` integers. Other text (`1_000`, `0x1p3`, dates) is not a number.
    static func parseNumber(_ text: String) -> Double? {
        var scalars = Substring(text).unicodeScalars[...]
        if let first = scalars.first, first == "-" || first == "+" { scalars = scalars.dropFirst() }
        let body = String(scalars)
        if body.hasPrefix("0x") || body.hasPrefix("0o") {
            let digits = body.dropFirst(2)
            guard !digits.isEmpty, let value = UInt64(digits, radix: body.hasPrefix("0x") ? 16 : 8) else { return nil }
            return text.hasPrefix("-") ? -Double(value) : Double(value)
        }
        var sawDigit = false
        var sawDot = false
        var sawExponent = false
        var previous: Unicode.Scalar = " "
        for scalar in body.unicodeScalars {
            switch scalar {
            case "0"..."9": sawDigit = true
            case "." where !sawDot && !sawExponent: sawDot = true
            case "e" where sawDigit && !sawExponent, "E" where sawDigit && !sawExponent: sawExponent = true
            case "+" where previous == "e" || previous == "E", "-" where previous == "e" || previous == "E": break
            default: return nil
            }
            previous = scalar
        }
        guard sawDigit, previous != "e", previous != "E", previous != "+", previous != "-" else { return nil }
        return Double(text)
    }
}
