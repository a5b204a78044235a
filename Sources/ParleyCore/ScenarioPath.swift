/// A key path inside a scenario document, such as `stakeholders[0].stances.budget-share.position`.
///
/// Paths name fields the way a person reads the file: mapping keys joined by dots, list
/// positions in brackets (0-based). Errors carry one so a reader can find the field even when
/// no line number is known.
public struct ScenarioPath: Sendable, Hashable, CustomStringConvertible, ExpressibleByArrayLiteral {
    /// One step of a path: a mapping key or a list index.
    public enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    /// The steps from the document root.
    public var components: [Component]

    /// Creates a path from its steps.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    public init(arrayLiteral elements: Component...) {
        self.components = elements
    }

    /// The empty path, naming the document itself.
    public static let root = ScenarioPath()

    /// This path extended by a mapping key.
    public func appending(_ key: String) -> ScenarioPath {
        ScenarioPath(components + [.key(key)])
    }

    /// This path extended by a list index.
    public func appending(index: Int) -> ScenarioPath {
        ScenarioPath(components + [.index(index)])
    }

    /// This path extended by another, relative path.
    public func appending(_ other: ScenarioPath) -> ScenarioPath {
        ScenarioPath(components + other.components)
    }

    /// The path without its last step; the root stays the root.
    public var parent: ScenarioPath {
        ScenarioPath(Array(components.dropLast()))
    }

    public var isRoot: Bool { components.isEmpty }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                if !text.isEmpty { text += "." }
                text += key
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text.isEmpty ? "(document)" : text
    }
}

extension ScenarioPath.Component: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .key(value) }
    public init(integerLiteral value: Int) { self = .index(value) }
}
