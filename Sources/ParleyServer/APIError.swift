import ParleyCore

/// A request the server refuses, answered as
/// `{"error": {"status", "message", "hint"?, "errors": [{"code", "message", "path"?, "file"?, "line"?, "column"?, "hint"?}]}}`.
struct APIError: Error, Sendable {
    /// The HTTP status code.
    var status: Int
    /// One sentence saying what was wrong.
    var message: String
    /// How to fix it, when the server can tell.
    var hint: String?
    /// The located scenario or game errors, in file order.
    var errors: [ScenarioError]
    /// Extra headers (for example `Allow` on 405).
    var headers: [(String, String)]

    init(_ status: Int, _ message: String, hint: String? = nil, errors: [ScenarioError] = [], headers: [(String, String)] = []) {
        self.status = status
        self.message = message
        self.hint = hint
        self.errors = errors
        self.headers = headers
    }

    /// A scenario or game file that did not read: 422 with every located error (413 when it was too large).
    static func invalid(_ errors: ScenarioErrors, what: String = "scenario") -> APIError {
        let count = errors.errors.count
        return APIError(422, "the \(what) has \(count) error\(count == 1 ? "" : "s")", errors: errors.errors)
    }

    static func notFound(_ path: String) -> APIError {
        APIError(404, "nothing is served at \(path)", hint: "GET /api/openapi.json lists the API; the app is at /")
    }

    var json: String {
        JSONValue.object([
            ("error", .object([
                ("status", .integer(Int64(status))),
                ("message", .string(message)),
                ("hint", .optional(hint)),
                ("errors", .array(errors.map(APIError.json))),
            ])),
        ]).render() + "\n"
    }

    static func json(_ error: ScenarioError) -> JSONValue {
        var members: [(String, JSONValue)] = [("code", .string(error.code.rawValue)), ("message", .string(error.message))]
        if !error.path.isRoot { members.append(("path", .string(error.path.description))) }
        if let location = error.location {
            members.append(("file", .optional(location.file)))
            members.append(("line", .integer(Int64(location.line))))
            members.append(("column", .integer(Int64(location.column))))
        }
        if let hint = error.hint { members.append(("hint", .string(hint))) }
        members.append(("text", .string(error.description)))
        return .object(members)
    }
}
