import Foundation
import ParleyStore

/// Two stored forecast runs side by side.
enum RunComparison {
    struct Row {
        var model: String
        var issue: String
        var a: Double?
        var b: Double?
        var observed: Double?
    }

    /// `{"a": {...}, "b": {...}, "rows": [{"model", "issue", "a", "b", "difference", "observed"}]}`, rows in the
    /// first run's order, then the second run's extra rows. O(rows²), a few hundred at most.
    static func compare(_ first: RunRecord, _ second: RunRecord) throws -> JSONValue {
        let left = try forecasts(first)
        let right = try forecasts(second)
        var rows: [Row] = left.map { Row(model: $0.model, issue: $0.issue, a: $0.value, b: nil, observed: $0.observed) }
        for item in right {
            if let index = rows.firstIndex(where: { $0.model == item.model && $0.issue == item.issue }) {
                rows[index].b = item.value
                rows[index].observed = rows[index].observed ?? item.observed
            } else {
                rows.append(Row(model: item.model, issue: item.issue, a: nil, b: item.value, observed: item.observed))
            }
        }
        func run(_ record: RunRecord) -> JSONValue {
            .object([("id", .integer(record.id)), ("scenario", .string(record.scenarioName)), ("scenario_sha256", .string(record.scenarioHash)),
                     ("started_at", .string(record.startedAt))])
        }
        func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
        return .object([
            ("a", run(first)),
            ("b", run(second)),
            ("same_scenario", .bool(first.scenarioHash == second.scenarioHash)),
            ("rows", .array(rows.map { row in
                .object([("model", .string(row.model)), ("issue", .string(row.issue)), ("a", number(row.a)), ("b", number(row.b)),
                         ("difference", number(row.a.flatMap { a in row.b.map { $0 - a } })), ("observed", number(row.observed))])
            })),
        ])
    }

    private static func forecasts(_ record: RunRecord) throws -> [(model: String, issue: String, value: Double?, observed: Double?)] {
        guard record.command == "forecast", let result = record.result,
              let object = try? JSONSerialization.jsonObject(with: Data(result.utf8)) as? [String: Any],
              let rows = object["forecasts"] as? [[String: Any]]
        else {
            throw APIError(422, "run \(record.id) is a \(record.command) run\(record.result == nil ? " without a result" : ""); only forecast runs can be compared",
                           hint: "store forecasts with POST /api/forecast?store=true or parley forecast")
        }
        return rows.compactMap { row in
            guard let model = row["model"] as? String, let issue = row["issue"] as? String else { return nil }
            return (model, issue, (row["value"] as? NSNumber)?.doubleValue, (row["observed"] as? NSNumber)?.doubleValue)
        }
    }
}
