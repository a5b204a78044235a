import Foundation
import ParleyCore
@testable import ParleyIO
import PropertyBased
import Testing

/// Fixtures live in Tests/ParleyIOTests/Fixtures, excluded from the target in Package.swift.
func fixturePath(_ name: String) -> String { packageRoot + "/Tests/ParleyIOTests/Fixtures/" + name }

/// Decodes `text` as `format` and returns the errors it raises (empty when it decodes).
func importErrors(_ text: String, format: ScenarioFormat, file: String = "test") -> [ScenarioError] {
    do {
        _ = try ScenarioCodec.decode(text, format: format, file: file)
        return []
    } catch {
        return error.errors
    }
}

/// Importers and exporters for KTAB CSV, KTAB XML and decide TSV.
@Suite struct InteropTests {}

extension InteropTests {
    @Suite struct KTABCSV {
        /// KTAB's own example, copied verbatim (trailing commas, spaces after commas, a quoted description).
        @Test func readsKTABsDummyData() throws {
            let scenario = try ScenarioFile.read(fixturePath("dummyData_3Dim.csv"))
            #expect(scenario.name == "DummyData_3Dim")
            #expect(scenario.summary == "Dummy scenario to test reading format")
            #expect(scenario.stakeholders.count == 7)
            #expect(scenario.issues.map(\.name) == ["Pstn1", "Pstn2", "Pstn3"])
            #expect(scenario.issues.map(\.id) == ["pstn1", "pstn2", "pstn3"])
            #expect(scenario.issues.allSatisfy { $0.scale == .percent })
            #expect(scenario.stakeholders.map(\.id).first == "sactor-00")
            let actor = try #require(scenario.stakeholder("sactor-02"))
            #expect(actor.name == "SActor-02")
            #expect(actor.description == "Random Spatial Actor")
            #expect(actor.capability == 129.643)                      // file: "SActor-02, ..., 129.643, ..."
            #expect(actor.stance(on: "pstn3")?.position == 0.07)     // file: "..., 0.07, 34.62,"
            #expect(actor.stance(on: "pstn3")?.salience == 34.62)
            #expect(actor.stance(on: "pstn1")?.position == 82.45)
            #expect(scenario.sources.map(\.id) == ["ktab-csv"])
            #expect(scenario.sources.first?.title == "Imported from KTAB CSV dummyData_3Dim.csv")
            #expect(scenario.models.spatial == nil)
        }

        /// The shape of KTAB's dummyData_6Dim.csv: CRLF lines, extra fields on line 1, "Dim0 Position" headers.
        @Test func readsTheSixDimensionShape() throws {
            let text = "Combined,All six,3,2,0,,,\r\nActor,Description,Influence,Dim0 Position,Dim0 Salience,Dim1 Position,Dim1 Salience\r\n"
                + "AA00,Actor 00,99.98,50,8,62.5,10\r\nAA01,Actor 01,79.79,60,16.53,72.5,11.15\r\nAA02,Actor 02,63.95,20,11.56,50,11.56\r\n"
            let scenario = try ScenarioCodec.decode(text, format: .ktabCSV, file: "six.csv")
            #expect(scenario.issues.map(\.name) == ["Dim0 Position", "Dim1 Position"])
            #expect(scenario.stakeholders.map(\.id) == ["aa00", "aa01", "aa02"])
            #expect(scenario.stakeholder("aa01")?.stance(on: "dim1-position")?.salience == 11.15)
        }

        @Test func roundTripIsTheIdentity() throws {
            let scenario = try ScenarioFile.read(fixturePath("dummyData_3Dim.csv"))
            let encoded = try ScenarioCodec.encode(scenario, format: .ktabCSV)
            // KTAB's shape, and nothing Parley-specific when the names give back the ids.
            let lines = encoded.text.split(separator: "\n")
            #expect(lines.first == "DummyData_3Dim,Dummy scenario to test reading format,7,3")
            #expect(lines.dropFirst().first == "Actor,Description,Power,Pstn1,Sal1,Pstn2,Sal2,Pstn3,Sal3")
            #expect(lines.dropFirst(4).first == "SActor-02,Random Spatial Actor,129.643,82.45,48.47,90.89,13.55,0.07,34.62")
            let again = try ScenarioCodec.decode(encoded.text, format: .ktabCSV, file: fixturePath("dummyData_3Dim.csv"))
            #expect(again == scenario)
            #expect(encoded.notes.isEmpty, "\(encoded.notes)")
        }

        static let header = "Test,A test,3,2\nActor,Description,Power,Oil,Sal1,Gas,Sal2\n"

        @Test func salienceSumAbove100IsALocatedError() {
            let text = Self.header + "A,,10,50,40,50,40\nB,,10,20,60,30,60\nC,,10,1,1,2,2\n"
            let errors = importErrors(text, format: .ktabCSV, file: "sum.csv")
            #expect(errors.count == 1)
            let error = errors.first
            #expect(error?.location == SourceLocation(file: "sum.csv", line: 4, column: 1))
            #expect(error?.message == "KTAB CSV line 4: the saliences of actor 'B' sum to 120; KTAB requires at most 100 per actor and refuses this file")
            #expect(error?.hint?.contains("scale actor 'B'") == true)
        }

        @Test func aNonNumberIsLocatedAtItsField() {
            let text = Self.header + "A,,10,50,40,50,40\nB,,10,abc,30,30,60\nC,,10,1,1,2,2\n"
            let errors = importErrors(text, format: .ktabCSV, file: "nan.csv")
            #expect(errors.map(\.location) == [SourceLocation(file: "nan.csv", line: 4, column: 7)])
            #expect(errors.first?.message == "KTAB CSV line 4, column 7 (position of actor 'B' on 'Oil'): expected a number 0-100, found 'abc'")
        }

        @Test func aWrongNumberOfActorsIsReportedOnLineOne() {
            let text = Self.header + "A,,10,50,40,50,40\nB,,10,20,30,30,60\n"
            let errors = importErrors(text, format: .ktabCSV, file: "count.csv")
            #expect(errors.map(\.location) == [SourceLocation(file: "count.csv", line: 1, column: 13)])
            #expect(errors.first?.message == "KTAB CSV line 1 declares 3 actors, but the file has 2 actor row(s) (lines 3-4)")
        }

        @Test(arguments: [
            // (text, line, column, message fragment)
            ("Test,A test,3\n", 1, 1, "expected <name>,<description>,<number of actors>,<number of dimensions>, found 3 field(s)"),
            ("Test,A test,3,two\nActor,Description,Power,Oil,Sal1\nA,,1,2,3\nB,,1,2,3\nC,,1,2,3\n", 1, 15, "(number of dimensions): expected a whole number"),
            ("Test,A test,3,2\nActor,Description,Power,Oil,Sal1\n", 2, 33, "the header needs 7 columns"),
            (header + "A,,10,50,40,50\nB,,1,2,3,4,5\nC,,1,2,3,4,5\n", 3, 15, "expected 7 fields for actor 'A'"),
            (header + "A,,-1,50,40,50,40\nB,,1,2,3,4,5\nC,,1,2,3,4,5\n", 3, 4, "(capability of actor 'A'): expected a number >= 0, found '-1'"),
            (header + "A,,1,50,40,150,40\nB,,1,2,3,4,5\nC,,1,2,3,4,5\n", 3, 12, "(position of actor 'A' on 'Gas'): expected a number 0-100, found '150'"),
            (header + ",,1,50,40,50,40\nB,,1,2,3,4,5\nC,,1,2,3,4,5\n", 3, 1, "expected an actor name in the first field"),
        ])
        func malformedFilesGiveLocatedErrors(text: String, line: Int, column: Int, fragment: String) {
            let errors = importErrors(text, format: .ktabCSV, file: "bad.csv")
            let error = errors.first { $0.message.contains(fragment) }
            #expect(error?.location == SourceLocation(file: "bad.csv", line: line, column: column), "\(errors)")
        }
    }
}

extension InteropTests {
    @Suite struct KTABXML {
        @Test func readsParametersSeedAndIdealAdjustments() throws {
            let scenario = try ScenarioFile.read(fixturePath("smp-small.xml"))
            #expect(scenario.name == "SmallSMP")
            #expect(scenario.summary == "Three actors & two dimensions")
            #expect(scenario.issues.map(\.name) == ["FirstDim", "SecondDim"])
            #expect(scenario.stakeholders.map(\.id) == ["alice", "bob", "carol"])
            #expect(scenario.stakeholder("carol")?.description == nil)
            #expect(scenario.stakeholder("alice")?.capability == 117.7)
            #expect(scenario.stakeholder("bob")?.stance(on: "seconddim")?.salience == 34.5)
            let spatial = try #require(scenario.models.spatial)
            #expect(spatial.victoryProbModel == .quartic)
            #expect(spatial.pceModel == .markovIncentive)
            #expect(spatial.stateTransitions == .stochastic)
            #expect(spatial.votingRule == .propCbc)
            #expect(spatial.bigRAdjust == .half)
            #expect(spatial.bigRRange == .max)
            #expect(spatial.thirdPartyCommit == .fullCommit)
            #expect(spatial.interVecBargain == .s2pmax)
            #expect(spatial.bargainModel == .pairwiseCompromise)
            #expect(spatial.seed == 0x89B9_E567_3178_3372)
            #expect(spatial.idealAdjustments == [
                .init(adjusting: "alice", reference: "alice", adjust: 0.87),
                .init(adjusting: "bob", reference: "alice", adjust: 0.07),
            ])
        }

        @Test func roundTripIsTheIdentity() throws {
            let scenario = try ScenarioFile.read(fixturePath("smp-small.xml"))
            let encoded = try ScenarioCodec.encode(scenario, format: .ktabXML)
            #expect(encoded.text.contains("<prngSeed>9924215485261951858</prngSeed>"))  // 0x89B9E56731783372 in decimal, as KTAB's stoull reads it
            #expect(encoded.text.contains("<VotingRule>PropCbc</VotingRule>"))
            #expect(encoded.text.contains("<adjustingIdeal>Bob</adjustingIdeal>"))
            #expect(!encoded.text.contains(" id=\""), "the names give back the ids; no id attributes needed")
            let again = try ScenarioCodec.decode(encoded.text, format: .ktabXML, file: fixturePath("smp-small.xml"))
            #expect(again == scenario)
        }

        /// The CSV and the XML form of one scenario read to the same values.
        @Test func csvAndXMLAgree() throws {
            let fromCSV = try ScenarioFile.read(fixturePath("dummyData_3Dim.csv"))
            let xml = try ScenarioCodec.encode(fromCSV, format: .ktabXML).text
            let fromXML = try ScenarioCodec.decode(xml, format: .ktabXML, file: "dummyData_3Dim.xml")
            #expect(fromXML.issues == fromCSV.issues)
            #expect(fromXML.stakeholders == fromCSV.stakeholders)
            #expect(fromXML.models.spatial == nil)
        }

        /// KTAB's shipped smpExample.xml leaves Alice's first coordinate empty. The ideal adjustment
        /// naming Alice adds no second error.
        @Test func anEmptyCoordinateIsALocatedError() {
            let text = """
                <Scenario>
                  <name>S</name><desc>D</desc><prngSeed>0</prngSeed>
                  <Dimensions><dName>FirstDim</dName></Dimensions>
                  <Actors>
                    <Actor>
                      <name>Alice</name><description>x</description><capability>117.7</capability>
                      <Position>
                        <dCoord></dCoord>
                      </Position>
                      <Salience><dSal>32.3</dSal></Salience>
                    </Actor>
                  </Actors>
                  <IdealAdjustment>
                    <iaPair><adjustingIdeal>Alice</adjustingIdeal><referencePos>Alice</referencePos><adjust>0.5</adjust></iaPair>
                  </IdealAdjustment>
                </Scenario>
                """
            let errors = importErrors(text, format: .ktabXML, file: "smpExample.xml")
            #expect(errors.map(\.location) == [SourceLocation(file: "smpExample.xml", line: 8, column: 9)])
            #expect(errors.first?.message == "empty <dCoord> for actor 'Alice', dimension 1 (FirstDim): expected a number 0-100")
        }

        @Test func anUnknownParameterValueListsKTABsNames() throws {
            let text = try ScenarioFile.readText(fixturePath("smp-small.xml"))
                .replacingOccurrences(of: "<VotingRule>PropCbc</VotingRule>", with: "<VotingRule>PropCubic</VotingRule>")
            let errors = importErrors(text, format: .ktabXML, file: "vote.xml")
            #expect(errors.map(\.location) == [SourceLocation(file: "vote.xml", line: 12, column: 5)])
            #expect(errors.first?.message == "<VotingRule>: 'PropCubic' is not a KTAB VotingRule value; expected one of: Binary, PropBin, Proportional, PropCbc, Cubic, ASymProsp")
            #expect(errors.first?.hint == "did you mean 'PropCbc'?")
        }

        @Test(arguments: [
            ("<Scenario><name>S</name>\n<Actors><Actor></Actors></Scenario>", 2, 16, "expected </Actor> to close <Actor> from line 2, found </Actors>"),
            ("<Scenario><nmae>S</nmae></Scenario>", 1, 11, "unknown element <nmae> in <Scenario>"),
            ("<Scenario>\n<prngSeed>12a</prngSeed></Scenario>", 2, 1, "<prngSeed>: expected an integer"),
            ("<Scenario><name>a &amp b</name></Scenario>", 1, 19, "'&' must start an entity"),
            ("<Other/>", 1, 1, "expected a KTAB scenario (root element <Scenario>), found <Other>"),
            ("<Scenario>", 1, 11, "the file ends before <Scenario> from line 1 is closed"),
        ])
        func malformedFilesGiveLocatedErrors(text: String, line: Int, column: Int, fragment: String) {
            let errors = importErrors(text, format: .ktabXML, file: "bad.xml")
            let error = errors.first { $0.message.contains(fragment) }
            #expect(error?.location == SourceLocation(file: "bad.xml", line: line, column: column), "\(errors)")
        }

        @Test func anIdealAdjustmentNamingNoActorSuggestsOne() throws {
            let text = try ScenarioFile.readText(fixturePath("smp-small.xml"))
                .replacingOccurrences(of: "<referencePos>Alice</referencePos>\n      <adjust>0.07", with: "<referencePos>Alcie</referencePos>\n      <adjust>0.07")
            let errors = importErrors(text, format: .ktabXML, file: "ia.xml")
            #expect(errors.count == 1)
            #expect(errors.first?.location?.line == 70)
            #expect(errors.first?.hint == "did you mean 'Alice'?")
        }
    }
}

extension InteropTests {
    @Suite struct DecideTSV {
        @Test func readsTheFixture() throws {
            let scenario = try ScenarioFile.read(fixturePath("decide-toll.tsv"))
            #expect(scenario.name == "Toll ring (hand-written test data in decide's input format)")
            #expect(scenario.issues.map(\.id) == ["toll", "fee"])
            #expect(scenario.stakeholders.map(\.id) == ["city", "greens", "shops"])
            #expect(scenario.stakeholders.map(\.name) == ["City council", "Green party", "Shopkeepers"])
            #expect(scenario.stakeholder("city")?.description == "the executive")
            #expect(scenario.stakeholder("greens")?.description == nil)
            let fee = try #require(scenario.issue("fee"))
            #expect(fee.scale.min == 0.5)                              // '#M' 'fee' 0.5
            #expect(fee.scale.max == 7)                                // '#M' 'fee' 7
            #expect(fee.anchors.isEmpty)
            #expect(fee.description == "per car per day")
            let toll = try #require(scenario.issue("toll"))
            #expect(toll.scale == .percent)
            #expect(toll.anchors.map(\.label) == ["No, never", "Only under conditions", "Yes"])
            let greens = try #require(scenario.stakeholder("greens"))
            #expect(greens.stance(on: "toll")?.salience == 80)         // 0.8 x 100
            #expect(greens.capability == 0.6)
            #expect(scenario.stakeholder("shops")?.stance(on: "fee")?.salience == 7)  // 0.07 x 100, exactly
            // City's power is 1 on toll and 0.8 on fee: capability = the largest, the other an override.
            let city = try #require(scenario.stakeholder("city"))
            #expect(city.capability == 1)
            #expect(city.stance(on: "toll")?.capability == nil)
            #expect(city.stance(on: "fee")?.capability == 0.8)
            #expect(city.capability(on: "fee") == 0.8)
        }

        @Test func roundTripIsTheIdentity() throws {
            let scenario = try ScenarioFile.read(fixturePath("decide-toll.tsv"))
            let encoded = try ScenarioCodec.encode(scenario, format: .decideTSV)
            #expect(encoded.text.contains("'#D'\t'city'\t'fee'\t3\t0.7\t0.8\n"))
            #expect(encoded.text.contains("'#M'\t'toll'\t50\t'Only under conditions'\n"))
            #expect(encoded.text.contains("'#M'\t'fee'\t0.5\n"))
            #expect(encoded.notes.isEmpty, "\(encoded.notes)")
            let again = try ScenarioCodec.decode(encoded.text, format: .decideTSV, file: fixturePath("decide-toll.tsv"))
            #expect(again == scenario)
        }

        static let head = "'#A'\t'City'\t'City council'\n'#A'\t'Greens'\t'Green party'\n'#P'\t'toll'\t'Toll?'\n"

        @Test func aRowOfAnUndefinedActorIsLeftOutWithAWarningAndADidYouMean() throws {
            // decide leaves '#D' rows of undefined actors out of its model (its CoP21.csv has two such
            // actors); Parley does the same and says so, at the row.
            let text = Self.head + "'#D'\t'City'\t'toll'\t40\t0.5\t0.5\n'#D'\t'Grens'\t'toll'\t50\t0.5\t0.5\n"
            let reading = try ScenarioCodec.read(text, format: .decideTSV, file: "d.tsv")
            #expect(reading.scenario.stakeholders.map(\.id) == ["city", "greens"])
            #expect(reading.scenario.stakeholders.first?.stances.first?.position == 40)
            #expect(reading.warnings.map(\.location) == [SourceLocation(file: "d.tsv", line: 5, column: 6)])
            #expect(reading.warnings.first?.severity == .warning)
            #expect(reading.warnings.first?.message
                    == "'#D' row names the actor 'Grens', which no '#A' row defines: the row is left out, as decide leaves it out")
            #expect(reading.warnings.first?.hint == "did you mean 'Greens'? add a '#A' row for 'Grens' to include it")
            // An undefined issue likewise (decide's model keeps only rows of defined actors and issues).
            let issue = try ScenarioCodec.read(Self.head + "'#D'\t'City'\t'toll'\t40\t0.5\t0.5\n'#D'\t'City'\t'tol'\t50\t0.5\t0.5\n",
                                              format: .decideTSV, file: "d.tsv")
            #expect(issue.warnings.map(\.location) == [SourceLocation(file: "d.tsv", line: 5, column: 13)])
            #expect(issue.warnings.first?.hint == "did you mean 'toll'? add a '#P' row for 'tol' to include it")
        }

        @Test func aFileShapedLikeDecidesCoP21IsReadAsDecideReadsIt() throws {
            // scripts/decide_shaped_inputs.py: semicolons, '#O'/'#/' rows, 8 defined actors and 8 '#D'
            // rows of two undefined ones (sluice-west from line 52, nature-trust), which decide leaves out.
            let path = packageRoot + "/Tests/ParleyBargainingTests/Fixtures/decide/delta.csv"
            let reading = try ScenarioFile.readWithWarnings(path)
            #expect(reading.scenario.stakeholders.count == 8)
            #expect(reading.scenario.issues.map(\.id) == ["dikes", "salt", "dredging", "wetlands", "levy"])
            #expect(reading.warnings.count == 8)
            #expect(reading.warnings.first?.location?.line == 52)
            #expect(reading.warnings.allSatisfy { $0.message.contains("'sluice-west'") || $0.message.contains("'nature-trust'") })
        }

        @Test(arguments: ["\t", ";", ","]) func theDelimiterIsTheOneAfterTheFirstTag(_ delimiter: String) throws {
            // decide guesses its files' delimiter; its own are written with tabs and with semicolons.
            let rows = ["#O", "Ports; quays, and locks", ""] + ["#/", "a comment", ""] + ["#A", "City", "City council"]
                + ["#A", "Greens", "Green party"] + ["#P", "toll", "Toll?"] + ["#M", "toll", "0", "none"] + ["#M", "toll", "80", "high"]
                + ["#D", "City", "toll", "40", "0.5", "1"] + ["#D", "Greens", "toll", "70", "0.25", "0.5"]
            let widths = [3, 3, 3, 3, 3, 4, 4, 6, 6]
            var lines: [String] = []
            var start = 0
            for width in widths {
                var fields = Array(rows[start..<start + width])
                if delimiter != "\t" { fields = fields.map { $0.contains(delimiter) ? "'\($0)'" : $0 } }
                lines.append(fields.joined(separator: delimiter) + delimiter + delimiter)
                start += width
            }
            let text = lines.joined(separator: "\n") + "\n"
            #expect(ScenarioFormat(sniffing: text) == .decideTSV)
            let scenario = try ScenarioCodec.decode(text, format: .decideTSV, file: "d.csv")
            #expect(scenario.name == "Ports; quays, and locks")
            #expect(scenario.issues.first?.scale.max == 80)
            // Salience 0.25 is 25 on Parley's 0-100 scale; power 0.5 against the largest power 1.
            #expect(scenario.stakeholders.map(\.id) == ["city", "greens"])
            #expect(scenario.stakeholders.last?.stances.first?.position == 70)
            #expect(scenario.stakeholders.last?.stances.first?.salience == 25)
        }

        @Test func aSalienceAboveOneIsRefused() {
            let errors = importErrors(Self.head + "'#D'\t'City'\t'toll'\t50\t1.5\t0.5\n", format: .decideTSV, file: "d.tsv")
            #expect(errors.map(\.location) == [SourceLocation(file: "d.tsv", line: 4, column: 23)])
            #expect(errors.first?.message == "'#D' row for actor 'City' on issue 'toll': salience 1.5 is outside 0-1")
        }

        @Test(arguments: [
            ("'#D'\t'City'\t'toll'\t50\t0.5\n", 4, 1, "expected '#D' <actor key> <issue key> <position> <salience 0-1> <power 0-1>, found 5 field(s)"),
            ("'#D'\t'City'\t'toll'\tabc\t0.5\t0.5\n", 4, 20, "expected the position (a number), found 'abc'"),
            ("'#D'\t'City'\t'toll'\t50\t0.5\t2\n", 4, 27, "power 2 is outside 0-1"),
            ("'#D'\t'City'\t'toll'\t150\t0.5\t0.5\n", 4, 20, "position 150 is outside the scale 0...100"),
            ("'#M'\t'toll'\t5\n'#M'\t'toll'\t5\n", 5, 6, "its scale needs two different values"),
            ("'#X'\t'a'\n", 4, 1, "unknown row tag '#X'"),
            ("'#A'\t'City'\t'Again'\n", 4, 6, "actor key 'City' is defined twice (first on line 1)"),
            ("'#D'\t'City'\t'toll'\t50\t0.5\t0.5\n'#D'\t'City'\t'toll'\t60\t0.5\t0.5\n", 5, 1, "a second '#D' row for actor 'City' on issue 'toll'"),
        ])
        func malformedRowsGiveLocatedErrors(row: String, line: Int, column: Int, fragment: String) {
            let errors = importErrors(Self.head + row, format: .decideTSV, file: "d.tsv")
            #expect(errors.first?.location == SourceLocation(file: "d.tsv", line: line, column: column), "\(errors)")
            #expect(errors.first?.message.contains(fragment) == true, "\(errors)")
        }
    }
}

extension InteropTests {
    @Suite struct Bonn {
        @Test(arguments: [ScenarioFormat.ktabCSV, .ktabXML, .decideTSV])
        func bonnKeepsIdsNamesAndPositions(format: ScenarioFormat) throws {
            let bonn = try ScenarioFile.read(examplePath("bonn-2001.yaml"))
            let encoded = try ScenarioCodec.encode(bonn, format: format)
            let back = try ScenarioCodec.decode(encoded.text, format: format, file: "bonn.\(format)")
            #expect(back.issues.map(\.id) == bonn.issues.map(\.id))
            #expect(back.issues.map(\.name) == bonn.issues.map(\.name))
            #expect(back.stakeholders.map(\.id) == bonn.stakeholders.map(\.id))
            #expect(back.stakeholders.map(\.name) == bonn.stakeholders.map(\.name))
            for stakeholder in bonn.stakeholders {
                for stance in stakeholder.stances {
                    let issue = try #require(bonn.issue(stance.issue))
                    let read = try #require(back.stakeholder(stakeholder.id)?.stance(on: stance.issue))
                    let position = format == .decideTSV ? read.position : issue.scale.fromPercent(read.position)
                    #expect(abs(position - stance.position) <= 1e-9 * issue.scale.width, "\(stakeholder.id) on \(stance.issue)")
                }
            }
            #expect(encoded.notes.contains { $0.hasPrefix("\(format == .decideTSV ? "decide TSV" : format == .ktabCSV ? "KTAB CSV" : "KTAB XML") does not carry evidence, sources") })
        }

        @Test(arguments: [ScenarioFormat.ktabCSV, .ktabXML])
        func ktabRescalesSaliencesWithANotePerStakeholder(format: ScenarioFormat) throws {
            let bonn = try ScenarioFile.read(examplePath("bonn-2001.yaml"))
            let encoded = try ScenarioCodec.encode(bonn, format: format)
            let back = try ScenarioCodec.decode(encoded.text, format: format, file: "bonn")
            for stakeholder in bonn.stakeholders {
                let sum = stakeholder.stances.map(\.salience).reduce(0, +)
                let readSum = back.stakeholder(stakeholder.id)?.stances.map(\.salience).reduce(0, +) ?? -1
                #expect(readSum <= 100)
                let note = encoded.notes.first { $0.contains(": \(stakeholder.id)'s (sum ") }
                if sum > 100 {
                    #expect(note == "KTAB needs saliences summing to at most 100 per actor: \(stakeholder.id)'s (sum \(Interop.rounded(sum, digits: 2))) were scaled by \(Interop.rounded(100 / sum))")
                    #expect(abs(readSum - 100) < 0.001 * Double(bonn.issues.count))
                    // Ratios between an actor's saliences survive the scaling (to the 4 decimals written).
                    for stance in stakeholder.stances {
                        let read = back.stakeholder(stakeholder.id)?.stance(on: stance.issue)?.salience ?? -1
                        #expect(abs(read - stance.salience * 100 / sum) < 0.0001)
                    }
                } else {
                    #expect(note == nil)
                }
            }
            #expect(encoded.notes.contains { $0.hasPrefix("KTAB accepts actor names of at most 25 characters") })
        }

        /// The decide export divides capabilities by the largest so that power is 0-1.
        @Test func decideScalesPowerToOne() throws {
            let bonn = try ScenarioFile.read(examplePath("bonn-2001.yaml"))
            let encoded = try ScenarioCodec.encode(bonn, format: .decideTSV)
            let largest = bonn.stakeholders.map(\.capability).max() ?? 1
            #expect(encoded.notes.contains("decide needs power 0-1: every capability was divided by the largest, \(NumberText.plain(largest))"))
            let back = try ScenarioCodec.decode(encoded.text, format: .decideTSV, file: "bonn.tsv")
            for stakeholder in bonn.stakeholders {
                #expect(abs((back.stakeholder(stakeholder.id)?.capability ?? -1) - stakeholder.capability / largest) < 1e-12)
            }
        }
    }
}

extension InteropTests {
    @Suite struct Properties {
        /// Any valid scenario, however awkward its text and numbers, survives each exchange format
        /// with its ids, its plain names and its positions; decide also keeps saliences exactly.
        @Test(arguments: [ScenarioFormat.ktabCSV, .ktabXML, .decideTSV])
        func generatedScenariosSurvive(format: ScenarioFormat) async {
            await propertyCheck(count: 200, input: Gen.uint64(in: 0...UInt64.max)) { seed in
                var generator = ScenarioGenerator(seed: seed)
                do {
                    let scenario = try generator.scenario()
                    let encoded = try ScenarioCodec.encode(scenario, format: format)
                    let back = try ScenarioCodec.decode(encoded.text, format: format, file: "generated")
                    #expect(back.issues.map(\.id) == scenario.issues.map(\.id), "seed \(seed)")
                    #expect(back.stakeholders.map(\.id) == scenario.stakeholders.map(\.id), "seed \(seed)")
                    let isPlain: (String) -> Bool = { name in
                        name == Interop.trimmed(name) && !name.contains { $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\"" }
                    }
                    for (original, read) in zip(scenario.stakeholders, back.stakeholders) where isPlain(original.name) {
                        #expect(read.name == original.name, "seed \(seed)")
                    }
                    for stakeholder in scenario.stakeholders {
                        for stance in stakeholder.stances {
                            guard let issue = scenario.issue(stance.issue),
                                  let read = back.stakeholder(stakeholder.id)?.stance(on: stance.issue) else {
                                Issue.record("seed \(seed): \(stakeholder.id) lost its stance on \(stance.issue)")
                                continue
                            }
                            let position = format == .decideTSV ? read.position : issue.scale.fromPercent(read.position)
                            #expect(abs(position - stance.position) <= 1e-9 * issue.scale.width, "seed \(seed)")
                            if format == .decideTSV { #expect(read.salience == stance.salience, "seed \(seed)") }
                        }
                    }
                } catch {
                    Issue.record("seed \(seed): \(error)")
                }
            }
        }

        /// Files with a few characters deleted, replaced or inserted never crash the readers; they
        /// read, or every error they raise has a location.
        @Test(arguments: [("dummyData_3Dim.csv", ScenarioFormat.ktabCSV), ("smp-small.xml", .ktabXML), ("decide-toll.tsv", .decideTSV)])
        func mangledFilesGiveLocatedErrors(file: String, format: ScenarioFormat) async throws {
            let original = Array(try ScenarioFile.readText(fixturePath(file)).unicodeScalars)
            let junk: [Unicode.Scalar] = [",", "\t", "'", "\"", "<", ">", "/", "&", ";", "#", "\n", "x", "-", "9", ".", "e", " "]
            await propertyCheck(count: 300, input: Gen.uint64(in: 0...UInt64.max)) { seed in
                var stream = RandomStream(seed: seed, purpose: "interop-mangle")
                var scalars = original
                for _ in 0...stream.nextInt(below: 4) where !scalars.isEmpty {
                    let at = Int(stream.nextInt(below: UInt64(scalars.count)))
                    let replacement = junk[Int(stream.nextInt(below: UInt64(junk.count)))]
                    switch stream.nextInt(below: 3) {
                    case 0: scalars.remove(at: at)
                    case 1: scalars[at] = replacement
                    default: scalars.insert(replacement, at: at)
                    }
                }
                do throws(ScenarioErrors) {
                    _ = try ScenarioCodec.decode(String(String.UnicodeScalarView(scalars)), format: format, file: "mangled")
                } catch {
                    #expect(!error.errors.isEmpty)
                    #expect(error.errors.allSatisfy { $0.location != nil }, "seed \(seed): \(error)")
                }
            }
        }

        /// Saliences written as 0-1 fractions read back to the same 0-100 double.
        @Test func shiftedNumbersReadBackExactly() async {
            await propertyCheck(count: 1000, input: Gen.double(in: 0...100)) { value in
                let text = Interop.text(value, shiftedBy: 2)
                #expect(Interop.number(text, shiftedBy: 2) == value, "\(value) was written \(text)")
            }
            #expect(Interop.text(7, shiftedBy: 2) == "0.07")
            #expect(Interop.text(95, shiftedBy: 2) == "0.95")
            #expect(Interop.text(100, shiftedBy: 2) == "1")
            #expect(Interop.text(0, shiftedBy: 2) == "0")
            #expect(Interop.text(0.5, shiftedBy: 2) == "0.005")
            #expect(Interop.number("7e-2", shiftedBy: 2) == 7)
            #expect(Interop.number("0e9223372036854775807", shiftedBy: 2) == nil)
        }

        @Test func fieldsAreSplitTrimmedAndUnquoted() {
            let fields = Interop.fields(" a , \"b, c\" ,'d'", delimiter: ",", quote: "\"")
            #expect(fields.map(\.text) == ["a", "b, c", "'d'"])
            #expect(fields.map(\.column) == [2, 6, 14])
            let tabs = Interop.fields("'#A'\t'it''s'\t\t'x' ", delimiter: "\t", quote: "'")
            #expect(tabs.map(\.text) == ["#A", "it's", "", "x"])
        }
    }
}
