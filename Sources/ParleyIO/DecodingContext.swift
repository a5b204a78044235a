import ParleyCore

/// The fields of one mapping, after its keys were checked against a schema.
struct Fields {
    let entries: [(key: ScalarNode, value: DocumentNode)]
    let location: SourceLocation

    subscript(_ key: String) -> DocumentNode? {
        entries.first { $0.key.text == key }?.value
    }

    /// The `value` entry of a `{value: ..., sd: ...}` mapping, if `node` is one.
    static func value(of node: DocumentNode) -> DocumentNode? {
        guard case .mapping(let pairs, _) = node else { return nil }
        return pairs.first { $0.key.text == "value" }?.value
    }
}

/// Walks a ``DocumentNode`` tree against a schema, collecting every error with its location
/// instead of stopping at the first, and remembering where each key path was found so that
/// errors raised later (by `Scenario`'s cross-checks) can be located too.
struct DecodingContext {
    let file: String?
    private(set) var errors: [ScenarioError] = []
    private var locations: [ScenarioPath: SourceLocation] = [:]

    init(file: String?) {
        self.file = file
    }

    mutating func record(_ path: ScenarioPath, at location: SourceLocation) {
        locations[path] = location
    }

    mutating func fail(_ code: ScenarioError.Code, at path: ScenarioPath, _ location: SourceLocation, _ message: String, hint: String? = nil) {
        errors.append(ScenarioError(code, at: path, message, hint: hint, location: location))
    }

    /// Adds errors raised by a value type's initialiser, whose paths are relative to `base`.
    mutating func absorb(_ thrown: ScenarioErrors, under base: ScenarioPath) {
        for error in thrown.errors {
            var absolute = error.prefixed(by: base)
            absolute.location = absolute.location ?? locate(absolute.path)
            errors.append(absolute)
        }
    }

    /// The location recorded for `path`, or for its nearest recorded ancestor.
    func locate(_ path: ScenarioPath) -> SourceLocation? {
        var current = path
        while true {
            if let location = locations[current] { return location }
            if current.isRoot { return nil }
            current = current.parent
        }
    }

    /// `node` as a mapping whose keys are all in `allowed` and include every key of `required`
    /// (each with a description of what is expected). Unknown and repeated keys are errors,
    /// with a "did you mean" when a known key is close.
    mutating func fields(
        _ node: DocumentNode, at path: ScenarioPath, what: String, allowed: [String], required: [(String, String)] = []
    ) -> Fields? {
        record(path, at: node.location)
        guard case .mapping(let pairs, let location) = node else {
            fail(.wrongType, at: path, node.location, "expected \(what) (a mapping of keys to values), found \(node.kindDescription)")
            return nil
        }
        var seen: [String: SourceLocation] = [:]
        var suggested = Set<String>()
        var kept: [(key: ScalarNode, value: DocumentNode)] = []
        for pair in pairs {
            let key = pair.key.text
            let keyPath = path.appending(key)
            if let first = seen[key] {
                fail(.duplicate, at: keyPath, pair.key.location, "the key '\(key)' appears twice (first at line \(first.line))",
                     hint: "each key may appear once in a mapping")
                continue
            }
            seen[key] = pair.key.location
            guard allowed.contains(key) else {
                let suggestion = Suggestion.closest(to: key, in: allowed)
                if let suggestion { suggested.insert(suggestion) }
                fail(.unknownKey, at: keyPath, pair.key.location,
                     "unknown key '\(key)' in \(what); expected one of: \(allowed.joined(separator: ", "))",
                     hint: suggestion.map { "did you mean '\($0)'?" })
                continue
            }
            record(keyPath, at: pair.value.location)
            kept.append(pair)
        }
        // A misspelt required key already got a "did you mean"; do not also call it missing.
        for (key, expectation) in required where seen[key] == nil && !suggested.contains(key) {
            fail(.missingField, at: path.appending(key), location, "missing required field '\(key)' in \(what): expected \(expectation)")
        }
        return Fields(entries: kept, location: location)
    }

    /// `node` as a list.
    mutating func list(_ node: DocumentNode, at path: ScenarioPath, what: String) -> [DocumentNode]? {
        record(path, at: node.location)
        guard case .sequence(let items, _) = node else {
            fail(.wrongType, at: path, node.location, "expected \(what) (a list), found \(node.kindDescription)",
                 hint: "start each list item on its own line with '- '")
            return nil
        }
        for (index, item) in items.enumerated() {
            record(path.appending(index: index), at: item.location)
        }
        return items
    }

    /// `node` as text. Plain numbers and booleans are taken as written (`date: 2014` is "2014").
    mutating func string(_ node: DocumentNode, at path: ScenarioPath, what: String = "text") -> String? {
        record(path, at: node.location)
        guard case .scalar(let scalar) = node else {
            fail(.wrongType, at: path, node.location, "expected \(what), found \(node.kindDescription)",
                 hint: "put the value on the same line as its key, in quotes if it contains ': '")
            return nil
        }
        if scalar.isPlain, scalar.resolved == .null {
            fail(.wrongType, at: path, node.location, "expected \(what), found nothing (an empty or null value)")
            return nil
        }
        return scalar.text
    }

    /// `node` as a finite number. NaN and infinities are refused; so is a quoted number.
    mutating func number(_ node: DocumentNode, at path: ScenarioPath, what: String = "a number") -> Double? {
        record(path, at: node.location)
        guard case .scalar(let scalar) = node else {
            fail(.wrongType, at: path, node.location, "expected \(what), found \(node.kindDescription)")
            return nil
        }
        switch scalar.resolved {
        case .number(let value):
            return value
        case .nonFinite(let text):
            fail(.notFinite, at: path, node.location, "expected \(what), found \(text): NaN and infinity are not allowed",
                 hint: "write a finite number; for an unknown value, give your best estimate and an uncertainty range")
            return nil
        case .text(let text) where !scalar.isPlain && ScalarNode.parseNumber(text) != nil:
            fail(.wrongType, at: path, node.location, "expected \(what), found the quoted text \"\(text)\"", hint: "remove the quotes")
            return nil
        default:
            fail(.wrongType, at: path, node.location, "expected \(what), found \(scalar.kindDescription)")
            return nil
        }
    }

    /// `node` as one of the named values; a near miss gets a "did you mean".
    mutating func choice<T>(_ node: DocumentNode, at path: ScenarioPath, from options: [(String, T)], what: String) -> T? {
        guard let text = string(node, at: path, what: what) else { return nil }
        if let match = options.first(where: { $0.0 == text }) { return match.1 }
        let names = options.map(\.0)
        fail(.invalidValue, at: path, node.location, "'\(text)' is not a valid \(what); expected one of: \(names.joined(separator: ", "))",
             hint: Suggestion.closest(to: text, in: names).map { "did you mean '\($0)'?" })
        return nil
    }

    /// `node` as a two-number list `[lower, upper]`.
    mutating func pair(_ node: DocumentNode, at path: ScenarioPath) -> (Double, Double)? {
        guard let items = list(node, at: path, what: "a range [lower, upper]") else { return nil }
        guard items.count == 2 else {
            fail(.invalidValue, at: path, node.location, "expected a range of two numbers [lower, upper], found \(items.count) values")
            return nil
        }
        guard let lower = number(items[0], at: path.appending(index: 0)),
              let upper = number(items[1], at: path.appending(index: 1)) else { return nil }
        return (lower, upper)
    }

    /// Errors in file order; those without a location keep their order at the end.
    var sortedErrors: [ScenarioError] {
        errors.enumerated().sorted { lhs, rhs in
            switch (lhs.element.location, rhs.element.location) {
            case let (l?, r?):
                if l.line != r.line { return l.line < r.line }
                if l.column != r.column { return l.column < r.column }
                return lhs.offset < rhs.offset
            case (.some, .none): return true
            case (.none, .some): return false
            case (.none, .none): return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }
}

extension DecodingContext {
    /// A game-file id (lowercase letters, digits and hyphens), or nil after recording a located
    /// error that suggests a valid spelling.
    mutating func identifier(_ node: DocumentNode, at path: ScenarioPath, what: String) -> String? {
        guard let text = string(node, at: path, what: what) else { return nil }
        guard Identifier.isValid(text) else {
            fail(.invalidValue, at: path, node.location,
                 "'\(text)' is not a valid id: expected lowercase letters, digits and hyphens, starting with a letter or digit",
                 hint: "try '\(Identifier.slug(from: text))'")
            return nil
        }
        return text
    }

}
