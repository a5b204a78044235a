import Foundation
import ParleyAnalysis
import ParleyBargaining
import ParleyCore
import ParleyIO
import ParleyReports
import ParleySimulation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Whether `text` parses as XML (the SVG charts must be well-formed on their own).
private func parsesAsXML(_ text: String) -> Bool {
    XMLParser(data: Data(text.utf8)).parse()
}

/// The SVG fragments inside an HTML page, in order.
private func svgFragments(_ html: String) -> [String] {
    html.components(separatedBy: "<svg").dropFirst().compactMap { rest in
        rest.range(of: "</svg>").map { "<svg" + rest[..<$0.upperBound] }
    }
}

@Suite struct SVGChartTests {
    @Test func numbersAreFixedAndTrimmed() {
        #expect(SVGDocument.number(12.5) == "12.5")
        #expect(SVGDocument.number(3) == "3")
        #expect(SVGDocument.number(-0.004) == "0")
        #expect(SVGDocument.number(1.0 / 3) == "0.33")
        #expect(SVGDocument.number(.nan) == "0")
    }

    @Test func escapesMarkupInText() {
        var svg = SVGDocument(width: 10, height: 10, title: "a < b & \"c\"")
        svg.text("<script>alert('x')</script> & co", x: 1, y: 2)
        let text = svg.render()
        #expect(!text.contains("<script"))
        #expect(text.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"))
        #expect(text.contains("<title>a &lt; b &amp; &quot;c&quot;</title>"))
        #expect(parsesAsXML(text))
    }

    @Test func ticksAreRoundAndInsideTheDomain() {
        let scale = LinearScale(domain: 0...100, start: 0, end: 500)
        #expect(scale.ticks() == [0, 20, 40, 60, 80, 100])
        // Span 6 over 5 ticks: a raw step of 1.2, rounded up to 2.
        #expect(LinearScale(domain: 1...7, start: 0, end: 1).ticks() == [2, 4, 6])
        #expect(LinearScale(domain: 1...7, start: 0, end: 1).ticks(count: 6) == [1, 2, 3, 4, 5, 6, 7])
        #expect(abs(scale.map(25) - 125) < 1e-9)
    }

    /// A forecast of 50 on a 0–100 issue sits at the plot's middle: x = left + W/2.
    @Test func forecastDotIsAtTheRightPlace() throws {
        let issue = try PolicyIssue(id: "share", name: "Share", scale: Scale(min: 0, max: 100), anchors: [Anchor(value: 0, label: "none")],
                                    observed: ObservedOutcome(value: 60, range: 40...70))
        let forecasts = [ScoredForecast(model: "m", outcome: IssueOutcome(issue: "share", value: 50), issue: issue)]
        let svg = ForecastChart.render(issue: issue, forecasts: forecasts).render()
        let plotWidth = ForecastChart.width - ForecastChart.left - ForecastChart.right  // 680 - 170 - 24 = 486
        #expect(plotWidth == 486)
        let middle = SVGDocument.number(ForecastChart.left + plotWidth / 2)  // 413
        #expect(middle == "413")
        #expect(svg.contains("<circle cx=\"413\""))
        // The observed value 60 at 170 + 0.6 × 486 = 461.6, its range 40–70 from 364.4 wide 145.8.
        #expect(svg.contains("<line x1=\"461.6\""))
        #expect(svg.contains("<rect x=\"364.4\""))
        #expect(svg.contains("width=\"145.8\""))
        #expect(parsesAsXML(svg))
    }

    /// Positions that move in rounds 1–3 of 100 and then stand still: the round axis ends at round 5
    /// (3 + 2 rounds of margin), the axis title says so, and the legend holds the longest name whole.
    @Test func trajectoryAxisEndsSoonAfterTheLastMovement() throws {
        let scenario = try ScenarioFile.read(ParleyProcess.packageRoot + "/Examples/bonn-2001.yaml")
        let issue = try #require(scenario.issue("na-share"))
        let rounds = (0...100).map { index in
            Trajectory.Round(index: index, positions: scenario.stakeholders.map { stakeholder in
                let opening = stakeholder.stance(on: "na-share")?.position ?? 50
                return Trajectory.StakeholderPositions(stakeholder: stakeholder.id, values: [Trajectory.IssueValue(issue: "na-share", value: opening + Double(min(index, 3)))])
            })
        }
        let run = ModelRun(model: "m", outcomes: [IssueOutcome(issue: "na-share", value: 60)], trajectory: Trajectory(rounds: rounds), stopReason: .converged(round: 3))
        let svg = TrajectoryChart.render(run: run, issue: issue, scenario: scenario).render()
        #expect(svg.contains("round (no movement after round 3 of 100)"))
        #expect(svg.contains(">4</text>") && svg.contains(">5</text>"))  // ticks 0…5; an axis to 100 would tick 0, 20, …
        #expect(svg.contains("Burhanuddin Rabbani (NA leader, president in Kabul)"))
        #expect(!svg.contains("…"))
        #expect(parsesAsXML(svg))
    }

    /// Five replicates 0, 25, 50, 75, 100: type-7 quartiles 25 and 75, median 50, 5th and 95th
    /// percentiles 5 and 95. On 0–100 over x = 170...656 (W = 486): box 291.5 to 534.5, median at 413.
    @Test func fanChartBoxSpansTheQuartiles() throws {
        let scenario = try ScenarioFile.read(ParleyProcess.packageRoot + "/Examples/bonn-2001.yaml")
        let issue = try #require(scenario.issue("na-share"))
        let plan = MonteCarloPlan(runs: 5, seed: 1, models: ["m"], issues: ["na-share"])
        let results = [0.0, 25, 50, 75, 100].enumerated().map { ReplicateResult(index: $0.offset, values: [[$0.element]], converged: [true]) }
        let summary = MonteCarloSummary(plan: plan, scenario: scenario, results: results)
        let svg = FanChart.render(issue: issue, summary: summary).render()
        #expect(svg.contains("<rect x=\"291.5\" y=\"18\" width=\"243\" height=\"16\""))  // row centre 14 + 24/2 = 26, box 26 ± 8
        #expect(svg.contains("<line x1=\"413\" y1=\"18\" x2=\"413\" y2=\"34\""))
        #expect(svg.contains("<line x1=\"194.3\" y1=\"26\" x2=\"631.7\" y2=\"26\""))  // 5 → 170 + 24.3, 95 → 170 + 461.7
        #expect(parsesAsXML(svg))
    }

    /// Bubble area is proportional to capability: a quarter of the capability, half the radius.
    @Test func bubbleAreaFollowsCapability() {
        #expect(abs(StakeholderMap.radius(100, largest: 100) - StakeholderMap.maxRadius) < 1e-12)
        #expect(abs(StakeholderMap.radius(25, largest: 100) - StakeholderMap.maxRadius / 2) < 1e-12)
        #expect(StakeholderMap.radius(0, largest: 100) == 2)
    }
}

@Suite(.serialized) struct ReportCommandTests {
    @Test func bonnReportIsSelfContainedAndComplete() throws {
        let directory = try ParleyProcess.temporaryDirectory()
        let first = directory + "/a.html"
        let second = directory + "/b.html"
        let models = ["--model", "weighted-mean", "--model", "weighted-median", "--model", "expected-utility", "--model", "exchange", "--model", "spatial"]
        let result = try ParleyProcess.run(["report", "Examples/bonn-2001.yaml", "-o", first, "--runs", "0"] + models)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        _ = try ParleyProcess.run(["report", "Examples/bonn-2001.yaml", "-o", second, "--runs", "0"] + models)
        let html = try String(contentsOfFile: first, encoding: .utf8)
        #expect(html == (try String(contentsOfFile: second, encoding: .utf8)), "same input, same bytes")
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("src="), "no external resources")
        #expect(!html.contains("<link"))
        let scenario = try ScenarioFile.read(ParleyProcess.packageRoot + "/Examples/bonn-2001.yaml")
        let quotes = scenario.stakeholders.flatMap { $0.evidence + $0.stances.flatMap(\.evidence) }.map(\.quote)
        #expect(quotes.count > 5)
        for quote in quotes { #expect(html.contains(HTMLReport.escape(quote)), "quote missing: \(quote)") }
        for model in ["weighted-mean", "weighted-median", "expected-utility", "exchange", "spatial"] {
            #expect(html.contains(">\(model)<"), "model missing: \(model)")
        }
        // A quote behind the Northern Alliance's force stance as of 29 November (the hold-out over the
        // share, from the talks' last night, is a note, not stance evidence).
        #expect(html.contains("we are not opposed to the arrival of an international force"))
        let charts = svgFragments(html)
        // Per issue: forecasts, stakeholder map, and one trajectory per dynamic model.
        #expect(charts.count == scenario.issues.count * 5)
        for chart in charts { #expect(parsesAsXML(chart)) }
    }

    @Test func monteCarloSectionIsSeededAndDrawn() throws {
        let directory = try ParleyProcess.temporaryDirectory()
        let arguments = ["report", "Examples/bonn-2001.yaml", "--runs", "20", "--seed", "7", "--model", "weighted-mean", "--model", "weighted-median"]
        let a = try ParleyProcess.run(arguments + ["-o", directory + "/a.html", "--jobs", "1"])
        let b = try ParleyProcess.run(arguments + ["-o", directory + "/b.html", "--jobs", "2"])
        #expect(a.status == 0 && b.status == 0, "\(a.stderr)\(b.stderr)")
        let html = try String(contentsOfFile: directory + "/a.html", encoding: .utf8)
        #expect(html == (try String(contentsOfFile: directory + "/b.html", encoding: .utf8)), "the same for any --jobs")
        #expect(html.contains("20 Monte Carlo runs, seed 7"))
        #expect(html.contains("forecast spread"))
        #expect(html.contains("what moves the weighted-mean forecast"))
    }

    @Test func scenarioTextIsEscaped() throws {
        let directory = try ParleyProcess.temporaryDirectory()
        let path = directory + "/evil.yaml"
        try ParleyProcess.copySourceTexts(to: directory)
        let text = try String(contentsOfFile: ParleyProcess.packageRoot + "/Examples/bonn-2001.yaml", encoding: .utf8)
            .replacingOccurrences(of: "name: Northern Alliance delegation (Qanooni)", with: "name: \"<b>NA</b> & \\\"friends\\\" <script>\"")
        #expect(text.contains("<script>"))
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try ParleyProcess.run(["report", path, "-o", directory + "/out.html", "--runs", "0", "--model", "weighted-mean"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOfFile: directory + "/out.html", encoding: .utf8)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>NA"))
        #expect(html.contains("&lt;b&gt;NA&lt;/b&gt; &amp; &quot;friends&quot; &lt;script&gt;"))
        for chart in svgFragments(html) { #expect(parsesAsXML(chart)) }
    }

    @Test func refusesBadInputAndWritesNothing() throws {
        let directory = try ParleyProcess.temporaryDirectory()
        let output = directory + "/out.html"
        let missing = try ParleyProcess.run(["report", "no-such-file.yaml", "-o", output])
        #expect(missing.status == 66)
        let noOutput = try ParleyProcess.run(["report", "Examples/bonn-2001.yaml"])
        #expect(noOutput.status == 64)
        let negative = try ParleyProcess.run(["report", "Examples/bonn-2001.yaml", "-o", output, "--runs", "-1"])
        #expect(negative.status == 64)
        let toDirectory = try ParleyProcess.run(["report", "Examples/bonn-2001.yaml", "-o", directory])
        #expect(toDirectory.status == 64)
        #expect(toDirectory.stderr.contains("is a directory"))
        let unwritable = try ParleyProcess.run(["report", "Examples/bonn-2001.yaml", "-o", directory + "/no/such/dir/out.html", "--runs", "0",
                                                "--model", "weighted-mean"])
        #expect(unwritable.status == 73)
        #expect(!FileManager.default.fileExists(atPath: output))
        let help = try ParleyProcess.run(["report", "--help"])
        #expect(help.stdout.contains("parley report Examples/bonn-2001.yaml -o bonn.html"))
    }
}
