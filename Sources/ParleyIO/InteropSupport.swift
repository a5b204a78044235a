import ParleyCore

/// One field of a delimited line: its text (trimmed and unquoted) and the 1-based column, in
/// Unicode scalars, where the field starts.
struct DelimitedField: Sendable {
    var text: String
    var column: Int
}

/// Line and field splitting, number parsing and export notes shared by the KTAB and decide codecs.
enum Interop {
    /// Source ids that importers give the one `Source` describing a file's origin; exporters
    /// do not count them as sources that a format drops.
    static let originSourceIDs: Set<String> = ["ktab-csv", "ktab-xml", "decide-tsv"]

    /// The lines of `text` with their 1-based numbers; `\r\n`, `\r` and `\n` each end a line.
    static func lines(_ text: String) -> [(number: Int, text: String)] {
        var result: [(number: Int, text: String)] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n", previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                result.append((result.count + 1, String(current)))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { result.append((result.count + 1, String(current))) }
        return result
    }

    /// Splits `line` at `delimiter`. Whitespace around a field is trimmed. A field that starts
    /// with `quote` runs to the closing quote, may hold the delimiter, and reads a doubled quote
    /// as one; text after the closing quote is kept, as Python's `csv` module keeps it.
    static func fields(_ line: String, delimiter: Unicode.Scalar, quote: Unicode.Scalar?) -> [DelimitedField] {
        enum State { case start, unquoted, quoted, quoteInQuoted, afterQuoted }
        var fields: [DelimitedField] = []
        var text = String.UnicodeScalarView()
        var state = State.start
        var column = 1
        var start = 1
        func emit(trim: Bool) {
            let value = String(text)
            fields.append(DelimitedField(text: trim ? trimmed(value) : value, column: start))
            text = String.UnicodeScalarView()
            state = .start
            start = column + 1
        }
        for scalar in line.unicodeScalars {
            defer { column += 1 }
            let isSpace = scalar.properties.isWhitespace
            switch state {
            case .start:
                if scalar == delimiter {
                    emit(trim: false)
                } else if isSpace {
                    start = column + 1
                } else if scalar == quote {
                    state = .quoted
                    start = column
                } else {
                    text.append(scalar)
                    state = .unquoted
                    start = column
                }
            case .unquoted:
                if scalar == delimiter { emit(trim: true) } else { text.append(scalar) }
            case .quoted:
                if scalar == quote { state = .quoteInQuoted } else { text.append(scalar) }
            case .quoteInQuoted:
                if scalar == quote {
                    text.append(scalar)
                    state = .quoted
                } else if scalar == delimiter {
                    emit(trim: false)
                } else {
                    if !isSpace { text.append(scalar) }
                    state = .afterQuoted
                }
            case .afterQuoted:
                if scalar == delimiter { emit(trim: false) } else if !isSpace { text.append(scalar) }
            }
        }
        emit(trim: state == .unquoted)
        return fields
    }

    /// `fields` without the empty fields at the end (a trailing delimiter), keeping at least one.
    static func droppingTrailingEmpty(_ fields: [DelimitedField]) -> [DelimitedField] {
        var result = fields
        while result.count > 1, result.last?.text.isEmpty == true { result.removeLast() }
        return result
    }

    /// `text` without leading and trailing whitespace.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    /// `text` as a finite decimal number (`12`, `-0.5`, `1e-3`); `nil` for anything else,
    /// including the words and hexadecimal forms that `Double(_:)` also accepts.
    static func number(_ text: String) -> Double? {
        guard !text.isEmpty, text.unicodeScalars.allSatisfy({ decimalCharacters.contains($0) }),
              let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// The decimal number `text` times 10^`places`, rounded once: `"0.07"` with 2 gives exactly
    /// 7, where `0.07 * 100` gives 7.000000000000001.
    static func number(_ text: String, shiftedBy places: Int) -> Double? {
        guard number(text) != nil else { return nil }
        var mantissa = text
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            guard let parsed = Int(text[text.index(after: e)...]) else { return nil }
            mantissa = String(text[..<e])
            exponent = parsed
        }
        let (shifted, overflow) = exponent.addingReportingOverflow(places)
        guard !overflow, let value = Double("\(mantissa)e\(shifted)"), value.isFinite else { return nil }
        return value
    }

    /// `value` divided by 10^`places`, written by moving the decimal point of its shortest text,
    /// so that ``number(_:shiftedBy:)`` reads back exactly `value`: 95 with 2 gives `0.95`.
    static func text(_ value: Double, shiftedBy places: Int) -> String {
        let plain = NumberText.plain(value)
        guard value.isFinite, places > 0 else { return plain }
        if let e = plain.firstIndex(of: "e"), let exponent = Int(plain[plain.index(after: e)...]) {
            return "\(plain[..<e])e\(exponent - places)"
        }
        let negative = plain.hasPrefix("-")
        let unsigned = negative ? String(plain.dropFirst()) : plain
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first.map(String.init) ?? "0"
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        let digits = whole + fraction
        let point = whole.count - places
        var integerPart: String
        var fractionPart: String
        if point <= 0 {
            integerPart = "0"
            fractionPart = String(repeating: "0", count: -point) + digits
        } else {
            integerPart = String(digits.prefix(point))
            fractionPart = String(digits.dropFirst(point))
        }
        while integerPart.count > 1, integerPart.hasPrefix("0") { integerPart.removeFirst() }
        while fractionPart.hasSuffix("0") { fractionPart.removeLast() }
        let body = fractionPart.isEmpty ? integerPart : integerPart + "." + fractionPart
        return negative && body != "0" ? "-" + body : body
    }

    /// The file name without directories and extension (`data/a.csv` gives `a`).
    static func fileStem(_ file: String?) -> String? {
        guard let file, let name = file.split(separator: "/").last else { return nil }
        let stem = name.lastIndex(of: ".").map { name[..<$0] } ?? name
        return stem.isEmpty ? String(name) : String(stem)
    }

    /// The one source an importer records: where the scenario came from.
    static func originSource(id: String, format: String, file: String?) -> [Source] {
        let fileName = file.flatMap { $0.split(separator: "/").last.map(String.init) }
        let title = "Imported from \(format)" + (fileName.map { " \($0)" } ?? "")
        guard let source = try? Source(id: id, title: title, note: "\(format) files carry no evidence; the numbers are as the file gives them.") else {
            return []
        }
        return [source]
    }

    /// What a scenario holds that an export format may not carry.
    enum Feature: CaseIterable {
        case evidence, sources, anchors, observedOutcomes, uncertainty, issueDescriptions, scaleUnits, spatialSettings

        var label: String {
            switch self {
            case .evidence: "evidence"
            case .sources: "sources"
            case .anchors: "anchors"
            case .observedOutcomes: "observed outcomes"
            case .uncertainty: "uncertainty"
            case .issueDescriptions: "issue descriptions"
            case .scaleUnits: "scale units"
            case .spatialSettings: "spatial model settings"
            }
        }

        func isPresent(in scenario: Scenario) -> Bool {
            switch self {
            case .evidence:
                return scenario.stakeholders.contains { !$0.evidence.isEmpty || $0.stances.contains { !$0.evidence.isEmpty } }
            case .sources:
                return scenario.sources.contains { !Interop.originSourceIDs.contains($0.id) }
            case .anchors:
                return scenario.issues.contains { !$0.anchors.isEmpty }
            case .observedOutcomes:
                return scenario.issues.contains { $0.observed != nil }
            case .uncertainty:
                return scenario.uncertainty != nil || scenario.stakeholders.contains { stakeholder in
                    stakeholder.capabilitySpread != nil || stakeholder.stances.contains {
                        $0.positionSpread != nil || $0.salienceSpread != nil || $0.capabilitySpread != nil
                    }
                }
            case .issueDescriptions:
                return scenario.issues.contains { $0.description != nil }
            case .scaleUnits:
                return scenario.issues.contains { $0.scale.unit != nil }
            case .spatialSettings:
                return scenario.models.spatial != nil
            }
        }
    }

    /// One note naming everything in `dropped` that the scenario holds, or `nil` when it holds none.
    static func droppedNote(_ scenario: Scenario, format: String, dropped: [Feature]) -> String? {
        let present = dropped.filter { $0.isPresent(in: scenario) }.map(\.label)
        guard let last = present.last else { return nil }
        let list = present.count == 1 ? last : present.dropLast().joined(separator: ", ") + " and " + last
        return "\(format) does not carry \(list); they were left out"
    }

    /// `list` joined for a message: `'a', 'b' and 2 more`.
    static func quotedList(_ list: [String], limit: Int = 5) -> String {
        let shown = list.prefix(limit).map { "'\($0)'" }.joined(separator: ", ")
        return list.count > limit ? shown + " and \(list.count - limit) more" : shown
    }

    /// A number rounded to `digits` decimals for notes, without trailing zeros.
    static func rounded(_ value: Double, digits: Int = 3) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return NumberText.plain((value * scale).rounded() / scale)
    }

    private static let decimalCharacters = Set("0123456789+-.eE".unicodeScalars)
}
