import ParleyCore
import Yams

/// Reads YAML text into a ``DocumentNode`` tree with positions, via Yams (libyaml).
enum YAMLDocumentReader {
    /// Most nodes a document may expand to; guards against alias bombs ("billion laughs").
    static let nodeBudget = 2_000_000

    /// The document's root, or `nil` for a document with no content (only comments or blanks).
    static func read(_ text: String, file: String?) throws(ScenarioErrors) -> DocumentNode? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ScenarioErrors([translate(error, file: file)])
        } catch {
            throw ScenarioErrors([ScenarioError(.syntax, "could not parse YAML: \(error)", location: SourceLocation(file: file, line: 1, column: 1))])
        }
        guard let root else { return nil }
        var budget = nodeBudget
        return try convert(root, file: file, budget: &budget, depth: 0)
    }

    private static func convert(_ node: Node, file: String?, budget: inout Int, depth: Int) throws(ScenarioErrors) -> DocumentNode {
        budget -= 1
        let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        if budget < 0 || depth > 200 {
            throw ScenarioErrors([ScenarioError(
                .fileTooLarge, "the document expands to more than \(nodeBudget) values or nests deeper than 200 levels",
                hint: "YAML aliases (*name) that repeat large parts multiply the size; write the values out instead",
                location: location)])
        }
        switch node {
        case .scalar(let scalar):
            return .scalar(ScalarNode(text: scalar.string, isPlain: scalar.style == .plain || scalar.style == .any, location: location))
        case .alias:
            return .scalar(ScalarNode(text: "", isPlain: true, location: location))
        case .sequence(let sequence):
            var items: [DocumentNode] = []
            for item in sequence {
                items.append(try convert(item, file: file, budget: &budget, depth: depth + 1))
            }
            return .sequence(items, location)
        case .mapping(let mapping):
            var pairs: [(key: ScalarNode, value: DocumentNode)] = []
            for (key, value) in mapping {
                let keyLocation = SourceLocation(file: file, line: key.mark?.line ?? location.line, column: key.mark?.column ?? location.column)
                guard case .scalar(let keyScalar) = key else {
                    throw ScenarioErrors([ScenarioError(.wrongType, "mapping keys must be plain names, found a \(key.isMapping ? "mapping" : "list") used as a key", location: keyLocation)])
                }
                let keyNode = ScalarNode(text: keyScalar.string, isPlain: keyScalar.style == .plain, location: keyLocation)
                pairs.append((keyNode, try convert(value, file: file, budget: &budget, depth: depth + 1)))
            }
            return .mapping(pairs, location)
        }
    }

    private static func translate(_ error: YamlError, file: String?) -> ScenarioError {
        let hint = "check the indentation (spaces, not tabs) and put text containing ': ' or ' #' in quotes"
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "malformed YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))" }
            return ScenarioError(.syntax, message, hint: hint, location: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ScenarioError(
                .duplicate, "the key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) appears twice in one mapping",
                hint: "each key may appear once; merge or rename the entries",
                location: SourceLocation(file: file, line: context.mark.line, column: context.mark.column))
        case .reader(let problem, let offset, _, _):
            return ScenarioError(.notUTF8, "unreadable text: \(problem)\(offset.map { " at byte \($0)" } ?? "")", location: SourceLocation(file: file, line: 1, column: 1))
        default:
            return ScenarioError(.syntax, "malformed YAML: \(error)", hint: hint, location: SourceLocation(file: file, line: 1, column: 1))
        }
    }
}

extension Node {
    fileprivate var isMapping: Bool {
        if case .mapping = self { return true }
        return false
    }
}
