public import ParleyAnalysis
public import ParleyBargaining
public import ParleyCore

/// "Who won": each stakeholder's salience-weighted distance from its opening position to the
/// outcome, per model (and for history), with its rank.
public enum WinnersTable {
    public static func render(
        _ tables: [WinnersAndLosers], scenario: Scenario, width: Int = 80, style: TerminalStyle = .plain
    ) -> String {
        var table = TextTable(columns: [.init("stakeholder", minimumWidth: 10)]
            + tables.map { .init(shortName($0.source), alignment: .right, minimumWidth: 6) })
        for stakeholder in scenario.stakeholders {
            table.append([stakeholder.id] + tables.map { result in
                guard let standing = result.standing(of: stakeholder.id), let distance = standing.distance else { return "-" }
                return "\(NumberText.fixed(distance, digits: 1)) #\(standing.rank)"
            })
        }
        var lines = [style.bold("Who won") + ": distance from opening positions to the outcome", ""]
        lines.append(table.render(width: width, style: style))
        lines.append(style.dim(TextWrap.wrap(
            "Salience-weighted mean of |opening position - outcome| on a 0-100 scale; #1 is the stakeholder the outcome favours most.",
            width: width - 2)))
        let measured = tables.filter { table in table.standings.contains { $0.influence != nil || $0.gain != nil } }
        if !measured.isEmpty {
            var effects = TextTable(columns: [.init("stakeholder", minimumWidth: 10)]
                + measured.map { .init(shortName($0.source), alignment: .right, minimumWidth: 6) })
            for stakeholder in scenario.stakeholders {
                effects.append([stakeholder.id] + measured.map { result in
                    guard let standing = result.standing(of: stakeholder.id) else { return "-" }
                    let value = result.source == "history" ? standing.gain : standing.influence
                    return value.map(ForecastTable.signed) ?? "-"
                })
            }
            lines += ["", style.bold("Influence") + " (models) and " + style.bold("gain") + " (history)", ""]
            lines.append(effects.render(width: width, style: style))
            lines.append(style.dim(TextWrap.wrap(
                "Influence: how much nearer the model's outcome is to the stakeholder's position with it than in the same model run "
                    + "without it (0-100; near 0 with a small distance means lucky, not powerful). Gain: how much nearer the outcome "
                    + "is to its position than the status quo was (issues with a status quo).", width: width - 2)))
        }
        let shapley = tables.filter { $0.shapleyMethod != nil }
        if !shapley.isEmpty {
            var shares = TextTable(columns: [.init("stakeholder", minimumWidth: 10)]
                + shapley.map { .init(shortName($0.source), alignment: .right, minimumWidth: 6) })
            for stakeholder in scenario.stakeholders {
                shares.append([stakeholder.id] + shapley.map { result in
                    guard let share = result.standing(of: stakeholder.id)?.shapley else { return "-" }
                    return ForecastTable.signed(share) + "%"
                })
            }
            let sampled = shapley.compactMap { table -> String? in
                if case .sampled(let permutations) = table.shapleyMethod { return "\(shortName(table.source)): \(permutations) sampled orders" }
                return nil
            }
            lines += ["", style.bold("Shapley shares") + " of the outcome's movement from the status quo", ""]
            lines.append(shares.render(width: width, style: style))
            lines.append(style.dim(TextWrap.wrap(
                "Each stakeholder's average contribution to moving the outcome from the status quo (else the scale's middle) when the "
                    + "parties join the table in every possible order, as a share of the whole movement (all issues, 0-100 each); "
                    + "shares sum to 100%, a negative share held the outcome back. For the closed-form models only"
                    + (sampled.isEmpty ? "; exact." : "; " + sampled.joined(separator: ", ") + "."), width: width - 2)))
        }
        return lines.joined(separator: "\n")
    }

    /// Column titles short enough for eight columns in 80.
    static func shortName(_ model: String) -> String {
        switch model {
        case "weighted-mean": "mean"
        case "weighted-median": "median"
        case "expected-utility": "eu"
        case "exchange": "exch"
        case "spatial": "spatial"
        case "ensemble": "ens"
        default: model
        }
    }
}

/// The round-by-round table of `parley simulate`.
public enum TrajectoryTable {
    public static func render(_ run: ModelRun, scenario: Scenario, width: Int = 80, style: TerminalStyle = .plain) -> String {
        let issues = scenario.issues.prefix(5)
        var table = TextTable(columns: [.init("round", alignment: .right)] + issues.map { .init($0.id, alignment: .right, minimumWidth: 6) }
            + [.init("largest move", alignment: .right)])
        let rounds = run.trajectory.rounds
        let shown: [Int] = rounds.count <= 25 ? Array(rounds.indices) : Array(0..<12) + Array((rounds.count - 12)..<rounds.count)
        var previous: Trajectory.Round?
        for index in shown {
            let round = rounds[index]
            if index > 0, let last = previous, last.index + 1 != round.index {
                table.append(["..."])
            }
            let move: String
            if index > 0 {
                let before = rounds[index - 1]
                var largest = 0.0
                for party in round.positions {
                    for value in party.values {
                        if let old = before.position(of: party.stakeholder, on: value.issue), let issue = scenario.issue(value.issue) {
                            largest = max(largest, abs(value.value - old) / issue.scale.width * 100)
                        }
                    }
                }
                move = NumberText.fixed(largest, digits: 2)
            } else {
                move = ""
            }
            table.append(["\(round.index)"] + issues.map { issue in
                round.forecast.first { $0.issue == issue.id }.map { NumberText.fixed($0.value, digits: 2) } ?? "-"
            } + [move])
            previous = round
        }
        var lines = [style.bold("\(scenario.name): \(run.model)") + ", forecast per round (stopped: \(run.stopReason))", ""]
        lines.append(table.render(width: width, style: style))
        if scenario.issues.count > issues.count {
            lines.append(style.dim("(first \(issues.count) of \(scenario.issues.count) issues; --json has all)"))
        }
        lines.append(style.dim("largest move: the biggest change of any position that round, on a 0-100 scale"))
        return lines.joined(separator: "\n")
    }
}
