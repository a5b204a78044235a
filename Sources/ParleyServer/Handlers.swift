import Foundation
import Hummingbird
import ParleyAnalysis
import ParleyBargaining
import ParleyCore
import ParleyGames
import ParleyIO
import ParleyReports
import ParleySimulation
import ParleyStore

typealias Responder = @Sendable (Request, BasicRequestContext) async throws -> Response

/// The routes' work: read the request, compute on the pool with the libraries, answer in the CLI's JSON.
struct Handlers: Sendable {
    let configuration: ServerConfiguration
    let version: String
    let assets: AssetStore
    /// Monte Carlo runs and game solutions: few at once, so they cannot starve the rest.
    let heavy: ComputePool
    /// Forecasts, charts, conversions: quick, more at once.
    let light: ComputePool
    /// How far the work sent with `?progress=ID` has got.
    let progress: ProgressRegistry

    init(configuration: ServerConfiguration, version: String, assets: AssetStore) {
        self.configuration = configuration
        self.version = version
        self.assets = assets
        heavy = ComputePool(workers: configuration.workers, seconds: configuration.computeSeconds, flag: "--workers")
        light = ComputePool(workers: max(2, ProcessorCount.active), seconds: configuration.computeSeconds, flag: nil)
        progress = ProgressRegistry()
    }

    func responder(for route: APIRoute) -> Responder {
        switch (route.method, route.path) {
        case (.get, "/"): return { _, _ in try asset("index.html") }
        case (.get, "/assets/{file}"): return { _, context in try asset(context.parameters.get("file") ?? "") }
        case (.get, "/api/openapi.json"): return { _, _ in HTTPSupport.json(OpenAPIDocument.render(version: version)) }
        case (.get, "/api/schema.json"): return { _, _ in try asset("parley-1.schema.json") }
        case (.get, "/api/health"): return { _, _ in health() }
        case (.get, "/api/models"): return { _, _ in models() }
        case (.get, "/api/examples"): return { _, _ in examples() }
        case (.get, "/api/examples/{id}"): return { _, context in try example(context.parameters.get("id") ?? "") }
        case (.post, "/api/validate"): return { request, _ in try await validate(request) }
        case (.post, "/api/convert"): return { request, _ in try await convert(request) }
        case (.post, "/api/forecast"): return { request, _ in try await forecast(request) }
        case (.post, "/api/simulate"): return { request, _ in try await simulate(request) }
        case (.post, "/api/sensitivity"): return { request, _ in try await sensitivity(request) }
        case (.post, "/api/charts"): return { request, _ in try await charts(request) }
        case (.post, "/api/reliability"): return { request, _ in try await reliability(request) }
        case (.post, "/api/game/solve"): return { request, _ in try await solveGame(request) }
        case (.get, "/api/progress/{id}"): return { _, context in try progressAnswer(context.parameters.get("id") ?? "") }
        case (.get, "/api/runs"): return { request, _ in try runs(request) }
        case (.get, "/api/runs/{id}"): return { _, context in try run(context.parameters.get("id") ?? "") }
        case (.get, "/api/compare"): return { request, _ in try compare(request) }
        default: return { request, _ in throw APIError.notFound(request.uri.path) }
        }
    }

    // MARK: - App and reference

    private func asset(_ name: String) throws -> Response {
        guard let file = assets.file(name) else { throw APIError.notFound("/assets/\(name)") }
        return HTTPSupport.response(file.text, type: file.type)
    }

    private func health() -> Response {
        HTTPSupport.json(.object([
            ("status", .string("ok")),
            ("version", .string(version)),
            ("api_version", .string(ParleyApp.apiVersion)),
            ("limits", .object([
                ("max_body_bytes", .integer(Int64(configuration.maxBodyBytes))),
                ("compute_seconds", .number(configuration.computeSeconds)),
                ("max_runs", .integer(Int64(configuration.maxRuns))),
                ("max_monte_carlo_work", .integer(Int64(configuration.maxMonteCarloWork))),
                ("workers", .integer(Int64(heavy.workers))),
                ("light_workers", .integer(Int64(light.workers))),
            ])),
            ("busy", ComputePool.busyJSON(heavy: heavy, light: light)),
            ("store", .string(configuration.recordRuns ? "enabled" : "disabled")),
        ]))
    }

    private func models() -> Response {
        HTTPSupport.json(.object([("models", .array(ModelCatalog.all.map { model in
            .object([("name", .string(model.name)), ("summary", .string(model.summary))])
        }))]))
    }

    private func examples() -> Response {
        HTTPSupport.json(.object([("examples", .array(assets.examples.map { example in
            .object([("id", .string(example.id)), ("name", .string(example.name)), ("kind", .string(example.kind)),
                     ("url", .string("/api/examples/\(example.id)"))])
        }))]))
    }

    private func example(_ id: String) throws -> Response {
        guard let example = assets.example(id) else {
            throw APIError(404, "no example named '\(id)'", hint: "GET /api/examples lists them: \(assets.examples.map(\.id).joined(separator: ", "))")
        }
        return HTTPSupport.response(example.text, type: "application/yaml; charset=utf-8")
    }

    // MARK: - Progress

    /// Starts tracking the request's `?progress=ID` (nil when absent, or when the registry is full
    /// or already tracks that id: the work then runs untracked).
    /// - Throws: 400 when the id is not 8 to 64 of A-Z, a-z, 0-9, `-` and `_`.
    private func track(_ request: Request, total: Int, unit: String) throws -> ProgressRegistry.Tracker? {
        guard let id = request.uri.queryParameters["progress"].map(String.init) else { return nil }
        guard ProgressRegistry.isValidID(id) else {
            throw APIError(400, "query parameter progress must be 8 to 64 letters (A-Z, a-z), digits, - or _",
                           hint: "make up a random id, for example 32 hexadecimal digits, and poll GET /api/progress/{id} while the request runs")
        }
        return progress.begin(id, total: total, unit: unit)
    }

    private func progressAnswer(_ id: String) throws -> Response {
        guard ProgressRegistry.isValidID(id), let snapshot = progress.snapshot(id) else {
            throw APIError(404, ProgressRegistry.isValidID(id) ? "no work with progress id '\(id)' is running" : "no work with that progress id is running (an id is 8 to 64 letters, digits, - or _)",
                           hint: "send ?progress=ID with POST /api/sensitivity or /api/forecast and poll while it runs; the id is dropped when the request ends")
        }
        return HTTPSupport.json(.object([
            ("done", .integer(Int64(snapshot.done))), ("total", .integer(Int64(snapshot.total))), ("unit", .string(snapshot.unit)),
        ]))
    }

    // MARK: - Scenarios

    /// Reads the body and decodes it on the pool (a large file takes a moment to parse), then runs `body`.
    private func withScenario<T: Sendable>(
        _ request: Request, _ what: String, heavy isHeavy: Bool = false, _ body: @escaping @Sendable (Scenario, CancelFlag) throws -> T
    ) async throws -> T {
        try await HTTPSupport.whileConnected(request, limit: configuration.maxBodyBytes) { requestBody, gone in
            let input = try HTTPSupport.scenarioText(request, body: requestBody)
            return try await (isHeavy ? heavy : light).run(what, cancel: gone) { flag in
                let scenario = try ScenarioCodec.decode(input.text, format: input.format, file: input.file)
                return try body(scenario, flag)
            }
        }
    }

    private func validate(_ request: Request) async throws -> Response {
        let answer = try await withScenario(request, "validation") { scenario, _ in
            JSONValue.object([
                ("valid", .bool(true)),
                ("name", .string(scenario.name)),
                ("stakeholders", .integer(Int64(scenario.stakeholders.count))),
                ("issues", .integer(Int64(scenario.issues.count))),
                ("sources", .integer(Int64(scenario.sources.count))),
                ("evidence", EvidenceJSON.audit(scenario)),
            ]).render()
        }
        return HTTPSupport.json(answer)
    }

    private func convert(_ request: Request) async throws -> Response {
        let target = request.uri.queryParameters["to"].map(String.init) ?? "json"
        guard let format = ScenarioFormat(rawValue: target), format.isLossless else {
            throw APIError(400, "query parameter to must be json or yaml; found '\(target)'")
        }
        let text = try await withScenario(request, "conversion") { scenario, _ in
            try ScenarioCodec.encode(scenario, format: format).text
        }
        return format == .json ? HTTPSupport.json(text) : HTTPSupport.response(text, type: "application/yaml; charset=utf-8")
    }

    /// `?model=a&model=b` or `?model=a,b`, checked; empty when absent (the scenario's default set).
    private func chosenModels(_ request: Request) throws -> [String] {
        let names = request.uri.queryParameters[values: "model"].map(String.init)
        _ = try models(named: names, for: nil)
        return names
    }

    /// The models `names` stand for on `scenario` (its default set when empty).
    private func models(named names: [String], for scenario: Scenario?) throws -> [any BargainingModel] {
        do {
            return try ModelChoice.models(named: names, for: scenario)
        } catch {
            throw APIError(400, error.message, hint: error.hint)
        }
    }

    private func unknownModel(_ name: String) -> APIError {
        let error = ModelChoice.unknown(name)
        return APIError(400, error.message, hint: error.hint)
    }

    private func forecast(_ request: Request) async throws -> Response {
        let names = try chosenModels(request)
        let winners = try HTTPSupport.flag(request, "winners")
        let store = try HTTPSupport.flag(request, "store") && configuration.recordRuns
        let started = Date()
        let tracker = try track(request, total: 0, unit: "models")
        defer { tracker?.end() }
        let (text, stored, scenario, models) = try await withScenario(request, "the forecast") { scenario, flag in
            let models = try self.models(named: names, for: scenario)
            // The ensemble only combines the others' runs: the count is of the models that run.
            let total = max(1, models.filter { !($0 is EnsembleModel) }.count)
            tracker?.update(done: 0, total: total)
            let forecast = try ScenarioForecast(scenario: scenario, models: models, winners: winners, isCancelled: { flag.isCancelled },
                                                progress: { tracker?.update(done: $0) })
            tracker?.update(done: total)
            let text = ResultJSON.forecast(forecast.report, models: models, winners: forecast.standings)
            return (text, winners ? ResultJSON.forecast(forecast.report, models: models) : text, scenario, models.map(\.name))
        }
        var headers: [(String, String)] = []
        if store {
            let parameters = RunParameters.forecast(ForecastParameters(models: models))
            let id = try record(parameters, scenario: scenario, result: stored, started: started)
            headers.append(("Parley-Run-ID", String(id)))
        }
        return HTTPSupport.json(text, headers: headers)
    }

    private func simulate(_ request: Request) async throws -> Response {
        guard let name = request.uri.queryParameters["model"].map(String.init) else {
            throw APIError(400, "query parameter model is required", hint: "for example ?model=weighted-mean; available: \(ModelCatalog.names.joined(separator: ", "))")
        }
        guard let model = ModelCatalog.model(named: name) else { throw unknownModel(name) }
        let text = try await withScenario(request, "the simulation") { scenario, _ in
            ResultJSON.simulation(try (ModelCatalog.model(named: name, for: scenario) ?? model).run(scenario), scenario: scenario)
        }
        return HTTPSupport.json(text)
    }

    private func sensitivity(_ request: Request) async throws -> Response {
        let limit = configuration.maxRuns
        let runs = try HTTPSupport.integer(request, "runs", default: min(1000, limit), in: 1...max(1, limit),
                                           hint: "this server allows at most \(limit) runs per request; start it with a larger --max-runs, or use parley sensitivity, which has no limit and can be sharded")
        let seedText = request.uri.queryParameters["seed"].map(String.init) ?? "1"
        guard let seed = UInt64(seedText) else {
            throw APIError(400, "query parameter seed must be a whole number from 0 to 18446744073709551615; found '\(seedText)'")
        }
        let top = try HTTPSupport.integer(request, "top", default: 5, in: 0...50)
        let names = try chosenModels(request)
        let store = try HTTPSupport.flag(request, "store") && configuration.recordRuns
        let budget = configuration.maxMonteCarloWork
        let started = Date()
        let tracker = try track(request, total: runs, unit: "runs")
        defer { tracker?.end() }
        let (text, scenario, models) = try await withScenario(request, "the Monte Carlo run", heavy: true) { scenario, flag in
            let models = try self.models(named: names, for: scenario)
            let work = SensitivityAnalysis.work(runs: runs, models: models.count, scenario: scenario)
            if work > budget {
                throw APIError(422, "\(runs) runs × \(models.count) models × \(scenario.stakeholders.count) stakeholders × \(scenario.issues.count) issues = \(work) evaluations, more than this server's limit of \(budget)",
                               hint: "ask for fewer runs or models, start the server with a larger --max-work, or use parley sensitivity on the command line")
            }
            let plan = SensitivityAnalysis.plan(scenario: scenario, runs: runs, seed: seed, models: models)
            let results = try SensitivityAnalysis.replicates(scenario: scenario, models: models, plan: plan, indices: 0..<runs,
                                                             isCancelled: { flag.isCancelled }, progress: { tracker?.update(done: $0) })
            let analysis = try SensitivityAnalysis(scenario: scenario, plan: plan, results: results, models: models, top: top,
                                                   isCancelled: { flag.isCancelled })
            return (ResultJSON.sensitivity(analysis, scenario: scenario), scenario, models.map(\.name))
        }
        var headers: [(String, String)] = []
        if store {
            let parameters = RunParameters.sensitivity(SensitivityParameters(runs: runs, seed: seed, models: models))
            let id = try record(parameters, scenario: scenario, result: text, started: started)
            headers.append(("Parley-Run-ID", String(id)))
        }
        return HTTPSupport.json(text, headers: headers)
    }

    private func charts(_ request: Request) async throws -> Response {
        let name = request.uri.queryParameters["model"].map(String.init) ?? "ensemble"
        guard ModelCatalog.model(named: name) != nil else { throw unknownModel(name) }
        // The forecast chart's models (default: the scenario's default set); the web app names the quick ones
        // first for a large scenario, so its first charts do not wait for the slow models.
        let drawn = request.uri.queryParameters[values: "forecasts"].map(String.init)
        _ = try models(named: drawn, for: nil)
        let text = try await withScenario(request, "the charts") { scenario, _ in
            let report = try ForecastReport(scenario: scenario, models: try self.models(named: drawn, for: scenario))
            // The trajectory model runs on its own when the forecast chart does not include it.
            var run = report.runs.first { $0.model == name }
            // A model that cannot run on this scenario (procedural without a forum) draws no trajectory, as before.
            if run == nil, let model = ModelCatalog.model(named: name, for: scenario) { run = try? model.run(scenario) }
            return JSONValue.object([
                ("scenario", .string(scenario.name)),
                ("model", .string(name)),
                ("issues", .array(scenario.issues.map { issue in
                    JSONValue.object([
                        ("id", .string(issue.id)),
                        ("name", .string(issue.name)),
                        ("forecast", .string(ForecastChart.render(issue: issue, forecasts: report.forecasts).render())),
                        ("map", .string(StakeholderMap.render(issue: issue, scenario: scenario).render())),
                        ("trajectory", run.map { .string(TrajectoryChart.render(run: $0, issue: issue, scenario: scenario).render()) } ?? .null),
                    ])
                })),
            ]).render()
        }
        return HTTPSupport.json(text)
    }

    /// `parley reliability --json`: the coders' agreement on the scenario's `codings:` (the same bytes).
    private func reliability(_ request: Request) async throws -> Response {
        let text = try await withScenario(request, "the reliability") { scenario, _ in
            ResultJSON.reliability(scenario: scenario, reliability: CodingReliability(scenario: scenario))
        }
        return HTTPSupport.json(text)
    }

    // MARK: - Games

    private func solveGame(_ request: Request) async throws -> Response {
        let methodName = request.uri.queryParameters["method"].map(String.init) ?? "auto"
        guard let method = SolveMethod(rawValue: methodName) else {
            throw APIError(400, "unknown method '\(methodName)'", hint: "available: \(SolveMethod.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let label = try HTTPSupport.integer(request, "label", default: 1, in: 1...10_000)
        let type = HTTPSupport.mediaType(request)
        var format: GameFormat?
        if let name = request.uri.queryParameters["format"].map(String.init) {
            guard let chosen = GameFormat(rawValue: name) else { throw APIError(400, "query parameter format must be nfg, efg, yaml or json; found '\(name)'") }
            format = chosen
        } else if let type {
            if HTTPSupport.jsonTypes.contains(type) { format = .json }
            else if HTTPSupport.yamlTypes.contains(type) { format = .yaml }
            else if type != "application/octet-stream" {
                throw APIError(415, "a game is sent as application/yaml, application/json or application/octet-stream (Gambit .nfg/.efg), not \(type)")
            }
        }
        let file = HTTPSupport.sourceName(request)
        let chosenFormat = format
        let limit = configuration.maxBodyBytes
        let answer = try await HTTPSupport.whileConnected(request, limit: limit) { requestBody, gone in
            let text = try ScenarioFile.text(from: requestBody, file: file)
            let trimmed = text.drop { $0.isWhitespace }
            let chosen = chosenFormat ?? (trimmed.hasPrefix("NFG") ? .nfg : trimmed.hasPrefix("EFG") ? .efg : trimmed.hasPrefix("{") ? .json : .yaml)
            return try await heavy.run("the game solution", cancel: gone) { _ in
            let document = try GameFile.decode(text, format: chosen, file: file)
            return GameJSON.render(try GameAnalysis.solution(of: document, options: GameSolveOptions(method: method, label: label)))
            }
        }
        return HTTPSupport.json(answer)
    }

    // MARK: - Runs

    private func openStore(create: Bool) throws -> RunStore? {
        // --no-store: the store is never opened, so nothing is ever written.
        guard configuration.recordRuns else { return nil }
        if !create, !FileManager.default.fileExists(atPath: configuration.storePath) { return nil }
        return try RunStore(path: configuration.storePath)
    }

    private func record(_ parameters: RunParameters, scenario: Scenario, result: String, started: Date) throws -> Int64 {
        guard let store = try openStore(create: true) else { throw APIError(500, "the run store is off (parley serve --no-store)") }
        let id = try store.begin(command: parameters.command, scenarioName: scenario.name, scenarioHash: ShardFile.hash(scenario),
                                 parameters: parameters.key, seed: parameters.seed, version: version)
        try store.finish(id, status: .complete, result: result, duration: Date().timeIntervalSince(started))
        return id
    }

    private func runs(_ request: Request) throws -> Response {
        let limit = try HTTPSupport.integer(request, "limit", default: 30, in: 1...500)
        let records = try openStore(create: false)?.list(limit: limit) ?? []
        return HTTPSupport.json(.object([
            ("store", .string(configuration.recordRuns ? "enabled" : "disabled")),
            ("runs", .array(records.map { summary($0) })),
        ]))
    }

    private func summary(_ record: RunRecord) -> JSONValue {
        .object([
            ("id", .integer(record.id)),
            ("command", .string(record.command)),
            ("scenario", .string(record.scenarioName)),
            ("scenario_sha256", .string(record.scenarioHash)),
            ("status", .string(record.status.rawValue)),
            ("parameters", .string(record.parameters)),
            ("seed", record.seed.map { .string(String($0)) } ?? .null),
            ("version", .string(record.version)),
            ("started_at", .string(record.startedAt)),
            ("finished_at", .optional(record.finishedAt)),
            ("duration_seconds", record.durationSeconds.map(JSONValue.number) ?? .null),
            ("replicates", .integer(Int64(record.replicateCount))),
            ("has_result", .bool(record.result != nil)),
        ])
    }

    private func findRun(_ text: String) throws -> RunRecord {
        guard let id = Int64(text) else { throw APIError(404, "run ids are whole numbers; found '\(text)'", hint: "GET /api/runs lists them") }
        guard let record = try openStore(create: false)?.record(id) else {
            throw APIError(404, "no run \(id) in the run store\(configuration.recordRuns ? "" : " (it is off: parley serve --no-store)")", hint: "GET /api/runs lists them")
        }
        return record
    }

    private func run(_ id: String) throws -> Response {
        let record = try findRun(id)
        guard case .object(var members) = summary(record) else { return HTTPSupport.json(summary(record)) }
        members.append(("result", record.result.map(JSONValue.raw) ?? .null))
        return HTTPSupport.json(.object(members))
    }

    private func compare(_ request: Request) throws -> Response {
        guard let a = request.uri.queryParameters["a"].map(String.init), let b = request.uri.queryParameters["b"].map(String.init) else {
            throw APIError(400, "query parameters a and b (two run ids) are required", hint: "for example /api/compare?a=3&b=5")
        }
        let first = try findRun(a)
        let second = try findRun(b)
        return HTTPSupport.json(try RunComparison.compare(first, second))
    }
}
