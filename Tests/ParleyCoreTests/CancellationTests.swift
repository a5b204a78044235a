import Foundation
import ParleyCore
import Testing

@Suite struct CancellationTests {
    /// What a thread saw, handed back through a semaphore.
    final class Seen: @unchecked Sendable {
        var values: [Bool] = []
    }

    @Test func aTokenBoundOnAPlainThreadIsSeenThereUntilTheBindingEnds() {
        #expect(Cancellation.current == nil)
        #expect(!Cancellation.isRequested)
        let token = CancellationToken()
        let seen = Seen()
        let done = DispatchSemaphore(value: 0)
        // A thread of its own, outside any task, as the server's compute pool runs its work.
        let thread = Thread {
            Cancellation.$current.withValue(token) {
                seen.values.append(Cancellation.isRequested)  // bound, not yet cancelled
                token.cancel()
                seen.values.append(Cancellation.isRequested)  // bound and cancelled
                seen.values.append(Cancellation.current === token)
            }
            seen.values.append(Cancellation.isRequested)  // binding ended
            done.signal()
        }
        thread.start()
        done.wait()
        #expect(seen.values == [false, true, true, false])
        #expect(token.isCancelled)
        #expect(!Cancellation.isRequested)  // this thread never had a binding
    }

    @Test func aCheckpointLooksAtTheFlagEveryIntervalCalls() {
        var unbound = Checkpoint(every: 1)
        #expect(!(0..<10).contains { _ in unbound.shouldStop() })
        let token = CancellationToken()
        token.cancel()
        Cancellation.$current.withValue(token) {
            var checkpoint = Checkpoint(every: 4)
            // Calls 1-3 do not look; call 4 does and finds the flag set.
            #expect((1...4).map { _ in checkpoint.shouldStop() } == [false, false, false, true])
            #expect(checkpoint.isCancelled)
        }
    }
}
