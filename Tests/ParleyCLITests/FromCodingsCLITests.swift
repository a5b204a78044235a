import Foundation
import Testing

/// `parley sensitivity --from-codings`: coders' disagreement flows into the Monte Carlo answers.
@Suite struct FromCodingsCLITests {
    /// No input uncertainty at all (every spread 0): only the coders can vary the inputs. A sits
    /// at 40 coded by two coders at 0 and 100; B at 60 with no codings; equal weights.
    static let scenario = """
        format: parley/1
        name: Coders
        uncertainty: {position: {sd: 0}, salience: {sd: 0}, capability: {relative-sd: 0}}
        issues:
          - {id: x, name: X, scale: {min: 0, max: 100}}
        stakeholders:
          - id: a
            name: A
            capability: 1
            stances:
              x: {position: 40, salience: 50, codings: [{coder: c1, position: 0, salience: 50}, {coder: c2, position: 100, salience: 50}]}
          - {id: b, name: B, capability: 1, stances: {x: {position: 60, salience: 50}}}

        """

    func sensitivity(_ extra: [String]) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(try output(extra).utf8)) as? [String: Any] ?? [:]
    }

    func output(_ extra: [String]) throws -> String {
        let directory = try ParleyProcess.temporaryDirectory()
        let path = directory + "/coders.yaml"
        try Self.scenario.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ParleyProcess.run(["sensitivity", path, "--runs", "400", "--seed", "5", "--model", "weighted-mean", "--json", "--no-store"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    func meanAndSD(_ object: [String: Any]) throws -> (Double, Double) {
        let distribution = try #require((object["summaries"] as? [[String: Any]])?.first)
        return (try #require(distribution["mean"] as? Double), try #require(distribution["sd"] as? Double))
    }

    @Test func codersVaryTheForecastOnlyWhenAsked() throws {
        // Without the flag nothing varies: the weighted mean is (40 + 60) / 2 = 50 in every run.
        let plain = try sensitivity([])
        let (plainMean, plainSD) = try meanAndSD(plain)
        #expect(abs(plainMean - 50) < 1e-9)
        #expect(plainSD < 1e-9)
        #expect(plain["from_codings"] == nil)
        // With it, A's position is 0 or 100 with probability 1/2 each: the forecast is 30 or 80,
        // mean 55, standard deviation 25 (up to sampling error: 400 draws, se of the mean 1.25).
        let coded = try sensitivity(["--from-codings"])
        let (mean, sd) = try meanAndSD(coded)
        #expect(abs(mean - 55) < 5)
        #expect(abs(sd - 25) < 1.5)
        #expect(coded["from_codings"] as? Bool == true)
        // Same seed, same bytes.
        #expect(try output(["--from-codings"]) == (try output(["--from-codings"])))
    }
}
