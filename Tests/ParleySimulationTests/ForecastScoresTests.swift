import Foundation
import ParleyCore
import ParleySimulation
import PropertyBased
import Testing

/// One case of `Fixtures/properscoring/crps.json`, written by `scripts/properscoring_fixtures.sh`
/// (properscoring 0.1's `crps_ensemble`; numpy's default type-7 quantiles for the intervals).
struct ProperscoringCase: Decodable, Sendable, CustomTestStringConvertible {
    var name: String
    var sample: [Double]
    var observation: Double
    var crps: Double
    var central_50: [Double]
    var central_80: [Double]

    var testDescription: String { name }

    static let all: [ProperscoringCase] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/properscoring/crps.json")
        struct File: Decodable { var cases: [ProperscoringCase] }
        guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return file.cases
    }()
}

@Suite struct ForecastScoresTests {
    @Test func theFixtureIsThere() {
        #expect(ProperscoringCase.all.count == 8)
    }

    @Test(arguments: ProperscoringCase.all)
    func crpsMatchesProperscoring(_ fixture: ProperscoringCase) throws {
        let crps = try #require(ForecastScores.crps(sample: fixture.sample, observation: fixture.observation))
        #expect(abs(crps - fixture.crps) <= 1e-9 * max(1, fixture.crps), "\(fixture.name): \(crps) vs properscoring \(fixture.crps)")
        // Draw order does not matter.
        let reversed = try #require(ForecastScores.crps(sample: fixture.sample.reversed(), observation: fixture.observation))
        #expect(abs(reversed - crps) <= 1e-12 * max(1, crps))
    }

    @Test(arguments: ProperscoringCase.all)
    func centralIntervalsMatchNumpy(_ fixture: ProperscoringCase) throws {
        for (level, expected) in [(0.5, fixture.central_50), (0.8, fixture.central_80)] {
            let interval = try #require(ForecastScores.centralInterval(sample: fixture.sample, level: level))
            #expect(abs(interval.lowerBound - expected[0]) <= 1e-9 && abs(interval.upperBound - expected[1]) <= 1e-9,
                    "\(fixture.name) \(level): \(interval) vs numpy \(expected)")
        }
    }

    @Test func handWorkedCases() throws {
        // One point: the absolute error. |42 - 60| = 18.
        #expect(ForecastScores.crps(sample: [42], observation: 60) == 18)
        // {40, 70} at 60: E|X - y| = (20 + 10)/2 = 15; E|X - X'| = (0 + 30 + 30 + 0)/4 = 15; 15 - 7.5 = 7.5.
        #expect(ForecastScores.crps(sample: [40, 70], observation: 60) == 7.5)
        // {0, 10, 20, 30}: type-7 quantile at 0.25 is 0 + 0.75 * 10 = 7.5, at 0.75 is 20 + 0.25 * 10 = 22.5.
        #expect(ForecastScores.centralInterval(sample: [30, 0, 20, 10], level: 0.5) == 7.5...22.5)
        #expect(ForecastScores.covers(sample: [30, 0, 20, 10], observation: 7.5, level: 0.5) == true)
        #expect(ForecastScores.covers(sample: [30, 0, 20, 10], observation: 7.4, level: 0.5) == false)
        #expect(ForecastScores.crps(sample: [], observation: 1) == nil)
        #expect(ForecastScores.crps(sample: [1, .nan], observation: 1) == nil)
        #expect(ForecastScores.centralInterval(sample: [1, 2], level: 1) == nil)
    }

    @Test func aConstantSampleScoresItsAbsoluteError() async {
        await propertyCheck(count: 200, input: Gen.double(in: -100...100), Gen.double(in: -100...100), Gen.int(in: 1...50)) { x, y, n in
            let crps = ForecastScores.crps(sample: Array(repeating: x, count: n), observation: y) ?? .nan
            #expect(abs(crps - abs(x - y)) <= 1e-12 * max(1, abs(x - y)))
        }
    }

    @Test func sortedFormulaEqualsTheQuadraticDefinition() async {
        await propertyCheck(count: 100, input: Gen.uint64(in: 0...UInt64.max), Gen.int(in: 1...40)) { seed, n in
            var stream = RandomStream(seed: seed, purpose: "crps-test")
            let sample = (0..<n).map { _ in stream.nextUniform(0, 100) }
            let y = stream.nextUniform(-20, 120)
            // The definition, pair by pair: O(n²).
            let first = sample.reduce(0) { $0 + abs($1 - y) } / Double(n)
            var pairs = 0.0
            for a in sample { for b in sample { pairs += abs(a - b) } }
            let direct = first - 0.5 * pairs / Double(n * n)
            let crps = ForecastScores.crps(sample: sample, observation: y) ?? .nan
            #expect(crps >= 0)
            #expect(abs(crps - direct) <= 1e-9, "n \(n): \(crps) vs \(direct)")
            // The spread term is >= 0, so the CRPS never exceeds the mean absolute error E|X - y|.
            #expect(crps <= first + 1e-12)
        }
    }

    @Test func calibrationTallyReportsPercentOfScale() throws {
        var tally = CalibrationTally()
        // Issue on 0...200: point 90 vs observed 100 -> |10|/200*100 = 5%; sample {100} -> CRPS 0, inside both intervals.
        let first = tally.add(point: 90, sample: [100], observation: 100, scaleWidth: 200)
        // Issue on 0...10: point 2 vs 6 -> 40%; sample {2, 4}: E|X-6| = 3, E|X-X'| = 1 -> CRPS 2.5 -> 25%.
        // Central 50% of {2, 4} is [2.5, 3.5] and 80% is [2.2, 3.8]: 6 lies outside both.
        let second = tally.add(point: 2, sample: [2, 4], observation: 6, scaleWidth: 10)
        let empty = tally.add(point: 2, sample: [], observation: 6, scaleWidth: 10)
        #expect(first && second && !empty)
        #expect(tally.count == 2)
        #expect(abs((tally.meanAbsoluteError ?? .nan) - 22.5) < 1e-12)  // (5 + 40)/2
        #expect(abs((tally.meanCRPS ?? .nan) - 12.5) < 1e-12)  // (0 + 25)/2
        #expect(tally.coverage50 == 0.5)
        #expect(tally.coverage80 == 0.5)
        #expect(CalibrationTally().meanCRPS == nil)
    }
}
