import ParleyCore

/// A strict JSON (RFC 8259) reader that keeps the line and column of every value, which
/// Foundation's `JSONSerialization` does not. Nesting is limited to 200 levels.
struct JSONDocumentReader {
    private let scalars: [Unicode.Scalar]
    private let file: String?
    private var index = 0
    private var line = 1
    private var column = 1

    /// The document's root, or `nil` when the text holds only whitespace.
    static func read(_ text: String, file: String?) throws(ScenarioErrors) -> DocumentNode? {
        var reader = JSONDocumentReader(scalars: Array(text.unicodeScalars), file: file)
        reader.skipWhitespace()
        if reader.index == reader.scalars.count { return nil }
        let root = try reader.value(depth: 0)
        reader.skipWhitespace()
        if reader.index < reader.scalars.count {
            throw reader.failure("unexpected \(reader.describeCurrent()) after the end of the document", hint: "a JSON file holds one value; remove what follows it")
        }
        return root
    }

    private init(scalars: [Unicode.Scalar], file: String?) {
        self.scalars = scalars
        self.file = file
    }

    private var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    private func failure(_ message: String, hint: String? = nil, at location: SourceLocation? = nil) -> ScenarioErrors {
        ScenarioErrors([ScenarioError(.syntax, "malformed JSON: \(message)", hint: hint, location: location ?? here)])
    }

    private func describeCurrent() -> String {
        guard index < scalars.count else { return "end of file" }
        let scalar = scalars[index]
        if scalar == "\n" { return "end of line" }
        return "'\(Character(scalar))'"
    }

    private mutating func advance() {
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipWhitespace() {
        while index < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[index]) {
            advance()
        }
    }

    private mutating func value(depth: Int) throws(ScenarioErrors) -> DocumentNode {
        guard depth <= 200 else { throw failure("values nest deeper than 200 levels") }
        skipWhitespace()
        guard index < scalars.count else { throw failure("expected a value, found end of file") }
        let start = here
        switch scalars[index] {
        case "{": return try object(depth: depth)
        case "[": return try array(depth: depth)
        case "\"": return .scalar(ScalarNode(text: try string(), isPlain: false, location: start))
        case "t", "f", "n": return .scalar(ScalarNode(text: try literal(), isPlain: true, location: start))
        case "-", "0"..."9": return .scalar(ScalarNode(text: try number(), isPlain: true, location: start))
        default:
            throw failure("expected a value (object, array, string, number, true, false or null), found \(describeCurrent())",
                          hint: scalars[index] == "'" ? "JSON strings use double quotes" : nil)
        }
    }

    private mutating func object(depth: Int) throws(ScenarioErrors) -> DocumentNode {
        let start = here
        advance()
        var pairs: [(key: ScalarNode, value: DocumentNode)] = []
        skipWhitespace()
        if index < scalars.count, scalars[index] == "}" {
            advance()
            return .mapping(pairs, start)
        }
        while true {
            skipWhitespace()
            guard index < scalars.count, scalars[index] == "\"" else {
                throw failure("expected a quoted key, found \(describeCurrent())", hint: "JSON keys are strings in double quotes; a trailing comma before '}' is not allowed")
            }
            let keyLocation = here
            let key = try string()
            skipWhitespace()
            guard index < scalars.count, scalars[index] == ":" else {
                throw failure("expected ':' after the key \"\(key)\", found \(describeCurrent())")
            }
            advance()
            let item = try value(depth: depth + 1)
            pairs.append((ScalarNode(text: key, isPlain: false, location: keyLocation), item))
            skipWhitespace()
            guard index < scalars.count else { throw failure("expected ',' or '}' to continue the object opened at line \(start.line), found end of file") }
            if scalars[index] == "," {
                advance()
                continue
            }
            if scalars[index] == "}" {
                advance()
                return .mapping(pairs, start)
            }
            throw failure("expected ',' or '}' after a member, found \(describeCurrent())")
        }
    }

    private mutating func array(depth: Int) throws(ScenarioErrors) -> DocumentNode {
        let start = here
        advance()
        var items: [DocumentNode] = []
        skipWhitespace()
        if index < scalars.count, scalars[index] == "]" {
            advance()
            return .sequence(items, start)
        }
        while true {
            items.append(try value(depth: depth + 1))
            skipWhitespace()
            guard index < scalars.count else { throw failure("expected ',' or ']' to continue the array opened at line \(start.line), found end of file") }
            if scalars[index] == "," {
                advance()
                continue
            }
            if scalars[index] == "]" {
                advance()
                return .sequence(items, start)
            }
            throw failure("expected ',' or ']' after an element, found \(describeCurrent())")
        }
    }

    private mutating func literal() throws(ScenarioErrors) -> String {
        let start = here
        var text = ""
        while index < scalars.count, ("a"..."z").contains(scalars[index]) {
            text.unicodeScalars.append(scalars[index])
            advance()
        }
        guard ["true", "false", "null"].contains(text) else {
            throw failure("expected true, false or null, found '\(text)'", at: start)
        }
        return text
    }

    private mutating func number() throws(ScenarioErrors) -> String {
        let start = here
        var text = ""
        while index < scalars.count, "0123456789+-.eE".unicodeScalars.contains(scalars[index]) {
            text.unicodeScalars.append(scalars[index])
            advance()
        }
        guard Self.isJSONNumber(text) else {
            throw failure("'\(text)' is not a JSON number", at: start)
        }
        return text
    }

    private static func isJSONNumber(_ text: String) -> Bool {
        var s = Substring(text)
        if s.hasPrefix("-") { s = s.dropFirst() }
        let integer = s.prefix { $0.isASCIIDigitCharacter }
        guard !integer.isEmpty, integer == "0" || !integer.hasPrefix("0") else { return false }
        s = s.dropFirst(integer.count)
        if s.hasPrefix(".") {
            s = s.dropFirst()
            let fraction = s.prefix { $0.isASCIIDigitCharacter }
            guard !fraction.isEmpty else { return false }
            s = s.dropFirst(fraction.count)
        }
        if s.hasPrefix("e") || s.hasPrefix("E") {
            s = s.dropFirst()
            if s.hasPrefix("+") || s.hasPrefix("-") { s = s.dropFirst() }
            let exponent = s.prefix { $0.isASCIIDigitCharacter }
            guard !exponent.isEmpty else { return false }
            s = s.dropFirst(exponent.count)
        }
        return s.isEmpty
    }

    private mutating func string() throws(ScenarioErrors) -> String {
        let start = here
        advance()
        var text = ""
        while true {
            guard index < scalars.count else { throw failure("unterminated string", at: start) }
            let scalar = scalars[index]
            if scalar == "\"" {
                advance()
                return text
            }
            if scalar.value < 0x20 {
                throw failure("control character U+\(String(scalar.value, radix: 16, uppercase: true)) inside a string", hint: "write a newline as \\n and a tab as \\t")
            }
            if scalar != "\\" {
                text.unicodeScalars.append(scalar)
                advance()
                continue
            }
            advance()
            guard index < scalars.count else { throw failure("unterminated string", at: start) }
            let escape = scalars[index]
            advance()
            switch escape {
            case "\"": text += "\""
            case "\\": text += "\\"
            case "/": text += "/"
            case "b": text += "\u{08}"
            case "f": text += "\u{0C}"
            case "n": text += "\n"
            case "r": text += "\r"
            case "t": text += "\t"
            case "u":
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code) {
                    guard index + 1 < scalars.count, scalars[index] == "\\", scalars[index + 1] == "u" else {
                        throw failure("unpaired surrogate \\u\(String(code, radix: 16)) in a string")
                    }
                    advance()
                    advance()
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw failure("invalid surrogate pair in a string") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let decoded = Unicode.Scalar(code) else { throw failure("invalid escape \\u\(String(code, radix: 16)) in a string") }
                text.unicodeScalars.append(decoded)
            default:
                throw failure("invalid escape '\\\(Character(escape))' in a string")
            }
        }
    }

    private mutating func hex4() throws(ScenarioErrors) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < scalars.count, let digit = Character(scalars[index]).hexDigitValue else {
                throw failure("expected four hex digits after \\u")
            }
            value = value * 16 + UInt32(digit)
            advance()
        }
        return value
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}
