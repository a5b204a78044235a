/// A request for an analysis that cannot be answered as asked: an unknown model or method, a
/// bad combination of options. The front ends map ``Code`` to an exit code or an HTTP status.
public struct AnalysisError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem; new codes may be added.
    public struct Code: RawRepresentable, Sendable, Hashable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A model name that the catalog does not have.
        public static let unknownModel = Code(rawValue: "unknown-model")
        /// A game or repeated case that the solver refused (too large, unsupported method, ...).
        public static let unsolvable = Code(rawValue: "unsolvable")
        /// Options that cannot be combined, or are out of range.
        public static let invalidOption = Code(rawValue: "invalid-option")
    }

    public var code: Code
    public var message: String
    public var hint: String?
    /// The file the problem concerns, when there is one.
    public var file: String?

    public init(_ code: Code, _ message: String, hint: String? = nil, file: String? = nil) {
        self.code = code
        self.message = message
        self.hint = hint
        self.file = file
    }

    public var description: String {
        (file.map { "\($0): " } ?? "") + "error: \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
    }
}
