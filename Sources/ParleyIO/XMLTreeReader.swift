import ParleyCore

/// One element of an XML document, with where it starts in the file.
struct XMLNode: Sendable {
    var name: String
    var attributes: [(name: String, value: String)] = []
    var children: [XMLNode] = []
    /// The element's own character data (not its children's), entities decoded, untrimmed.
    var text = ""
    var location: SourceLocation

    /// The value of the attribute `name`, if present.
    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The children named `name`, in document order.
    func children(_ name: String) -> [XMLNode] {
        children.filter { $0.name == name }
    }

    /// The first child named `name`.
    func child(_ name: String) -> XMLNode? {
        children.first { $0.name == name }
    }

    /// The element's text without surrounding whitespace.
    var trimmedText: String { Interop.trimmed(text) }
}

/// A small XML reader for KTAB scenario files: elements, attributes, character data, CDATA,
/// comments, processing instructions, a simple DOCTYPE, the five predefined entities and
/// character references. Namespace prefixes stay part of names; DTDs are not read.
///
/// Written by hand rather than with Foundation's `XMLParser` so that every error carries an
/// exact line and column and the reader behaves the same on every platform. Nesting is
/// tracked on an explicit stack, so deep input cannot exhaust the call stack.
struct XMLTreeReader {
    private let scalars: [Unicode.Scalar]
    private let file: String?
    private var index = 0
    private var line = 1
    private var column = 1

    /// Reads the document in `text`.
    /// - Throws: `ScenarioErrors` with the first syntax error, located.
    static func read(_ text: String, file: String?) throws(ScenarioErrors) -> XMLNode {
        var reader = XMLTreeReader(scalars: Array(text.unicodeScalars), file: file)
        return try reader.document()
    }

    private init(scalars: [Unicode.Scalar], file: String?) {
        self.scalars = scalars
        self.file = file
    }

    private var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func startsWith(_ literal: String) -> Bool {
        var position = index
        for scalar in literal.unicodeScalars {
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count {
            guard let scalar = current else { return }
            index += 1
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
    }

    private func failure(_ message: String, at location: SourceLocation, hint: String? = nil) -> ScenarioErrors {
        ScenarioErrors([ScenarioError(.syntax, message, hint: hint, location: location)])
    }

    private mutating func document() throws(ScenarioErrors) -> XMLNode {
        if current == "\u{FEFF}" { advance() }
        var stack: [XMLNode] = []
        var root: XMLNode?
        while let scalar = current {
            if scalar == "<" {
                let start = location
                if startsWith("<!--") {
                    try skip(past: "-->", what: "comment", from: start)
                } else if startsWith("<![CDATA[") {
                    advance(9)
                    let text = try collect(until: "]]>", what: "CDATA section", from: start)
                    guard !stack.isEmpty else { throw failure("character data outside the root element", at: start) }
                    stack[stack.count - 1].text += text
                } else if startsWith("<?") {
                    try skip(past: "?>", what: "processing instruction", from: start)
                } else if startsWith("<!") {
                    try skip(past: ">", what: "declaration", from: start)
                } else if startsWith("</") {
                    advance(2)
                    let name = try self.name(what: "a closing tag name")
                    skipWhitespace()
                    guard current == ">" else { throw failure("expected '>' to end </\(name)>", at: location) }
                    advance()
                    guard let open = stack.popLast() else {
                        throw failure("closing tag </\(name)> has no matching opening tag", at: start)
                    }
                    guard open.name == name else {
                        throw failure("expected </\(open.name)> to close <\(open.name)> from line \(open.location.line), found </\(name)>", at: start)
                    }
                    try attach(open, to: &stack, root: &root)
                } else {
                    advance()
                    let node = try startTag(at: start)
                    if node.selfClosing {
                        try attach(node.element, to: &stack, root: &root)
                    } else {
                        guard root == nil || !stack.isEmpty else {
                            throw failure("a second root element <\(node.element.name)>: a document has one", at: start)
                        }
                        stack.append(node.element)
                    }
                }
            } else {
                let start = location
                let text = try characterData()
                if stack.isEmpty {
                    if !text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                        throw failure("text outside the root element: '\(Interop.trimmed(text).prefix(20))'", at: start)
                    }
                } else {
                    stack[stack.count - 1].text += text
                }
            }
        }
        if let open = stack.last {
            throw failure("the file ends before <\(open.name)> from line \(open.location.line) is closed", at: location,
                          hint: "add </\(open.name)>")
        }
        guard let root else { throw failure("the file holds no XML element", at: location) }
        return root
    }

    private func attach(_ node: XMLNode, to stack: inout [XMLNode], root: inout XMLNode?) throws(ScenarioErrors) {
        if stack.isEmpty {
            guard root == nil else { throw failure("a second root element <\(node.name)>: a document has one", at: node.location) }
            root = node
        } else {
            stack[stack.count - 1].children.append(node)
        }
    }

    private mutating func startTag(at start: SourceLocation) throws(ScenarioErrors) -> (element: XMLNode, selfClosing: Bool) {
        var element = XMLNode(name: try name(what: "an element name"), location: start)
        while true {
            let hadSpace = skipWhitespace()
            if startsWith("/>") {
                advance(2)
                return (element, true)
            }
            if current == ">" {
                advance()
                return (element, false)
            }
            guard current != nil else {
                throw failure("the file ends inside the tag <\(element.name)>", at: location)
            }
            guard hadSpace else { throw failure("expected whitespace, '>' or '/>' in the tag <\(element.name)>", at: location) }
            let attributeName = try name(what: "an attribute name")
            skipWhitespace()
            guard current == "=" else { throw failure("expected '=' after the attribute \(attributeName)", at: location) }
            advance()
            skipWhitespace()
            guard let quote = current, quote == "\"" || quote == "'" else {
                throw failure("expected a quoted value for the attribute \(attributeName)", at: location)
            }
            let valueStart = location
            advance()
            var value = ""
            while let scalar = current, scalar != quote {
                if scalar == "<" { throw failure("'<' inside the value of the attribute \(attributeName)", at: location) }
                if scalar == "&" {
                    value += try entity()
                } else {
                    value.unicodeScalars.append(scalar)
                    advance()
                }
            }
            guard current == quote else { throw failure("the value of the attribute \(attributeName) is not closed", at: valueStart) }
            advance()
            if element.attribute(attributeName) != nil {
                throw failure("the attribute \(attributeName) appears twice in <\(element.name)>", at: valueStart)
            }
            element.attributes.append((attributeName, value))
        }
    }

    private mutating func name(what: String) throws(ScenarioErrors) -> String {
        var result = String.UnicodeScalarView()
        while let scalar = current, Self.isNameScalar(scalar, first: result.isEmpty) {
            result.append(scalar)
            advance()
        }
        guard !result.isEmpty else {
            throw failure("expected \(what), found \(current.map { "'\($0)'" } ?? "the end of the file")", at: location)
        }
        return String(result)
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar, first: Bool) -> Bool {
        if scalar.value >= 0x80 { return true }
        if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" || scalar == ":" { return true }
        return !first && (("0"..."9").contains(scalar) || scalar == "-" || scalar == ".")
    }

    @discardableResult
    private mutating func skipWhitespace() -> Bool {
        var skipped = false
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            advance()
            skipped = true
        }
        return skipped
    }

    private mutating func skip(past terminator: String, what: String, from start: SourceLocation) throws(ScenarioErrors) {
        _ = try collect(until: terminator, what: what, from: start)
    }

    /// The text up to `terminator`, which is consumed.
    private mutating func collect(until terminator: String, what: String, from start: SourceLocation) throws(ScenarioErrors) -> String {
        var text = String.UnicodeScalarView()
        while let scalar = current {
            if startsWith(terminator) {
                advance(terminator.unicodeScalars.count)
                return String(text)
            }
            text.append(scalar)
            advance()
        }
        throw failure("the \(what) starting here is not closed with '\(terminator)'", at: start)
    }

    private mutating func characterData() throws(ScenarioErrors) -> String {
        var text = ""
        while let scalar = current, scalar != "<" {
            if scalar == "&" {
                text += try entity()
            } else {
                text.unicodeScalars.append(scalar)
                advance()
            }
        }
        return text
    }

    /// Reads `&name;` or `&#n;` / `&#xh;` at the current position.
    private mutating func entity() throws(ScenarioErrors) -> String {
        let start = location
        advance()
        var body = ""
        while let scalar = current, scalar != ";", body.count < 12 {
            body.unicodeScalars.append(scalar)
            advance()
        }
        guard current == ";" else {
            throw failure("'&' must start an entity such as &amp; or &#38;", at: start, hint: "write a literal ampersand as &amp;")
        }
        advance()
        switch body {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            var code: UInt32?
            if body.hasPrefix("#x") || body.hasPrefix("#X") {
                code = UInt32(body.dropFirst(2), radix: 16)
            } else if body.hasPrefix("#") {
                code = UInt32(body.dropFirst())
            }
            guard let code, let scalar = Unicode.Scalar(code) else {
                throw failure("unknown entity &\(body);", at: start, hint: "XML predefines &lt; &gt; &amp; &quot; &apos;")
            }
            return String(Character(scalar))
        }
    }
}
