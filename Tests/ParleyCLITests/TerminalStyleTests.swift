import Testing
import ParleyReports

@Suite struct TerminalStyleTests {
    @Test func colourOnlyOnATerminalWithoutNoColor() {
        #expect(TerminalStyle(isTerminal: true, environment: [:]).isEnabled)
        #expect(!TerminalStyle(isTerminal: false, environment: [:]).isEnabled)
        #expect(!TerminalStyle(isTerminal: true, environment: ["NO_COLOR": "1"]).isEnabled)
        #expect(TerminalStyle(isTerminal: true, environment: ["NO_COLOR": ""]).isEnabled)  // no-color.org: only a non-empty value counts
        #expect(!TerminalStyle(isTerminal: true, environment: ["TERM": "dumb"]).isEnabled)
        #expect(TerminalStyle(enabled: true).red("x") == "\u{1B}[31mx\u{1B}[0m")
        #expect(TerminalStyle.plain.red("x") == "x")
    }

    @Test func tablesFitTheirWidth() {
        var table = TextTable(columns: [.init("name", minimumWidth: 4), .init("value", alignment: .right)])
        table.append([String(repeating: "long ", count: 30), "1.0"])
        let text = table.render(width: 40)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 40 })
        #expect(text.contains("…"))
    }
}
