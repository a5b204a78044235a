import Foundation
import HTTPTypes
import Hummingbird
import ParleyCore
import ParleyIO

/// Building answers and reading bodies, the same way for every route.
enum HTTPSupport {
    /// Headers every answer carries: no sniffing, no framing, nothing loaded from elsewhere.
    static let securityHeaders: [(HTTPField.Name, String)] = [
        (.xContentTypeOptions, "nosniff"),
        (.contentSecurityPolicy, "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"),
        (HTTPField.Name("Referrer-Policy") ?? .contentType, "no-referrer"),
        (HTTPField.Name("X-Frame-Options") ?? .contentType, "DENY"),
    ]

    static func response(_ text: String, status: Int = 200, type: String, headers: [(String, String)] = []) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = type
        for (name, value) in securityHeaders { fields[name] = value }
        for (name, value) in headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        fields[.cacheControl] = "no-store"
        return Response(status: .init(code: status), headers: fields, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ text: String, status: Int = 200, headers: [(String, String)] = []) -> Response {
        response(text.hasSuffix("\n") ? text : text + "\n", status: status, type: "application/json; charset=utf-8", headers: headers)
    }

    static func json(_ value: JSONValue, status: Int = 200) -> Response {
        json(value.render(), status: status)
    }

    static func error(_ error: APIError) -> Response {
        json(error.json, status: error.status, headers: error.headers)
    }

    /// The body's media type in lower case without parameters, or nil when absent.
    static func mediaType(_ request: Request) -> String? {
        guard let value = request.headers[.contentType] else { return nil }
        let type = value.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return type.isEmpty ? nil : type
    }

    static let jsonTypes: Set<String> = ["application/json", "text/json"]
    static let yamlTypes: Set<String> = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"]

    /// Reads the request body (at most `limit` bytes, else 413) and runs `operation` on it with a flag
    /// that is set if the client hangs up meanwhile, so work for a client that is gone (a timed-out
    /// load generator, a closed tab) stops or never starts.
    ///
    /// The body is read whole, with one iterator, before `operation` runs: the body's reader waits
    /// until what it hands on is consumed, so an operation that failed before reading (a 415, a
    /// 413 on a chunked upload) would leave its error answer waiting for a client that waits for it.
    /// An oversized body is drained, not kept, and refused once it has ended.
    static func whileConnected<T: Sendable>(
        _ request: Request, limit: Int, _ operation: (Data, CancelFlag) async throws -> T
    ) async throws -> T {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw tooLarge(limit, announced: length)
        }
        let gone = CancelFlag()
        // A client that sent `Connection: close` (Python's urllib does) has ended its inbound side
        // once the request is in, which is not hanging up: only keep-alive connections are watched.
        let closing = request.headers[.connection]?.lowercased().contains("close") == true
        if closing {
            return try await operation(try await read(request.body, limit: limit), gone)
        }
        return try await request.body.consumeWithInboundCloseHandler({ body in
            try await operation(try await read(body, limit: limit), gone)
        }, onInboundClosed: { gone.cancel() })
    }

    /// The whole body, or 413 once an oversized one has been drained.
    private static func read(_ body: RequestBody, limit: Int) async throws -> Data {
        var data = Data()
        var overflow = false
        for try await buffer in body where !overflow {
            if data.count + buffer.readableBytes > limit {
                overflow = true
                data = Data()
            } else {
                data.append(contentsOf: buffer.readableBytesView)
            }
        }
        if overflow { throw tooLarge(limit, announced: nil) }
        return data
    }

    static func tooLarge(_ limit: Int, announced: Int?) -> APIError {
        let size = announced.map { " (\(megabytes($0)) MiB)" } ?? ""
        return APIError(413, "the request body\(size) is larger than the server's limit of \(megabytes(limit)) MiB",
                        hint: "a scenario with hundreds of stakeholders takes well under 1 MiB; to raise the limit start the server with --max-body BYTES")
    }

    private static func megabytes(_ bytes: Int) -> String {
        NumberText.fixed(Double(bytes) / 1_048_576, digits: bytes % 1_048_576 == 0 ? 0 : 2)
    }

    /// The name errors are located in: `?name=` (the uploaded file's name) or "request body".
    static func sourceName(_ request: Request) -> String {
        guard let name = request.uri.queryParameters["name"].map(String.init), !name.isEmpty else { return "request body" }
        return String(name.unicodeScalars.filter { $0.value >= 0x20 && $0 != "\u{7F}" }.prefix(120).map(Character.init))
    }

    /// A scenario body: text (UTF-8 checked), its format from the media type (or its first character when
    /// none is given), and the name its errors are located in.
    static func scenarioText(_ request: Request, body: Data) throws -> (text: String, format: ScenarioFormat, file: String) {
        let type = mediaType(request)
        let format: ScenarioFormat?
        if let type {
            format = jsonTypes.contains(type) || type.hasSuffix("+json") ? .json : yamlTypes.contains(type) ? .yaml : nil
            guard format != nil else {
                throw APIError(415, "a scenario is sent as application/yaml or application/json, not \(type)",
                               hint: "set the Content-Type header, for example: curl --data-binary @Examples/bonn-2001.yaml -H 'Content-Type: application/yaml' ...")
            }
        } else {
            format = nil
        }
        let file = sourceName(request)
        if let problem = wideText(body) {
            throw APIError(422, "\(file) is not UTF-8 text: \(problem)",
                           hint: "save the file as UTF-8 (in most editors: Save As, encoding UTF-8) and upload it again")
        }
        let text = try ScenarioFile.text(from: body, file: file)
        let first = text.unicodeScalars.first { !$0.properties.isWhitespace }
        return (text, format ?? (first == "{" ? .json : .yaml), file)
    }

    /// Why `body` is UTF-16 or UTF-32 rather than UTF-8, or nil: a UTF-16/32 byte-order mark, or NUL bytes, which
    /// no scenario holds and which ASCII text saved as UTF-16 has in every other byte (valid UTF-8, so
    /// the UTF-8 check alone lets it through as garbled text). Reads at most the first 4096 bytes.
    static func wideText(_ body: Data) -> String? {
        let bytes = [UInt8](body.prefix(4096))
        if bytes.starts(with: [0xFF, 0xFE]) { return "it starts with the byte-order mark of UTF-16 little-endian (FF FE)" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "it starts with the byte-order mark of UTF-16 big-endian (FE FF)" }
        guard let first = bytes.firstIndex(of: 0) else { return nil }
        var even = 0, odd = 0
        for (offset, byte) in bytes.enumerated() where byte == 0 {
            if offset % 2 == 0 { even += 1 } else { odd += 1 }
        }
        let pairs = max(1, bytes.count / 2)
        if odd * 3 >= pairs && even * 10 < odd { return "every other byte is NUL (00): it looks like UTF-16 little-endian" }
        if even * 3 >= pairs && odd * 10 < even { return "every other byte is NUL (00): it looks like UTF-16 big-endian" }
        return "it holds a NUL byte (00) at offset \(first), which text never does"
    }

    /// A whole-number query parameter within `range`, or `fallback` when absent.
    static func integer(_ request: Request, _ name: String, default fallback: Int, in range: ClosedRange<Int>, hint: String? = nil) throws -> Int {
        guard let text = request.uri.queryParameters[Substring(name)] else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            throw APIError(400, "query parameter \(name) must be a whole number from \(range.lowerBound) to \(range.upperBound); found '\(text)'", hint: hint)
        }
        return value
    }

    /// A yes/no query parameter: true, 1, yes (or false, 0, no).
    static func flag(_ request: Request, _ name: String) throws -> Bool {
        guard let text = request.uri.queryParameters[Substring(name)]?.lowercased() else { return false }
        switch text {
        case "", "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw APIError(400, "query parameter \(name) must be true or false; found '\(text)'")
        }
    }
}
