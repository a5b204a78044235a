/// Where in a file something was found: 1-based line and column (columns count Unicode scalars).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as the user named it, or `nil` for text that did not come from a file.
    public var file: String?
    public var line: Int
    public var column: Int

    public init(file: String? = nil, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        "\(file ?? "<input>"):\(line):\(column)"
    }
}

/// One thing wrong with a scenario: what, where, and how to fix it.
///
/// Printed as `file:line:column: error: key.path: message`, with the hint on the next line,
/// the shape compilers use so editors can jump to the spot.
public struct ScenarioError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem; the command line maps kinds to exit codes in one place.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The text is not well-formed YAML or JSON.
        public static let syntax = Code(rawValue: "syntax")
        /// A value has the wrong type (a list where a number was expected, ...).
        public static let wrongType = Code(rawValue: "wrong-type")
        /// A required field is absent.
        public static let missingField = Code(rawValue: "missing-field")
        /// A key the format does not define.
        public static let unknownKey = Code(rawValue: "unknown-key")
        /// Two items of one kind share an id, or a mapping repeats a key.
        public static let duplicate = Code(rawValue: "duplicate")
        /// A reference to an id that is not defined (an issue, a source).
        public static let unknownReference = Code(rawValue: "unknown-reference")
        /// A number outside its allowed range.
        public static let outOfRange = Code(rawValue: "out-of-range")
        /// A number that is NaN or infinite.
        public static let notFinite = Code(rawValue: "not-finite")
        /// A value that is well-typed but not acceptable (bad id, empty text, min >= max, ...).
        public static let invalidValue = Code(rawValue: "invalid-value")
        /// A list that must not be empty is empty.
        public static let empty = Code(rawValue: "empty")
        /// The file does not exist.
        public static let fileNotFound = Code(rawValue: "file-not-found")
        /// The file could not be read or written.
        public static let io = Code(rawValue: "io")
        /// The file is larger than Parley agrees to read.
        public static let fileTooLarge = Code(rawValue: "file-too-large")
        /// The bytes are not UTF-8 text.
        public static let notUTF8 = Code(rawValue: "not-utf8")
        /// The file has no content.
        public static let emptyFile = Code(rawValue: "empty-file")
        /// The file's format could not be told from its name or is not supported.
        public static let unsupportedFormat = Code(rawValue: "unsupported-format")
        /// A `kind: quote` that does not appear in its source's local text.
        public static let quoteNotFound = Code(rawValue: "quote-not-found")
        /// Evidence dated after the scenario's `as_of` (a warning; an error under `--strict`).
        public static let hindsight = Code(rawValue: "hindsight")
    }

    /// Whether a finding stops the file from being read (`error`) or is only reported (`warning`).
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var code: Code
    /// The field concerned; `.root` for the document as a whole.
    public var path: ScenarioPath
    /// What is wrong, naming what was expected and what was found.
    public var message: String
    /// How to fix it, when Parley can tell (for example a "did you mean").
    public var hint: String?
    /// Where in the file; `nil` when the value did not come from a file.
    public var location: SourceLocation?
    /// `error` unless the finding is a warning (printed as `warning:`).
    public var severity: Severity

    public init(
        _ code: Code, at path: ScenarioPath = .root, _ message: String, hint: String? = nil,
        location: SourceLocation? = nil, severity: Severity = .error
    ) {
        self.code = code
        self.path = path
        self.message = message
        self.hint = hint
        self.location = location
        self.severity = severity
    }

    /// The same error with its path put below `prefix`.
    public func prefixed(by prefix: ScenarioPath) -> ScenarioError {
        var copy = self
        copy.path = prefix.appending(path)
        return copy
    }

    public var description: String {
        let label = "\(severity.rawValue): "
        var head = location.map { "\($0): \(label)" } ?? label
        if !path.isRoot { head += "\(path): " }
        head += message
        if let hint { head += "\n  hint: \(hint)" }
        return head
    }
}

/// Every problem found in one input, in the order they occur in the file.
public struct ScenarioErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public var errors: [ScenarioError]

    public init(_ errors: [ScenarioError]) {
        self.errors = errors
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
