import Testing
@testable import ParleyServer

/// The registry behind `GET /api/progress/{id}`: counts only, bounded, entries gone when the work ends.
@Suite struct ProgressRegistryTests {
    @Test func countsAreKeptClampedAndDroppedAtTheEnd() throws {
        let registry = ProgressRegistry(capacity: 4)
        let tracker = try #require(registry.begin("abcdef0123456789", total: 2000, unit: "runs"))
        #expect(registry.snapshot("abcdef0123456789") == .init(done: 0, total: 2000, unit: "runs"))
        tracker.update(done: 412)
        #expect(registry.snapshot("abcdef0123456789") == .init(done: 412, total: 2000, unit: "runs"))
        // A count beyond the total (or below 0) is clamped: 0 <= done <= total always holds.
        tracker.update(done: 2500)
        #expect(registry.snapshot("abcdef0123456789")?.done == 2000)
        tracker.update(done: -3)
        #expect(registry.snapshot("abcdef0123456789")?.done == 0)
        // A total set once the work starts (the forecast's models are known after decoding).
        tracker.update(done: 1, total: 6)
        #expect(registry.snapshot("abcdef0123456789") == .init(done: 1, total: 6, unit: "runs"))
        tracker.end()
        #expect(registry.snapshot("abcdef0123456789") == nil)
        #expect(registry.count == 0)
        // Updates after the end (a computation still stopping past its deadline) change nothing.
        tracker.update(done: 5)
        #expect(registry.snapshot("abcdef0123456789") == nil)
    }

    @Test func theRegistryIsBounded() throws {
        let registry = ProgressRegistry(capacity: 3)
        let ids = (1...3).map { "request-\($0)-id" }
        let trackers = ids.compactMap { registry.begin($0, total: 10, unit: "models") }
        #expect(trackers.count == 3)
        // Full: the fourth piece of work runs untracked.
        #expect(registry.begin("request-4-id", total: 10, unit: "models") == nil)
        #expect(registry.snapshot("request-4-id") == nil)
        #expect(registry.count == 3)
        // One ends: there is room again, and the others keep their own counts.
        trackers[1].update(done: 7)
        trackers[0].end()
        #expect(registry.begin("request-4-id", total: 10, unit: "models") != nil)
        #expect(registry.snapshot(ids[1])?.done == 7)
        #expect(registry.snapshot(ids[2])?.done == 0)
        #expect(registry.count == 3)
    }

    @Test func aRepeatedIDDoesNotTakeOverAnotherRequestsEntry() throws {
        let registry = ProgressRegistry()
        let first = try #require(registry.begin("same-id-twice", total: 100, unit: "runs"))
        #expect(registry.begin("same-id-twice", total: 5, unit: "models") == nil)
        first.update(done: 50)
        #expect(registry.snapshot("same-id-twice") == .init(done: 50, total: 100, unit: "runs"))
        // An old tracker of a reused id cannot end (or move) the new entry.
        first.end()
        let second = try #require(registry.begin("same-id-twice", total: 5, unit: "models"))
        first.update(done: 99)
        first.end()
        #expect(registry.snapshot("same-id-twice") == .init(done: 0, total: 5, unit: "models"))
        second.end()
        #expect(registry.count == 0)
    }

    @Test(arguments: [
        ("0123456789abcdef0123456789abcdef", true), ("ab-cd_EF", true), (String(repeating: "a", count: 64), true),
        ("short", false), (String(repeating: "a", count: 65), false), ("has space1", false), ("../../etc", false), ("ünïcode-id", false),
    ])
    func idsAreShortPlainTokens(id: String, valid: Bool) {
        #expect(ProgressRegistry.isValidID(id) == valid)
    }
}
