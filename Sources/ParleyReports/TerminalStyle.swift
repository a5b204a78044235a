/// ANSI styling that switches itself off when it should: output not a terminal, `NO_COLOR`
/// set (https://no-color.org), or `TERM=dumb`.
public struct TerminalStyle: Sendable {
    public let isEnabled: Bool

    public init(enabled: Bool) {
        isEnabled = enabled
    }

    /// Colour only when `isTerminal`, `NO_COLOR` is unset or empty, and `TERM` is not `dumb`.
    public init(isTerminal: Bool, environment: [String: String]) {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        isEnabled = isTerminal && !noColor && environment["TERM"] != "dumb"
    }

    public static let plain = TerminalStyle(enabled: false)

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func red(_ text: String) -> String { wrap(text, "31") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    public func cyan(_ text: String) -> String { wrap(text, "36") }

    private func wrap(_ text: String, _ code: String) -> String {
        isEnabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
