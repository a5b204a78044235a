import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `parley serve --port 0` process for one test, stopped with SIGTERM when the test is done.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let port: Int
    private let output: Pipe

    /// Starts the server and waits (at most 10 s) for the line that names its port.
    init(_ arguments: [String] = [], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: try #require(ParleyProcess.executable, "parley executable not found"))
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: FileManager.default.temporaryDirectory.path)  // any folder must do
        var env = ProcessInfo.processInfo.environment
        env["PARLEY_STORE"] = ParleyProcess.storePath
        for (key, value) in environment { env[key] = value }
        process.environment = env
        output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(10)
        var found: Int?
        while found == nil, Date() < deadline, process.isRunning {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
            if let range = seen.range(of: "serving on http://127.0.0.1:") {
                found = Int(seen[range.upperBound...].prefix { $0.isNumber })
            }
        }
        guard let found else {
            process.terminate()
            throw ServerStartFailure(output: seen)
        }
        port = found
    }

    /// SIGTERM, then wait for the exit; returns the exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    struct ServerStartFailure: Error, CustomStringConvertible {
        var output: String
        var description: String { "parley serve did not report its port; stdout was: \(output)" }
    }

    /// One HTTP/1.1 exchange over a fresh loopback connection.
    func request(_ method: String, _ path: String, body: Data = Data(), headers: [(String, String)] = [], timeout: Double = 20) throws -> HTTPAnswer {
        try HTTPAnswer.exchange(port: port, method: method, path: path, body: body, headers: headers, timeout: timeout)
    }

    func post(_ path: String, _ text: String, type: String = "application/yaml") throws -> HTTPAnswer {
        try request("POST", path, body: Data(text.utf8), headers: [("Content-Type", type)])
    }

    func get(_ path: String) throws -> HTTPAnswer {
        try request("GET", path)
    }
}

/// A parsed HTTP response, from a deliberately small client: the tests must be able to send what
/// browsers and URL libraries would clean up (`/../`, `%2e%2e`, odd Host headers).
struct HTTPAnswer {
    var status: Int
    var headers: [String: String]
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? { headers[name.lowercased()] }

    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:]
    }

    /// The `error` object of a JSON error answer.
    var error: [String: Any] { json["error"] as? [String: Any] ?? [:] }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func exchange(port: Int, method: String, path: String, body: Data, headers: [(String, String)], timeout: Double) throws -> HTTPAnswer {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(fd) }
        var seconds = timeval(tv_sec: Int(timeout), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
        // A server that refuses a large body (413) may stop reading it: never block on send forever.
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(description: "cannot connect to port \(port)") }
        var head = "\(method) \(path) HTTP/1.1\r\n"
        if !headers.contains(where: { $0.0.lowercased() == "host" }) { head += "Host: 127.0.0.1:\(port)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        // A caller that sets Transfer-Encoding sends a body it has already framed in chunks.
        if !headers.contains(where: { $0.0.lowercased() == "transfer-encoding" }) { head += "Content-Length: \(body.count)\r\n" }
        head += "Connection: close\r\n\r\n"
        var outgoing = Data(head.utf8) + body
        while !outgoing.isEmpty {
            let sent = outgoing.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { break }  // the server may answer (413) and close before reading everything
            outgoing.removeFirst(sent)
        }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received.append(contentsOf: buffer[0..<count])
        }
        return try parse(received)
    }

    static func parse(_ data: Data) throws -> HTTPAnswer {
        guard let split = data.range(of: Data("\r\n\r\n".utf8)) else { throw Failure(description: "no HTTP head in \(data.count) bytes") }
        let lines = String(decoding: data[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ") ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure(description: "bad status line \(lines.first ?? "")") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[split.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" {
            var decoded = Data()
            while let end = body.range(of: Data("\r\n".utf8)), let size = Int(String(decoding: body[..<end.lowerBound], as: UTF8.self), radix: 16), size > 0 {
                let start = end.upperBound
                decoded.append(body[start..<(start + size)])
                body = Data(body[(start + size + 2)...])
            }
            body = decoded
        }
        return HTTPAnswer(status: status, headers: headers, body: body)
    }
}
