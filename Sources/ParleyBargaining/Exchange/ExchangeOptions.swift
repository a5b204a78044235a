public import ParleyCore

/// The exchange model's `models.exchange:` options.
///
/// ```yaml
/// models:
///   exchange: {rounds: 20, randomization: 0.5, seed: 7, arithmetic: decimal}
/// ```
extension ExchangeModel: ConfigurableModel {
    public static let optionSpecs: [ModelOptionSpec] = [
        ModelOptionSpec("rounds", .integer(1...10_000), help: "rounds of exchanges (decide's default 10)"),
        ModelOptionSpec("tie-rule", .choice(Parameters.TieRule.allCases.map(\.rawValue)), help: "how exactly equal gains are ordered"),
        ModelOptionSpec("randomization", .number(0...1), help: "p of the randomised variant (0: equal gain)"),
        ModelOptionSpec("seed", .integer(0...Int.max), help: "seed of the randomised variant and the coin-flip tie rule"),
        ModelOptionSpec("salience-weight", .number(0...1), help: "decide's SALIENCE_WEIGHT"),
        ModelOptionSpec("fixed-weight", .number(0...1), help: "decide's FIXED_WEIGHT"),
        ModelOptionSpec("arithmetic", .choice(Parameters.Arithmetic.allCases.map(\.rawValue)),
                        help: "hybrid (default: decide's decimals digit for digit, fast), decimal (decimals throughout) or double (binary, parts from decide at knife edges)"),
    ]

    /// The parameters `options` set on top of `base`.
    public static func parameters(from options: ModelOptions?, base: Parameters) -> Parameters {
        guard let options else { return base }
        var p = base
        func number(_ key: String) -> Double? { if case .number(let value)? = options[key] { value } else { nil } }
        if let v = number("rounds") { p.rounds = Int(v) }
        if case .text(let rule)? = options["tie-rule"], let v = Parameters.TieRule(rawValue: rule) { p.tieRule = v }
        if let v = number("randomization") { p.randomization = v }
        if let v = number("seed"), v >= 0, v < 1.8e19 { p.seed = UInt64(v) }
        if let v = number("salience-weight") { p.salienceWeight = v }
        if let v = number("fixed-weight") { p.fixedWeight = v }
        if case .text(let text)? = options["arithmetic"], let v = Parameters.Arithmetic(rawValue: text) { p.arithmetic = v }
        return p
    }
}
