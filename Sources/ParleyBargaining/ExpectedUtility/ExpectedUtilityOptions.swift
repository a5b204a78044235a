public import ParleyCore

/// The expected-utility model's `models.expected-utility:` options: a preset, then any option
/// changed from it.
///
/// ```yaml
/// models:
///   expected-utility: {preset: dmasad, round-limit: 100}
/// ```
extension ExpectedUtilityModel: ConfigurableModel {
    public static let optionSpecs: [ModelOptionSpec] = [
        ModelOptionSpec("preset", .choice(Parameters.presets.map(\.name)), help: "start from a replication's combination of options"),
        ModelOptionSpec("vote-kernel", .choice(VoteKernel.allCases.map(\.rawValue)), help: "linear distance or distance to the power r"),
        ModelOptionSpec("probability", .choice(ProbabilityNormaliser.allCases.map(\.rawValue)), help: "how votes become a probability of winning"),
        ModelOptionSpec("median-voter", .choice(MedianVoter.allCases.map(\.rawValue)), help: "the status-quo point mu"),
        ModelOptionSpec("q", .number(0...1), help: "probability that the status quo persists absent a challenge"),
        ModelOptionSpec("t", .choiceOrNumber(["conditional"], 0...1), help: "probability that a change is for the better"),
        ModelOptionSpec("risk-reference", .choice(RiskReference.allCases.map(\.rawValue)), help: "whose securities set the risk range"),
        ModelOptionSpec("opponent-risk", .choice(OpponentRisk.allCases.map(\.rawValue)), help: "whose risk exponent when estimating the opponent"),
        ModelOptionSpec("offer-acceptance", .choice(OfferAcceptance.allCases.map(\.rawValue)), help: "which offer an actor accepts"),
        ModelOptionSpec("capitulation", .choice(Capitulation.allCases.map(\.rawValue)), help: "whether capitulation offers occur"),
        ModelOptionSpec("scale", .choice(ScaleWidth.allCases.map(\.rawValue)), help: "the range d: the data's or the issue's scale"),
        ModelOptionSpec("round-limit", .integer(1...100_000), help: "rounds at most"),
        ModelOptionSpec("tolerance", .number(0...1), help: "convergence and cycle tolerance, a fraction of d"),
    ]

    /// The parameters `options` set, starting from its preset (or `base`). Keys and values were
    /// checked when the file was read; anything unreadable keeps the base value.
    public static func parameters(from options: ModelOptions?, base: Parameters) -> Parameters {
        guard let options else { return base }
        var p = base
        if case .text(let name)? = options["preset"], let preset = Parameters.preset(named: name) { p = preset }
        func text(_ key: String) -> String? { if case .text(let value)? = options[key] { value } else { nil } }
        func number(_ key: String) -> Double? { if case .number(let value)? = options[key] { value } else { nil } }
        if let v = text("vote-kernel").flatMap(VoteKernel.init(rawValue:)) { p.voteKernel = v }
        if let v = text("probability").flatMap(ProbabilityNormaliser.init(rawValue:)) { p.probability = v }
        if let v = text("median-voter").flatMap(MedianVoter.init(rawValue:)) { p.medianVoter = v }
        if let v = number("q") { p.q = v }
        if text("t") == "conditional" { p.t = .conditional } else if let v = number("t") { p.t = .fixed(v) }
        if let v = text("risk-reference").flatMap(RiskReference.init(rawValue:)) { p.riskReference = v }
        if let v = text("opponent-risk").flatMap(OpponentRisk.init(rawValue:)) { p.opponentRisk = v }
        if let v = text("offer-acceptance").flatMap(OfferAcceptance.init(rawValue:)) { p.offerAcceptance = v }
        if let v = text("capitulation").flatMap(Capitulation.init(rawValue:)) { p.capitulation = v }
        if let v = text("scale").flatMap(ScaleWidth.init(rawValue:)) { p.scale = v }
        if let v = number("round-limit") { p.roundLimit = Int(v) }
        if let v = number("tolerance") { p.tolerance = v }
        return p
    }
}
