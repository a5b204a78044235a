import ParleyCore
import ParleyReports
import Testing

/// The stakeholder map's label placement (issue 18, item 4): labels never overlap each other or another
/// stakeholder's bubble, and each sits beside its own bubble (nearer to it than to any other) or is joined
/// to it by a leader line starting on the bubble's edge.
@Suite struct MapLabelTests {
    typealias Bubble = StakeholderMap.Bubble

    /// The distance from a bubble's edge to a label's box (negative inside).
    static func gap(_ label: StakeholderMap.Label, _ bubble: Bubble) -> Double {
        let box = label.box
        let dx = min(max(bubble.x, box.x0), box.x1) - bubble.x
        let dy = min(max(bubble.y, box.y0), box.y1) - bubble.y
        return (dx * dx + dy * dy).squareRoot() - bubble.r
    }

    static func check(names: [String], bubbles: [Bubble]) {
        let region = (x0: 58.0, y0: 2.0, x1: 678.0, y1: 289.0)
        let labels = StakeholderMap.placeLabels(names: names, bubbles: bubbles, region: region, overflowTop: 332)
        #expect(labels.count == names.count)
        for (index, label) in labels.enumerated() {
            #expect(label.name == names[index])
            let box = label.box
            for other in labels[(index + 1)...] {
                let them = other.box
                let overlap = box.x0 < them.x1 && them.x0 < box.x1 && box.y0 < them.y1 && them.y0 < box.y1
                #expect(!overlap, "\(label.name) overlaps \(other.name)")
            }
            for (j, bubble) in bubbles.enumerated() where j != index {
                #expect(gap(label, bubble) >= 0, "\(label.name) covers \(names[j])'s bubble")
            }
            let own = bubbles[index]
            if let leader = label.leader {
                // The leader starts on the bubble's edge and ends on the label's box.
                let start = ((leader.x1 - own.x) * (leader.x1 - own.x) + (leader.y1 - own.y) * (leader.y1 - own.y)).squareRoot()
                #expect(abs(start - own.r) < 1e-6)
                #expect(leader.x2 >= box.x0 - 1e-9 && leader.x2 <= box.x1 + 1e-9 && leader.y2 >= box.y0 - 1e-9 && leader.y2 <= box.y1 + 1e-9)
            } else {
                let mine = gap(label, own)
                #expect(mine <= 4, "\(label.name) is \(mine) px from its bubble")
                for (j, bubble) in bubbles.enumerated() where j != index {
                    #expect(gap(label, bubble) > mine + 2, "\(label.name) is as near \(names[j])'s bubble as its own")
                }
            }
        }
    }

    @Test func threeSpreadBubblesAreLabelledBesideThemselves() {
        let bubbles: [Bubble] = [(150, 100, 20), (400, 150, 10), (600, 250, 5)]
        Self.check(names: ["Alpha", "Beta", "Gamma"], bubbles: bubbles)
        let labels = StakeholderMap.placeLabels(names: ["Alpha", "Beta", "Gamma"], bubbles: bubbles, region: (58, 2, 678, 289), overflowTop: 332)
        // Room on the right of each: the first choice, 3 px right of the edge, on the centre line + 3.5.
        #expect(labels.map(\.x) == [173, 413, 608])
        #expect(labels.allSatisfy { $0.leader == nil })
    }

    /// Forty stakeholders crowded into one corner, as on a map where most parties agree; then a hundred
    /// over the whole plot, more than fit beside their bubbles.
    @Test(arguments: [40, 100])
    func crowdedBubblesGetLeadersButNoCollisions(count: Int) {
        var bubbles: [Bubble] = []
        var names: [String] = []
        for i in 0..<count {
            let spread = count > 50 ? 600.0 : 120.0
            bubbles.append((x: 70 + Double((i * 37) % 97) / 97 * spread, y: 20 + Double((i * 53) % 89) / 89 * (count > 50 ? 260 : 90),
                            r: 2 + Double(i % 5) * 3))
            names.append("Party number \(i)")
        }
        Self.check(names: names, bubbles: bubbles)
    }
}
