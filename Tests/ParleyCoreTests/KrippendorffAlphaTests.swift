import Foundation
import ParleyCore
import Testing

/// A case written by scripts/krippendorff_fixtures.sh (the krippendorff package 0.9.0 from PyPI).
struct AlphaFixture: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var data: [[Double?]]
    var alpha: Double?
    var testDescription: String { name }

    static let all: [AlphaFixture] = {
        struct File: Decodable { var cases: [AlphaFixture] }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/krippendorff.json")
        guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return file.cases
    }()
}

@Suite struct KrippendorffAlphaTests {
    @Test func fixturesAreThere() {
        #expect(AlphaFixture.all.count == 13)
    }

    @Test(arguments: AlphaFixture.all)
    func matchesTheKrippendorffPackage(_ fixture: AlphaFixture) throws {
        let alpha = try #require(KrippendorffAlpha.interval(fixture.data))
        let expected = try #require(fixture.alpha)
        #expect(abs(alpha - expected) < 1e-12, "\(fixture.name): \(alpha) vs \(expected)")
    }

    @Test func publishedExampleIs0849() throws {
        // Krippendorff (2011), "Computing Krippendorff's alpha-reliability": interval alpha 0.849.
        let example = try #require(AlphaFixture.all.first)
        #expect(abs(try #require(KrippendorffAlpha.interval(example.data)) - 0.849) < 0.0005)
    }

    @Test func handWorkedTwoUnits() throws {
        // Units [0, 2] and [4, 4]: n = 4 values, mean 2.5.
        // D_o = (1/4) * [ (2*(0-2)^2)/1 + 0 ] = 2; D_e = 2*4*sum((v-2.5)^2) / (4*3) = 8*11/12 = 7.333...
        // alpha = 1 - 2 / (22/3) = 1 - 6/22 = 0.727272...
        let alpha = try #require(KrippendorffAlpha.interval([[0, 2], [4, 4]]))
        #expect(abs(alpha - (1 - 6.0 / 22.0)) < 1e-12)
    }

    @Test func undefinedWithoutPairsOrVariation() {
        #expect(KrippendorffAlpha.interval([]) == nil)
        #expect(KrippendorffAlpha.interval([[1, nil], [nil, 2]]) == nil)  // no unit with two values
        #expect(KrippendorffAlpha.interval([[3, 3], [3, 3, 3]]) == nil)  // D_e = 0
    }

    @Test func perfectAgreementIsOne() {
        #expect(KrippendorffAlpha.interval([[1, 1], [5, 5, nil], [9, 9, 9]]) == 1)
    }

    @Test func scenarioReliabilityPoolsIssuesAsPercentOfScale() throws {
        // Issue a on 0-100, issue b on 0-10: the same codings in percent give the same alpha.
        let a = try PolicyIssue(id: "a", name: "A", scale: .percent)
        let b = try PolicyIssue(id: "b", name: "B", scale: Scale(min: 0, max: 10))
        func stance(_ issue: String, _ values: [(Double, Double)], scale: Double) throws -> Stance {
            try Stance(issue: issue, position: values[0].0 * scale, salience: 50,
                       codings: values.enumerated().map { try Coding(coder: "c\($0.offset)", position: $0.element.0 * scale, salience: $0.element.1) })
        }
        let parties = try [[(0.0, 10.0), (20, 30)], [(40, 50), (60, 50)], [(90, 80), (80, 90)]].enumerated().map { index, values in
            try Stakeholder(id: "p\(index)", name: "P\(index)", capability: 1, stances: [
                stance("a", values, scale: 1), stance("b", values, scale: 0.1),
            ])
        }
        let scenario = try Scenario(name: "r", issues: [a, b], stakeholders: parties)
        let reliability = CodingReliability(scenario: scenario)
        #expect(reliability.units == 6)
        #expect(reliability.coders == ["c0", "c1"])
        let perIssue = try #require(reliability.issues.first?.alpha.position)
        #expect(abs(perIssue - (try #require(KrippendorffAlpha.interval([[0, 20], [40, 60], [90, 80]])))) < 1e-12)
        #expect(reliability.issues[1].alpha.position.map { abs($0 - perIssue) < 1e-9 } == true)
        #expect(reliability.stances.count == 6)
        // Stakeholder p0 on b: positions 0 and 2 (scale 0-10): range 0-2, population sd 1.
        let p0b = try #require(reliability.stances.first { $0.stakeholder == "p0" && $0.issue == "b" })
        #expect(p0b.positionRange == 0...2)
        #expect(abs(p0b.positionSD - 1) < 1e-12)
        #expect(p0b.salienceSD == 10)
    }
}
