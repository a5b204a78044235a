/// The rule for ids of issues, stakeholders and sources: `[a-z0-9][a-z0-9-]*`, at most 64
/// characters. Ids appear in file names, URLs and JSON keys, so they are kept plain.
public enum Identifier {
    /// The longest id accepted.
    public static let maximumLength = 64

    /// Whether `text` is a well-formed id.
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, text.unicodeScalars.count <= maximumLength else {
            return false
        }
        guard isLowerAlphanumeric(first) else { return false }
        return text.unicodeScalars.allSatisfy { isLowerAlphanumeric($0) || $0 == "-" }
    }

    /// The error for an id that breaks the rule, or `nil` when it is fine.
    static func check(_ text: String, at path: ScenarioPath) -> ScenarioError? {
        guard !isValid(text) else { return nil }
        return ScenarioError(
            .invalidValue, at: path,
            "'\(text)' is not a valid id: expected lowercase letters, digits and hyphens, starting with a letter or digit, at most \(maximumLength) characters",
            hint: "try '\(slug(from: text))'")
    }

    /// A valid id made from free text: lowercased, runs of other characters turned into one
    /// hyphen, trimmed, and cut to the maximum length. Returns `"item"` for text with no
    /// letters or digits.
    public static func slug(from text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            if isLowerAlphanumeric(scalar) {
                if pendingHyphen, !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        if result.count > maximumLength {
            result = String(result.prefix(maximumLength))
            while result.hasSuffix("-") { result.removeLast() }
        }
        return result.isEmpty ? "item" : result
    }

    /// `slug(from:)` made unique against `taken` by appending `-2`, `-3`, ...
    public static func uniqueSlug(from text: String, taken: Set<String>) -> String {
        let base = slug(from: text)
        if !taken.contains(base) { return base }
        var counter = 2
        while taken.contains("\(base)-\(counter)") { counter += 1 }
        return "\(base)-\(counter)"
    }

    private static func isLowerAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
