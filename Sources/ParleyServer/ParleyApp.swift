public import Hummingbird
import Foundation
import Logging
import NIOCore
import ParleyBargaining
import ParleyCore
import ParleyGames
import ParleyStore

/// The local web app and JSON API behind `parley serve`.
public enum ParleyApp {
    /// The API's version, reported by `GET /api/health` and the OpenAPI document.
    public static let apiVersion = "1"

    /// The application, ready to `runService()`.
    /// - Parameters:
    ///   - configuration: where to listen and the bounds on requests.
    ///   - version: Parley's version, recorded with stored runs.
    ///   - onRunning: called once with the bound port (useful with port 0).
    /// - Throws: ``ServerStartError`` when the app's files are missing.
    public static func build(
        configuration: ServerConfiguration, version: String, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws(ServerStartError) -> some ApplicationProtocol {
        let assets: AssetStore
        do {
            assets = try AssetStore()
        } catch {
            throw ServerStartError(message: error.message + (error.hint.map { "; \($0)" } ?? ""))
        }
        let handlers = Handlers(configuration: configuration, version: version, assets: assets)
        let router = Router(context: BasicRequestContext.self)
        let boundPort = BoundPort(configuration.port)
        router.add(middleware: RequestGuard(configuration: configuration, port: boundPort))
        router.add(middleware: JSONErrorMiddleware())
        for route in APIRoute.all {
            let respond = handlers.responder(for: route)
            switch route.method {
            case .get: router.get(RouterPath(route.routerPath)) { request, context in try await respond(request, context) }
            case .post: router.post(RouterPath(route.routerPath)) { request, context in try await respond(request, context) }
            }
        }
        var logger = Logger(label: "parley-serve")
        logger.logLevel = .warning
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "parley"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.port
                boundPort.set(port)
                await onRunning(port)
            },
            logger: logger)
    }
}

extension ParleyApp {
    /// Builds the app and serves until SIGINT or SIGTERM, then finishes the requests in flight.
    /// - Throws: ``ServerStartError`` when the app's files are missing; the server's error when it cannot bind.
    public static func serve(
        configuration: ServerConfiguration, version: String, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        try await build(configuration: configuration, version: version, onRunning: onRunning).runService()
    }
}

/// The server could not start; the message says why.
public struct ServerStartError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Turns every failure into the JSON error shape and answers wrong methods with 405. (Requests
/// from other sites and other host names are refused before, by ``RequestGuard``.)
struct JSONErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return HTTPSupport.error(Self.apiError(error, request: request))
        }
    }

    static func apiError(_ error: any Error, request: Request) -> APIError {
        switch error {
        case let error as APIError: return error
        case let errors as ScenarioErrors: return .invalid(errors)
        case let error as ModelError:
            return APIError(422, "the model \(error.model) could not run: \(error.message)", hint: error.hint)
        case let error as GameError:
            return APIError(422, "the game could not be solved: \(error.message)", hint: error.hint)
        case let error as StoreError:
            // The store's messages name its path: the details go to the server's standard error only.
            ServerLog.error("the run store failed: \(error.message)")
            return APIError(500, "the run store could not be read or written", hint: "the standard error of parley serve has the details")
        case let error as any HTTPResponseError:
            if error.status == .notFound {
                let path = request.uri.path
                let allowed = APIRoute.all.filter { $0.matches(path) }.map(\.method.rawValue)
                if !allowed.isEmpty {
                    return APIError(405, "\(path) answers \(allowed.joined(separator: ", ")), not \(request.method.rawValue)",
                                    headers: [("Allow", allowed.joined(separator: ", "))])
                }
                return .notFound(path)
            }
            if error.status == .contentTooLarge { return APIError(413, "the request body is too large") }
            return APIError(error.status.code, error.status.reasonPhrase)
        default:
            // Foundation's errors may name files: the details go to the server's standard error only.
            ServerLog.error("internal error: \(error)")
            return APIError(500, "internal error (\(type(of: error)))", hint: "please report this with the request that caused it; the standard error of parley serve has the details")
        }
    }
}

/// Lines for the server's standard error (what an answer must not show, such as local paths).
enum ServerLog {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data(("parley serve: " + line + "\n").utf8))
    }
}
