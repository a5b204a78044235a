import ParleyCore

/// A key of an output mapping: a name, or a number (anchor positions).
struct OutputKey: Sendable {
    var text: String
    var isNumber: Bool

    static func name(_ text: String) -> OutputKey { OutputKey(text: text, isNumber: false) }
    static func number(_ value: Double) -> OutputKey { OutputKey(text: NumberText.plain(value), isNumber: true) }
}

/// A document to write, in the order it is to be written. `flow` asks the YAML writer for
/// the one-line `{a: 1, b: 2}` form (and the JSON writer for one line).
indirect enum OutputNode: Sendable {
    case text(String)
    case number(Double)
    /// Written as is, unquoted (integers too large for `Double`, such as seeds).
    case literal(String)
    case mapping([(OutputKey, OutputNode)], flow: Bool)
    case sequence([OutputNode], flow: Bool)

    static func map(_ entries: [(String, OutputNode?)], flow: Bool = false) -> OutputNode {
        .mapping(entries.compactMap { key, value in value.map { (.name(key), $0) } }, flow: flow)
    }
}

/// Writes an ``OutputNode`` as block-style YAML that reads back to the same values.
enum YAMLWriter {
    static func write(_ root: OutputNode) -> String {
        var out = ""
        switch root {
        case .mapping(let entries, _) where !entries.isEmpty:
            writeMappingBody(entries, indent: 0, into: &out)
        default:
            out = inline(root) + "\n"
        }
        return out
    }

    private static func writeMappingBody(_ entries: [(OutputKey, OutputNode)], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for (key, value) in entries {
            out += pad + keyText(key) + ":"
            writeValue(value, indent: indent, into: &out)
        }
    }

    /// Writes what follows `key:` (a space and an inline value, or a newline and a block).
    private static func writeValue(_ value: OutputNode, indent: Int, into out: inout String) {
        switch value {
        case .mapping(let entries, let flow) where !flow && !entries.isEmpty:
            out += "\n"
            writeMappingBody(entries, indent: indent + 2, into: &out)
        case .sequence(let items, let flow) where !flow && !items.isEmpty:
            out += "\n"
            writeSequenceBody(items, indent: indent + 2, into: &out)
        default:
            out += " " + inline(value) + "\n"
        }
    }

    private static func writeSequenceBody(_ items: [OutputNode], indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            switch item {
            case .mapping(let entries, let flow) where !flow && !entries.isEmpty:
                // "- first: value" then the other keys aligned under "first".
                var body = ""
                writeMappingBody(entries, indent: indent + 2, into: &body)
                out += pad + "- " + body.dropFirst(indent + 2)
            case .sequence(let inner, let flow) where !flow && !inner.isEmpty:
                out += pad + "-\n"
                writeSequenceBody(inner, indent: indent + 2, into: &out)
            default:
                out += pad + "- " + inline(item) + "\n"
            }
        }
    }

    /// The one-line (flow) form of a value.
    static func inline(_ value: OutputNode) -> String {
        switch value {
        case .text(let text): return scalarText(text)
        case .number(let number): return NumberText.plain(number)
        case .literal(let text): return text
        case .mapping(let entries, _):
            return "{" + entries.map { keyText($0.0) + ": " + inline($0.1) }.joined(separator: ", ") + "}"
        case .sequence(let items, _):
            return "[" + items.map(inline).joined(separator: ", ") + "]"
        }
    }

    private static func keyText(_ key: OutputKey) -> String {
        key.isNumber ? key.text : scalarText(key.text)
    }

    /// Plain when that is unambiguous in block and flow context, double-quoted otherwise.
    static func scalarText(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        guard ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        guard last != " " else { return false }
        if ScalarNode(text: text, isPlain: true, location: SourceLocation(line: 1, column: 1)).resolved != .text(text) { return false }
        let lowered = text.lowercased()
        if ["yes", "no", "on", "off", "y", "n"].contains(lowered) { return false }  // YAML 1.1 booleans
        for scalar in text.unicodeScalars {
            let allowed = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || " -_./()'".unicodeScalars.contains(scalar)
            if !allowed { return false }
        }
        return !text.contains("  ")
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{FEFF}": out += "\\uFEFF"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    out += "\\x" + hex(scalar.value, width: 2)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

/// Writes an ``OutputNode`` as JSON: two-space indentation, flow mappings on one line.
enum JSONWriter {
    static func write(_ root: OutputNode) -> String {
        var out = ""
        write(root, indent: 0, into: &out)
        return out + "\n"
    }

    private static func write(_ node: OutputNode, indent: Int, into out: inout String) {
        let pad = String(repeating: " ", count: indent + 2)
        switch node {
        case .mapping(let entries, let flow):
            if entries.isEmpty {
                out += "{}"
            } else if flow {
                out += "{" + entries.map { quoted($0.0.text) + ": " + inline($0.1) }.joined(separator: ", ") + "}"
            } else {
                out += "{\n"
                for (index, (key, value)) in entries.enumerated() {
                    out += pad + quoted(key.text) + ": "
                    write(value, indent: indent + 2, into: &out)
                    out += index == entries.count - 1 ? "\n" : ",\n"
                }
                out += String(repeating: " ", count: indent) + "}"
            }
        case .sequence(let items, let flow):
            if items.isEmpty {
                out += "[]"
            } else if flow {
                out += "[" + items.map(inline).joined(separator: ", ") + "]"
            } else {
                out += "[\n"
                for (index, item) in items.enumerated() {
                    out += pad
                    write(item, indent: indent + 2, into: &out)
                    out += index == items.count - 1 ? "\n" : ",\n"
                }
                out += String(repeating: " ", count: indent) + "]"
            }
        default:
            out += inline(node)
        }
    }

    static func inline(_ node: OutputNode) -> String {
        switch node {
        case .text(let text): return quoted(text)
        case .number(let number): return number.isFinite ? NumberText.plain(number) : "null"
        case .literal(let text): return text
        case .mapping(let entries, _):
            return "{" + entries.map { quoted($0.0.text) + ": " + inline($0.1) }.joined(separator: ", ") + "}"
        case .sequence(let items, _):
            return "[" + items.map(inline).joined(separator: ", ") + "]"
        }
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    let digits = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
