import Foundation
import ParleyCore
import ParleyGames
import ParleyIO
import ParleyReports
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

private func isWellFormed(_ text: String) -> Bool {
    XMLParser(data: Data(text.utf8)).parse()
}

private func occurrences(_ needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

private func svgCharts(_ html: String) -> [String] {
    html.components(separatedBy: "<svg").dropFirst().compactMap { rest in
        rest.range(of: "</svg>").map { "<svg" + rest[..<$0.upperBound] }
    }
}

@Suite struct StrategicChartTests {
    /// matplotlib's viridis: viridis(0) = #440154, viridis(0.5) = #21918C, viridis(1) = #FDE725.
    @Test func viridisEndsAndMiddleMatchMatplotlib() {
        #expect(SequentialScale.colour(atFraction: 0) == "#440154")
        #expect(SequentialScale.colour(atFraction: 0.5) == "#21918C")
        #expect(SequentialScale.colour(atFraction: 1) == "#FDE725")
        let scale = SequentialScale(domain: 2...4)
        #expect(scale.colour(2) == "#440154")
        #expect(scale.colour(9) == "#FDE725", "clamped above")
        #expect(scale.textColour(2) == "#FFFFFF")
        #expect(scale.textColour(4) == "#000000")
    }

    /// 3 strategies: cells of min(64, 480 / 3) = 64 px; labels one character wide, so the left
    /// margin is its minimum 90 and the grid starts at (90, 46). The largest value (5, row A,
    /// column C) sits at x = 90 + 2 × 64 = 218 in the scale's top colour, the smallest (0, row A,
    /// column B) at x = 154 in its bottom colour.
    @Test func heatMapCellsLabelsAndScaleEnds() {
        let values: [[Double?]] = [[3, 0, 5], [1, 2, 1], [4, 1, nil]]
        let svg = PayoffHeatMap.render(title: "T", names: ["A", "B", "C"], values: values).render()
        #expect(occurrences("width=\"64\" height=\"64\"", in: svg) == 9)
        #expect(svg.contains("<rect x=\"218\" y=\"46\" width=\"64\" height=\"64\" fill=\"#FDE725\""))
        #expect(svg.contains("<rect x=\"154\" y=\"46\" width=\"64\" height=\"64\" fill=\"#440154\""))
        #expect(svg.contains("<rect x=\"218\" y=\"174\" width=\"64\" height=\"64\" fill=\"#EEEEEE\""), "no value: grey")
        for text in [">A</text>", ">B</text>", ">C</text>", ">5.00</text>", ">0.00</text>", ">3.00</text>", ">–</text>"] {
            #expect(svg.contains(text), "missing \(text)")
        }
        // Dark cells get white text, light ones black.
        #expect(svg.contains("fill=\"#FFFFFF\">0.00</text>"))
        #expect(svg.contains("fill=\"#000000\">5.00</text>"))
        #expect(svg.contains(">mean payoff per turn, row strategy against column</text>"), "colour bar title")
        #expect(occurrences("height=\"10\" fill=\"#", in: svg) == 60, "colour bar slices")
        #expect(svg == PayoffHeatMap.render(title: "T", names: ["A", "B", "C"], values: values).render(), "byte-stable")
        #expect(isWellFormed(svg))
    }

    @Test func heatMapNumbersLongNamesAndEscapes() {
        let names = ["<b>Tit For Tat</b>", "Grudger with a long name", "Defector"]
        let values: [[Double?]] = [[3, 3, 0.99], [3, 3, 0.99], [1.02, 1.02, 1]]
        let svg = PayoffHeatMap.render(title: "x & y", names: names, values: values).render()
        #expect(svg.contains(">1  &lt;b&gt;Tit For Tat&lt;/b&gt;</text>"))
        #expect(svg.contains(">3  Defector</text>"))
        #expect(!svg.contains("<b>"))
        #expect(isWellFormed(svg))
    }

    /// The Prisoner's Dilemma (R 3, S 0, T 5, P 1) has one equilibrium, both defect: only that
    /// cell is shaded and framed (twice), and tagged E1.
    @Test func payoffMatrixMarksThePureEquilibrium() throws {
        let game = try NormalFormGame.bimatrix([[3, 0], [5, 1]], [[3, 5], [0, 1]], players: ["Row", "Column"],
                                               rowLabels: ["cooperate", "defect"], columnLabels: ["cooperate", "defect"])
        let solution = try GameSolver.solve(game, method: .automatic)
        #expect(solution.equilibria.count == 1)
        let svg = try #require(PayoffMatrixChart.render(game, equilibria: solution.equilibria, title: "PD")).render()
        #expect(occurrences("fill=\"\(PayoffMatrixChart.equilibriumFill)\"", in: svg) == 2, "one cell and its legend swatch")
        #expect(occurrences(">E1</text>", in: svg) == 1)
        #expect(occurrences("fill=\"none\" stroke=\"#000000\"", in: svg) == 2)
        for text in [">Row ↓</text>", ">Column →</text>", ">cooperate</text>", ">defect</text>", ">3,</text>", ">5</text>"] {
            #expect(svg.contains(text), "missing \(text)")
        }
        #expect(isWellFormed(svg))
        let three = try NormalFormGame(players: ["a", "b", "c"], strategies: [["x"], ["y"], ["z"]], payoffs: [[0, 0, 0]])
        #expect(PayoffMatrixChart.render(three, equilibria: [], title: "3") == nil, "two players only")
    }

    /// Matching pennies: the one equilibrium mixes 1/2–1/2, so every cell is in its support
    /// (four E1 tags, no frame), and each bar reaches half the probability axis.
    @Test func mixedEquilibriumBarsAndTags() throws {
        let game = try NormalFormGame.bimatrix([[1, -1], [-1, 1]], [[-1, 1], [1, -1]], rowLabels: ["heads", "tails"], columnLabels: ["heads", "tails"])
        let solution = try GameSolver.solve(game, method: .automatic)
        let equilibrium = try #require(solution.equilibria.first)
        let matrix = try #require(PayoffMatrixChart.render(game, equilibria: solution.equilibria, title: "MP")).render()
        #expect(occurrences(">E1</text>", in: matrix) == 4)
        #expect(!matrix.contains("fill=\"none\" stroke=\"#000000\""))
        let bars = EquilibriumChart.render(game, equilibrium: equilibrium, number: 1).render()
        #expect(occurrences(">1/2</text>", in: bars) == 4)
        #expect(bars.contains(">Player 1, expected payoff 0</text>"))
        // Labels "heads"/"tails" are narrow, so left is its minimum 120; the axis runs to 680 − 60 = 620, half is 250 wide.
        #expect(occurrences("x=\"120\"", in: bars) >= 4)
        #expect(occurrences("width=\"250\" height=\"12\"", in: bars) == 4)
        #expect(isWellFormed(bars))
    }

    /// Iran's choice: help minus hold-back is t against a partnering US and t − 2 against one that
    /// turns (t the Taliban's value, risk 2). On the 13 × 11 grid (t = 0, ½, …, 6; p = 0, 0.1, …, 1):
    /// t > 2 strictly dominant (8 × 11 = 88), t = 2 weakly (11). Below, holding back is always an
    /// equilibrium and helping is one too exactly when t ≥ 2(1 − p): at t = 0 for p = 1 (1), t = ½ for
    /// p ≥ 0.8 (3), t = 1 for p ≥ 0.5 (6), t = 1½ for p ≥ 0.3 (8): 18 points in some equilibria, and
    /// 44 − 18 = 26 in none.
    @Test func dominanceMapColoursFollowTheHandCount() throws {
        guard case .model(let model) = try GameFile.read(ParleyProcess.packageRoot + "/Examples/iran-2001-cooperation.yaml") else {
            Issue.record("not a model")
            return
        }
        let map = try #require(try GameSolver.solve(model, method: .automatic).map)
        let svg = DominanceMapChart.render(map, model: model).render()
        // Cells are 300 / 11 = 27.27 px high; legend swatches are 9.
        let cell = "height=\"27.27\" fill=\""
        #expect(occurrences(cell + "#0072B2\"", in: svg) == 88)
        #expect(occurrences(cell + "#56B4E9\"", in: svg) == 11)
        #expect(occurrences(cell + "#009E73\"", in: svg) == 0)
        #expect(occurrences(cell + "#E4E4E4\"", in: svg) == 26)
        #expect(occurrences(cell + "#E69F00\"", in: svg) == 18)
        // The coded values t = 4, p = 1/4: x over −0.25…6.25 onto 70…656 is 70 + 4.25/6.5 × 586 = 453.15;
        // y over −0.05…1.05 onto 334…34 is 334 − 0.3/1.1 × 300 = 252.18.
        #expect(svg.contains("<circle cx=\"453.15\" cy=\"252.18\""))
        for text in [">taliban →</text>", ">sincere-prior ↑</text>", ">#  strictly dominant</text>", ">~  in some equilibria</text>",
                     ">.  in no equilibrium</text>"] {
            #expect(svg.contains(text), "missing \(text)")
        }
        #expect(!svg.contains("in every equilibrium"), "only the statuses present are in the legend")
        #expect(svg == DominanceMapChart.render(map, model: model).render())
        #expect(isWellFormed(svg))
    }
}

@Suite(.serialized) struct StrategicReportCommandTests {
    @Test func gameFileAloneGetsAStrategicReport() throws {
        let directory = try ParleyProcess.temporaryDirectory()
        let result = try ParleyProcess.run(["report", "Examples/iran-2001-cooperation.yaml", "-o", directory + "/a.html"])
        #expect(result.status == 0, "\(result.stderr)")
        _ = try ParleyProcess.run(["report", "Examples/iran-2001-cooperation.yaml", "-o", directory + "/b.html"])
        let html = try String(contentsOfFile: directory + "/a.html", encoding: .utf8)
        #expect(html == (try String(contentsOfFile: directory + "/b.html", encoding: .utf8)), "byte-stable")
        #expect(html.contains("<h1>Iran&#39;s choice, autumn 2001</h1>"))
        #expect(html.contains("<section id=\"game-1\""))
        #expect(html.contains("At the values the file codes, help is strictly dominant for Iran."))
        #expect(html.contains("<h3>Dominance map</h3>"))
        #expect(!html.contains("id=\"forecasts\""))
        #expect(!html.lowercased().contains("<script"))
        guard case .model(let model) = try GameFile.read(ParleyProcess.packageRoot + "/Examples/iran-2001-cooperation.yaml") else { return }
        for quote in model.parameters.flatMap(\.evidence).map(\.quote) {
            #expect(html.contains(HTMLReport.escape(quote)), "quote missing: \(quote)")
        }
        let solution = try GameSolver.solve(model, method: .automatic)
        let charts = svgCharts(html)
        // The matrix, one chart per equilibrium (up to six), and the map.
        #expect(charts.count == 2 + min(6, solution.equilibria.count))
        for chart in charts { #expect(isWellFormed(chart)) }
    }

    @Test func gambitGameWithHostileNamesIsEscaped() throws {
        let directory = try ParleyProcess.temporaryDirectory()
        let path = directory + "/evil.nfg"
        try """
            NFG 1 R "<script>alert(1)</script>" { "Row & co" "Col" }
            { { "<b>up</b>" "down" } { "left" "right" } }
            ""
            2 1 0 0 0 0 1 2
            """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ParleyProcess.run(["report", path, "-o", directory + "/out.html"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: directory + "/out.html", encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>up"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;b&gt;up&lt;/b&gt;"))
        // Battle of the sexes: two pure equilibria and one mixed.
        #expect(html.contains("3 found by the enum method"))
        for chart in svgCharts(html) { #expect(isWellFormed(chart)) }
    }

    @Test func foundingCaseBriefingHoldsEverySection() throws {
        let directory = try ParleyProcess.temporaryDirectory()
        let arguments = ["report", "Examples/bonn-2001.yaml", "Examples/iran-2001-cooperation.yaml", "Examples/axis-of-evil.yaml",
                         "--runs", "0", "--model", "weighted-mean"]
        let result = try ParleyProcess.run(arguments + ["-o", directory + "/a.html", "--jobs", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: directory + "/a.html", encoding: .utf8)
        let scenario = try ScenarioFile.read(ParleyProcess.packageRoot + "/Examples/bonn-2001.yaml")
        #expect(html.contains("<h1>\(HTMLReport.escape(scenario.name))</h1>"), "the scenario names the page")
        for id in ["forecasts", "stakeholders", "game-1", "repeated-1", "evidence"] {
            #expect(html.contains("<section id=\"\(id)\""), "section missing: \(id)")
            #expect(html.contains("<a href=\"#\(id)\">"), "contents link missing: \(id)")
        }
        #expect(html.contains("had to agree by consensus on a text the UN envoy Lakhdar Brahimi drafted"), "the scenario's briefing")
        #expect(html.contains("grim trigger breaks off in"), "the repeated case's reading")
        #expect(html.contains("<h3>Round robin at noise 0</h3>"))
        #expect(html.contains("<h3>Round robin at noise 0.05</h3>"))
        let study = try RepeatedGameFile.read(ParleyProcess.packageRoot + "/Examples/axis-of-evil.yaml")
        for quote in study.evidence.map(\.quote) { #expect(html.contains(HTMLReport.escape(quote)), "quote missing: \(quote)") }
        let heatMaps = svgCharts(html).filter { $0.contains("row strategy against column") }
        #expect(heatMaps.count == 2)
        for chart in svgCharts(html) { #expect(isWellFormed(chart)) }
        #expect(!html.lowercased().contains("<script"))
    }

    /// The tournaments run in parallel; their cells must not depend on how.
    @Test func repeatedCaseIsTheSameForAnyJobs() throws {
        let directory = try ParleyProcess.temporaryDirectory()
        let one = try ParleyProcess.run(["report", "Examples/axis-of-evil.yaml", "-o", directory + "/a.html", "--jobs", "1"])
        let two = try ParleyProcess.run(["report", "Examples/axis-of-evil.yaml", "-o", directory + "/b.html", "--jobs", "2"])
        #expect(one.status == 0 && two.status == 0, "\(one.stderr)\(two.stderr)")
        let html = try String(contentsOfFile: directory + "/a.html", encoding: .utf8)
        #expect(html == (try String(contentsOfFile: directory + "/b.html", encoding: .utf8)))
        #expect(html.contains("<section id=\"repeated-1\""))
        #expect(!html.contains("id=\"forecasts\""))
    }

    @Test func refusesFilesItCannotUse() throws {
        let directory = try ParleyProcess.temporaryDirectory()
        let output = directory + "/out.html"
        let unknown = directory + "/what.yaml"
        try "format: parley-nonsense/1\nname: x\n".write(toFile: unknown, atomically: true, encoding: .utf8)
        let neither = try ParleyProcess.run(["report", "Examples/iran-2001-cooperation.yaml", unknown, "-o", output])
        #expect(neither.status == 65, "\(neither.stderr)")
        #expect(neither.stderr.contains("what.yaml:1:"), "located: \(neither.stderr)")
        let badGame = directory + "/bad-game.yaml"
        try "format: parley-game/1\nname: x\nplayers: 3\n".write(toFile: badGame, atomically: true, encoding: .utf8)
        let invalid = try ParleyProcess.run(["report", badGame, "-o", output])
        #expect(invalid.status == 65)
        #expect(invalid.stderr.contains("bad-game.yaml:"), "located: \(invalid.stderr)")
        let twoScenarios = try ParleyProcess.run(["report", "Examples/bonn-2001.yaml", "Examples/ec-car-emissions.yaml", "-o", output, "--runs", "0"])
        #expect(twoScenarios.status == 64)
        #expect(twoScenarios.stderr.contains("at most one scenario"))
        let none = try ParleyProcess.run(["report", "-o", output])
        #expect(none.status == 64)
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test func declaredFormatIsReadFromYAMLAndJSON() throws {
        let directory = try ParleyProcess.temporaryDirectory()
        let json = directory + "/game.json"
        // Minified JSON with the format key last still reaches the game reader (whose error is then about the game).
        try "{\"name\":\"x\",\"format\":\"parley-game/1\"}".write(toFile: json, atomically: true, encoding: .utf8)
        let result = try ParleyProcess.run(["report", json, "-o", directory + "/out.html"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("players"), "\(result.stderr)")
    }
}
