import ParleyCore

/// Maps a scenario onto the exchange model's normalised board and back: positions to 0–100
/// per issue (decide's `Issue.normalize`: (x − min) · 100/(max − min)), saliences to 0–1.
struct ExchangeLayout: Sendable {
    let scenario: Scenario
    /// 100/(max − min) per issue, decide's `step_size`.
    let step: [Double]
    let board: ExchangeBoard

    init(_ scenario: Scenario) {
        self.scenario = scenario
        let issues = scenario.issues
        step = issues.map { 100 / ($0.scale.max - $0.scale.min) }
        var position = [[Double]](repeating: [Double](repeating: 0, count: scenario.stakeholders.count), count: issues.count)
        var salience = position, power = position
        var present = [[Bool]](repeating: [Bool](repeating: false, count: scenario.stakeholders.count), count: issues.count)
        for (issueIndex, issue) in issues.enumerated() {
            for (actor, stakeholder) in scenario.stakeholders.enumerated() {
                guard let stance = stakeholder.stance(on: issue.id) else { continue }
                present[issueIndex][actor] = true
                position[issueIndex][actor] = (stance.position - issue.scale.min) * step[issueIndex]
                salience[issueIndex][actor] = stance.salience / 100
                power[issueIndex][actor] = stakeholder.capability(on: issue.id)
            }
        }
        board = ExchangeBoard(position: position, salience: salience, power: power, present: present)
    }

    /// A normalised value of issue `index` on the issue's own scale (decide's `de_normalize`).
    func onScale(_ value: Double, issue index: Int) -> Double {
        value == 0 ? scenario.issues[index].scale.min : value / step[index] + scenario.issues[index].scale.min
    }

    /// Every stakeholder's positions on `board`, in scenario order and stance order.
    func positions(_ board: ExchangeBoard) -> [Trajectory.StakeholderPositions] {
        scenario.stakeholders.enumerated().map { actor, stakeholder in
            Trajectory.StakeholderPositions(stakeholder: stakeholder.id, values: stakeholder.stances.compactMap { stance in
                guard let issue = scenario.issues.firstIndex(where: { $0.id == stance.issue }) else { return nil }
                return Trajectory.IssueValue(issue: stance.issue, value: onScale(board.position[issue][actor], issue: issue))
            })
        }
    }

    /// NBS values per issue on the issues' scales; issues without one are left out.
    func outcome(_ nbs: [Double?]) -> [Trajectory.IssueValue] {
        scenario.issues.indices.compactMap { issue in
            nbs[issue].map { Trajectory.IssueValue(issue: scenario.issues[issue].id, value: onScale($0, issue: issue)) }
        }
    }

    /// The public record of a realised exchange.
    func realized(_ exchange: CandidateExchange) -> RealizedExchange {
        RealizedExchange(gain: exchange.gain, moves: [exchange.i, exchange.j].map { side in
            ExchangeMove(stakeholder: scenario.stakeholders[side.actor].id, issue: scenario.issues[side.supplyIssue].id,
                         demandIssue: scenario.issues[side.demandIssue].id,
                         from: onScale(side.supplyPosition, issue: side.supplyIssue),
                         to: onScale(side.y, issue: side.supplyIssue))
        })
    }
}
