/// The OpenAPI 3.1 description of the API, built from ``APIRoute/all`` so the two cannot drift.
enum OpenAPIDocument {
    static func render(version: String) -> String {
        var paths: [(String, JSONValue)] = []
        for route in APIRoute.all {
            let operation = self.operation(route)
            if let index = paths.firstIndex(where: { $0.0 == route.path }), case .object(var methods) = paths[index].1 {
                methods.append((route.method.rawValue.lowercased(), operation))
                paths[index].1 = .object(methods)
            } else {
                paths.append((route.path, .object([(route.method.rawValue.lowercased(), operation)])))
            }
        }
        return JSONValue.object([
            ("openapi", .string("3.1.0")),
            ("info", .object([
                ("title", .string("Parley")),
                ("version", .string(version)),
                ("description", .string("The local API behind parley serve. Scenario bodies are parley/1 YAML (application/yaml) or JSON (application/json); a body without a Content-Type, or sent as text/plain or a form, is refused (415), and so is a request from another site's page (403). Results are the same JSON documents the command line prints with --json. Every error is JSON: {\"error\": {\"status\", \"message\", \"hint\", \"errors\": [located scenario errors]}}.")),
            ])),
            ("paths", .object(paths)),
            ("components", .object([("schemas", .object(schemas))])),
        ]).render()
    }

    private static func operation(_ route: APIRoute) -> JSONValue {
        var members: [(String, JSONValue)] = [("summary", .string(route.summary))]
        var parameters: [JSONValue] = route.path.split(separator: "/").filter { $0.hasPrefix("{") }.map { part in
            // The app's files are a fixed list; other path parameters are any single segment.
            let schema: JSONValue = part == "{file}"
                ? .object([("type", .string("string")), ("enum", .array(AssetStore.files.map(\.name).filter { $0 != "index.html" }.map(JSONValue.string)))])
                : .object([("type", .string("string"))])
            return .object([("name", .string(String(part.dropFirst().dropLast()))), ("in", .string("path")), ("required", .bool(true)),
                            ("schema", schema)])
        }
        parameters += route.parameters.map { parameter in
            var item: [(String, JSONValue)] = [("type", .string(parameter.type))]
            if !parameter.choices.isEmpty { item.append(("enum", .array(parameter.choices.map(JSONValue.string)))) }
            if let range = parameter.range {
                item.append(("minimum", .raw(String(range.lowerBound))))
                item.append(("maximum", .raw(String(range.upperBound))))
            }
            let schema: JSONValue = parameter.repeatable
                ? .object([("type", .string("array")), ("items", .object(item))])
                : .object(item)
            return .object([("name", .string(parameter.name)), ("in", .string("query")), ("required", .bool(parameter.required)),
                            ("description", .string(parameter.description)), ("schema", schema)])
        }
        if !parameters.isEmpty { members.append(("parameters", .array(parameters))) }
        if let body = route.body {
            func text(_ example: String) -> JSONValue {
                .object([("schema", .object([("type", .string("string"))])), ("example", .string(example))])
            }
            // A YAML body is the same document as a JSON one: the schema describes the object, and
            // the example is given as that object.
            func schema(_ name: String, example: String) -> JSONValue {
                .object([("schema", .object([("$ref", .string("#/components/schemas/\(name)"))])), ("example", .raw(example))])
            }
            let content: [(String, JSONValue)] = body == .scenario
                ? [("application/yaml", schema("Scenario", example: Examples.scenarioJSON)), ("application/json", schema("Scenario", example: Examples.scenarioJSON))]
                : [("application/yaml", schema("Object", example: Examples.gameJSON)), ("application/json", schema("Object", example: Examples.gameJSON)),
                   ("application/octet-stream", text(Examples.gameNFG))]
            members.append(("requestBody", .object([
                ("required", .bool(true)),
                ("description", .string(body == .scenario ? "A parley/1 scenario." : "A game: parley-game/1 YAML or JSON, or Gambit .nfg/.efg text.")),
                ("content", .object(content)),
            ])))
        }
        // A YAML answer is a document (an object once parsed); other non-JSON answers are text.
        let success: JSONValue = .object([("description", .string("OK")), ("content", .object(([route.produces] + route.alsoProduces).map { type in
            switch type {
            case "application/json": (type, ref(route.schema ?? "Object"))
            case "application/yaml": (type, .object([("schema", self.type("object"))]))
            default: (type, .object([("schema", self.type("string"))]))
            }
        }))])
        var responses: [(String, JSONValue)] = [("200", success)]
        // 403 and 421: requests from another site's page or to another host name (``RequestGuard``).
        var statuses = [403, 404, 421, 500]
        if route.method == .post { statuses += [400, 413, 415] }
        if !route.parameters.isEmpty, route.method == .get { statuses.append(400) }
        statuses += route.errors
        for status in Set(statuses).sorted() {
            responses.append((String(status), .object([
                ("description", .string(description(status))),
                ("content", .object([("application/json", ref("Error"))])),
            ])))
        }
        members.append(("responses", .object(responses)))
        return .object(members)
    }

    private static func description(_ status: Int) -> String {
        switch status {
        case 400: return "A query parameter is missing or out of range."
        case 403: return "Refused: the request came from another site's page (a foreign Origin, or Sec-Fetch-Site: cross-site)."
        case 404: return "No such resource."
        case 421: return "Refused: the Host header names another server than this one (DNS rebinding)."
        case 413: return "The body is larger than the server's --max-body."
        case 415: return "The body has no Content-Type, or one the route does not read; text/plain and form encodings are always refused (a browser sends them cross-site without asking)."
        case 422: return "The input is not valid (every error located by file, line and column), or asks for more work than the server allows."
        case 503: return "The computation did not finish within --compute-seconds, or no worker came free."
        default: return "Internal error."
        }
    }

    private static func ref(_ name: String) -> JSONValue {
        .object([("schema", .object([("$ref", .string("#/components/schemas/\(name)"))]))])
    }

    private static func object(_ properties: [(String, JSONValue)], required: [String] = []) -> JSONValue {
        .object([("type", .string("object")), ("properties", .object(properties)), ("required", .array(required.map(JSONValue.string)))])
    }

    private static func type(_ name: String) -> JSONValue { .object([("type", .string(name))]) }

    /// A value of type `name`, or null (OpenAPI 3.1: a type list).
    private static func nullable(_ name: String) -> JSONValue { .object([("type", .array([.string(name), .string("null")]))]) }

    private static func array(_ items: JSONValue) -> JSONValue { .object([("type", .string("array")), ("items", items)]) }

    private static let schemas: [(String, JSONValue)] = [
        ("Object", type("object")),
        ("Scenario", object([
            ("format", .object([("const", .string("parley/1"))])), ("name", type("string")), ("summary", type("string")),
            ("issues", .object([("type", .string("array")), ("minItems", .integer(1)), ("items", object([
                ("id", .object([("type", .string("string")), ("pattern", .string("^[a-z0-9][a-z0-9-]{0,63}$"))])), ("name", type("string")),
                ("scale", object([("min", type("number")), ("max", type("number")), ("unit", type("string"))], required: ["min", "max"])),
            ], required: ["id", "name", "scale"]))])),
            ("stakeholders", .object([("type", .string("array")), ("minItems", .integer(1)), ("items", object([
                ("id", .object([("type", .string("string")), ("pattern", .string("^[a-z0-9][a-z0-9-]{0,63}$"))])), ("name", type("string")),
                ("capability", .object([("type", .string("number")), ("minimum", .integer(0))])),
                ("stances", .object([("type", .string("object")), ("additionalProperties", object([
                    ("position", type("number")),
                    ("salience", .object([("type", .string("number")), ("minimum", .integer(0)), ("maximum", .integer(100))])),
                ], required: ["position", "salience"]))])),
            ], required: ["id", "name", "capability", "stances"]))])),
        ], required: ["format", "name", "issues", "stakeholders"])),
        ("Error", object([("error", object([
            ("status", type("integer")), ("message", type("string")), ("hint", nullable("string")),
            ("errors", array(object([("code", type("string")), ("message", type("string")), ("path", type("string")), ("file", nullable("string")),
                                     ("line", type("integer")), ("column", type("integer")), ("hint", type("string")), ("text", type("string"))],
                                    required: ["code", "message", "text"]))),
        ], required: ["status", "message", "errors"]))], required: ["error"])),
        ("Health", object([("status", type("string")), ("version", type("string")), ("api_version", type("string")), ("limits", type("object")),
                           ("busy", object([("workers", type("integer")), ("light_workers", type("integer"))])), ("store", type("string"))])),
        ("Models", object([("models", array(object([("name", type("string")), ("summary", type("string"))])))])),
        ("Examples", object([("examples", array(object([("id", type("string")), ("name", type("string")), ("kind", type("string")), ("url", type("string"))])))])),
        ("Validation", object([("valid", type("boolean")), ("name", type("string")), ("stakeholders", type("integer")), ("issues", type("integer")),
                               ("sources", type("integer")), ("evidence", type("object"))])),
        ("Forecast", object([
            ("scenario", type("string")),
            ("forecasts", array(object([("model", type("string")), ("issue", type("string")), ("value", nullable("number")), ("observed", nullable("number")),
                                        ("error", nullable("number")), ("absolute_percent_error", nullable("number")), ("nearest_anchor", nullable("object")),
                                        ("anchor_hit", type("boolean")), ("note", nullable("string"))]))),
            ("models", array(object([("name", type("string")), ("summary", type("string")), ("stop_reason", nullable("string")), ("rounds", nullable("integer")),
                                     ("mean_absolute_percent_error", nullable("number"))]))),
            ("winners", array(type("object"))),
        ], required: ["scenario", "forecasts", "models"])),
        ("Simulation", object([("model", type("string")), ("rounds", array(type("object"))), ("converged", type("boolean")), ("stop_reason", type("string"))])),
        ("Sensitivity", type("object")),
        ("Charts", object([("scenario", type("string")), ("model", type("string")),
                           ("issues", array(object([("id", type("string")), ("name", type("string")), ("forecast", type("string")), ("map", type("string")),
                                                    ("trajectory", nullable("string"))])))])),
        ("Reliability", object([
            ("scenario", type("string")), ("units", type("integer")), ("coders", type("integer")), ("coder_ids", array(type("string"))),
            ("alpha", ref("Alphas").schemaValue),
            ("issues", array(object([("issue", type("string")), ("units", type("integer")), ("alpha", ref("Alphas").schemaValue)]))),
            ("stances", array(object([("stakeholder", type("string")), ("issue", type("string")), ("coders", array(type("string"))),
                                      ("position_range", array(type("number"))), ("position_sd", type("number")),
                                      ("salience_range", array(type("number"))), ("salience_sd", type("number"))]))),
        ], required: ["scenario", "units", "coders", "coder_ids", "alpha", "issues", "stances"])),
        ("Alphas", object([("position", nullable("number")), ("salience", nullable("number"))])),
        ("GameSolution", type("object")),
        ("Runs", object([("store", type("string")), ("runs", array(ref("RunSummary").schemaValue))])),
        ("RunSummary", object([("id", type("integer")), ("command", type("string")), ("scenario", type("string")), ("status", type("string")),
                               ("parameters", type("string")), ("started_at", type("string")), ("has_result", type("boolean"))])),
        ("Progress", object([("done", .object([("type", .string("integer")), ("minimum", .integer(0))])), ("total", .object([("type", .string("integer")), ("minimum", .integer(0))])),
                             ("unit", .object([("type", .string("string")), ("enum", .array([.string("runs"), .string("models")]))]))], required: ["done", "total", "unit"])),
        ("Run", object([("id", type("integer")), ("command", type("string")), ("result", nullable("object"))])),
        ("Comparison", object([("a", type("object")), ("b", type("object")), ("same_scenario", type("boolean")),
                               ("rows", array(object([("model", type("string")), ("issue", type("string")), ("a", nullable("number")), ("b", nullable("number")),
                                                      ("difference", nullable("number")), ("observed", nullable("number"))])))])),
    ]
}

/// Small valid request bodies, shown as examples in the document (and used by schemathesis).
enum Examples {
    static let scenarioJSON = """
        {"format": "parley/1", "name": "Three parties, one issue", "issues": [{"id": "share", "name": "Share of posts", "scale": {"min": 0, "max": 100}}], \
        "stakeholders": [{"id": "a", "name": "A", "capability": 60, "stances": {"share": {"position": 80, "salience": 90}}}, \
        {"id": "b", "name": "B", "capability": 30, "stances": {"share": {"position": 30, "salience": 60}}}, \
        {"id": "c", "name": "C", "capability": 10, "stances": {"share": {"position": 50, "salience": 40}}}]}
        """
    /// Gambit's prisoner's dilemma (pd.nfg).
    static let gameNFG = "NFG 1 R \"Prisoner's dilemma\" { \"1\" \"2\" } { 2 2 }\n9 9 10 0 0 10 1 1\n"
    static let gameJSON = """
        {"format": "parley-game/1", "name": "Prisoner's dilemma", \
        "players": [{"id": "row", "actions": ["cooperate", "defect"]}, {"id": "column", "actions": ["cooperate", "defect"]}], \
        "payoffs": [{"actions": {"row": "cooperate", "column": "cooperate"}, "payoffs": {"row": 9, "column": 9}}, \
        {"actions": {"row": "cooperate", "column": "defect"}, "payoffs": {"row": 0, "column": 10}}, \
        {"actions": {"row": "defect", "column": "cooperate"}, "payoffs": {"row": 10, "column": 0}}, \
        {"actions": {"row": "defect", "column": "defect"}, "payoffs": {"row": 1, "column": 1}}]}
        """
}

private extension JSONValue {
    /// The `{"$ref": ...}` inside a `{"schema": ...}` wrapper.
    var schemaValue: JSONValue {
        if case .object(let members) = self, let schema = members.first(where: { $0.0 == "schema" }) { return schema.1 }
        return self
    }
}
