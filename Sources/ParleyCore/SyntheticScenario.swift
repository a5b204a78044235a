/// Random scenarios for property tests and benchmarks, reproducible from a seed.
///
/// Shaped like KTAB's generated test data: positions uniform on each issue's 0–100 scale,
/// capabilities uniform in 1–200, saliences drawn per stakeholder and scaled so they sum to
/// at most 100 across issues (KTAB's rule), every stakeholder with a stance on every issue.
public enum SyntheticScenario {
    /// A scenario with `stakeholders` parties and `issues` issues, drawn from `RandomStream(seed:purpose: "synthetic-scenario")`.
    /// - Precondition: `stakeholders >= 1`, `issues >= 1`.
    public static func make(stakeholders: Int, issues: Int, seed: UInt64) -> Scenario? {
        var stream = RandomStream(seed: seed, purpose: "synthetic-scenario")
        let issueList = (0..<max(1, issues)).compactMap { index in
            try? PolicyIssue(id: "dim-\(index)", name: "Dimension \(index)", scale: Scale.percent)
        }
        let parties = (0..<max(1, stakeholders)).compactMap { index -> Stakeholder? in
            let raw = issueList.map { _ in stream.nextUniform(0.05, 1) }
            let total = raw.reduce(0, +)
            let share = stream.nextUniform(0.5, 1)
            let stances = zip(issueList, raw).compactMap { issue, weight in
                try? Stance(issue: issue.id, position: rounded(stream.nextUniform(0, 100)),
                            salience: rounded(100 * share * weight / total, down: true))
            }
            return try? Stakeholder(id: "actor-\(index)", name: "Actor \(index)",
                                    capability: rounded(stream.nextUniform(1, 200)), stances: stances)
        }
        return try? Scenario(name: "Synthetic \(stakeholders) x \(issues) (seed \(seed))", issues: issueList, stakeholders: parties)
    }

    /// Two decimals, as KTAB's files carry them; `down` keeps sums from creeping over a bound.
    private static func rounded(_ value: Double, down: Bool = false) -> Double {
        let scaled = value * 100
        return (down ? scaled.rounded(.down) : scaled.rounded()) / 100
    }
}
