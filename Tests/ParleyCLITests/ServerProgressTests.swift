import Foundation
import Testing

/// `GET /api/progress/{id}` against the real `parley serve` (issue 18, item 5): 404 for an id no
/// running work has, counts only while a request sent with `?progress=ID` runs, and 404 again as
/// soon as that request has ended (the entry is dropped with the request; there is no grace period).
@Suite(.serialized) struct ServerProgressTests {
    static let bonn = ServerWebAppTests.bonnText

    @Test func unknownAndMalformedIDsAnswer404AndAMalformedIDIsRefusedOnThePost() throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let unknown = try server.get("/api/progress/0123456789abcdef0123456789abcdef")
        #expect(unknown.status == 404)
        #expect((unknown.error["message"] as? String)?.contains("no work with progress id '0123456789abcdef0123456789abcdef'") == true)
        #expect(unknown.header("Content-Type")?.hasPrefix("application/json") == true)
        for id in ["x", "has%20space-1", String(repeating: "a", count: 65)] {
            #expect(try server.get("/api/progress/\(id)").status == 404, "\(id)")
        }
        let refused = try server.post("/api/sensitivity?runs=5&model=weighted-mean&progress=bad%20id", Self.bonn)
        #expect(refused.status == 400)
        #expect((refused.error["message"] as? String)?.contains("query parameter progress") == true)
    }

    /// A poller runs beside the request for as long as it lasts. Whatever it manages to see (it may
    /// see nothing on a fast machine: nothing here depends on timing), every answer is counts of
    /// runs with total 200 (or models with total 2; 0 before it is known) and 0 <= done <= total, never decreasing; the answer is byte-equal to the
    /// same request without an id; and once the answer is in, the id is 404.
    @Test(arguments: [
        ("/api/sensitivity?runs=200&seed=3&top=0&model=weighted-mean", "runs", 200),
        // weighted-mean, nash and ensemble: the ensemble only combines the other two, so 2 models run.
        ("/api/forecast?model=weighted-mean,nash,ensemble", "models", 2),
    ])
    func countsWhileTheWorkRunsAnd404Afterwards(path: String, unit: String, total: Int) throws {
        let server = try ServerProcess()
        defer { server.stop() }
        let id = "c0ffee00c0ffee00c0ffee00" + unit
        let plain = try server.post(path, Self.bonn)
        #expect(plain.status == 200)
        let seen = Observations()
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            while !seen.stopped {
                if let answer = try? server.get("/api/progress/\(id)"), answer.status == 200 {
                    seen.add(answer.json)
                }
                usleep(5_000)
            }
            finished.signal()
        }
        let tracked = try server.post(path + "&progress=\(id)", Self.bonn)
        seen.stop()
        finished.wait()
        #expect(tracked.status == 200)
        #expect(tracked.text == plain.text, "an id must not change the answer")
        let after = try server.get("/api/progress/\(id)")
        #expect(after.status == 404, "the entry outlived its request: \(after.text)")
        var last = 0
        for answer in seen.answers {
            #expect(answer["unit"] as? String == unit)
            // total is 0 until the work's size is known (the forecast's models, once the scenario is read).
            let shown = try #require(answer["total"] as? Int)
            #expect(shown == total || shown == 0 && answer["done"] as? Int == 0, "total \(shown)")
            #expect(Set(answer.keys) == ["done", "total", "unit"], "only counts: \(answer.keys.sorted())")
            let done = try #require(answer["done"] as? Int)
            #expect(done >= last && done <= total, "done went \(last) → \(done) of \(total)")
            last = done
        }
    }
}

/// What the poller saw, shared with the test's thread.
private final class Observations: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [[String: Any]] = []
    private var isStopped = false

    var stopped: Bool { lock.withLock { isStopped } }
    var answers: [[String: Any]] { lock.withLock { list } }
    func add(_ answer: [String: Any]) { lock.withLock { list.append(answer) } }
    func stop() { lock.withLock { isStopped = true } }
}
