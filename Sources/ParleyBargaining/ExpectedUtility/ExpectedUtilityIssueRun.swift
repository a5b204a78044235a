import ParleyCore

/// The expected-utility model's run on one issue: positions and forecast per round, and why it stopped.
///
/// The issue runs on its own: only the stakeholders with a stance on it take part.
public struct ExpectedUtilityIssueRun: Sendable, Hashable {
    public var issue: String
    /// The participants, in scenario order.
    public var stakeholders: [String]
    /// d, in the issue's units (`nil` when the model could not run: see ``note``).
    public var scaleWidth: Double?
    /// `positions[t][i]`: stakeholder i's position after round t (round 0 = the opening positions).
    public var positions: [[Double]]
    /// The forecast after each round: the median voter of that round's positions (the Condorcet
    /// median, or the weighted mean under `.mean` and `.medianThenMean`); `nil` when no
    /// participant has positive capability × salience.
    public var forecasts: [Double?]
    /// Why the issue stopped. `.converged(round: t)`: round t moved no position more than
    /// `tolerance × d`; `.cycle(start: s, period: p)`: round s + p came back within
    /// `tolerance × d` of round s; `.roundLimit(L)`: round L was reached first.
    public var stopReason: StopReason
    /// Why there is no forecast, when there is none.
    public var note: String?

    /// Rounds run (the index of the last round).
    public var roundsRun: Int { max(positions.count - 1, 0) }

    /// The last round's forecast.
    public var finalForecast: Double? { forecasts.last ?? nil }

    /// Positions after round `t` for any `t >= 0`: past the stop, a converged run keeps its last
    /// positions and a cycle repeats with its period.
    public func positions(atRound t: Int) -> [Double] {
        positions[extendedIndex(t)]
    }

    /// The forecast after round `t`, extended past the stop as ``positions(atRound:)``.
    public func forecast(atRound t: Int) -> Double? {
        forecasts[extendedIndex(t)]
    }

    private func extendedIndex(_ t: Int) -> Int {
        let last = positions.count - 1
        guard t > last else { return max(t, 0) }
        if case .cycle(let start, let period) = stopReason, period > 0, start >= 0, start <= last {
            return start + (t - start) % period
        }
        return last
    }
}

extension ExpectedUtilityEquations {
    /// Rounds from `opening` until convergence, a cycle or the round limit.
    func run(issue: String, stakeholders: [String], opening: [Double]) -> ExpectedUtilityIssueRun {
        var rounds = [opening]
        let tolerance = parameters.tolerance * width
        func distance(_ a: [Double], _ b: [Double]) -> Double {
            zip(a, b).reduce(0.0) { max($0, abs($1.0 - $1.1)) }
        }
        var stop = StopReason.roundLimit(parameters.roundLimit)
        rounding: for t in 1...max(parameters.roundLimit, 1) {
            // Cancelled: stop here; the model's run throws instead of returning this partial run.
            if Cancellation.isRequested { break }
            let next = round(rounds[t - 1], stakeholders: stakeholders).newPositions
            rounds.append(next)
            if distance(next, rounds[t - 1]) <= tolerance {
                stop = .converged(round: t)
                break
            }
            for start in stride(from: t - 2, through: 0, by: -1) where distance(next, rounds[start]) <= tolerance {
                stop = .cycle(start: start, period: t - start)
                break rounding
            }
        }
        return ExpectedUtilityIssueRun(
            issue: issue, stakeholders: stakeholders, scaleWidth: width, positions: rounds,
            forecasts: rounds.map { forecast($0) }, stopReason: stop)
    }
}
