/// A subset of a scenario's stakeholders, by index in scenario order: the players of a
/// counterfactual run or of a Shapley coalition.
public struct Coalition: Sendable, Hashable, CustomStringConvertible {
    /// One flag per stakeholder, in scenario order.
    public let members: [Bool]

    /// The coalition of the stakeholders at `indices` among `size`; indices outside 0..<size are ignored.
    public init(size: Int, indices: some Sequence<Int>) {
        var members = [Bool](repeating: false, count: Swift.max(0, size))
        for index in indices where members.indices.contains(index) { members[index] = true }
        self.members = members
    }

    /// Everyone.
    public static func grand(_ size: Int) -> Coalition { Coalition(size: size, indices: 0..<Swift.max(0, size)) }

    /// Everyone but `index`.
    public static func without(_ index: Int, size: Int) -> Coalition {
        Coalition(size: size, indices: (0..<Swift.max(0, size)).filter { $0 != index })
    }

    /// The coalition whose members are the set bits of `mask` (bit i: stakeholder i).
    init(size: Int, mask: Int) {
        members = (0..<Swift.max(0, size)).map { mask & (1 << $0) != 0 }
    }

    /// Number of stakeholders the coalition is drawn from.
    public var size: Int { members.count }
    /// Whether stakeholder `index` is in the coalition.
    public func contains(_ index: Int) -> Bool { members.indices.contains(index) && members[index] }
    /// The members' indices, ascending.
    public var indices: [Int] { members.indices.filter { members[$0] } }
    /// Number of members.
    public var count: Int { members.reduce(0) { $0 + ($1 ? 1 : 0) } }
    public var isEmpty: Bool { !members.contains(true) }

    public var description: String { "{" + indices.map(String.init).joined(separator: ", ") + "}" }
}
