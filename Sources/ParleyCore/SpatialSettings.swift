/// Settings of the KTAB-style spatial model (SMP), as a scenario's `models.spatial` section
/// and a KTAB XML file's `<ModelParameters>` carry them.
///
/// Each family keeps KTAB's names (``KTABNamed/ktabName``) for import and export; in Parley files the
/// values are written in kebab case (`semi-commit`). Defaults are KTAB's own (read in
/// `smpc`'s code and confirmed in the `ScenarioDesc` table of a reference run).
public struct SpatialSettings: Sendable, Hashable, Codable {
    /// How coalition strengths become a probability of victory.
    public enum VictoryProbModel: String, Sendable, Hashable, Codable, CaseIterable, KTABNamed {
        case linear, square, quartic, octic, binary
        public var ktabName: String { rawValue.capitalizedFirst }
    }
    /// The probabilistic Condorcet election model.
    public enum PCEModel: String, Sendable, Hashable, Codable, CaseIterable, KTABNamed {
        case conditional, markovIncentive = "markov-incentive", markovUniform = "markov-uniform"
        public var ktabName: String {
            switch self {
            case .conditional: "Conditional"
            case .markovIncentive: "MarkovIncentive"
            case .markovUniform: "MarkovUniform"
            }
        }
    }
    /// Whether the chosen bargain is the most probable one or a draw.
    public enum StateTransitions: String, Sendable, Hashable, Codable, CaseIterable, KTABNamed {
        case deterministic, stochastic
        public var ktabName: String { rawValue.capitalizedFirst }
    }
    /// How a utility difference becomes a vote.
    public enum VotingRule: String, Sendable, Hashable, Codable, CaseIterable, KTABNamed {
        case binary, propBin = "prop-bin", proportional, propCbc = "prop-cbc", cubic, asymProsp = "asym-prosp"
        public var ktabName: String {
            switch self {
            case .binary: "Binary"
            case .propBin: "PropBin"
            case .proportional: "Proportional"
            case .propCbc: "PropCbc"
            case .cubic: "Cubic"
            case .asymProsp: "ASymProsp"
            }
        }
    }
    /// How much of another actor's risk attitude an actor perceives.
    public enum BigRAdjust: String, Sendable, Hashable, Codable, CaseIterable, KTABNamed {
        case full, twoThirds = "two-thirds", half, oneThird = "one-third", none
        public var ktabName: String {
            switch self {
            case .full: "Full"
            case .twoThirds: "TwoThirds"
            case .half: "Half"
            case .oneThird: "OneThird"
            case .none: "No"
            }
        }
    }
    /// The range of risk attitudes.
    public enum BigRRange: String, Sendable, Hashable, Codable, CaseIterable, KTABNamed {
        case min, mid, max
        public var ktabName: String { rawValue.capitalizedFirst }
    }
    /// How committed third parties are to the side they join.
    public enum ThirdPartyCommit: String, Sendable, Hashable, Codable, CaseIterable, KTABNamed {
        case noCommit = "no-commit", semiCommit = "semi-commit", fullCommit = "full-commit"
        public var ktabName: String {
            switch self {
            case .noCommit: "NoCommit"
            case .semiCommit: "SemiCommit"
            case .fullCommit: "FullCommit"
            }
        }
    }
    /// How bargains interpolate between two positions on several dimensions.
    public enum InterVecBargain: String, Sendable, Hashable, Codable, CaseIterable, KTABNamed {
        case s1p1, s2p2, s2pmax
        public var ktabName: String {
            switch self {
            case .s1p1: "S1P1"
            case .s2p2: "S2P2"
            case .s2pmax: "S2PMax"
            }
        }
    }
    /// Whose view of the contest sets the bargain.
    public enum BargainModel: String, Sendable, Hashable, Codable, CaseIterable, KTABNamed {
        case initOnly = "init-only-interp", initReceiver = "init-rcvr-interp", pairwiseCompromise = "pw-comp-interp"
        public var ktabName: String {
            switch self {
            case .initOnly: "InitOnlyInterp"
            case .initReceiver: "InitRcvrInterp"
            case .pairwiseCompromise: "PWCompInterp"
            }
        }
    }

    /// How far an actor's ideal point moves toward another's position after each turn.
    public struct IdealAdjustment: Sendable, Hashable, Codable {
        /// Stakeholder id whose ideal moves.
        public let adjusting: String
        /// Stakeholder id whose position it moves toward.
        public let reference: String
        /// Weight 0–1 on the reference position.
        public let adjust: Double

        public init(adjusting: String, reference: String, adjust: Double) {
            self.adjusting = adjusting
            self.reference = reference
            self.adjust = adjust
        }
    }

    public var victoryProbModel: VictoryProbModel = .linear
    public var pceModel: PCEModel = .conditional
    public var stateTransitions: StateTransitions = .deterministic
    public var votingRule: VotingRule = .proportional
    public var bigRAdjust: BigRAdjust = .oneThird
    public var bigRRange: BigRRange = .mid
    public var thirdPartyCommit: ThirdPartyCommit = .semiCommit
    public var interVecBargain: InterVecBargain = .s2p2
    public var bargainModel: BargainModel = .initOnly
    /// Seed for stochastic state transitions; `nil` = the run's seed.
    public var seed: UInt64?
    /// KTAB's accommodation matrix entries; empty = identity (ideal = current position).
    public var idealAdjustments: [IdealAdjustment] = []

    /// KTAB's defaults.
    public init() {}
}

/// A settings value with a name in KTAB's XML vocabulary.
public protocol KTABNamed: RawRepresentable<String>, CaseIterable {
    var ktabName: String { get }
}

extension KTABNamed {
    /// The case whose KTAB name is `name`, or `nil`.
    public init?(ktabName name: String) {
        guard let match = Self.allCases.first(where: { $0.ktabName == name }) else { return nil }
        self = match
    }
}

/// Options for one model from a scenario's `models:` section, as written (checked against the
/// model's option list when the file is read; the model interprets them).
public struct ModelOptions: Sendable, Hashable {
    /// One `key: value` line.
    public struct Entry: Sendable, Hashable {
        public enum Value: Sendable, Hashable {
            case text(String)
            case number(Double)
        }

        public var key: String
        public var value: Value

        public init(key: String, value: Value) {
            self.key = key
            self.value = value
        }
    }

    /// The model's command-line name, such as `expected-utility`.
    public var model: String
    /// In file order.
    public var entries: [Entry]

    public init(model: String, entries: [Entry]) {
        self.model = model
        self.entries = entries
    }

    /// The value of `key`, if given.
    public subscript(key: String) -> Entry.Value? {
        entries.first { $0.key == key }?.value
    }
}

/// Per-model settings carried in a scenario's `models:` section.
public struct ModelSettings: Sendable, Hashable {
    public var spatial: SpatialSettings?
    /// Options of the other models, in file order.
    public var options: [ModelOptions]

    public init(spatial: SpatialSettings? = nil, options: [ModelOptions] = []) {
        self.spatial = spatial
        self.options = options
    }

    public var isEmpty: Bool { spatial == nil && options.isEmpty }

    /// The options for `model`, if the scenario gives any.
    public func options(for model: String) -> ModelOptions? {
        options.first { $0.model == model }
    }
}

extension String {
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
