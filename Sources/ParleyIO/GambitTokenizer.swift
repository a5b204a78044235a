import ParleyCore
import ParleyGames

/// A token of Gambit's `.nfg`/`.efg` text formats, with where it starts.
struct GambitToken: Sendable {
    enum Kind: Sendable, Equatable {
        case string(String)
        /// Any other whitespace-delimited word: numbers, `NFG`, `R`, `c`, `p`, `t`.
        case word(String)
        case open
        case close
        case comma
    }

    var kind: Kind
    var location: SourceLocation

    var text: String {
        switch kind {
        case .string(let text): "\"\(text)\""
        case .word(let text): text
        case .open: "{"
        case .close: "}"
        case .comma: ","
        }
    }
}

/// Splits Gambit text into tokens: quoted strings (with `\"` and `\\` escapes), braces, commas
/// and words. Positions are 1-based lines and columns counted in characters.
enum GambitTokenizer {
    static func tokens(_ text: String, file: String?) throws(ScenarioErrors) -> [GambitToken] {
        var result: [GambitToken] = []
        var line = 1
        var column = 1
        let iterator = Array(text.unicodeScalars)
        var index = 0
        func advance(_ scalar: Unicode.Scalar) {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        while index < iterator.count {
            let scalar = iterator[index]
            let here = SourceLocation(file: file, line: line, column: column)
            switch scalar {
            case " ", "\t", "\n", "\r":
                advance(scalar)
                index += 1
            case "{", "}", ",":
                result.append(GambitToken(kind: scalar == "{" ? .open : scalar == "}" ? .close : .comma, location: here))
                advance(scalar)
                index += 1
            case "\"":
                advance(scalar)
                index += 1
                var value = String.UnicodeScalarView()
                var closed = false
                while index < iterator.count {
                    let next = iterator[index]
                    advance(next)
                    index += 1
                    if next == "\\", index < iterator.count {
                        value.append(iterator[index])
                        advance(iterator[index])
                        index += 1
                    } else if next == "\"" {
                        closed = true
                        break
                    } else {
                        value.append(next)
                    }
                }
                guard closed else {
                    throw ScenarioErrors([ScenarioError(.syntax, "a quoted string is not closed", hint: "add the closing '\"'", location: here)])
                }
                result.append(GambitToken(kind: .string(String(value)), location: here))
            default:
                var word = String.UnicodeScalarView()
                while index < iterator.count {
                    let next = iterator[index]
                    if [" ", "\t", "\n", "\r", "{", "}", ",", "\""].contains(next) { break }
                    word.append(next)
                    advance(next)
                    index += 1
                }
                result.append(GambitToken(kind: .word(String(word)), location: here))
            }
        }
        return result
    }
}

/// A cursor over Gambit tokens that produces located errors.
struct GambitCursor {
    let tokens: [GambitToken]
    let file: String?
    let format: String
    private(set) var position = 0

    init(tokens: [GambitToken], file: String?, format: String) {
        self.tokens = tokens
        self.file = file
        self.format = format
    }

    var atEnd: Bool { position >= tokens.count }
    var peek: GambitToken? { position < tokens.count ? tokens[position] : nil }

    /// Where the next token starts, or just past the last one.
    var location: SourceLocation {
        if let peek { return peek.location }
        guard let last = tokens.last else { return SourceLocation(file: file, line: 1, column: 1) }
        return SourceLocation(file: file, line: last.location.line, column: last.location.column + last.text.count)
    }

    func error(_ message: String, hint: String? = nil, at location: SourceLocation? = nil) -> ScenarioErrors {
        ScenarioErrors([ScenarioError(.syntax, message, hint: hint, location: location ?? self.location)])
    }

    mutating func next() throws(ScenarioErrors) -> GambitToken {
        guard let token = peek else { throw error("the \(format) file ends too early") }
        position += 1
        return token
    }

    mutating func expectOpen(_ what: String) throws(ScenarioErrors) {
        let token = try next()
        guard token.kind == .open else { throw error("expected '{' to open \(what), found \(token.text)", at: token.location) }
    }

    mutating func expectWord(_ word: String, _ what: String) throws(ScenarioErrors) {
        let token = try next()
        guard token.kind == .word(word) else { throw error("expected \(what) '\(word)', found \(token.text)", at: token.location) }
    }

    mutating func string(_ what: String) throws(ScenarioErrors) -> String {
        let token = try next()
        guard case .string(let text) = token.kind else {
            throw error("expected \(what) in double quotes, found \(token.text)", at: token.location)
        }
        return text
    }

    /// Whether the next token closes a brace; consumes it if so.
    mutating func closeIfPresent() -> Bool {
        if peek?.kind == .close {
            position += 1
            return true
        }
        return false
    }

    mutating func skipComma() {
        if peek?.kind == .comma { position += 1 }
    }

    mutating func number(_ what: String) throws(ScenarioErrors) -> Rational {
        let token = try next()
        if case .word(let text) = token.kind, let problem = ReaderLimits.numberProblem(text) {
            throw error("\(what): \(problem)", hint: ReaderLimits.numberHint, at: token.location)
        }
        guard case .word(let text) = token.kind, let value = Rational(text) else {
            throw error("expected \(what) (an integer, decimal or fraction such as 1/3), found \(token.text)", at: token.location)
        }
        return value
    }

    mutating func integer(_ what: String) throws(ScenarioErrors) -> (Int, SourceLocation) {
        let token = try next()
        guard case .word(let text) = token.kind, let value = Int(text) else {
            throw error("expected \(what) (a whole number), found \(token.text)", at: token.location)
        }
        return (value, token.location)
    }

    /// `{ "a" "b" ... }`.
    mutating func stringList(_ what: String) throws(ScenarioErrors) -> [String] {
        try expectOpen(what)
        var items: [String] = []
        while !closeIfPresent() { items.append(try string(what)) }
        return items
    }
}
