import ParleyCore

/// One option a model accepts in a scenario's `models:` section: its key, what values it takes,
/// and what it means. Scenario readers check files against these lists so that a misspelt key or
/// value is a located error with a "did you mean".
public struct ModelOptionSpec: Sendable, Hashable {
    public enum Values: Sendable, Hashable {
        /// One of the named values.
        case choice([String])
        /// A number in the range.
        case number(ClosedRange<Double>)
        /// A whole number in the range.
        case integer(ClosedRange<Int>)
        /// One of the named values or a number in the range.
        case choiceOrNumber([String], ClosedRange<Double>)
    }

    public var key: String
    public var values: Values
    public var help: String

    public init(_ key: String, _ values: Values, help: String) {
        self.key = key
        self.values = values
        self.help = help
    }

    /// "one of a, b, c", "a number 0...1", ...
    public var expectation: String {
        switch values {
        case .choice(let names): "one of \(names.joined(separator: ", "))"
        case .number(let range): "a number \(NumberText.plain(range.lowerBound))...\(NumberText.plain(range.upperBound))"
        case .integer(let range): "a whole number \(range.lowerBound)...\(range.upperBound)"
        case .choiceOrNumber(let names, let range):
            "\(names.joined(separator: ", ")) or a number \(NumberText.plain(range.lowerBound))...\(NumberText.plain(range.upperBound))"
        }
    }
}

/// A model whose parameters a scenario's `models.<name>:` section can set.
public protocol ConfigurableModel: BargainingModel {
    /// The options the model accepts.
    static var optionSpecs: [ModelOptionSpec] { get }
}

extension ModelCatalog {
    /// The option lists of the configurable models, by model name.
    public static var optionSpecs: [(model: String, specs: [ModelOptionSpec])] {
        all.compactMap { model in
            guard let configurable = model as? any ConfigurableModel else { return nil }
            return (model.name, type(of: configurable).optionSpecs)
        }
    }
}
