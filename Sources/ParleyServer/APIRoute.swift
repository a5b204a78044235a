import ParleyBargaining
import ParleyGames

/// One endpoint: the single list the router is built from and the OpenAPI document describes.
struct APIRoute: Sendable {
    enum Method: String, Sendable { case get = "GET", post = "POST" }

    /// What a request body holds.
    enum Body: Sendable { case scenario, game }

    /// One query parameter.
    struct Parameter: Sendable {
        var name: String
        var type: String
        var description: String
        var repeatable = false
        /// The values accepted, when they are a fixed list (OpenAPI `enum`).
        var choices: [String] = []
        /// Bounds of an integer parameter (OpenAPI `minimum` / `maximum`).
        var range: ClosedRange<UInt64>?
        var required = false
    }

    var method: Method
    /// OpenAPI style, with `{name}` for a path parameter.
    var path: String
    var summary: String
    var parameters: [Parameter] = []
    var body: Body?
    /// The media type of a successful answer.
    var produces = "application/json"
    /// Other media types a successful answer may have (YAML from convert, the app's style and icon).
    var alsoProduces: [String] = []
    /// The schema (under `components/schemas`) of a successful JSON answer.
    var schema: String?
    /// Error statuses this route can answer besides 400/404/405/413/415/500.
    var errors: [Int] = []

    /// The path in Hummingbird's syntax (`:name`).
    var routerPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false).map { part in
            part.hasPrefix("{") && part.hasSuffix("}") ? ":" + part.dropFirst().dropLast() : String(part)
        }.joined(separator: "/")
    }

    /// Whether `requestPath` has this route's shape (any single segment fills a `{name}`).
    func matches(_ requestPath: String) -> Bool {
        let mine = path.split(separator: "/", omittingEmptySubsequences: false)
        let theirs = requestPath.split(separator: "/", omittingEmptySubsequences: false)
        guard mine.count == theirs.count else { return false }
        return zip(mine, theirs).allSatisfy { pattern, part in
            pattern.hasPrefix("{") ? !part.isEmpty : pattern == part
        }
    }
}

extension APIRoute {
    private static let models = Parameter(name: "model", type: "string", description: "A model to run (repeatable, or comma-separated); default: all. GET /api/models lists them.", repeatable: true,
                                          choices: ModelCatalog.names)
    private static let name = Parameter(name: "name", type: "string", description: "The name errors are located in, for example the uploaded file's name; default: 'request body'.")
    private static let progress = Parameter(name: "progress", type: "string", description: "A random id (8 to 64 of A-Z, a-z, 0-9, - and _) the client makes up for this request; while it runs, GET /api/progress/{id} answers how far it has got.")
    private static let store = Parameter(name: "store", type: "boolean", description: "Record the run in the run store (as the command line does); its id is in the Parley-Run-ID header. Ignored when the server runs with --no-store (GET /api/health says store: disabled).")

    /// Every route the server answers, in the order the OpenAPI document lists them.
    static let all: [APIRoute] = [
        APIRoute(method: .get, path: "/", summary: "The web app (HTML).", produces: "text/html"),
        APIRoute(method: .get, path: "/assets/{file}", summary: "The web app's own script, style and icon (app.js, app.css, favicon.svg); nothing else.", produces: "text/javascript",
                 alsoProduces: ["text/css", "image/svg+xml"]),
        APIRoute(method: .get, path: "/api/openapi.json", summary: "This document.", schema: "Object"),
        APIRoute(method: .get, path: "/api/schema.json", summary: "The JSON Schema of the scenario format parley/1, for editors and the YAML language server.", schema: "Object"),
        APIRoute(method: .get, path: "/api/health", summary: "Version, limits and workers.", schema: "Health"),
        APIRoute(method: .get, path: "/api/models", summary: "The bargaining models (as in parley forecast --help).", schema: "Models"),
        APIRoute(method: .get, path: "/api/examples", summary: "The bundled example files.", schema: "Examples"),
        APIRoute(method: .get, path: "/api/examples/{id}", summary: "One example file's text (YAML).", produces: "application/yaml"),
        APIRoute(method: .post, path: "/api/validate", summary: "Check a scenario (parley validate).", parameters: [name], body: .scenario, schema: "Validation", errors: [422]),
        APIRoute(method: .post, path: "/api/convert", summary: "A scenario re-encoded as parley/1 JSON or YAML (parley convert).",
                 parameters: [Parameter(name: "to", type: "string", description: "json (default) or yaml.", choices: ["json", "yaml"]), name], body: .scenario, produces: "application/json",
                 alsoProduces: ["application/yaml"], errors: [422]),
        APIRoute(method: .post, path: "/api/forecast", summary: "Each model's forecast of each issue, scored against history: the same JSON as parley forecast --json.",
                 parameters: [models, Parameter(name: "winners", type: "boolean", description: "Add who won (parley forecast --winners)."), store, progress, name],
                 body: .scenario, schema: "Forecast", errors: [422, 503]),
        APIRoute(method: .post, path: "/api/simulate", summary: "One model's rounds: the same JSON as parley simulate --json.",
                 parameters: [Parameter(name: "model", type: "string", description: "The model (required).", choices: ModelCatalog.names, required: true), name], body: .scenario, schema: "Simulation", errors: [422, 503]),
        APIRoute(method: .post, path: "/api/sensitivity", summary: "Monte Carlo over the scenario's uncertainty: the same JSON as parley sensitivity --json. Runs and work are bounded.",
                 parameters: [Parameter(name: "runs", type: "integer", description: "Monte Carlo runs (default 1000; at most the server's --max-runs).", range: 1...UInt64(Int.max)),
                              Parameter(name: "seed", type: "integer", description: "Master seed, 0 to 2^64-1 (default 1).", range: 0...UInt64.max),
                              Parameter(name: "top", type: "integer", description: "Drivers per issue (default 5).", range: 0...50), models, store, progress, name],
                 body: .scenario, schema: "Sensitivity", errors: [422, 503]),
        APIRoute(method: .post, path: "/api/charts", summary: "SVG charts per issue: forecasts against history, the stakeholder map, and one model's trajectories.",
                 parameters: [Parameter(name: "model", type: "string", description: "The model whose trajectories are drawn (default ensemble).", choices: ModelCatalog.names),
                              Parameter(name: "forecasts", type: "string", description: "The models whose forecasts the forecast chart draws (repeatable, or comma-separated); default: all.",
                                        repeatable: true, choices: ModelCatalog.knownNames),
                              name],
                 body: .scenario, schema: "Charts", errors: [422, 503]),
        APIRoute(method: .post, path: "/api/reliability", summary: "Intercoder reliability of the stances' codings (Krippendorff's alpha, interval metric, overall and per issue; each coded stance's spread): the same JSON as parley reliability --json.",
                 parameters: [name], body: .scenario, schema: "Reliability", errors: [422, 503]),
        APIRoute(method: .post, path: "/api/game/solve", summary: "Equilibria of a game, exactly: the same JSON as parley game solve --json.",
                 parameters: [Parameter(name: "method", type: "string", description: "auto (default), enum, pure, lemke-howson, lemke-howson-all, backward-induction, sequence-form, subgame-perfect, logit, simpdiv.",
                                        choices: SolveMethod.allCases.map(\.rawValue)),
                              Parameter(name: "label", type: "integer", description: "For lemke-howson: the label dropped first (default 1).", range: 1...10_000),
                              Parameter(name: "format", type: "string", description: "nfg, efg, yaml or json; default from the Content-Type (application/octet-stream: told from the text).",
                                        choices: ["nfg", "efg", "yaml", "json"]), name],
                 body: .game, schema: "GameSolution", errors: [422, 503]),
        APIRoute(method: .get, path: "/api/progress/{id}", summary: "How far the long work sent with ?progress=ID has got: Monte Carlo runs of POST /api/sensitivity, models of POST /api/forecast. Counts only; 404 when no work with that id is running (unknown, not started yet, or ended).",
                 schema: "Progress"),
        APIRoute(method: .get, path: "/api/runs", summary: "The most recent runs in the run store, newest first (parley runs list).",
                 parameters: [Parameter(name: "limit", type: "integer", description: "How many (default 30, at most 500).", range: 1...500)], schema: "Runs"),
        APIRoute(method: .get, path: "/api/runs/{id}", summary: "One run's record and its stored result (parley runs show / export).", schema: "Run"),
        APIRoute(method: .get, path: "/api/compare", summary: "Two stored forecast runs side by side: each model's forecast of each issue in both, and the difference.",
                 parameters: [Parameter(name: "a", type: "integer", description: "The first run id.", required: true),
                              Parameter(name: "b", type: "integer", description: "The second run id.", required: true)],
                 schema: "Comparison", errors: [422]),
    ]
}
