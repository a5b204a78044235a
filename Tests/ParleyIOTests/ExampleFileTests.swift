import Foundation
import ParleyCore
import ParleyIO
import Testing

@Suite struct ExampleFileTests {
    @Test(arguments: ["bonn-2001.yaml", "ec-car-emissions.yaml"])
    func exampleReadsAndRoundTrips(name: String) throws {
        let scenario = try ScenarioFile.read(examplePath(name))
        for format in [ScenarioFormat.yaml, .json] {
            let text = try ScenarioCodec.encode(scenario, format: format).text
            // Read back with the same source texts, so verified quotes stay verified.
            let again = try ScenarioCodec.decode(text, format: format, file: "roundtrip.\(format)", sourceTexts: .beside(examplePath(name)))
            #expect(again == scenario, "round trip through \(format) changed the scenario")
        }
    }

    @Test func bonnHasTheFoundingCase() throws {
        let bonn = try ScenarioFile.read(examplePath("bonn-2001.yaml"))
        #expect(bonn.issues.map(\.id) == ["na-share", "chair", "security-force"])
        #expect(bonn.stakeholders.count == 11)
        #expect(bonn.issue("na-share")?.observed?.value == 60)
        #expect(bonn.issue("chair")?.nearestAnchor(to: 44)?.label.contains("Karzai") == true)
        #expect(bonn.issue("chair")?.observed?.value == 40)
        // Evidence behind every number: each capability and each stance cites at least one quote.
        for stakeholder in bonn.stakeholders {
            #expect(!stakeholder.evidence.isEmpty, "\(stakeholder.id) capability has no evidence")
            #expect(stakeholder.stances.count == 3)
            for stance in stakeholder.stances {
                #expect(!stance.evidence.isEmpty, "\(stakeholder.id) on \(stance.issue) has no evidence")
            }
        }
        #expect(bonn.uncertainty?.position == .sd(8))
    }

    /// The founding case is coded as of 29 November 2001: no capability, stance or status quo rests
    /// on evidence dated after it (only the notes, which tell what happened next, may), and every
    /// quote from the seed is found in the seed's shipped text. 15 seed quotes, counted by hand in
    /// Examples/bonn-2001.yaml.
    @Test func bonnIsCodedWithoutHindsightAndItsSeedQuotesAreVerified() throws {
        let bonn = try ScenarioFile.read(examplePath("bonn-2001.yaml"))
        #expect(bonn.asOf == "2001-11-29")
        let late = bonn.evidenceRecords.filter(\.isHindsight)
        #expect(!late.isEmpty, "the notes cite the talks' end and after")
        for record in late {
            guard case .note = record.subject else {
                Issue.record("hindsight behind a number at \(record.path)")
                continue
            }
        }
        let seed = bonn.evidenceRecords.filter { $0.evidence.source == "mousavian2014" && $0.evidence.kind == .quote }
        #expect(seed.count == 15)
        #expect(seed.allSatisfy { $0.evidence.verified })
        #expect(bonn.evidenceCounts.quotesVerified == 15)
        // The status quo: the NA's government holds every post, Rabbani presides, no foreign force.
        #expect(bonn.issues.map { $0.statusQuo?.value } == [100, 0, 0])
        #expect(bonn.forum?.rule == .consensus)
        #expect(bonn.forum?.members == ["northern-alliance", "rome-group", "peshawar-group", "cyprus-group"])
        #expect(bonn.forum?.setter == "united-nations")
        #expect(bonn.issue("na-share")?.observed?.range == 57...70)
        #expect(bonn.issue("security-force")?.observed?.range == 50...75)
    }

    /// A seed quote changed by one word no longer matches the shipped text: the file is refused at
    /// that quote's line.
    @Test func aChangedSeedQuoteFailsAtItsLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-founding-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sources"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = "Hamid Karzai was the United States’ favored candidate to lead the new Afghan government"
        let text = try String(contentsOfFile: examplePath("bonn-2001.yaml"), encoding: .utf8)
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(original) }) + 1
        try text.replacingOccurrences(of: original, with: "Hamid Karzai was the United States’ only candidate to lead the new Afghan government")
            .write(to: directory.appendingPathComponent("bonn.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(atPath: examplePath("sources/mousavian2014.txt"),
                                         toPath: directory.appendingPathComponent("sources/mousavian2014.txt").path)
        do {
            _ = try ScenarioFile.read(directory.appendingPathComponent("bonn.yaml").path)
            Issue.record("a changed quote was accepted")
        } catch {
            let message = error.errors.map(\.description).joined(separator: "\n")
            #expect(message.contains("bonn.yaml:\(line):"), "\(message)")
            #expect(message.contains("does not appear in the text of source 'mousavian2014'"), "\(message)")
        }
    }
}
