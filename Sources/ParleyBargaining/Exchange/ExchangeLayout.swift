import ParleyCore

/// Maps a scenario onto the exchange model's normalised board and back: positions to 0–100
/// per issue (decide's `Issue.normalize`: (x − min) · 100/(max − min)), saliences to 0–1.
struct ExchangeLayout: Sendable {
    let scenario: Scenario
    /// 100/(max − min) per issue, decide's `step_size`.
    let step: [Double]

    init(_ scenario: Scenario) {
        self.scenario = scenario
        step = scenario.issues.map { 100 / ($0.scale.max - $0.scale.min) }
    }

    /// The scenario on a board of `N`, computed as decide computes it from the TSV Parley
    /// writes: x normalised as (x − min)·(100/(max − min)), salience divided by 100. In exact
    /// arithmetic capabilities are also divided by the largest when that exceeds 1, as the
    /// TSV writer divides them (binary keeps them as they are: only ratios matter there).
    func board<N: ExchangeNumber>(_: N.Type) -> ExchangeBoard<N> {
        let issues = scenario.issues
        let count = scenario.stakeholders.count
        let largest = scenario.stakeholders.flatMap { s in s.stances.map { $0.capability ?? s.capability } }.max() ?? 0
        let divisor = N.isExact && largest > 1 ? largest : 1
        var position = [[N]](repeating: [N](repeating: .zero, count: count), count: issues.count)
        var salience = position, power = position
        var present = [[Bool]](repeating: [Bool](repeating: false, count: count), count: issues.count)
        for (issueIndex, issue) in issues.enumerated() {
            let low = N(input: issue.scale.min)
            let step = N.hundred / (N(input: issue.scale.max) - low)
            for (actor, stakeholder) in scenario.stakeholders.enumerated() {
                guard let stance = stakeholder.stance(on: issue.id) else { continue }
                present[issueIndex][actor] = true
                position[issueIndex][actor] = (N(input: stance.position) - low) * step
                salience[issueIndex][actor] = N(input: stance.salience) / N.hundred
                let capability = stakeholder.capability(on: issue.id)
                power[issueIndex][actor] = N(input: divisor == 1 ? capability : capability / divisor)
            }
        }
        return ExchangeBoard(position: position, salience: salience, power: power, present: present)
    }

    /// A normalised value of issue `index` on the issue's own scale (decide's `de_normalize`).
    func onScale(_ value: Double, issue index: Int) -> Double {
        value == 0 ? scenario.issues[index].scale.min : value / step[index] + scenario.issues[index].scale.min
    }

    /// Every stakeholder's positions on `board`, in scenario order and stance order.
    func positions<N>(_ board: ExchangeBoard<N>) -> [Trajectory.StakeholderPositions] {
        scenario.stakeholders.enumerated().map { actor, stakeholder in
            Trajectory.StakeholderPositions(stakeholder: stakeholder.id, values: stakeholder.stances.compactMap { stance in
                guard let issue = scenario.issues.firstIndex(where: { $0.id == stance.issue }) else { return nil }
                return Trajectory.IssueValue(issue: stance.issue, value: onScale(board.position[issue][actor].double, issue: issue))
            })
        }
    }

    /// NBS values per issue on the issues' scales; issues without one are left out.
    func outcome<N: ExchangeNumber>(_ nbs: [N?]) -> [Trajectory.IssueValue] {
        scenario.issues.indices.compactMap { issue in
            nbs[issue].map { Trajectory.IssueValue(issue: scenario.issues[issue].id, value: onScale($0.double, issue: issue)) }
        }
    }

    /// The public record of a realised exchange.
    func realized<N>(_ exchange: CandidateExchange<N>) -> RealizedExchange {
        RealizedExchange(gain: exchange.gain.double, moves: [exchange.i, exchange.j].map { side in
            ExchangeMove(stakeholder: scenario.stakeholders[side.actor].id, issue: scenario.issues[side.supplyIssue].id,
                         demandIssue: scenario.issues[side.demandIssue].id,
                         from: onScale(side.supplyPosition.double, issue: side.supplyIssue),
                         to: onScale(side.y.double, issue: side.supplyIssue))
        })
    }
}
