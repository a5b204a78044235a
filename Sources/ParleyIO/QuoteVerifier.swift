/// Checks that a quotation appears in a source's text, forgiving only typography.
///
/// Both texts are normalised before comparing:
/// - every run of whitespace (spaces, tabs, line breaks, no-break spaces) becomes one space;
/// - curly and other typographic quote marks become `'` or `"` (‘ ’ ‚ ‛ ′ → `'`; “ ” „ ‟ ″ « » → `"`);
/// - hyphens and dashes (‐ ‑ ‒ – — ― − and `--`) become `-`, and spaces around a dash are
///   dropped, so "Iran–US", "Iran - US" and "Iran—US" compare equal;
/// - an ellipsis (`…`, `...`, `. . .`) marks words the coder left out: the quote's parts
///   between ellipses must appear in the text in that order, each within 2,000 characters of
///   the previous one's end; leading and trailing ellipses are dropped.
/// Letters, case and other punctuation must match exactly.
public struct QuoteVerifier: Sendable {
    /// The normalised source text.
    private let text: [Character]
    private let normalised: String

    /// Prepares `sourceText` for any number of searches.
    /// - Complexity: O(n) for a text of n characters.
    public init(sourceText: String) {
        normalised = Self.normalise(sourceText)
        text = Array(normalised)
    }

    /// The characters one omitted passage (an ellipsis) may span.
    public static let maximumGap = 2_000

    /// Whether `quote` appears in the text (see the type's rules).
    /// - Complexity: O(n · q) in the worst case for a text of n and a quote of q characters.
    public func contains(_ quote: String) -> Bool {
        let parts = Self.parts(of: quote)
        guard !parts.isEmpty else { return false }
        return search(parts, from: 0, limit: nil)
    }

    private func search(_ parts: [[Character]], from start: Int, limit: Int?) -> Bool {
        guard let part = parts.first else { return true }
        var from = start
        while let found = Self.find(part, in: text, from: from) {
            if let limit, found > limit { return false }
            if search(Array(parts.dropFirst()), from: found + part.count, limit: found + part.count + Self.maximumGap) { return true }
            from = found + 1
        }
        return false
    }

    /// The passage of the text most like `quote`, as a hint for a quote that was not found:
    /// the window of as many words as the quote holding the most of the quote's words. `nil`
    /// when no word is shared.
    /// - Complexity: O(n) for a text of n words.
    public func nearestPassage(to quote: String) -> String? {
        let words = normalised.split(separator: " ").map(String.init)
        let wanted = Self.normalise(quote).replacingEllipses().split(separator: " ").map { Self.bare(String($0)) }.filter { !$0.isEmpty }
        guard !words.isEmpty, !wanted.isEmpty else { return nil }
        var need: [String: Int] = [:]
        for word in wanted { need[word, default: 0] += 1 }
        let width = min(words.count, wanted.count)
        let bareWords = words.map(Self.bare)
        var have: [String: Int] = [:]
        var score = 0
        func add(_ word: String, _ delta: Int) {
            guard let limit = need[word] else { return }
            let before = min(have[word, default: 0], limit)
            have[word, default: 0] += delta
            score += min(have[word, default: 0], limit) - before
        }
        var best = (score: 0, start: 0)
        for index in bareWords.indices {
            add(bareWords[index], 1)
            if index >= width { add(bareWords[index - width], -1) }
            let start = index - width + 1
            if start >= 0, score > best.score { best = (score, start) }
        }
        guard best.score > 0 else { return nil }
        return words[best.start..<min(words.count, best.start + width)].joined(separator: " ")
    }

    /// `text` with typography normalised (see the type's rules); ellipses become `...`.
    public static func normalise(_ text: String) -> String {
        var result: [Character] = []
        result.reserveCapacity(text.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            var mapped: [Character] = [character]
            switch character {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}": mapped = ["'"]
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}", "\u{00AB}", "\u{00BB}": mapped = ["\""]
            case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": mapped = ["-"]
            case "\u{2026}": mapped = [".", ".", "."]
            default: break
            }
            if mapped == ["-"] {
                // A dash swallows the spaces around it; "--" is one dash.
                pendingSpace = false
                if result.last == "-" { continue }
                result.append("-")
                continue
            }
            if pendingSpace, result.last != "-" { result.append(" ") }
            pendingSpace = false
            result += mapped
        }
        return String(result)
    }

    /// The quote's parts between ellipses, normalised, without empty parts.
    static func parts(of quote: String) -> [[Character]] {
        normalise(quote).replacingEllipses().split(separator: "\u{0}")
            .map { String($0).trimmingSpaces() }
            .filter { !$0.isEmpty }
            .map { Array($0) }
    }

    /// A word without the punctuation around it, lowercased, for the nearest-passage hint.
    private static func bare(_ word: String) -> String {
        String(word.lowercased().drop { !$0.isLetter && !$0.isNumber }.reversed().drop { !$0.isLetter && !$0.isNumber }.reversed())
    }

    /// The first index at or after `from` where `pattern` occurs in `text`.
    private static func find(_ pattern: [Character], in text: [Character], from: Int) -> Int? {
        guard let first = pattern.first, pattern.count <= text.count else { return nil }
        var index = from
        while index + pattern.count <= text.count {
            if text[index] == first {
                var matched = true
                for offset in 1..<pattern.count where text[index + offset] != pattern[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}

extension String {
    /// Every ellipsis (`...` or `. . .`) replaced by a NUL separator.
    fileprivate func replacingEllipses() -> String {
        var result = ""
        var characters = Array(self)[...]
        while let first = characters.first {
            if characters.starts(with: [".", ".", "."]) {
                result.append("\u{0}")
                characters = characters.dropFirst(3)
                while characters.first == "." { characters = characters.dropFirst() }
            } else if characters.starts(with: [".", " ", ".", " ", "."]) {
                result.append("\u{0}")
                characters = characters.dropFirst(5)
            } else {
                result.append(first)
                characters = characters.dropFirst()
            }
        }
        return result
    }

    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
