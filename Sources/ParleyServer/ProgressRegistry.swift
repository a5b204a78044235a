import Synchronization

/// How far each piece of long work has got, by the random id its client sent (`?progress=ID`),
/// for `GET /api/progress/{id}`.
///
/// `total` is 0 until the size of the work is known (a forecast's models are known once its
/// scenario is read), and `done` is then 0 too.
///
/// Holds counts only (done, total, unit), never a scenario, a path or a result, so an id reveals
/// nothing of another request but how far it is. At most ``capacity`` entries at once: work
/// started when the registry is full runs untracked (its id answers 404). An entry is removed
/// when its request ends, whatever the outcome; a computation that outlives its request (past the
/// deadline, until it notices) updates nothing, since each entry is matched by a serial number too.
/// Every operation is O(1) under one lock, except ``begin(_:total:unit:)`` on a repeated id (O(1) too).
final class ProgressRegistry: Sendable {
    /// One tracked piece of work: what the engines' callbacks update.
    struct Tracker: Sendable {
        let id: String
        let serial: UInt64
        let registry: ProgressRegistry

        /// Sets the count done (clamped to 0...total).
        func update(done: Int) { registry.update(self, done: done, total: nil) }

        /// Sets the total and the count done, when the total is known only once the work starts.
        func update(done: Int, total: Int) { registry.update(self, done: done, total: total) }

        /// Removes the entry (the request has ended).
        func end() { registry.end(self) }
    }

    /// What `GET /api/progress/{id}` answers.
    struct Snapshot: Sendable, Equatable {
        var done: Int
        var total: Int
        var unit: String
    }

    private struct Entry {
        var serial: UInt64
        var snapshot: Snapshot
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var nextSerial: UInt64 = 0
    }

    /// The most entries held at once.
    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int = 256) {
        self.capacity = max(1, capacity)
    }

    /// An id is 8 to 64 characters of A–Z, a–z, 0–9, `-` and `_` (the app sends 32 hexadecimal digits).
    static func isValidID(_ id: String) -> Bool {
        (8...64).contains(id.utf8.count) && id.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
        }
    }

    /// Starts tracking `id` at 0 of `total` `unit`; nil when the registry is full or the id is
    /// already tracked (that work keeps its entry; this one runs untracked).
    func begin(_ id: String, total: Int, unit: String) -> Tracker? {
        state.withLock { state -> Tracker? in
            guard state.entries[id] == nil, state.entries.count < capacity else { return nil }
            state.nextSerial &+= 1
            state.entries[id] = Entry(serial: state.nextSerial, snapshot: Snapshot(done: 0, total: max(0, total), unit: unit))
            return Tracker(id: id, serial: state.nextSerial, registry: self)
        }
    }

    /// The counts of `id`, or nil when no work with that id is running.
    func snapshot(_ id: String) -> Snapshot? {
        state.withLock { $0.entries[id]?.snapshot }
    }

    /// How many entries are held.
    var count: Int { state.withLock { $0.entries.count } }

    private func update(_ tracker: Tracker, done: Int, total: Int?) {
        state.withLock { state in
            guard var entry = state.entries[tracker.id], entry.serial == tracker.serial else { return }
            if let total { entry.snapshot.total = max(0, total) }
            entry.snapshot.done = min(max(0, done), entry.snapshot.total)
            state.entries[tracker.id] = entry
        }
    }

    private func end(_ tracker: Tracker) {
        state.withLock { state in
            if state.entries[tracker.id]?.serial == tracker.serial { state.entries[tracker.id] = nil }
        }
    }
}
