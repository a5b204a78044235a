/// "Did you mean" suggestions for misspelt keys and ids.
public enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a likely
    /// typo: at most a third of the word's length in edits (and at least one).
    ///
    /// Words and candidates longer than ``maximumLength`` are never suggested (a typo is short),
    /// and a candidate whose length differs too much to be close is skipped unread.
    ///
    /// - Complexity: O(k · m · n) for k candidates of length about m and a word of length n,
    ///   both at most ``maximumLength``.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        guard word.utf8.count <= maximumLength * 4 else { return nil }
        let target = Array(word.lowercased())
        guard target.count <= maximumLength else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            guard candidate.utf8.count <= maximumLength * 4 else { continue }
            let letters = Array(candidate.lowercased())
            // The distance is at least the difference in length; beyond a third of the longer one it cannot be suggested.
            guard letters.count <= maximumLength, abs(letters.count - target.count) <= max(1, max(target.count, letters.count) / 3) else { continue }
            let distance = editDistance(target, letters)
            if let current = best, current.distance <= distance { continue }
            best = (candidate, distance)
        }
        guard let best else { return nil }
        let allowed = max(1, max(target.count, best.candidate.count) / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// The longest word (in characters) for which a suggestion is looked for: 200.
    public static let maximumLength = 200

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
