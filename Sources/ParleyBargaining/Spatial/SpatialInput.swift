import ParleyCore

/// A scenario translated into KTAB's units: who takes part, on which issues, and where.
struct SpatialInput: Sendable {
    /// Indices into `scenario.stakeholders` of the actors, in scenario order.
    let actors: [Int]
    /// Stakeholders left out: no capability or no salience on any issue.
    let excluded: [String]
    /// Indices into `scenario.issues` of the dimensions.
    let dimensions: [Int]
    let problem: SpatialProblem
    let initial: SpatialPoints

    /// - Throws: ``ModelError`` when fewer than two stakeholders have both capability and
    ///   salience, or the ideal adjustments are not a valid accommodation matrix.
    init(scenario: Scenario, settings: SpatialSettings, model: String) throws(ModelError) {
        let stakeholders = scenario.stakeholders
        func weighsIn(_ stakeholder: Stakeholder) -> Bool {
            stakeholder.capability > 0 && stakeholder.stances.contains { $0.salience > 0 }
        }
        let actors = stakeholders.indices.filter { weighsIn(stakeholders[$0]) }
        self.actors = actors
        excluded = stakeholders.filter { !weighsIn($0) }.map(\.id)
        guard actors.count >= 2 else {
            throw ModelError(
                model: model, message: "needs at least two stakeholders with capability and salience above 0; found \(actors.count)",
                hint: "give more stakeholders a capability and a stance with salience above 0")
        }
        let dimensions = scenario.issues.indices.filter { k in
            actors.contains { stakeholders[$0].stance(on: scenario.issues[k].id) != nil }
        }
        self.dimensions = dimensions
        let d = dimensions.count
        var capability: [Double] = []
        var salience: [Double] = []
        var positions: [Double] = []
        let placeholders = dimensions.map { Self.placeholder(scenario: scenario, issue: scenario.issues[$0], actors: actors) }
        for a in actors {
            let stakeholder = stakeholders[a]
            capability.append(stakeholder.capability)
            var row: [Double] = []
            for (k, issueIndex) in dimensions.enumerated() {
                let issue = scenario.issues[issueIndex]
                if let stance = stakeholder.stance(on: issue.id) {
                    positions.append(issue.scale.toPercent(stance.position) / 100)
                    row.append(stance.salience)
                } else {
                    positions.append(placeholders[k])
                    row.append(0)
                }
            }
            // KTAB needs an actor's saliences to sum to at most 100, as `parley convert` does.
            let total = row.reduce(0, +)
            let scale = total > 100 ? 100 / total : 1
            salience += row.map { $0 * scale / 100 }
        }
        let accommodation = try Self.accommodation(settings.idealAdjustments, scenario: scenario, actors: actors, model: model)
        problem = SpatialProblem(capability: capability, salience: salience, dimensionCount: d,
                                 accommodation: accommodation, settings: settings)
        initial = SpatialPoints(positions: positions, ideals: positions)
    }

    /// Where a stakeholder without a stance on an issue is placed (0–1): the capability ×
    /// salience weighted mean of the stances on it, or the middle of the scale. Its own
    /// salience there is 0, so only the others' distances use it.
    static func placeholder(scenario: Scenario, issue: PolicyIssue, actors: [Int]) -> Double {
        var weight = 0.0
        var sum = 0.0
        for a in actors {
            let stakeholder = scenario.stakeholders[a]
            guard let stance = stakeholder.stance(on: issue.id) else { continue }
            let w = stakeholder.capability * stance.salience
            weight += w
            sum += w * issue.scale.toPercent(stance.position) / 100
        }
        return weight > 0 ? sum / weight : 0.5
    }

    /// KTAB's accommodation matrix: the identity with each ideal adjustment's entry set;
    /// `nil` when it stays the identity.
    static func accommodation(
        _ adjustments: [SpatialSettings.IdealAdjustment], scenario: Scenario, actors: [Int], model: String
    ) throws(ModelError) -> SquareMatrix? {
        guard !adjustments.isEmpty else { return nil }
        let ids = actors.map { scenario.stakeholders[$0].id }
        var matrix = SquareMatrix(size: ids.count)
        for i in ids.indices { matrix[i, i] = 1 }
        for adjustment in adjustments {
            guard let i = ids.firstIndex(of: adjustment.adjusting), let j = ids.firstIndex(of: adjustment.reference) else {
                let unknown = ids.contains(adjustment.adjusting) ? adjustment.reference : adjustment.adjusting
                throw ModelError(
                    model: model, message: "ideal adjustment names '\(unknown)', which is not a stakeholder taking part",
                    hint: "name stakeholders with capability and salience above 0: \(ids.joined(separator: ", "))")
            }
            guard adjustment.adjust.isFinite, (0...1).contains(adjustment.adjust) else {
                throw ModelError(model: model, message: "ideal adjustment of '\(adjustment.adjusting)' toward '\(adjustment.reference)' is \(adjustment.adjust); expected 0...1")
            }
            matrix[i, j] = adjustment.adjust
        }
        for i in ids.indices {
            let total = (0..<ids.count).reduce(0.0) { $0 + matrix[i, $1] }
            guard total <= 1 + 1e-10 else {
                throw ModelError(
                    model: model, message: "the ideal adjustments of '\(ids[i])' sum to \(total); they must sum to at most 1",
                    hint: "its own entry starts at 1: add {adjusting: \(ids[i]), reference: \(ids[i]), adjust: ...} to lower it")
            }
        }
        var identity = SquareMatrix(size: ids.count)
        for i in ids.indices { identity[i, i] = 1 }
        return matrix == identity ? nil : matrix
    }
}
