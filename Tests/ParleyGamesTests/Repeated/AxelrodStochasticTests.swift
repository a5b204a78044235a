import ParleyCore
import ParleyGames
import Testing

/// Stochastic strategies cannot reproduce axelrod's random stream (numpy's MT19937), so they
/// are compared statistically (fixture `stochastic.json`, 100 seeded 200-turn matches per
/// row in axelrod 4.14.0).
///
/// The test: Parley plays 400 matches per row with its own seeds; for each statistic (the
/// strategy's cooperation rate and its score per turn) the difference of the two means must
/// lie within 5 standard errors of a difference of means,
/// 5·√(sd²ₐ/100 + sd²ₚ/400), plus 0.005 for rounding. Under the null hypothesis a single
/// comparison fails with probability about 6e-7, so the ~330 comparisons fail by chance
/// with probability about 2e-4; a wrong rule (a probability off by 0.05, a missed case)
/// moves a mean by far more than that.
@Suite struct AxelrodStochasticTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let player: String
        let opponent: String
        let noise: Double
        let matches: Int
        let cooperation: (Double, Double)
        let score: (Double, Double)
        var testDescription: String { "\(player) vs \(opponent) noise \(noise)" }
    }

    static let rows = rows(in: "stochastic.json")

    /// The rows of an axelrod statistics fixture (`stochastic.json`, `meta.json`).
    static func rows(in file: String) -> [Row] {
        guard let fixture = try? AxelrodFixtures.json(file), let rows = fixture["rows"] as? [[String: Any]] else { return [] }
        return rows.compactMap { row in
            guard let player = row["player"] as? String, let opponent = row["opponent"] as? String,
                  let noise = number(row["noise"]), let matches = number(row["matches"]),
                  let cm = number(row["cooperation_mean"]), let cs = number(row["cooperation_sd"]),
                  let sm = number(row["score_mean"]), let ss = number(row["score_sd"]) else { return nil }
            return Row(player: player, opponent: opponent, noise: noise, matches: Int(matches), cooperation: (cm, cs), score: (sm, ss))
        }
    }

    @Test func fixtureLoaded() {
        let checkedHere = AxelrodCatalogueTests.stochasticCount - AxelrodCatalogueTests.stochasticCheckedInMetaFixture
        #expect(Self.rows.count == checkedHere * 4 + 5)
    }

    @Test(arguments: rows)
    func agreesWithAxelrodStatistically(_ row: Row) throws {
        try Self.check(row, parleyMatches: 400)
    }

    /// Plays `parleyMatches` seeded matches of the row's pair and expects Parley's mean
    /// cooperation rate and score per turn within 5 standard errors of a difference of means
    /// (plus 0.005 for rounding) of axelrod's.
    static func check(_ row: Row, parleyMatches n: Int) throws {
        try check(StrategyCatalog.player(named: row.player), StrategyCatalog.player(named: row.opponent),
                  settings: MatchSettings(length: .turns(200), noise: row.noise), parleyMatches: n,
                  axelrodMatches: row.matches, cooperation: row.cooperation, score: row.score)
    }

    /// The same check for players built elsewhere and any match settings: axelrod's
    /// `axelrodMatches` matches gave (mean, sd) `cooperation` and `score` for `a`.
    static func check(_ a: RepeatedPlayer, _ b: RepeatedPlayer, settings: MatchSettings, parleyMatches n: Int,
                      axelrodMatches: Int, cooperation expectedCooperation: (Double, Double), score expectedScore: (Double, Double)) {
        var cooperation: [Double] = []
        var score: [Double] = []
        for k in 0..<n {
            let s = RepeatedMatch.summary(a, b, settings: settings, seed: 2026, index: UInt64(k))
            cooperation.append(Double(s.firstCooperations) / Double(s.turns))
            score.append(s.firstScore / Double(s.turns))
        }
        for (values, expected, what) in [(cooperation, expectedCooperation, "cooperation"), (score, expectedScore, "score")] {
            let mean = values.reduce(0, +) / Double(n)
            let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)).squareRoot()
            let tolerance = 5 * (expected.1 * expected.1 / Double(axelrodMatches) + sd * sd / Double(n)).squareRoot() + 0.005
            #expect(abs(mean - expected.0) <= tolerance, "\(what): Parley \(mean), axelrod \(expected.0) ± \(tolerance)")
        }
    }
}

/// A JSON number as a Double, whether it was read as an integer or not.
func number(_ value: Any?) -> Double? {
    if let double = value as? Double { return double }
    if let int = value as? Int { return Double(int) }
    return nil
}
