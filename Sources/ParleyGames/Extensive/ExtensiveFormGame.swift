/// A finite game tree: decision nodes grouped into information sets, chance nodes with exact
/// probabilities, and payoffs (outcomes) that may sit on any node and add up along the path,
/// as in Gambit's `.efg` format.
///
/// Nodes are stored in preorder with the root first, so every child comes after its parent;
/// the algorithms below sweep the array backwards instead of recursing, which keeps deep
/// trees off the call stack.
public struct ExtensiveFormGame: Sendable, Hashable {
    /// Who moves at a node.
    public enum Mover: Sendable, Hashable {
        case chance
        /// A player, 0-based.
        case player(Int)
    }

    public struct Node: Sendable, Hashable {
        public var label: String
        /// `nil` for a terminal node.
        public var infoset: Int?
        /// Children in the order of the information set's actions.
        public var children: [Int]
        /// Payoffs added when play passes through this node (`nil`: none).
        public var outcome: [Rational]?
        public var outcomeLabel: String
        public var parent: Int?
        public init(label: String = "", infoset: Int? = nil, children: [Int] = [], outcome: [Rational]? = nil, outcomeLabel: String = "", parent: Int? = nil) {
            self.label = label
            self.infoset = infoset
            self.children = children
            self.outcome = outcome
            self.outcomeLabel = outcomeLabel
            self.parent = parent
        }
    }

    public struct InformationSet: Sendable, Hashable {
        public var mover: Mover
        /// Gambit's number for the set, unique per mover (1-based).
        public var number: Int
        public var label: String
        public var actions: [String]
        /// For chance: the probability of each action (summing to 1). Empty for players.
        public var probabilities: [Rational]
        public init(mover: Mover, number: Int, label: String = "", actions: [String], probabilities: [Rational] = []) {
            self.mover = mover
            self.number = number
            self.label = label
            self.actions = actions
            self.probabilities = probabilities
        }
    }

    public var title: String
    public var comment: String
    public private(set) var players: [String]
    public private(set) var nodes: [Node]
    public private(set) var infosets: [InformationSet]

    /// Builds a tree and checks it: preorder with children after parents, every decision node's
    /// number of children equal to its set's actions, chance probabilities in 0...1 summing to 1,
    /// one payoff per player in each outcome, and all members of a set owned by one mover.
    /// - Throws: ``GameError`` naming the first problem.
    /// - Complexity: O(nodes + infosets × actions).
    public init(title: String = "", comment: String = "", players: [String], nodes: [Node], infosets: [InformationSet]) throws(GameError) {
        guard !players.isEmpty else { throw GameError(.shape, "a game needs at least one player") }
        guard !nodes.isEmpty else { throw GameError(.shape, "a game tree needs at least one node") }
        var nodes = nodes
        for (index, node) in nodes.enumerated() {
            if let set = node.infoset {
                guard infosets.indices.contains(set) else { throw GameError(.shape, "node \(index + 1) refers to a missing information set") }
                guard node.children.count == infosets[set].actions.count else {
                    throw GameError(.shape, "node \(index + 1) has \(node.children.count) children but its information set has \(infosets[set].actions.count) actions")
                }
            } else if !node.children.isEmpty {
                throw GameError(.shape, "terminal node \(index + 1) has children")
            }
            for child in node.children {
                guard child > index, child < nodes.count, nodes[child].parent == nil || nodes[child].parent == index else {
                    throw GameError(.shape, "node \(index + 1) lists a child that is not after it in preorder or has another parent")
                }
                nodes[child].parent = index
            }
            if let outcome = node.outcome, outcome.count != players.count {
                throw GameError(.shape, "the outcome at node \(index + 1) has \(outcome.count) payoffs for \(players.count) players")
            }
        }
        for set in infosets {
            if case .player(let p) = set.mover, !players.indices.contains(p) {
                throw GameError(.shape, "information set \(set.number) belongs to a missing player \(p + 1)")
            }
            if set.mover == .chance {
                guard set.probabilities.count == set.actions.count, set.probabilities.allSatisfy({ $0.signum >= 0 && $0 <= .one }),
                      set.probabilities.reduce(Rational.zero, +) == .one else {
                    throw GameError(.invalidValue, "the chance probabilities of information set \(set.number) ('\(set.label)') must lie in 0...1 and sum to 1")
                }
            }
            guard !set.actions.isEmpty else { throw GameError(.shape, "information set \(set.number) has no actions") }
        }
        self.title = title
        self.comment = comment
        self.players = players
        self.nodes = nodes
        self.infosets = infosets
    }

    /// Whether every information set of a player has a single node.
    public var hasPerfectInformation: Bool {
        var counts = Array(repeating: 0, count: infosets.count)
        for node in nodes { if let set = node.infoset { counts[set] += 1 } }
        return infosets.indices.allSatisfy { infosets[$0].mover == .chance || counts[$0] <= 1 }
    }

    /// The information sets of `player`, in order of first appearance in the tree.
    public func infosets(of player: Int) -> [Int] {
        var seen = Set<Int>()
        var result: [Int] = []
        for node in nodes {
            if let set = node.infoset, infosets[set].mover == .player(player), seen.insert(set).inserted { result.append(set) }
        }
        return result
    }
}
