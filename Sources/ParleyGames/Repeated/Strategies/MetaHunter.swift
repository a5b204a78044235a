import ParleyCore

// Port of axelrod 4.14 `meta.py` MetaHunter and MetaHunterAggressive: a team of hunters,
// each keeping its own history (its own proposals against the opponent's actual moves).

/// Defects as soon as any hunter of the team proposes D; otherwise C, or Tit For Tat once
/// the opponent has played more than 100 rounds. O(team × hunter cost) per round.
struct MetaHunter: RepeatedStrategy {
    var team: [any RepeatedStrategy]
    var histories: [PlayHistory]
    var lastProposals: [Choice] = []

    init(aggressive: Bool) {
        var team: [any RepeatedStrategy] = [
            DefectorHunter(), AlternatorHunter(), RandomHunter(), MathConstantHunter(), CycleHunter(), EventualCycleHunter(),
        ]
        if aggressive { team.append(DefectorHunter(cooperators: true)) }
        self.team = team
        histories = Array(repeating: PlayHistory(), count: team.count)
    }

    mutating func choose(_ h: PlayHistory, random: inout RandomStream) -> Choice {
        if let theirs = h.theirLast, lastProposals.count == team.count {
            for k in histories.indices { histories[k].record(mine: lastProposals[k], theirs: theirs) }
        }
        var proposals: [Choice] = []
        proposals.reserveCapacity(team.count)
        for k in team.indices { proposals.append(team[k].choose(histories[k], random: &random)) }
        lastProposals = proposals
        if proposals.contains(.defect) { return .defect }
        if h.count > 100 { return h.theirLast == .defect ? .defect : .cooperate }
        return .cooperate
    }
}
