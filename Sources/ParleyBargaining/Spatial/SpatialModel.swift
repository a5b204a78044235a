public import ParleyCore

/// KTAB's spatial model of politics (SMP), turn by turn on joint multi-dimensional positions.
///
/// Each turn (Wise, Jebran & Lester's KTAB, KAPSARC 2015–2019; `smp.cpp`, `smpbcn.cpp`):
/// 1. every actor infers risk attitudes from a risk-neutral PCE over the positions and
///    estimates everyone's utilities (`SpatialSettings.BigRRange`, `SpatialSettings.BigRAdjust`);
/// 2. each actor picks the challenge with the largest expected gain to itself, weighing the
///    principals' and third parties' votes (`SpatialSettings.ThirdPartyCommit`);
/// 3. it proposes a bargain interpolated between the two positions
///    (`SpatialSettings.InterVecBargain`, `SpatialSettings.BargainModel`);
/// 4. each actor's queue (status quo and the bargains it is party to) is resolved by a PCE
///    among all actors (`SpatialSettings.VotingRule`, `SpatialSettings.VictoryProbModel`,
///    `SpatialSettings.PCEModel`); the most probable, or a draw
///    (`SpatialSettings.StateTransitions`), gives its new position;
/// 5. ideals follow the positions through the accommodation matrix;
/// 6. the run stops when the turn's change falls below 2% of the first turn's (from turn 2),
///    or after 100 turns.
///
/// With default settings it reproduces KTAB's reference run of `dummyData_3Dim.csv` (turns,
/// fractional changes, positions, win probabilities). Stochastic transitions draw from
/// `RandomStream(seed: settings.seed ?? seed, index: turn, purpose: "spatial-transitions")`,
/// one uniform per actor per turn, so runs are reproducible (KTAB's are not).
///
/// Inputs: positions map to 0–100 by each issue's scale, saliences are 0–100 (an actor's are
/// scaled down to sum to 100 when they exceed it, as KTAB requires), capability is the
/// stakeholder's (per-issue overrides are not used: KTAB's capability is one number). A
/// stakeholder without a stance on an issue has salience 0 there and sits at the capability ×
/// salience weighted mean of the others; it is not reported on that issue.
///
/// The forecast per issue is the final state's PCE-probability-weighted mean of the distinct
/// positions; ``SpatialRun`` also gives the most probable position and KTAB's per-actor win
/// probabilities. Each trajectory round carries the same forecast for its state.
///
/// - Complexity: O(n³ + n² d) per turn for n actors on d dimensions (KTAB: O(n⁴)).
public struct SpatialModel: BargainingModel {
    /// KTAB's stopping rule (`smpStopFn` as `configExec` sets it up).
    public struct StopRule: Sendable, Hashable, Codable {
        /// No stop before this turn (KTAB: 2).
        public var minimumTurns = 2
        /// Always stop at this turn (KTAB: 100).
        public var maximumTurns = 100
        /// Stop when a turn's change is below this fraction of the first turn's (KTAB: 0.02).
        public var fractionalChange = 0.02
        /// Added to the first turn's change to avoid 0/0 (KTAB: 1e-4, in 0–1 units).
        public var minimumFirstChange = 1e-4

        public init() {}
    }

    public let name = "spatial"
    public let summary = "KTAB spatial model: challenges, bargains and votes, turn by turn"
    /// The run's seed for stochastic transitions when the scenario's settings give none.
    public var seed: UInt64
    /// How bargains are valued; both give the same runs, ``Valuation/incremental`` faster.
    public var valuation: Valuation
    public var stopRule: StopRule

    /// - Parameters:
    ///   - seed: the seed of stochastic transitions when `models.spatial.seed` is absent.
    ///   - valuation: how bargains are valued (same results either way).
    ///   - stopRule: KTAB's stopping rule by default.
    public init(seed: UInt64 = 0, valuation: Valuation = .incremental, stopRule: StopRule = StopRule()) {
        self.seed = seed
        self.valuation = valuation
        self.stopRule = stopRule
    }

    public func run(_ scenario: Scenario) throws(ModelError) -> ModelRun {
        let detail = try simulate(scenario)
        let dimensions = detail.issues
        let trajectory = Trajectory(rounds: detail.states.map { state in
            let forecast = zip(dimensions, state.expectedPosition).compactMap { id, percent -> Trajectory.IssueValue? in
                guard let issue = scenario.issue(id) else { return nil }
                return Trajectory.IssueValue(issue: id, value: issue.scale.clamp(issue.scale.fromPercent(percent)))
            }
            return Trajectory.Round(index: state.index, positions: positions(scenario, detail, state), forecast: forecast)
        })
        let final = trajectory.last?.forecast ?? []
        let outcomes = scenario.issues.map { issue in
            guard let value = final.first(where: { $0.issue == issue.id }) else {
                return IssueOutcome(issue: issue.id, value: nil,
                                    note: "no stakeholder with capability and salience above 0 takes a stance on '\(issue.id)'")
            }
            return IssueOutcome(issue: issue.id, value: value.value)
        }
        return ModelRun(model: name, outcomes: outcomes, trajectory: trajectory, stopReason: detail.stopReason)
    }

    /// Runs the model and returns every state and turn in KTAB's terms.
    /// - Throws: ``ModelError`` when fewer than two stakeholders weigh in, the ideal
    ///   adjustments are invalid, or a Markov PCE does not converge in 1000 iterations.
    public func simulate(_ scenario: Scenario) throws(ModelError) -> SpatialRun {
        let settings = scenario.models.spatial ?? SpatialSettings()
        let input = try SpatialInput(scenario: scenario, settings: settings, model: name)
        let engine = SpatialEngine(problem: input.problem, valuation: valuation, stopRule: stopRule,
                                   seed: settings.seed ?? seed)
        do {
            let result = try engine.run(initial: input.initial)
            // A run cut short by a cancellation is never returned.
            if !Cancellation.isRequested { return try SpatialReport.make(result, input: input, scenario: scenario) }
        } catch {
            throw ModelError(
                model: name, message: "the \(error.model.rawValue) PCE did not converge in \(error.iterations) iterations",
                hint: "set pce-model: conditional under models.spatial")
        }
        throw ModelError.cancelled(name)
    }

    /// Every stakeholder's positions in `state`, in issue units; stakeholders left out, and
    /// issues that are not dimensions, keep their opening positions.
    private func positions(_ scenario: Scenario, _ run: SpatialRun, _ state: SpatialRun.State) -> [Trajectory.StakeholderPositions] {
        scenario.stakeholders.map { stakeholder in
            let actor = run.stakeholders.firstIndex(of: stakeholder.id)
            return Trajectory.StakeholderPositions(stakeholder: stakeholder.id, values: stakeholder.stances.map { stance in
                guard let actor, let k = run.issues.firstIndex(of: stance.issue), let issue = scenario.issue(stance.issue) else {
                    return Trajectory.IssueValue(issue: stance.issue, value: stance.position)
                }
                return Trajectory.IssueValue(issue: stance.issue, value: issue.scale.clamp(issue.scale.fromPercent(state.positions[actor][k])))
            })
        }
    }
}

/// Turns the engine's result (0–1 units) into a ``SpatialRun`` (0–100).
enum SpatialReport {
    static func make(_ result: SpatialEngine.Result, input: SpatialInput, scenario: Scenario) throws(SpatialPCE.NoConvergence) -> SpatialRun {
        let problem = input.problem
        let n = problem.actorCount
        let d = problem.dimensionCount
        var states: [SpatialRun.State] = []
        for (t, (points, assessment)) in zip(result.states, result.assessments).enumerated() {
            let win = try SpatialEngine.winProbabilities(points, assessment: assessment, problem: problem)
            let unique = assessment.uniqueIndices
            var expected = [Double](repeating: 0, count: d)
            for (u, actor) in unique.enumerated() {
                for k in 0..<d { expected[k] += win.unique[u] * points.positions[actor * d + k] * 100 }
            }
            let best = unique[SpatialResolution.mostProbable(win.unique)]
            states.append(SpatialRun.State(
                index: t,
                positions: (0..<n).map { a in (0..<d).map { points.positions[a * d + $0] * 100 } },
                riskAttitudes: assessment.risk,
                winProbabilities: win.actors,
                uniquePositions: zip(unique, win.unique).map { ($0, $1) },
                expectedPosition: expected,
                mostProbablePosition: (0..<d).map { points.positions[best * d + $0] * 100 },
                fractionalChange: t == 0 ? nil : result.fractionalChanges[t - 1]))
        }
        let turns = result.turns.enumerated().map { t, turn in
            SpatialRun.Turn(
                index: t + 1,
                challenges: turn.targets.enumerated().compactMap { i, target in
                    target.map { SpatialRun.Challenge(initiator: i, receiver: $0.receiver, probability: $0.estimate.probability, gain: $0.estimate.gain) }
                },
                bargains: turn.bargains.map {
                    SpatialRun.Bargain(initiator: $0.initiator, receiver: $0.receiver,
                                       initiatorPosition: $0.initiatorPosition.map { $0 * 100 },
                                       receiverPosition: $0.receiverPosition.map { $0 * 100 })
                },
                choices: (0..<n).map { k in
                    SpatialRun.Choice(options: turn.queues[k], probabilities: turn.probabilities[k], chosen: turn.chosen[k])
                })
        }
        return SpatialRun(
            stakeholders: input.actors.map { scenario.stakeholders[$0].id },
            issues: input.dimensions.map { scenario.issues[$0].id },
            excluded: input.excluded, states: states, turns: turns, stopReason: result.stopReason)
    }
}
