public import Foundation
public import ParleyCore

/// Reads and writes scenario files on disk, refusing bad input before anything is written.
public enum ScenarioFile {
    /// The largest file Parley reads: 16 MiB. Real scenarios are a few kilobytes; the limit
    /// keeps a wrong file (a data dump, a video) from tying up the parser.
    public static let maximumSize = 16 * 1024 * 1024

    /// Reads and validates the scenario at `path`, in the format its extension names (or
    /// `format` when given). Sources' `text:` files are read relative to the scenario's
    /// directory and every `kind: quote` citing them is verified.
    /// - Throws: `ScenarioErrors`: the file is missing, unreadable, too large, empty, not
    ///   UTF-8, or not a valid scenario (every problem listed, each located).
    public static func read(_ path: String, format: ScenarioFormat? = nil) throws(ScenarioErrors) -> Scenario {
        try readWithWarnings(path, format: format).scenario
    }

    /// ``read(_:format:)`` keeping the warnings (evidence dated after `as_of`).
    /// - Throws: `ScenarioErrors` as ``read(_:format:)``.
    public static func readWithWarnings(_ path: String, format: ScenarioFormat? = nil) throws(ScenarioErrors) -> ScenarioReading {
        let text = try readText(path)
        let chosen = format ?? detectFormat(path, text: text)
        return try ScenarioCodec.read(text, format: chosen, file: path, sourceTexts: .beside(path))
    }

    /// The file's text after the size, emptiness and UTF-8 checks (a byte-order mark is dropped).
    /// - Throws: `ScenarioErrors` as ``read(_:format:)``.
    public static func readText(_ path: String, limit: Int = maximumSize) throws(ScenarioErrors) -> String {
        let maximumSize = limit
        let start = SourceLocation(file: path, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScenarioErrors([ScenarioError(.fileNotFound, "no such file: \(path)", hint: "check the path; the examples are in Examples/")])
        }
        if isDirectory.boolValue {
            throw ScenarioErrors([ScenarioError(.io, "\(path) is a directory, not a scenario file", location: start)])
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        if size > maximumSize {
            throw ScenarioErrors([ScenarioError(
                .fileTooLarge,
                "the file is \(megabytes(size)) MB; Parley reads scenario files of at most \(maximumSize / 1024 / 1024) MB",
                hint: "a scenario with hundreds of stakeholders takes well under 1 MB: is this the right file?", location: start)])
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ScenarioErrors([ScenarioError(.io, "cannot read \(path) (permission denied?)", location: start)])
        }
        defer { try? handle.close() }
        // Read at most one byte past the limit: a file that grew since the size check is still refused.
        let data = (try? handle.read(upToCount: maximumSize + 1)) ?? Data()
        if data.count > maximumSize {
            throw ScenarioErrors([ScenarioError(.fileTooLarge, "the file is larger than \(maximumSize / 1024 / 1024) MB", location: start)])
        }
        return try text(from: data, file: path)
    }

    /// Decodes `data` as UTF-8, locating the first invalid byte.
    /// - Throws: `ScenarioErrors` for empty or non-UTF-8 data.
    public static func text(from data: Data, file: String?) throws(ScenarioErrors) -> String {
        let start = SourceLocation(file: file, line: 1, column: 1)
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw ScenarioErrors([ScenarioError(
                .emptyFile, bytes.isEmpty ? "the file is empty" : "the file holds only blank space",
                hint: "a scenario starts with 'format: parley/1'; see Examples/bonn-2001.yaml", location: start)])
        }
        if let (offset, line, column) = firstInvalidUTF8(bytes) {
            let found = bytes[offset]
            let hint = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
                ? "the file looks like UTF-16; save it as UTF-8"
                : "save the file as UTF-8 (it may be Latin-1 or Windows-1252)"
            throw ScenarioErrors([ScenarioError(
                .notUTF8, "the file is not UTF-8 text: byte 0x\(String(found, radix: 16, uppercase: true)) at offset \(offset) cannot start or continue a UTF-8 character",
                hint: hint, location: SourceLocation(file: file, line: line, column: column))])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes `scenario` to `path` atomically (a temporary file renamed into place), in the
    /// format the extension names or `format`.
    /// - Returns: notes on anything the format could not carry.
    /// - Throws: `ScenarioErrors` when the format cannot represent the scenario or the file cannot be written.
    @discardableResult
    public static func write(_ scenario: Scenario, to path: String, format: ScenarioFormat? = nil) throws(ScenarioErrors) -> [String] {
        guard let chosen = format ?? ScenarioFormat(path: path) else {
            throw ScenarioErrors([ScenarioError(
                .unsupportedFormat, "cannot tell the format of \(path) from its extension",
                hint: "use .yaml, .json, .csv (KTAB), .xml (KTAB) or .tsv (decide), or pass --to")])
        }
        let encoded = try ScenarioCodec.encode(scenario, format: chosen)
        do {
            try Data(encoded.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ScenarioErrors([ScenarioError(.io, "cannot write \(path): \(error.localizedDescription)")])
        }
        return encoded.notes
    }

    /// The format named by the extension; for unknown extensions, JSON if the text starts
    /// with `{`, else YAML.
    /// The format of `text` read from `path`: by content first (``ScenarioFormat/init(sniffing:)``),
    /// then by extension, then JSON for text starting with `{` and YAML otherwise.
    public static func detectFormat(_ path: String, text: String) -> ScenarioFormat {
        if let format = ScenarioFormat(sniffing: text) { return format }
        if let format = ScenarioFormat(path: path) { return format }
        let first = text.unicodeScalars.first { !$0.properties.isWhitespace }
        return first == "{" ? .json : .yaml
    }

    private static func megabytes(_ bytes: Int) -> String {
        NumberText.fixed(Double(bytes) / 1_048_576, digits: 1)
    }

    /// Offset, line and column (1-based, in characters) of the first byte that breaks UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int, Int)? {
        var index = 0
        var line = 1
        var column = 1
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (index, line, column)
            }
            if index + length > bytes.count { return (index, line, column) }
            for k in 1..<length where bytes[index + k] & 0xC0 != 0x80 {
                return (index + k, line, column)
            }
            if length == 3 {
                let second = bytes[index + 1]
                if (byte == 0xE0 && second < 0xA0) || (byte == 0xED && second > 0x9F) { return (index + 1, line, column) }
            }
            if length == 4 {
                let second = bytes[index + 1]
                if (byte == 0xF0 && second < 0x90) || (byte == 0xF4 && second > 0x8F) { return (index + 1, line, column) }
            }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return nil
    }
}
