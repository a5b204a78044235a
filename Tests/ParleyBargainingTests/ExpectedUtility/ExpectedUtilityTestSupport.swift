import Foundation
import ParleyBargaining
import ParleyCore

/// Builders shared by the expected-utility suites.
enum EUTestSupport {
    /// The EC mid-size car emission standards case as Examples/ec-car-emissions.yaml codes it
    /// (Scholz, Calbert and Smith 2011): (id, capability, position in years, salience 0-100).
    static let ecTable: [(id: String, capability: Double, position: Double, salience: Double)] = [
        ("netherlands", 0.08, 4, 80), ("belgium", 0.08, 7, 40), ("luxembourg", 0.03, 4, 20),
        ("germany", 0.16, 4, 80), ("france", 0.16, 10, 60), ("italy", 0.16, 10, 60),
        ("united-kingdom", 0.16, 10, 90), ("ireland", 0.05, 7, 10), ("denmark", 0.05, 4, 100),
        ("greece", 0.08, 7, 70),
    ]

    static func ec(capabilityFactor: Double = 1) throws -> Scenario {
        try oneIssue(ecTable.map { ($0.id, $0.capability * capabilityFactor, $0.position, $0.salience) },
                     issue: "standards-delay", scale: Scale(min: 4, max: 10, unit: "years"))
    }

    /// A one-issue scenario from (id, capability, position, salience 0-100) rows.
    static func oneIssue(_ rows: [(String, Double, Double, Double)], issue: String = "x", scale: Scale = .percent) throws -> Scenario {
        let policy = try PolicyIssue(id: issue, name: issue, scale: scale)
        let stakeholders = try rows.map { row in
            try Stakeholder(id: row.0, name: row.0, capability: row.1,
                            stances: [Stance(issue: issue, position: row.2, salience: row.3)])
        }
        return try Scenario(name: "test", issues: [policy], stakeholders: stakeholders)
    }

    /// The folder of committed fixtures written by scripts/eum_reference.py.
    static var fixtureFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/eum")
    }

    static func fixtureNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: fixtureFolder.path)
            .filter { $0.hasPrefix("ec-") && $0.hasSuffix(".json") }.sorted()
    }

    static func fixture(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: fixtureFolder.appendingPathComponent(name))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw FixtureError(message: "\(name) is not a JSON object")
        }
        return object
    }

    struct FixtureError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Parameters from the fixture's option names (the names scripts/eum_reference.py uses).
    static func parameters(_ json: [String: Any]) throws -> ExpectedUtilityModel.Parameters {
        func text(_ key: String) throws -> String {
            guard let value = json[key] as? String else { throw FixtureError(message: "missing option \(key)") }
            return value
        }
        func option<T: RawRepresentable>(_ key: String, _: T.Type) throws -> T where T.RawValue == String {
            guard let value = T(rawValue: try text(key)) else { throw FixtureError(message: "unknown value for \(key)") }
            return value
        }
        guard let q = json["q"] as? Double, let limit = json["round_limit"] as? Int,
              let tolerance = json["tolerance"] as? Double else {
            throw FixtureError(message: "missing q, round_limit or tolerance")
        }
        let t: ExpectedUtilityModel.ChangeForBetter = if let value = json["t"] as? Double { .fixed(value) } else { .conditional }
        return try ExpectedUtilityModel.Parameters(
            voteKernel: option("vote_kernel", ExpectedUtilityModel.VoteKernel.self),
            probability: option("probability", ExpectedUtilityModel.ProbabilityNormaliser.self),
            medianVoter: option("median", ExpectedUtilityModel.MedianVoter.self),
            q: q, t: t,
            riskReference: option("risk_reference", ExpectedUtilityModel.RiskReference.self),
            opponentRisk: option("opponent_risk", ExpectedUtilityModel.OpponentRisk.self),
            offerAcceptance: option("offer_acceptance", ExpectedUtilityModel.OfferAcceptance.self),
            capitulation: option("capitulation", ExpectedUtilityModel.Capitulation.self),
            scale: option("scale", ExpectedUtilityModel.ScaleWidth.self),
            roundLimit: limit, tolerance: tolerance)
    }

    /// The stop reason the fixture records.
    static func stop(_ json: [String: Any]) throws -> StopReason {
        switch json["reason"] as? String {
        case "converged": if let round = json["round"] as? Int { return .converged(round: round) }
        case "cycle": if let start = json["start"] as? Int, let period = json["period"] as? Int { return .cycle(start: start, period: period) }
        case "round_limit": if let limit = json["limit"] as? Int { return .roundLimit(limit) }
        default: break
        }
        throw FixtureError(message: "unreadable stop \(json)")
    }
}
