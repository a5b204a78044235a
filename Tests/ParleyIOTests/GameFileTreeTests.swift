import Foundation
import ParleyCore
import ParleyGames
import ParleyIO
import Testing

@Suite struct GameFileTreeTests {
    /// The example of docs/games.md: an entry game where the incumbent does not see whether the
    /// entrant came in small or big.
    static let entry = """
        format: parley-game/1
        name: Entry with a hidden size
        players:
          - {id: entrant, name: Entrant}
          - {id: incumbent}
        infosets:
          - {id: respond, player: incumbent, actions: [fight, yield]}
        nodes:
          - {id: start, player: entrant, actions: [out, small, big], children: [stay-out, small-entry, big-entry]}
          - {id: stay-out, payoffs: {entrant: 0, incumbent: 4}}
          - {id: small-entry, infoset: respond, children: [small-fight, small-yield]}
          - {id: small-fight, payoffs: {entrant: -1, incumbent: 1}}
          - {id: small-yield, payoffs: {entrant: 2, incumbent: 2}}
          - {id: big-entry, infoset: respond, children: [big-fight, big-yield]}
          - {id: big-fight, payoffs: {entrant: -2, incumbent: -1}}
          - {id: big-yield, payoffs: {entrant: 3, incumbent: 1/2}}
        """

    @Test func readsAHandWrittenTree() throws {
        guard case .extensive(let tree) = try GameFile.decode(Self.entry, format: .yaml, file: "entry.yaml") else {
            Issue.record("not read as a tree"); return
        }
        #expect(tree.players == ["Entrant", "incumbent"])
        #expect(tree.nodes.count == 8)
        #expect(tree.infosets.map(\.actions) == [["fight", "yield"], ["out", "small", "big"]])
        #expect(tree.infosets.map(\.number) == [1, 1])
        // Labels default to the ids, so a written .efg keeps the names.
        #expect(tree.infosets.map(\.label) == ["respond", "start"])
        #expect(tree.nodes[3].label == "small-fight")
        #expect(tree.nodes[0].children == [1, 2, 5])
        #expect(tree.nodes[2].infoset == tree.nodes[5].infoset)
        #expect(tree.nodes[7].outcome == [3, try #require(Rational("1/2"))])
        // Yield beats fight after either entry (2 > 1, 1/2 > -1), so big entry (3) is subgame perfect;
        // the only subgame is the whole game, solved by the sequence form.
        let spe = try SubgamePerfection(tree)
        #expect(spe.payoffs == [3, try #require(Rational("1/2"))])
        #expect(spe.subgames.count == 1)
    }

    @Test func writesAndReadsBackTheSameTree() throws {
        guard case .extensive(let tree) = try GameFile.decode(Self.entry, format: .yaml) else { Issue.record("not a tree"); return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-tree-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("entry.yaml").path
        try GameFile.write(.extensive(tree), to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("- {id: start, infoset: start, children: [stay-out, small-entry, big-entry]}"), "\(text)")
        guard case .extensive(let again) = try GameFile.read(path) else { Issue.record("not a tree"); return }
        #expect(again == tree)
    }

    @Test(arguments: [
        ("children: [small-fight, small-yeld]", "unknown node 'small-yeld'", "did you mean 'small-yield'?", 11),
        ("infoset: respnd", "unknown information set 'respnd'", "did you mean 'respond'?", 11),
        ("children: [small-fight]", "1 children for 2 actions (fight, yield)", nil, 11),
    ] as [(String, String, String?, Int)])
    func locatesMistakes(replacement: String, message: String, hint: String?, line: Int) {
        var text = Self.entry
        if replacement.hasPrefix("children") {
            text = text.replacingOccurrences(of: "children: [small-fight, small-yield]", with: replacement)
        } else {
            text = text.replacingOccurrences(of: "small-entry, infoset: respond", with: "small-entry, \(replacement)")
        }
        do {
            _ = try GameFile.decode(text, format: .yaml, file: "entry.yaml")
            Issue.record("accepted a broken tree")
        } catch {
            let first = error.errors.first
            #expect(first?.message.contains(message) == true, "\(error.errors.map(\.description))")
            #expect(first?.hint == hint)
            #expect(first?.location?.line == line)
            #expect(first?.location?.file == "entry.yaml")
        }
    }

    @Test func namesUnreachableNodesAndBadProbabilities() {
        let text = """
            format: parley-game/1
            name: t
            players: [{id: a}]
            nodes:
              - {id: deal, player: chance, actions: [x, y], probabilities: [1/2, 1/3], children: [l, r]}
              - {id: l, payoffs: {a: 1}}
              - {id: r, payoffs: {a: 0}}
              - {id: lost, payoffs: {a: 0}}
            """
        do {
            _ = try GameFile.decode(text, format: .yaml, file: "t.yaml")
            Issue.record("accepted a broken tree")
        } catch {
            let messages = error.errors.map(\.description)
            #expect(messages.contains { $0.hasPrefix("t.yaml:5:") && $0.contains("nodes[0].probabilities") && $0.contains("sum to 5/6") }, "\(messages)")
        }
        let orphan = text.replacingOccurrences(of: "1/3", with: "1/2")
        do {
            _ = try GameFile.decode(orphan, format: .yaml, file: "t.yaml")
            Issue.record("accepted an unreachable node")
        } catch {
            #expect(error.errors.first?.message == "node 'lost' is not reachable from the root 'deal'")
            #expect(error.errors.first?.location?.line == 8)
        }
    }
}
