import Foundation

/// All Nash equilibria of an n-player strategic game by support enumeration, each support's
/// polynomial system searched exhaustively and every equilibrium reported with a certificate
/// (`--method enumpoly`; see docs/enumpoly.md).
///
/// For every support profile (one non-empty set of strategies per player, smallest first) not
/// ruled out by conditional strict dominance, the indifference equations (`SupportSystem`)
/// are searched by branch and prune with the Krawczyk test (`SupportBoxSearch`). Each root
/// found is then checked exactly: rounded to simple rationals and accepted when its exact regret
/// is zero, or else proved by an exact Krawczyk test (`RootCertificate`) to be the only
/// equilibrium in a box of half-width about 1e-9 around the reported profile. Regions where
/// the search stays undecided are reported as components (continua of solutions) or as
/// unresolved; nothing is reported as an equilibrium without one of the two checks.
public enum PolynomialEnumeration {
    /// Limits and callbacks.
    public struct Options: Sendable {
        /// Stop after this long and report what was found so far (``Result/complete`` is false).
        public var timeLimit: Duration?
        /// The most boxes searched per support profile before it is reported as unresolved.
        public var boxBudget: Int
        /// Called after each support profile, at most about once a second, on the calling thread.
        public var progress: (@Sendable (Progress) -> Void)?

        public init(timeLimit: Duration? = nil, boxBudget: Int = 400_000, progress: (@Sendable (Progress) -> Void)? = nil) {
            self.timeLimit = timeLimit
            self.boxBudget = boxBudget
            self.progress = progress
        }
    }

    /// How far a run has got.
    public struct Progress: Sendable, Hashable {
        public var supportsDone: Int
        public var supportsTotal: Int
        public var equilibria: Int
        /// Wall-clock seconds since the start.
        public var seconds: Double
    }

    /// Why an equilibrium is known to be one.
    public struct Certificate: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            /// The profile is rational and its exact regret is zero.
            case exact
            /// An exact Krawczyk test proved that the box of half-width ``Certificate/radius``
            /// (in every free probability) around the profile holds exactly one equilibrium,
            /// with exactly this support; the profile's own regret is in ``Result/regrets``.
            case isolated
        }

        public var kind: Kind
        /// Each player's support (0-based strategy indices).
        public var support: [[Int]]
        public var radius: Double?
    }

    /// A region of a support's solution set that the search could not split into isolated
    /// roots: typically a continuum (a non-isolated component) of equilibria.
    public struct Component: Sendable, Hashable {
        public var support: [[Int]]
        /// Bounds on each player's probabilities (over all its strategies) covering the region.
        public var lower: [[Double]]
        public var upper: [[Double]]
        /// The number of residual boxes (of width 2⁻¹³) covering it.
        public var boxes: Int
        /// A point on the region, rounded to rationals, with its exact regret.
        public var sample: MixedProfile?
        public var sampleRegret: Rational?
    }

    /// A support where the search did not finish or a root could not be decided.
    public struct Unresolved: Sendable, Hashable {
        public var support: [[Int]]
        public var reason: String
    }

    public struct Result: Sendable {
        /// The equilibria, isolated or exactly verified, in the order their supports were searched.
        public var equilibria: [NashEquilibrium]
        /// The exact regret of each reported profile (zero for ``Certificate/Kind/exact``).
        public var regrets: [Rational]
        public var certificates: [Certificate]
        public var components: [Component]
        public var unresolved: [Unresolved]
        public var supportsTotal: Int
        /// Support profiles skipped because a strategy in them is strictly dominated given the others' supports.
        public var supportsPruned: Int
        public var supportsSearched: Int
        /// Support profiles finished (searched to the end or ruled out): ``supportsTotal`` when the run is complete.
        public var supportsDone: Int
        public var boxes: Int
        /// False when the time limit stopped the run.
        public var complete: Bool
        public var seconds: Double
    }

    /// Support profiles beyond this count are refused.
    public static let maximumSupports = 20_000_000

    /// Solves `game`.
    /// - Throws: ``GameError`` when the game has too many support profiles.
    /// - Complexity: one search per support profile, Π (2^mᵢ − 1) in all; each search is
    ///   exponential in the support sizes in the worst case.
    public static func solve(_ game: NormalFormGame, options: Options = Options()) throws(GameError) -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let shape = game.shape
        var total = 1
        for count in shape {
            guard count < 25 else { throw tooLarge(game) }
            let (product, overflow) = total.multipliedReportingOverflow(by: (1 << count) - 1)
            guard !overflow, product <= maximumSupports else { throw tooLarge(game) }
            total = product
        }
        var run = Run(game: game, options: options)
        run.result.supportsTotal = total
        let subsets = shape.map(subsetsBySize)
        var order: [[Int]] = []
        order.reserveCapacity(total)
        var counter = Array(repeating: 0, count: shape.count)
        for _ in 0..<total {
            order.append(counter)
            for i in counter.indices {
                counter[i] += 1
                if counter[i] < subsets[i].count { break }
                counter[i] = 0
            }
        }
        let sizeOf = { (index: [Int]) -> Int in index.enumerated().reduce(0) { $0 + subsets[$1.offset][$1.element].count } }
        order = order.map { ($0, sizeOf($0)) }.sorted { a, b in
            a.1 != b.1 ? a.1 < b.1 : a.0.lexicographicallyPrecedes(b.0)
        }.map(\.0)
        let deadline = options.timeLimit.map { start.advanced(by: $0) }
        var lastReport = start
        for (done, index) in order.enumerated() {
            if let deadline, clock.now >= deadline {
                run.result.complete = false
                break
            }
            let supports = index.enumerated().map { subsets[$0.offset][$0.element] }
            if !run.search(supports, expired: { deadline.map { clock.now >= $0 } ?? false }) {
                run.result.complete = false
                break
            }
            run.result.supportsDone = done + 1
            if let progress = options.progress, clock.now - lastReport >= .seconds(1) || done + 1 == order.count {
                lastReport = clock.now
                progress(Progress(supportsDone: done + 1, supportsTotal: total, equilibria: run.result.equilibria.count,
                                  seconds: seconds(clock.now - start)))
            }
        }
        run.result.seconds = seconds(clock.now - start)
        return run.result
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    static func tooLarge(_ game: NormalFormGame) -> GameError {
        GameError(.tooLarge, "enumpoly would search \(game.shape.map { "(2^\($0) − 1)" }.joined(separator: " × ")) support profiles: too many",
                  hint: "eliminate dominated strategies first (the dominance report lists them), or use --method logit or simpdiv for one equilibrium")
    }

    /// The non-empty subsets of `0..<count`, smallest first, then in lexicographic order.
    static func subsetsBySize(_ count: Int) -> [[Int]] {
        var all: [[Int]] = []
        for mask in 1..<(1 << count) { all.append((0..<count).filter { mask & (1 << $0) != 0 }) }
        return all.sorted { a, b in a.count != b.count ? a.count < b.count : a.lexicographicallyPrecedes(b) }
    }
}

extension PolynomialEnumeration {
    /// The state of one run: the game's payoffs in both precisions and what was found so far.
    struct Run {
        let game: NormalFormGame
        let options: Options
        let table: [[Double]]
        /// Every payoff is an integer below 2^53, so double comparisons are exact.
        let exactDoubles: Bool
        let range: Double
        /// The largest absolute payoff (the scale of rounding errors in double sums).
        let magnitude: Double
        /// The payoffs over one common denominator, for fast exact regrets.
        let exact: ScaledPayoffs
        /// The payoffs in doubles, for screens.
        let doubleTable: PayoffTable
        let dominance: ConditionalDominance
        var result = Result(equilibria: [], regrets: [], certificates: [], components: [], unresolved: [], supportsTotal: 0,
                            supportsPruned: 0, supportsSearched: 0, supportsDone: 0, boxes: 0, complete: true, seconds: 0)
        /// Double profiles of the equilibria found, for matching.
        var found: [[[Double]]] = []

        init(game: NormalFormGame, options: Options) {
            self.game = game
            self.options = options
            table = game.payoffs.map { $0.map(\.doubleValue) }
            exactDoubles = game.payoffs.allSatisfy { row in row.allSatisfy { $0.isInteger && ($0.numerator.intValue.map { abs($0) < 1 << 53 } ?? false) } }
            let values = table.flatMap { $0 }
            let spread = (values.max() ?? 0) - (values.min() ?? 0)
            range = spread > 0 ? spread : 1
            magnitude = values.map(abs).max() ?? 0
            exact = ScaledPayoffs(game)
            doubleTable = PayoffTable(game)
            dominance = ConditionalDominance(game)
        }

        /// Searches one support profile; false when the time limit stopped it.
        mutating func search(_ supports: [[Int]], expired: () -> Bool) -> Bool {
            if dominated(supports) {
                result.supportsPruned += 1
                return true
            }
            result.supportsSearched += 1
            if supports.allSatisfy({ $0.count == 1 }) {
                let profile = MixedProfile(pure: supports.map { $0[0] }, shape: game.shape)
                if exact.regret(profile).isZero { record(profile, regret: .zero, certificate: Certificate(kind: .exact, support: supports)) }
                return true
            }
            let system = SupportSystem(game, table: table, supports: supports)
            // Integer payoffs below 2^53 have exact double differences.
            let dependent = system.equations.contains { index in
                exactDoubles ? system.functions[index].differences.allSatisfy { $0 == 0 }
                    : system.exactDifferences(system.functions[index]).allSatisfy(\.isZero)
            }
            // Dependent equations: every solution lies on a continuum; look for a point of it first.
            if dependent, degenerate(system) { return true }
            var box = SupportBoxSearch(system)
            if dependent { box.smallestWidth = 0x1p-7 }
            let status = box.run(budget: dependent ? min(options.boxBudget, 4_000) : options.boxBudget, expired: expired)
            result.boxes += box.boxes
            for root in box.roots where examine(root, system: system) == .undecided {
                result.unresolved.append(Unresolved(support: supports, reason: "a root near \(doubles(system, root).map { $0.map { NPlayerSolver.short($0) } }) is within rounding of an equilibrium but could not be verified (a tie at an irrational point)"))
            }
            if dependent, status != .timedOut {
                let before = result.components.count
                if !box.residual.isEmpty { resolve(box.residual, system: system, coarse: true) }
                if status == .budgetExceeded && result.components.count == before {
                    result.unresolved.append(Unresolved(support: supports, reason: "a player is indifferent among its support whatever the others do, and no equilibrium point of the continuum was found"))
                }
                return true
            }
            switch status {
            case .complete: break
            case .budgetExceeded:
                result.unresolved.append(Unresolved(support: supports, reason: "the search stopped after \(options.boxBudget) boxes; equilibria with this support may be missing"))
            case .timedOut:
                result.unresolved.append(Unresolved(support: supports, reason: "the time limit stopped the search of this support"))
                return false
            }
            if !box.residual.isEmpty { resolve(box.residual, system: system) }
            return true
        }

        /// Whether some strategy in a player's support is strictly dominated by another of its
        /// strategies against every profile of the others' supports: then no equilibrium has this support.
        func dominated(_ supports: [[Int]]) -> Bool {
            dominance.dominated(supports)
        }

        /// The full profile (all strategies) of the free variables `y`, in doubles.
        func doubles(_ system: SupportSystem, _ y: [Double]) -> [[Double]] {
            let x = system.mixtures(y)
            return game.shape.indices.map { j in
                var row = Array(repeating: 0.0, count: game.shape[j])
                for (k, s) in system.supports[j].enumerated() { row[s] = x[j][k] }
                return row
            }
        }

        /// `y` as an exact profile: each free probability replaced by the simplest rational
        /// within `tolerance`, each base probability one minus the rest; nil if one is negative.
        func rational(_ system: SupportSystem, _ y: [Double], tolerance: Double) -> MixedProfile? {
            var rows: [[Rational]] = []
            for j in game.shape.indices {
                var row = Array(repeating: Rational.zero, count: game.shape[j])
                var total = Rational.zero
                for (k, s) in system.supports[j].enumerated().dropFirst() {
                    let value = y[system.variableOffsets[j] + k - 1]
                    guard value > -tolerance else { return nil }
                    row[s] = SupportRefinement.simplestRational(min(max(value, 0), 1), tolerance: tolerance)
                    total += row[s]
                }
                row[system.supports[j][0]] = .one - total
                guard row[system.supports[j][0]].signum >= 0 else { return nil }
                rows.append(row)
            }
            return MixedProfile(rows)
        }

        /// The outcome of examining one root.
        enum Finding { case accepted, rejected, undecided }

        /// Checks a root of `system` and records it when it is an equilibrium.
        mutating func examine(_ y: [Double], system: SupportSystem) -> Finding {
            let approximate = doubles(system, y)
            // Cheap screen: far outside the simplex, or a clearly profitable deviation.
            if approximate.joined().contains(where: { $0 < -1e-6 }) { return .rejected }
            if found.contains(where: { distance($0, approximate) < 1e-9 }) { return .accepted }
            for tolerance in [1e-10, 1e-13] {
                // Screen in doubles first: an exact regret of zero gives a double regret of rounding size.
                if let profile = rational(system, y, tolerance: tolerance),
                   doubleTable.regret(profile.probabilities.flatMap { $0.map(\.doubleValue) }) <= 1e-9 * (range + magnitude),
                   exact.regret(profile).isZero {
                    record(profile, regret: .zero, certificate: Certificate(kind: .exact, support: profile.supports))
                    return .accepted
                }
            }
            switch RootCertificate.certify(system, at: y) {
            case .certified(let radius):
                guard let profile = rational(system, y, tolerance: 0x1p-50) else { return .undecided }
                record(profile, regret: exact.regret(profile), certificate: Certificate(kind: .isolated, support: system.supports, radius: radius))
                return .accepted
            case .rejected:
                return .rejected
            case .undecided, .failed:
                let regret = doubleTable.regret(approximate.flatMap { $0 })
                if regret > 1e-7 * range || approximate.joined().contains(where: { $0 < -1e-9 }) { return .rejected }
                return .undecided
            }
        }

        mutating func record(_ profile: MixedProfile, regret: Rational, certificate: Certificate) {
            if result.equilibria.contains(where: { $0.profile == profile }) { return }
            let approximate = profile.probabilities.map { $0.map(\.doubleValue) }
            if found.contains(where: { distance($0, approximate) < 1e-9 }) { return }
            found.append(approximate)
            result.equilibria.append(NashEquilibrium(profile: profile, payoffs: exact.expectedPayoffs(profile)))
            result.regrets.append(regret)
            result.certificates.append(certificate)
        }

        func distance(_ a: [[Double]], _ b: [[Double]]) -> Double {
            zip(a, b).flatMap { zip($0, $1).map { abs($0 - $1) } }.max() ?? .infinity
        }

        /// Groups the residual boxes into touching clusters and looks for roots and continua in each.
        mutating func resolve(_ residual: [SupportBoxSearch.Box], system: SupportSystem, coarse: Bool = false) {
            let width = coarse ? 0x1p-7 : SupportBoxSearch.smallestWidth
            let limit = 4_000
            let boxes = Array(residual.prefix(limit))
            var parent = Array(boxes.indices)
            func root(_ k: Int) -> Int {
                var k = k
                while parent[k] != k {
                    parent[k] = parent[parent[k]]
                    k = parent[k]
                }
                return k
            }
            let gap = SupportBoxSearch.smallestWidth / 4
            for a in boxes.indices {
                for b in (a + 1)..<boxes.count {
                    let touching = (0..<system.dimension).allSatisfy { v in
                        boxes[a].lower[v] <= boxes[b].upper[v] + gap && boxes[b].lower[v] <= boxes[a].upper[v] + gap
                    }
                    if touching {
                        let (ra, rb) = (root(a), root(b))
                        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
                    }
                }
            }
            var clusters: [Int: [Int]] = [:]
            var firsts: [Int] = []
            for k in boxes.indices {
                let r = root(k)
                if clusters[r] == nil { firsts.append(r) }
                clusters[r, default: []].append(k)
            }
            for first in firsts {
                let members = clusters[first] ?? []
                let d = system.dimension
                var lower = Array(repeating: Double.infinity, count: d)
                var upper = Array(repeating: -Double.infinity, count: d)
                for k in members {
                    for v in 0..<d {
                        lower[v] = min(lower[v], boxes[k].lower[v])
                        upper[v] = max(upper[v], boxes[k].upper[v])
                    }
                }
                let extent = (0..<d).map { upper[$0] - lower[$0] }.max() ?? 0
                let picks = stride(from: 0, to: members.count, by: max(1, members.count / 16)).map { members[$0] }
                var accepted = false
                var candidates: [[Double]] = []
                for k in picks {
                    let centre = (0..<d).map { (boxes[k].lower[$0] + boxes[k].upper[$0]) / 2 }
                    if let point = SupportBoxSearch.newton(system, from: centre) {
                        switch examine(point, system: system) {
                        case .accepted: accepted = true
                        case .undecided: candidates.append(point)
                        case .rejected: break
                        }
                    } else if let point = SupportBoxSearch.project(system, from: centre), nearlyEquilibrium(system, point) {
                        // Newton fails on a continuum (singular Jacobian): a sample of it, not an isolated root.
                        candidates.append(point)
                    }
                }
                let overflow = residual.count > limit && first == firsts.first
                let wide = extent > (coarse ? 1.5 : 16) * width || overflow
                guard !accepted || wide else { continue }
                guard let sample = candidates.first else { continue }
                if wide {
                    let profile = rational(system, sample, tolerance: 0x1p-40)
                    let bounds = fullBounds(system, lower: lower, upper: upper)
                    result.components.append(Component(support: system.supports, lower: bounds.lower, upper: bounds.upper,
                                                       boxes: overflow ? residual.count : members.count,
                                                       sample: profile, sampleRegret: profile.map { exact.regret($0) }))
                } else {
                    result.unresolved.append(Unresolved(support: system.supports, reason: "a singular root near \(doubles(system, sample).map { $0.map { NPlayerSolver.short($0) } }) could not be verified"))
                }
            }
        }

        /// A support where some player is indifferent between two of its strategies whatever the
        /// others do within their supports: the equations are dependent, so every solution lies
        /// on a continuum. Reported as a component when a point of it (from the centre, projected)
        /// is an equilibrium to within 1e-9 of the payoff range; false when none was found.
        mutating func degenerate(_ system: SupportSystem) -> Bool {
            let d = system.dimension
            var starts: [[Double]] = [system.supports.indices.flatMap { j in
                Array(repeating: 1 / Double(system.supports[j].count), count: system.supports[j].count - 1)
            }]
            starts.append(starts[0].map { $0 * 0.5 })
            for start in starts {
                guard let point = SupportBoxSearch.project(system, from: start) else { continue }
                let approximate = doubles(system, point)
                guard system.mixtures(point).joined().allSatisfy({ $0 > 1e-9 }),
                      doubleTable.regret(approximate.flatMap { $0 }) <= 1e-9 * range else { continue }
                let profile = rational(system, point, tolerance: 1e-9) ?? rational(system, point, tolerance: 0x1p-40)
                let bounds = fullBounds(system, lower: Array(repeating: 0, count: d), upper: Array(repeating: 1, count: d))
                result.components.append(Component(support: system.supports, lower: bounds.lower, upper: bounds.upper, boxes: 0,
                                                   sample: profile, sampleRegret: profile.map { exact.regret($0) }))
                return true
            }
            return false
        }

        /// Whether `y` is within 1e-9 of the payoff range of an equilibrium (doubles; a screen, not a proof).
        func nearlyEquilibrium(_ system: SupportSystem, _ y: [Double]) -> Bool {
            let approximate = doubles(system, y)
            guard approximate.joined().allSatisfy({ $0 > -1e-9 }) else { return false }
            return doubleTable.regret(approximate.flatMap { $0 }) <= 1e-9 * range
        }

        /// Box bounds on the free variables as bounds on every strategy's probability.
        func fullBounds(_ system: SupportSystem, lower: [Double], upper: [Double]) -> (lower: [[Double]], upper: [[Double]]) {
            var low: [[Double]] = []
            var high: [[Double]] = []
            for j in game.shape.indices {
                var l = Array(repeating: 0.0, count: game.shape[j])
                var h = l
                var sumLow = 0.0
                var sumHigh = 0.0
                for (k, s) in system.supports[j].enumerated().dropFirst() {
                    let v = system.variableOffsets[j] + k - 1
                    l[s] = max(lower[v], 0)
                    h[s] = min(upper[v], 1)
                    sumLow += l[s]
                    sumHigh += h[s]
                }
                l[system.supports[j][0]] = max(1 - sumHigh, 0)
                h[system.supports[j][0]] = min(1 - sumLow, 1)
                low.append(l)
                high.append(h)
            }
            return (low, high)
        }
    }
}

extension PolynomialEnumeration {
    /// One-line notes for reports: what was searched, how each equilibrium is certified, and
    /// what is left open (components, unresolved supports, an expired time limit).
    public static func notes(_ result: Result) -> [String] {
        var notes: [String] = []
        let exact = result.certificates.filter { $0.kind == .exact }.count
        let isolated = result.certificates.count - exact
        notes.append("support enumeration: \(result.supportsSearched) of \(result.supportsTotal) support profiles searched "
                     + "(\(result.supportsPruned) ruled out by conditional dominance), \(result.boxes) boxes")
        notes.append("\(exact) equilibri\(exact == 1 ? "um" : "a") verified exactly (zero regret)"
                     + (isolated > 0 ? "; \(isolated) irrational, each proved the only equilibrium within "
                        + "\(NPlayerSolver.short(result.certificates.compactMap(\.radius).max() ?? 0)) of the profile shown (exact Krawczyk test)" : ""))
        for (k, component) in result.components.enumerated() {
            let support = component.support.map { "{" + $0.map { String($0 + 1) }.joined(separator: ",") + "}" }.joined(separator: " × ")
            notes.append("component \(k + 1): a continuum of solutions on support \(support) (\(component.boxes) boxes)"
                         + (component.sampleRegret.map { "; a point on it has exact regret \(NPlayerSolver.short($0.doubleValue))" } ?? ""))
        }
        for item in result.unresolved.prefix(10) {
            let support = item.support.map { "{" + $0.map { String($0 + 1) }.joined(separator: ",") + "}" }.joined(separator: " × ")
            notes.append("unresolved on support \(support): \(item.reason)")
        }
        if result.unresolved.count > 10 { notes.append("… and \(result.unresolved.count - 10) more unresolved supports") }
        if !result.complete {
            notes.append("the time limit stopped the search after \(result.supportsDone) of \(result.supportsTotal) support profiles: the list may be incomplete")
        }
        return notes
    }
}
