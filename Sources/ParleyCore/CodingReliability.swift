/// How well independent coders agree on a scenario's stances (`codings:`): Krippendorff's
/// alpha (interval metric) for positions and saliences, overall and per issue, and each
/// stance's spread between coders. What `parley reliability` reports.
///
/// Units are stances with at least two codings (the ones alpha can use); coders are the
/// coder ids in order of first appearance in the file. Positions are compared as percent of
/// their issue's scale (0–100), so that issues on different scales pool in the overall alpha;
/// alpha is unchanged by that rescaling within one issue.
public struct CodingReliability: Sendable, Hashable {
    /// Alpha for positions and saliences; `nil` where undefined (see ``KrippendorffAlpha/interval(_:)``).
    public struct Alphas: Sendable, Hashable {
        public var position: Double?
        public var salience: Double?
    }

    /// One issue's agreement.
    public struct IssueReliability: Sendable, Hashable {
        public var issue: String
        /// Stances on this issue with at least two codings.
        public var units: Int
        public var alpha: Alphas
    }

    /// The coders' spread on one stance.
    public struct StanceSpread: Sendable, Hashable {
        public var stakeholder: String
        public var issue: String
        /// Coders of this stance, in file order.
        public var coders: [String]
        /// Lowest and highest coded position, in the issue's scale units.
        public var positionRange: ClosedRange<Double>
        /// Population standard deviation of the coded positions, in scale units.
        public var positionSD: Double
        public var salienceRange: ClosedRange<Double>
        /// Population standard deviation of the coded saliences, 0–100 points.
        public var salienceSD: Double
    }

    /// Stances with at least two codings, over all issues.
    public let units: Int
    /// Every coder id, in order of first appearance.
    public let coders: [String]
    public let alpha: Alphas
    /// One entry per issue of the scenario, in scenario order (issues without codings have
    /// no units and `nil` alphas).
    public let issues: [IssueReliability]
    /// One entry per stance with at least one coding, in scenario order (stakeholders, then
    /// their stances).
    public let stances: [StanceSpread]

    /// Computes the reliability of `scenario`'s codings.
    /// - Complexity: O(s · c²) for s stances and c coders.
    public init(scenario: Scenario) {
        var coders: [String] = []
        for stakeholder in scenario.stakeholders {
            for stance in stakeholder.stances {
                for coding in stance.codings where !coders.contains(coding.coder) { coders.append(coding.coder) }
            }
        }
        let column = Dictionary(coders.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var positionRows: [String: [[Double?]]] = [:]
        var salienceRows: [String: [[Double?]]] = [:]
        var spreads: [StanceSpread] = []
        for stakeholder in scenario.stakeholders {
            for stance in stakeholder.stances where !stance.codings.isEmpty {
                guard let scale = scenario.issue(stance.issue)?.scale else { continue }
                var positions = [Double?](repeating: nil, count: coders.count)
                var saliences = [Double?](repeating: nil, count: coders.count)
                for coding in stance.codings {
                    guard let index = column[coding.coder] else { continue }
                    positions[index] = scale.toPercent(coding.position)
                    saliences[index] = coding.salience
                }
                positionRows[stance.issue, default: []].append(positions)
                salienceRows[stance.issue, default: []].append(saliences)
                let codedPositions = stance.codings.map(\.position)
                let codedSaliences = stance.codings.map(\.salience)
                spreads.append(StanceSpread(
                    stakeholder: stakeholder.id, issue: stance.issue, coders: stance.codings.map(\.coder),
                    positionRange: Self.range(codedPositions), positionSD: Self.populationSD(codedPositions),
                    salienceRange: Self.range(codedSaliences), salienceSD: Self.populationSD(codedSaliences)))
            }
        }
        func pairable(_ rows: [[Double?]]) -> Int { rows.filter { $0.compactMap { $0 }.count >= 2 }.count }
        var allPositions: [[Double?]] = []
        var allSaliences: [[Double?]] = []
        var perIssue: [IssueReliability] = []
        for issue in scenario.issues {
            let positions = positionRows[issue.id] ?? []
            let saliences = salienceRows[issue.id] ?? []
            allPositions += positions
            allSaliences += saliences
            perIssue.append(IssueReliability(
                issue: issue.id, units: pairable(positions),
                alpha: Alphas(position: KrippendorffAlpha.interval(positions), salience: KrippendorffAlpha.interval(saliences))))
        }
        self.units = pairable(allPositions)
        self.coders = coders
        self.alpha = Alphas(position: KrippendorffAlpha.interval(allPositions), salience: KrippendorffAlpha.interval(allSaliences))
        self.issues = perIssue
        self.stances = spreads
    }

    private static func range(_ values: [Double]) -> ClosedRange<Double> {
        let low = values.min() ?? 0
        return low...max(low, values.max() ?? low)
    }

    private static func populationSD(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
    }
}
