/// A named point on an issue's scale, such as `50: half` on a share issue.
public struct Anchor: Sendable, Hashable {
    public let value: Double
    public let label: String

    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}

/// What history records as the outcome of an issue, for scoring forecasts.
///
/// `value` is required even with a `range`: scoring needs a point (give the midpoint when the
/// sources support no best value). Monte Carlo draws the outcome from the range with a
/// triangular distribution whose mode is `value` (see `InputSampler.drawObserved`).
public struct ObservedOutcome: Sendable, Hashable {
    /// The best single value on the issue's scale.
    public let value: Double
    /// The spread of values that the sources support, when they disagree: on the issue's
    /// scale, with `lower <= value <= upper` (checked by ``PolicyIssue``).
    public let range: ClosedRange<Double>?
    /// The id of the ``Source`` that records it.
    public let source: String?
    public let note: String?

    public init(value: Double, range: ClosedRange<Double>? = nil, source: String? = nil, note: String? = nil) {
        self.value = value
        self.range = range
        self.source = source
        self.note = note
    }
}

/// The reference point of an issue: the outcome if no agreement is reached (the reversion
/// point of procedural models), with the evidence for it.
public struct StatusQuo: Sendable, Hashable {
    /// On the issue's scale (checked by ``PolicyIssue``).
    public let value: Double
    public let evidence: [Evidence]

    public init(value: Double, evidence: [Evidence] = []) {
        self.value = value
        self.evidence = evidence
    }
}

/// One question under negotiation, with positions on a numeric scale.
public struct PolicyIssue: Sendable, Hashable, Identifiable {
    /// Unique among the scenario's issues; see ``Identifier``.
    public let id: String
    public let name: String
    public let description: String?
    public let scale: Scale
    /// Named points, sorted by value, each on the scale, no two at one value.
    public let anchors: [Anchor]
    public let observed: ObservedOutcome?
    /// The outcome if no agreement is reached (`status_quo:`), on the scale; optional.
    public let statusQuo: StatusQuo?

    /// Creates an issue.
    /// - Throws: ``ScenarioErrors`` for a malformed id, an empty name, an anchor, an observed
    ///   value, an observed range or a status quo off the scale, an observed value outside its
    ///   own range, or two anchors at one value. Paths are relative to the issue.
    public init(
        id: String, name: String, description: String? = nil, scale: Scale, anchors: [Anchor] = [],
        observed: ObservedOutcome? = nil, statusQuo: StatusQuo? = nil
    ) throws(ScenarioErrors) {
        var errors: [ScenarioError] = []
        if let error = Identifier.check(id, at: ["id"]) { errors.append(error) }
        if name.trimmingWhitespace().isEmpty {
            errors.append(ScenarioError(.invalidValue, at: ["name"], "expected a non-empty name"))
        }
        var seen = Set<Double>()
        for anchor in anchors {
            let path: ScenarioPath = ["anchors", .key(NumberText.plain(anchor.value))]
            if !anchor.value.isFinite {
                errors.append(ScenarioError(.notFinite, at: path, "anchor values must be finite numbers"))
            } else if !scale.contains(anchor.value) {
                errors.append(ScenarioError(.outOfRange, at: path, "anchor \(NumberText.plain(anchor.value)) is outside the scale \(scale.rangeText) of issue '\(id)'"))
            }
            if !seen.insert(anchor.value).inserted {
                errors.append(ScenarioError(.duplicate, at: path, "two anchors at \(NumberText.plain(anchor.value))"))
            }
        }
        if let observed {
            errors += Self.check(observed, on: scale, issue: id)
        }
        if let statusQuo {
            let path: ScenarioPath = ["status_quo", "value"]
            if !statusQuo.value.isFinite {
                errors.append(ScenarioError(.notFinite, at: path, "expected a finite number, found \(NumberText.plain(statusQuo.value))"))
            } else if !scale.contains(statusQuo.value) {
                errors.append(ScenarioError(
                    .outOfRange, at: path,
                    "status quo \(NumberText.plain(statusQuo.value)) is outside the scale \(scale.rangeText) of issue '\(id)'",
                    hint: "the status quo is the outcome if no deal is reached, on the issue's own scale"))
            }
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        self.id = id
        self.name = name
        self.description = description
        self.scale = scale
        self.anchors = anchors.sorted { $0.value < $1.value }
        self.observed = observed
        self.statusQuo = statusQuo
    }

    private static func check(_ observed: ObservedOutcome, on scale: Scale, issue: String) -> [ScenarioError] {
        var errors: [ScenarioError] = []
        let valuePath: ScenarioPath = ["observed", "value"]
        if !observed.value.isFinite {
            errors.append(ScenarioError(.notFinite, at: valuePath, "expected a finite number, found \(NumberText.plain(observed.value))"))
        } else if !scale.contains(observed.value) {
            errors.append(ScenarioError(
                .outOfRange, at: valuePath,
                "observed outcome \(NumberText.plain(observed.value)) is outside the scale \(scale.rangeText) of issue '\(issue)'"))
        }
        if let range = observed.range {
            let rangePath: ScenarioPath = ["observed", "range"]
            if !range.lowerBound.isFinite || !range.upperBound.isFinite {
                errors.append(ScenarioError(.notFinite, at: rangePath, "range bounds must be finite numbers"))
            } else if !scale.contains(range.lowerBound) || !scale.contains(range.upperBound) {
                errors.append(ScenarioError(.outOfRange, at: rangePath, "observed range \(NumberText.plain(range.lowerBound))...\(NumberText.plain(range.upperBound)) leaves the scale \(scale.rangeText) of issue '\(issue)'"))
            } else if observed.value.isFinite, !range.contains(observed.value) {
                errors.append(ScenarioError(.outOfRange, at: rangePath, "observed value \(NumberText.plain(observed.value)) is outside its own range \(NumberText.plain(range.lowerBound))...\(NumberText.plain(range.upperBound))"))
            }
        }
        if let source = observed.source, let error = Identifier.check(source, at: ["observed", "source"]) {
            errors.append(error)
        }
        return errors
    }

    /// The anchor nearest to `value`; on a tie, the lower anchor. `nil` when there are none.
    public func nearestAnchor(to value: Double) -> Anchor? {
        var best: Anchor?
        for anchor in anchors {
            if let current = best, abs(current.value - value) <= abs(anchor.value - value) { continue }
            best = anchor
        }
        return best
    }
}
