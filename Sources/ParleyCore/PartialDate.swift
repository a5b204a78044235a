/// A calendar date written to the precision the record supports: `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD` (proleptic Gregorian, no time zone).
///
/// A partial date stands for a span of days: `2001` is 2001-01-01 to 2001-12-31, `2001-11`
/// is 2001-11-01 to 2001-11-30 (month ends ignore leap years: a day 31 is accepted in every
/// month, so `2001-02` ends on "2001-02-31", which compares correctly with any real day).
/// Comparisons between spans are what the hindsight check needs: evidence is hindsight when
/// its span starts after the `as_of` span ends (``isDefinitelyAfter(_:)``).
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    /// 1–12, or `nil` for a year.
    public let month: Int?
    /// 1–31, or `nil` for a year or a month.
    public let day: Int?

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; `nil` for anything else (including month 13
    /// or day 32).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4 else { return nil }
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        guard let year = Int(parts[0]) else { return nil }
        var month: Int?
        var day: Int?
        if parts.count >= 2 {
            guard parts[1].count == 2, let value = Int(parts[1]), (1...12).contains(value) else { return nil }
            month = value
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let value = Int(parts[2]), (1...31).contains(value) else { return nil }
            day = value
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The first day of the span as a sortable key `yyyymmdd`.
    public var firstDayKey: Int { year * 10_000 + (month ?? 1) * 100 + (day ?? 1) }

    /// The last day of the span as a sortable key `yyyymmdd` (day 31 for a month).
    public var lastDayKey: Int { year * 10_000 + (month ?? 12) * 100 + (day ?? 31) }

    /// Whether every day of this span lies after every day of `other`: the test for hindsight.
    public func isDefinitelyAfter(_ other: PartialDate) -> Bool {
        firstDayKey > other.lastDayKey
    }

    /// Orders by first day, then by precision (a year before its first month before its first day).
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        if lhs.firstDayKey != rhs.firstDayKey { return lhs.firstDayKey < rhs.firstDayKey }
        return lhs.lastDayKey > rhs.lastDayKey
    }

    /// As written: `2001`, `2001-11` or `2001-11-26`.
    public var description: String {
        var text = String(year)
        while text.count < 4 { text = "0" + text }
        if let month { text += month < 10 ? "-0\(month)" : "-\(month)" }
        if let day { text += day < 10 ? "-0\(day)" : "-\(day)" }
        return text
    }

    /// The error for a date field that does not parse, or `nil` when it is fine.
    static func check(_ text: String, at path: ScenarioPath) -> ScenarioError? {
        guard PartialDate(text) == nil else { return nil }
        return ScenarioError(.invalidValue, at: path, "'\(text)' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD",
                             hint: "for example 2001-12-05")
    }
}
