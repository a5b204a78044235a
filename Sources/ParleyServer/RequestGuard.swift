import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// Refuses, before any work, what a page on another site can make a browser send to the local
/// server (CSRF and DNS rebinding):
///
/// 1. **Host** (on a loopback server only): the name must be exactly the bound address,
///    `localhost`, or (bound to `localhost`) `127.0.0.1` / `[::1]`, with no port or the bound
///    port; anything else (`127.attacker.example`, `localhost.evil`, another port) gets 421. A
///    request without a Host header gets 400.
/// 2. **Origin**: when present it must be this server's own origin, `http://` + the Host the
///    request was sent to; a foreign origin, or `null`, gets 403.
/// 3. **Sec-Fetch-Site**: `cross-site` and `same-site` get 403, except a GET navigation to a page
///    outside `/api/` (a link to the app from elsewhere still opens it).
/// 4. **Content-Type** of a POST to an API route: missing, or one a browser sends cross-site
///    without a CORS preflight (`text/plain`, `application/x-www-form-urlencoded`,
///    `multipart/form-data`), gets 415 before the body is read. A type that needs a preflight
///    (`application/json`, `application/yaml`) cannot be sent cross-site at all, since the
///    server answers no preflight.
struct RequestGuard: RouterMiddleware {
    typealias Context = BasicRequestContext

    /// Check the Host header (loopback servers only; on another interface the Host is whatever
    /// name reaches it).
    let loopbackOnly: Bool
    /// The bound address as configured, lower case.
    let boundHost: String
    /// The port actually bound (set once the server runs; `--port 0` picks one).
    let port: BoundPort

    init(configuration: ServerConfiguration, port: BoundPort) {
        loopbackOnly = configuration.isLoopback
        boundHost = configuration.host.lowercased()
        self.port = port
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let refusal = refusal(method: request.method.rawValue, path: request.uri.path, authority: request.head.authority,
                                 origin: request.headers[.origin], fetchSite: request.headers[Self.secFetchSite],
                                 fetchMode: request.headers[Self.secFetchMode], contentType: request.headers[.contentType]) {
            return HTTPSupport.error(refusal)
        }
        return try await next(request, context)
    }

    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site") ?? .origin
    static let secFetchMode = HTTPField.Name("Sec-Fetch-Mode") ?? .origin

    /// The error a request gets, or nil when it may proceed. Pure: the header values in, the
    /// verdict out.
    func refusal(method: String, path: String, authority: String?, origin: String?, fetchSite: String?, fetchMode: String?,
                 contentType: String?) -> APIError? {
        if loopbackOnly {
            guard let authority, !authority.isEmpty else {
                return APIError(400, "the request has no Host header", hint: "send Host: 127.0.0.1:PORT (HTTP/1.1 requires it)")
            }
            guard acceptsHost(authority) else {
                return APIError(421, "this server answers only requests addressed to \(allowedNames.joined(separator: ", ")) on port \(port.value), not \(Self.printable(authority))",
                                hint: "open the address parley serve printed")
            }
        }
        if let origin {
            let own = authority.map { "http://" + $0.lowercased() }
            guard let own, origin.lowercased() == own else {
                return APIError(403, "requests from another site's page are refused (Origin \(Self.printable(origin)))",
                                hint: "use the app this server serves at /, or a client that is not a browser (curl, a script)")
            }
        }
        if let site = fetchSite?.lowercased(), site == "cross-site" || site == "same-site" {
            let navigation = method == "GET" && fetchMode?.lowercased() == "navigate" && !path.hasPrefix("/api/")
            if !navigation {
                return APIError(403, "requests from another site's page are refused (Sec-Fetch-Site: \(Self.printable(site)))",
                                hint: "use the app this server serves at /, or a client that is not a browser (curl, a script)")
            }
        }
        if method == "POST", let route = APIRoute.all.first(where: { $0.method == .post && $0.matches(path) }), let body = route.body {
            let accepted = body.mediaTypes.joined(separator: ", ")
            guard let type = Self.mediaType(contentType) else {
                return APIError(415, "the request has no Content-Type; \(route.path) reads \(accepted)",
                                hint: "set the Content-Type header, for example: curl --data-binary @Examples/bonn-2001.yaml -H 'Content-Type: application/yaml' ...")
            }
            if Self.simpleTypes.contains(type) {
                return APIError(415, "\(route.path) does not read \(type), a type any web page may send to this server; send \(accepted)",
                                hint: "set the Content-Type header, for example: curl --data-binary @Examples/bonn-2001.yaml -H 'Content-Type: application/yaml' ...")
            }
        }
        return nil
    }

    /// The media types a browser sends cross-site without asking the server first (CORS "simple" requests).
    static let simpleTypes: Set<String> = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]

    /// The type in lower case without parameters, or nil when absent or empty.
    static func mediaType(_ value: String?) -> String? {
        guard let value else { return nil }
        let type = value.split(separator: ";", omittingEmptySubsequences: false).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return type.isEmpty ? nil : type
    }

    /// The host names this server answers to, as they appear in a Host header.
    var allowedNames: [String] {
        var names = [Self.bracketed(boundHost)]
        if boundHost == "localhost" { names += ["127.0.0.1", "[::1]"] } else { names.append("localhost") }
        return names
    }

    /// Whether `authority` (a Host header: `name` or `name:port`, IPv6 in brackets) names this server exactly.
    func acceptsHost(_ authority: String) -> Bool {
        let text = authority.lowercased()
        let name: Substring
        let portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return false }
            name = text[...close]
            let rest = text[text.index(after: close)...]
            if rest.isEmpty {
                portText = nil
            } else {
                guard rest.hasPrefix(":") else { return false }
                portText = rest.dropFirst()
            }
        } else if let colon = text.firstIndex(of: ":") {
            name = text[..<colon]
            portText = text[text.index(after: colon)...]
        } else {
            name = Substring(text)
            portText = nil
        }
        if let portText {
            guard !portText.isEmpty, portText.allSatisfy({ $0.isASCII && $0.isNumber }), Int(portText) == port.value else { return false }
        }
        return allowedNames.contains(String(name))
    }

    /// An IPv6 address in brackets, as in a Host header; other names as they are.
    static func bracketed(_ host: String) -> String {
        host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
    }

    /// A header value for an error message: printable ASCII only, at most 100 characters.
    static func printable(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0.value >= 0x20 && $0.value < 0x7F }.prefix(100).map(Character.init))
    }
}

/// The port the server actually listens on, known once it runs.
final class BoundPort: Sendable {
    private let port: Atomic<Int>

    init(_ configured: Int) { port = Atomic(configured) }

    var value: Int { port.load(ordering: .relaxed) }

    func set(_ value: Int) { port.store(value, ordering: .relaxed) }
}

extension APIRoute.Body {
    /// The media types a body of this kind may be sent as (in error messages and the OpenAPI document).
    var mediaTypes: [String] {
        switch self {
        case .scenario: ["application/yaml", "application/json"]
        case .game: ["application/yaml", "application/json", "application/octet-stream (Gambit .nfg/.efg text)"]
        }
    }
}
