import ParleyCore

/// Turns a `Scenario` into the `parley/1` document tree, in the order the format shows.
enum ScenarioEncoder {
    static func tree(_ scenario: Scenario) -> OutputNode {
        .map([
            ("format", .text(Scenario.formatTag)),
            ("name", .text(scenario.name)),
            ("summary", scenario.summary.map(OutputNode.text)),
            ("as_of", scenario.asOf.map(OutputNode.text)),
            ("sources", scenario.sources.isEmpty ? nil : .sequence(scenario.sources.map(source), flow: false)),
            ("forum", scenario.forum.map(forum)),
            ("issues", .sequence(scenario.issues.map(issue), flow: false)),
            ("stakeholders", .sequence(scenario.stakeholders.map(stakeholder), flow: false)),
            ("notes", scenario.notes.isEmpty ? nil : .sequence(scenario.notes.map(note), flow: false)),
            ("uncertainty", scenario.uncertainty.map(uncertainty)),
            ("models", scenario.models.isEmpty ? nil : models(scenario.models)),
        ])
    }

    private static func source(_ source: Source) -> OutputNode {
        .map([
            ("id", .text(source.id)),
            ("title", .text(source.title)),
            ("author", source.author.map(OutputNode.text)),
            ("date", source.date.map(OutputNode.text)),
            ("url", source.url.map(OutputNode.text)),
            ("note", source.note.map(OutputNode.text)),
            ("text", source.text.map(OutputNode.text)),
        ], flow: true)
    }

    private static func forum(_ forum: Forum) -> OutputNode {
        .map([
            ("rule", .text(forum.rule.rawValue)),
            ("members", forum.members.map { .sequence($0.map(OutputNode.text), flow: true) }),
            ("threshold", forum.threshold.map(OutputNode.number)),
            ("setter", forum.setter.map(OutputNode.text)),
            ("status_quo_cost", forum.statusQuoCost == 0 ? nil : .number(forum.statusQuoCost)),
        ])
    }

    private static func note(_ note: ScenarioNote) -> OutputNode {
        .map([
            ("id", .text(note.id)),
            ("about", note.about.map(OutputNode.text)),
            ("title", note.title.map(OutputNode.text)),
            ("text", .text(note.text)),
            ("evidence", evidenceList(note.evidence)),
        ])
    }

    private static func evidence(_ evidence: Evidence) -> OutputNode {
        .map([
            ("source", .text(evidence.source)),
            ("quote", .text(evidence.quote)),
            ("kind", evidence.kind == .quote ? nil : .text(evidence.kind.rawValue)),
            ("date", evidence.date.map(OutputNode.text)),
            ("about", evidence.about.map { .text($0.rawValue) }),
            ("page", evidence.page.map(OutputNode.text)),
            ("note", evidence.note.map(OutputNode.text)),
        ], flow: true)
    }

    private static func evidenceList(_ list: [Evidence]) -> OutputNode? {
        list.isEmpty ? nil : .sequence(list.map(evidence), flow: false)
    }

    private static func issue(_ issue: PolicyIssue) -> OutputNode {
        let scale = OutputNode.map([
            ("min", .number(issue.scale.min)),
            ("max", .number(issue.scale.max)),
            ("unit", issue.scale.unit.map(OutputNode.text)),
        ], flow: true)
        let anchors: OutputNode? = issue.anchors.isEmpty
            ? nil : .mapping(issue.anchors.map { (.number($0.value), .text($0.label)) }, flow: true)
        let observed = issue.observed.map { observed in
            OutputNode.map([
                ("value", .number(observed.value)),
                ("range", observed.range.map { .sequence([.number($0.lowerBound), .number($0.upperBound)], flow: true) }),
                ("source", observed.source.map(OutputNode.text)),
                ("note", observed.note.map(OutputNode.text)),
            ])
        }
        let statusQuo = issue.statusQuo.map { statusQuo in
            OutputNode.map([
                ("value", .number(statusQuo.value)),
                ("evidence", evidenceList(statusQuo.evidence)),
            ], flow: statusQuo.evidence.isEmpty)
        }
        return .map([
            ("id", .text(issue.id)),
            ("name", .text(issue.name)),
            ("description", issue.description.map(OutputNode.text)),
            ("scale", scale),
            ("anchors", anchors),
            ("status_quo", statusQuo),
            ("observed", observed),
        ])
    }

    private static func stakeholder(_ stakeholder: Stakeholder) -> OutputNode {
        .map([
            ("id", .text(stakeholder.id)),
            ("name", .text(stakeholder.name)),
            ("description", stakeholder.description.map(OutputNode.text)),
            ("capability", valueWithSpread(stakeholder.capability, stakeholder.capabilitySpread)),
            ("evidence", evidenceList(stakeholder.evidence)),
            ("stances", .mapping(stakeholder.stances.map { (.name($0.issue), stance($0)) }, flow: false)),
        ])
    }

    private static func stance(_ stance: Stance) -> OutputNode {
        .map([
            ("position", valueWithSpread(stance.position, stance.positionSpread)),
            ("salience", valueWithSpread(stance.salience, stance.salienceSpread)),
            ("capability", stance.capability.map { valueWithSpread($0, stance.capabilitySpread) }),
            ("evidence", evidenceList(stance.evidence)),
            ("codings", stance.codings.isEmpty ? nil : .sequence(stance.codings.map { coding in
                .map([("coder", .text(coding.coder)), ("position", .number(coding.position)), ("salience", .number(coding.salience))], flow: true)
            }, flow: false)),
        ])
    }

    private static func valueWithSpread(_ value: Double, _ spread: Spread?) -> OutputNode {
        guard let spread else { return .number(value) }
        return .mapping([(.name("value"), .number(value))] + spreadEntries(spread), flow: true)
    }

    private static func spreadEntries(_ spread: Spread) -> [(OutputKey, OutputNode)] {
        switch spread {
        case .sd(let sd): [(.name("sd"), .number(sd))]
        case .relativeSD(let sd): [(.name("relative-sd"), .number(sd))]
        case .range(let lower, let upper): [(.name("range"), .sequence([.number(lower), .number(upper)], flow: true))]
        }
    }

    private static func uncertainty(_ uncertainty: Uncertainty) -> OutputNode {
        .map([
            ("position", uncertainty.position.map { .mapping(spreadEntries($0), flow: true) }),
            ("salience", uncertainty.salience.map { .mapping(spreadEntries($0), flow: true) }),
            ("capability", uncertainty.capability.map { .mapping(spreadEntries($0), flow: true) }),
        ])
    }

    private static func models(_ models: ModelSettings) -> OutputNode {
        .mapping((models.spatial.map { [(OutputKey.name("spatial"), spatial($0))] } ?? []) + models.options.map { options in
            (.name(options.model), .mapping(options.entries.map { entry in
                switch entry.value {
                case .text(let text): (.name(entry.key), .text(text))
                case .number(let number): (.name(entry.key), .number(number))
                }
            }, flow: true))
        }, flow: false)
    }

    private static func spatial(_ settings: SpatialSettings) -> OutputNode {
        let adjustments: OutputNode? = settings.idealAdjustments.isEmpty ? nil : .sequence(settings.idealAdjustments.map {
            .map([("adjusting", .text($0.adjusting)), ("reference", .text($0.reference)), ("adjust", .number($0.adjust))], flow: true)
        }, flow: false)
        return .map([
            ("victory-prob-model", .text(settings.victoryProbModel.rawValue)),
            ("pce-model", .text(settings.pceModel.rawValue)),
            ("state-transitions", .text(settings.stateTransitions.rawValue)),
            ("voting-rule", .text(settings.votingRule.rawValue)),
            ("big-r-adjust", .text(settings.bigRAdjust.rawValue)),
            ("big-r-range", .text(settings.bigRRange.rawValue)),
            ("third-party-commit", .text(settings.thirdPartyCommit.rawValue)),
            ("inter-vec-bargain", .text(settings.interVecBargain.rawValue)),
            ("bargain-model", .text(settings.bargainModel.rawValue)),
            ("seed", settings.seed.map { .literal(String($0)) }),
            ("ideal-adjustments", adjustments),
        ])
    }
}
