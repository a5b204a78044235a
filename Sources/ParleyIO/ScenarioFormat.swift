public import ParleyCore
import Foundation

/// The scenario file formats Parley reads and writes.
public enum ScenarioFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// `format: parley/1` as YAML (`.yaml`, `.yml`).
    case yaml
    /// `format: parley/1` as JSON (`.json`).
    case json
    /// KTAB's SMP CSV (`.csv`): positions and saliences 0–100, saliences summing to at most 100 per actor.
    case ktabCSV = "ktab-csv"
    /// KTAB's SMP XML (`.xml`), with its model parameters.
    case ktabXML = "ktab-xml"
    /// decide-exchange-model's tab-separated input (`.tsv`, `.txt`): `#A #P #M #D` rows.
    case decideTSV = "decide-tsv"

    public var description: String { rawValue }

    /// The format a file name implies, or `nil` for an unknown extension.
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        case "csv": self = .ktabCSV
        case "xml": self = .ktabXML
        case "tsv", "txt", "dat": self = .decideTSV
        default: return nil
        }
    }

    /// The format the text itself announces, when it does so unmistakably, else `nil`:
    /// decide TSV when a line among the first 50 non-blank ones starts with a decide row tag
    /// (`#A`, `#P`, `#M`, `#D`, `#O`, quoted or not) followed by a tab, a semicolon or a comma
    /// (decide guesses the delimiter of its files, and its own are written both ways), KTAB XML when the text
    /// starts with `<`. decide ships its inputs as `.csv` files, so content must come before the
    /// extension; YAML, JSON and KTAB CSV carry no such mark and are told by the extension.
    /// - Complexity: O(length of the first 50 non-blank lines).
    public init?(sniffing text: String) {
        let first = text.unicodeScalars.first { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }
        if first == "<" {
            self = .ktabXML
            return
        }
        guard Self.decideDelimiter(of: text, tags: ["#A", "#P", "#M", "#D", "#O"]) != nil else { return nil }
        self = .decideTSV
    }

    /// The delimiter of a decide input: the tab, semicolon or comma right after the first row tag
    /// among `tags` (quoted or not) in the first 50 non-blank lines; `nil` when no line starts so.
    /// - Complexity: O(length of the first 50 non-blank lines).
    static func decideDelimiter(of text: String, tags: Set<String> = ["#A", "#P", "#M", "#D", "#O", "#/", "#0"]) -> Unicode.Scalar? {
        var seen = 0
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            guard line.contains(where: { !$0.isWhitespace }) else { continue }
            seen += 1
            if seen > 50 { break }
            guard let cut = line.unicodeScalars.firstIndex(where: { $0 == "\t" || $0 == ";" || $0 == "," }) else { continue }
            var tag = String(line.unicodeScalars[..<cut]).trimmingCharacters(in: .whitespaces)
            if tag.count >= 2, tag.hasPrefix("'") || tag.hasPrefix("\""), tag.last == tag.first {
                tag = String(tag.dropFirst().dropLast())
            }
            if tags.contains(tag) { return line.unicodeScalars[cut] }
        }
        return nil
    }

    /// Whether the format keeps everything a scenario holds (evidence, sources, anchors, uncertainty).
    public var isLossless: Bool { self == .yaml || self == .json }
}

/// A scenario written in some format, with notes on anything the format could not carry.
public struct EncodedScenario: Sendable {
    public var text: String
    /// Human-readable notes on information dropped or adjusted (for example saliences rescaled
    /// to KTAB's per-actor sum of at most 100).
    public var notes: [String]

    public init(text: String, notes: [String] = []) {
        self.text = text
        self.notes = notes
    }
}

/// A scenario read from text, with the findings that did not stop it from being read.
public struct ScenarioReading: Sendable {
    public var scenario: Scenario
    /// Warnings (severity `.warning`), located, in file order: evidence dated after `as_of`.
    /// `parley validate --strict` treats them as errors.
    public var warnings: [ScenarioError]

    public init(scenario: Scenario, warnings: [ScenarioError] = []) {
        self.scenario = scenario
        self.warnings = warnings
    }
}

/// Reads and writes scenarios in every supported format, from and to text.
public enum ScenarioCodec {
    /// Parses `text` as `format`.
    /// - Parameters:
    ///   - text: the document.
    ///   - format: how it is written.
    ///   - file: the name errors are located in.
    ///   - sourceTexts: where sources' `text:` files are read from, to verify quotes;
    ///     `.ignore` (the default) opens no file.
    /// - Throws: `ScenarioErrors` with every problem found, each located.
    public static func decode(
        _ text: String, format: ScenarioFormat, file: String? = nil, sourceTexts: SourceTextPolicy = .ignore
    ) throws(ScenarioErrors) -> Scenario {
        try read(text, format: format, file: file, sourceTexts: sourceTexts).scenario
    }

    /// Parses `text` as `format`, keeping the warnings (see ``ScenarioReading``).
    /// - Throws: `ScenarioErrors` as ``decode(_:format:file:sourceTexts:)``.
    public static func read(
        _ text: String, format: ScenarioFormat, file: String? = nil, sourceTexts: SourceTextPolicy = .ignore
    ) throws(ScenarioErrors) -> ScenarioReading {
        switch format {
        case .yaml, .json:
            let root = format == .yaml
                ? try YAMLDocumentReader.read(text, file: file)
                : try JSONDocumentReader.read(text, file: file)
            guard let root else {
                throw ScenarioErrors([ScenarioError(
                    .emptyFile, "the file holds no data (only blanks or comments)",
                    hint: "a scenario starts with 'format: parley/1'; see Examples/bonn-2001.yaml",
                    location: SourceLocation(file: file, line: 1, column: 1))])
            }
            var decoder = ScenarioDecoder(file: file, textPolicy: sourceTexts)
            let scenario = try decoder.decode(root)
            return ScenarioReading(scenario: scenario, warnings: decoder.warnings)
        case .ktabCSV:
            return ScenarioReading(scenario: try KTABCSVCodec.decode(text, file: file))
        case .ktabXML:
            return ScenarioReading(scenario: try KTABXMLCodec.decode(text, file: file))
        case .decideTSV:
            return try DecideTSVCodec.read(text, file: file)
        }
    }

    /// Writes `scenario` as `format`.
    /// - Throws: `ScenarioErrors` when the format cannot represent the scenario at all.
    public static func encode(_ scenario: Scenario, format: ScenarioFormat) throws(ScenarioErrors) -> EncodedScenario {
        switch format {
        case .yaml: EncodedScenario(text: YAMLWriter.write(ScenarioEncoder.tree(scenario)))
        case .json: EncodedScenario(text: JSONWriter.write(ScenarioEncoder.tree(scenario)))
        case .ktabCSV: try KTABCSVCodec.encode(scenario)
        case .ktabXML: try KTABXMLCodec.encode(scenario)
        case .decideTSV: try DecideTSVCodec.encode(scenario)
        }
    }
}
