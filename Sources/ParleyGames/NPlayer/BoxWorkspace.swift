/// The box tests of ``SupportBoxSearch`` on flat, preallocated storage: one workspace per
/// support profile, no allocation per box.
///
/// It holds the support system's functions as flat tables (payoff differences, and for every
/// coefficient of the expansion around a centre the variables of its monomial), and scratch
/// buffers for the centre, radii, mixtures, coefficients, equation values and Jacobian
/// enclosures, and the preconditioner. ``examine()``'s centred enclosures run the same
/// floating-point operations, in the same order, as ``SupportSystem/enclose(_:mixtures:radii:)``;
/// on top of them it ranges each function over the box cut by the simplex constraints
/// (``rangeExcludesZero(_:value:radius:equation:)``) before the Krawczyk step.
final class BoxWorkspace {
    let system: SupportSystem
    let d: Int
    let functionCount: Int
    /// Per function: start of its differences in ``differences`` (count + 1 entries).
    private let tensorStart: UnsafeMutablePointer<Int>
    private let differences: UnsafeMutablePointer<Double>
    /// Per coefficient (over all functions): start of its monomial's variables in ``termVariables``.
    private let termStart: UnsafeMutablePointer<Int>
    private let termVariables: UnsafeMutablePointer<Int>
    /// Per function: its modes (opponents) as (support size, offset of the mixture); start per function.
    private let modeStart: UnsafeMutablePointer<Int>
    private let modeSize: UnsafeMutablePointer<Int>
    private let modeMixture: UnsafeMutablePointer<Int>
    private let slack: UnsafeMutablePointer<Double>
    private let isEquation: UnsafeMutablePointer<Bool>
    /// Per player: offset of its mixture in ``mixtures``, its support size, its first variable.
    private let playerMixture: UnsafeMutablePointer<Int>
    private let playerSize: UnsafeMutablePointer<Int>
    private let playerVariable: UnsafeMutablePointer<Int>
    let players: Int

    // Scratch.
    let lower: UnsafeMutablePointer<Double>
    let upper: UnsafeMutablePointer<Double>
    private let centre: UnsafeMutablePointer<Double>
    private let radii: UnsafeMutablePointer<Double>
    private let low: UnsafeMutablePointer<Double>
    private let high: UnsafeMutablePointer<Double>
    private let smear: UnsafeMutablePointer<Double>
    private let mixtures: UnsafeMutablePointer<Double>
    private let coefficients: UnsafeMutablePointer<Double>
    private let gradient: UnsafeMutablePointer<Double>
    private let gradientRadius: UnsafeMutablePointer<Double>
    /// Per function: value, radius and nonlinear radius of its enclosure over the current box.
    private let enclosures: UnsafeMutablePointer<Double>
    /// The function whose test discarded the last discarded box: tried first on the next one.
    private var lastDiscarding = 0
    private let values: UnsafeMutablePointer<Double>
    private let valueRadius: UnsafeMutablePointer<Double>
    private let jMid: UnsafeMutablePointer<Double>
    private let jRadius: UnsafeMutablePointer<Double>
    private let preconditioner: UnsafeMutablePointer<Double>
    private let elimination: UnsafeMutablePointer<Double>
    private let monomial: UnsafeMutablePointer<Int>
    private let contraction: UnsafeMutablePointer<Double>
    /// Per player: the vertices of its polytope (offsets from the centre), their start and count.
    private let polytope: UnsafeMutablePointer<Double>
    private let polytopeStart: UnsafeMutablePointer<Int>
    private let polytopeCount: UnsafeMutablePointer<Int>
    /// Per mode (over all functions): the opponent it stands for.
    private let modePlayer: UnsafeMutablePointer<Int>
    /// The vertex chosen for each mode of the function being ranged.
    private let choice: UnsafeMutablePointer<Int>
    private var allocations: [UnsafeMutableRawPointer] = []
    /// Player `a`'s equations, affine in player `b`'s free variables (as many as `a` has) once
    /// the other players' mixtures are bounded: contracted by interval Gauss–Seidel.
    private struct BlockPair {
        var functions: [Int]
        /// The first of `b`'s free variables, and how many there are.
        var target: Int
        var k: Int
    }
    private let blockPairs: [BlockPair]
    /// Equations whose opponents all have at most one free variable (at most 2⁶ of them mixing).
    private let binaryFunctions: [Int]
    private let isBinary: UnsafeMutablePointer<Bool>
    private let vertexValues: UnsafeMutablePointer<Double>
    /// The variables split first: those of the players outside the best block pair, whose
    /// equations pin down the pair's mixtures once these are narrow.
    let steering: [Int]
    private let blockMid: UnsafeMutablePointer<Double>
    private let blockRadius: UnsafeMutablePointer<Double>
    private let blockConstant: UnsafeMutablePointer<Double>
    private let blockConstantRadius: UnsafeMutablePointer<Double>
    private let blockInverse: UnsafeMutablePointer<Double>

    init(_ system: SupportSystem) {
        self.system = system
        d = system.dimension
        functionCount = system.functions.count
        players = system.supports.count
        var mixtureOffsets: [Int] = []
        var running = 0
        for list in system.supports {
            mixtureOffsets.append(running)
            running += list.count
        }
        let mixtureCount = running
        var tensorStarts = [0]
        var allDifferences: [Double] = []
        var termStarts: [Int] = []
        var variables: [Int] = []
        var modeStarts = [0]
        var sizes: [Int] = []
        var mixtureOf: [Int] = []
        var playerOf: [Int] = []
        var largest = 1
        for function in system.functions {
            let modes = function.opponents
            let modeSizes = modes.map { system.supports[$0].count }
            allDifferences += function.differences
            tensorStarts.append(allDifferences.count)
            largest = max(largest, function.differences.count)
            for q in modes.indices {
                sizes.append(modeSizes[q])
                playerOf.append(modes[q])
                mixtureOf.append(mixtureOffsets[modes[q]])
            }
            modeStarts.append(sizes.count)
            var digits = Array(repeating: 0, count: modes.count)
            for flat in 0..<function.differences.count {
                if flat > 0 {
                    for q in digits.indices {
                        digits[q] += 1
                        if digits[q] < modeSizes[q] { break }
                        digits[q] = 0
                    }
                }
                termStarts.append(variables.count)
                for q in digits.indices where digits[q] != 0 {
                    variables.append(system.variableOffsets[modes[q]] + digits[q] - 1)
                }
            }
        }
        termStarts.append(variables.count)
        var list: [UnsafeMutableRawPointer] = []
        func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(array.count, 1))
            pointer.initialize(from: array, count: array.count)
            list.append(UnsafeMutableRawPointer(pointer))
            return pointer
        }
        func scratch(_ count: Int) -> UnsafeMutablePointer<Double> {
            let pointer = UnsafeMutablePointer<Double>.allocate(capacity: max(count, 1))
            pointer.initialize(repeating: 0, count: max(count, 1))
            list.append(UnsafeMutableRawPointer(pointer))
            return pointer
        }
        tensorStart = copy(tensorStarts)
        differences = copy(allDifferences)
        termStart = copy(termStarts)
        termVariables = copy(variables)
        modeStart = copy(modeStarts)
        modeSize = copy(sizes)
        modeMixture = copy(mixtureOf)
        slack = copy(system.functions.map { $0.slack })
        isEquation = copy(system.functions.map { $0.isEquation })
        playerMixture = copy(mixtureOffsets)
        playerSize = copy(system.supports.map { $0.count })
        playerVariable = copy(system.variableOffsets)
        monomial = copy(Array(repeating: 0, count: max(players, 1)))
        lower = scratch(d)
        upper = scratch(d)
        centre = scratch(d)
        radii = scratch(d)
        low = scratch(d)
        high = scratch(d)
        smear = scratch(d)
        mixtures = scratch(mixtureCount)
        coefficients = scratch(allDifferences.count)
        contraction = scratch(largest)
        polytope = scratch(players * 48 * Self.polytopeLimit)
        polytopeStart = copy(Array(repeating: 0, count: max(players, 1)))
        polytopeCount = copy(Array(repeating: 0, count: max(players, 1)))
        modePlayer = copy(playerOf)
        choice = copy(Array(repeating: 0, count: max(players, 1)))
        gradient = scratch(functionCount * d)
        gradientRadius = scratch(functionCount * d)
        enclosures = scratch(3 * functionCount)
        values = scratch(d)
        valueRadius = scratch(d)
        jMid = scratch(d * d)
        jRadius = scratch(d * d)
        preconditioner = scratch(d * d)
        elimination = scratch(d * d)
        // Every ordered pair of players with as many free variables is a contraction. In
        // three-player games the search also steers its splits to the third player's variables
        // when it has no more than the pair (then, once they are narrow, the pair's mixtures
        // are pinned down by the contractions: a search in fewer dimensions). With more players
        // the remaining players' variables are too many for steering to pay (measured on 2⁶).
        let freeCounts = system.supports.map { $0.count - 1 }
        var pairs: [BlockPair] = []
        var best: (a: Int, b: Int)?
        if players >= 3 {
            for a in 0..<players where freeCounts[a] >= 1 {
                for b in 0..<players where b != a && freeCounts[b] == freeCounts[a] {
                    let functions = system.functions.indices.filter { system.functions[$0].isEquation && system.functions[$0].player == a }
                    pairs.append(BlockPair(functions: functions, target: system.variableOffsets[b], k: freeCounts[b]))
                    if best.map({ freeCounts[$0.a] < freeCounts[a] }) ?? true { best = (a, b) }
                }
            }
        }
        binaryFunctions = system.functions.indices.filter { f in
            let function = system.functions[f]
            let mixing = function.opponents.filter { system.supports[$0].count == 2 }.count
            return function.isEquation && mixing >= 1 && mixing <= 6
                && function.opponents.allSatisfy { system.supports[$0].count <= 2 }
        }
        vertexValues = scratch(largest)
        let binary = Set(binaryFunctions)
        isBinary = copy(system.functions.indices.map { binary.contains($0) })
        // One-variable pairs whose equations are all binary: pinRoots is exact there.
        blockPairs = pairs.filter { pair in pair.k > 1 || !pair.functions.allSatisfy { binary.contains($0) } }
        if let best, players == 3, let p = (0..<3).first(where: { $0 != best.a && $0 != best.b }),
           freeCounts[p] <= freeCounts[best.a] {
            steering = (0..<players).filter { $0 != best.a && $0 != best.b }.flatMap { j in
                (0..<freeCounts[j]).map { system.variableOffsets[j] + $0 }
            }
        } else {
            steering = []
        }
        let largestBlock = max(freeCounts.max() ?? 1, 1)
        blockMid = scratch(largestBlock * largestBlock)
        blockRadius = scratch(largestBlock * largestBlock)
        blockConstant = scratch(largestBlock)
        blockConstantRadius = scratch(largestBlock)
        blockInverse = scratch(largestBlock * largestBlock)
        allocations = list
    }

    deinit {
        for pointer in allocations { pointer.deallocate() }
    }

    /// The box ``lower``–``upper`` as arrays.
    var box: SupportBoxSearch.Box {
        SupportBoxSearch.Box(lower: Array(UnsafeBufferPointer(start: lower, count: d)),
                             upper: Array(UnsafeBufferPointer(start: upper, count: d)))
    }

    /// The coefficients of function `f` around the centre mixtures, into ``coefficients``:
    /// the change of basis of ``SupportSystem/coefficients(_:mixtures:)``, same operations.
    private func expand(_ f: Int) -> Int {
        let first = tensorStart[f]
        let count = tensorStart[f + 1] - first
        let c = coefficients + first
        c.update(from: differences + first, count: count)
        var stride = 1
        for mode in modeStart[f]..<modeStart[f + 1] {
            let size = modeSize[mode]
            let weights = mixtures + modeMixture[mode]
            let block = stride * size
            var outer = 0
            while outer < count {
                for inner in 0..<stride {
                    let base = outer + inner
                    let head = c[base]
                    var middle = head * weights[0]
                    var a = 1
                    while a < size {
                        let value = c[base + a * stride]
                        middle += value * weights[a]
                        c[base + a * stride] = value - head
                        a += 1
                    }
                    c[base] = middle
                }
                outer += block
            }
            stride = block
        }
        return count
    }

    /// Encloses function `f` over the current box (``centre``, ``radii``, ``mixtures`` set):
    /// its value, the radius and nonlinear radius, and the gradient (into ``gradient``) with
    /// radii (into ``gradientRadius``), as ``SupportSystem/enclose(_:mixtures:radii:)``.
    private func enclose(_ f: Int) -> (value: Double, radius: Double, nonlinear: Double) {
        let count = expand(f)
        let c = coefficients + tensorStart[f]
        let r = radii
        let gradient = self.gradient + f * d
        let gradientRadius = self.gradientRadius + f * d
        gradient.update(repeating: 0, count: d)
        gradientRadius.update(repeating: 0, count: d)
        var radius = 0.0
        var nonlinear = 0.0
        let terms = tensorStart[f]
        var flat = 1
        while flat < count {
            let magnitude = abs(c[flat])
            if magnitude != 0 {
                let start = termStart[terms + flat]
                let used = termStart[terms + flat + 1] - start
                let vars = termVariables + start
                var weight = 1.0
                for u in 0..<used { weight *= r[vars[u]] }
                radius += magnitude * weight
                if used == 1 {
                    gradient[vars[0]] = c[flat]
                } else {
                    nonlinear += magnitude * weight
                    for u in 0..<used {
                        var partial = magnitude
                        for w in 0..<used where w != u { partial *= r[vars[w]] }
                        gradientRadius[vars[u]] += partial
                    }
                }
            }
            flat += 1
        }
        let s = slack[f]
        for v in 0..<d { gradientRadius[v] = gradientRadius[v] * (1 + 1e-12) + s }
        return (c[0], radius * (1 + 1e-12) + s, nonlinear * (1 + 1e-12) + s)
    }

    /// The largest number of free variables of a player for which ``polytopeVertices()``
    /// enumerates its polytope (at most 2⁴ + 4·2³ = 48 vertices).
    static let polytopeLimit = 4
    /// The largest number of vertex combinations ``rangeExcludesZero(_:value:radius:equation:)``
    /// evaluates per function.
    static let combinationLimit = 512

    /// For each player, the vertices of its part of the box cut by the simplex constraint,
    /// `{y : lower ≤ y ≤ upper, Σ y ≤ 1 + margin}`, as offsets `h = y − centre` into
    /// ``polytope``: the box's vertices inside the cut and the points where the cut crosses the
    /// box's edges. The cut is moved outwards by 1e-12 so that the computed vertices (the
    /// crossing points are rounded) span a polytope containing the exact one. False when a
    /// player has more than ``polytopeLimit`` free variables (the test is then skipped).
    private func polytopeVertices() -> Bool {
        let cut = 1 + SupportBoxSearch.margin + 1e-12
        var used = 0
        for j in 0..<players {
            let m = playerSize[j] - 1
            guard m <= Self.polytopeLimit else { return false }
            let first = playerVariable[j]
            polytopeStart[j] = used
            var count = 0
            for mask in 0..<(1 << m) {
                var sum = 0.0
                for k in 0..<m { sum += (mask >> k) & 1 == 1 ? upper[first + k] : lower[first + k] }
                guard sum <= cut else { continue }
                for k in 0..<m { polytope[used + k] = ((mask >> k) & 1 == 1 ? upper[first + k] : lower[first + k]) - centre[first + k] }
                used += m
                count += 1
            }
            if m >= 2 {
                for k in 0..<m {
                    for mask in 0..<(1 << (m - 1)) {
                        var rest = cut
                        var bit = 0
                        for other in 0..<m where other != k {
                            rest -= (mask >> bit) & 1 == 1 ? upper[first + other] : lower[first + other]
                            bit += 1
                        }
                        guard rest > lower[first + k] && rest < upper[first + k] else { continue }
                        bit = 0
                        for other in 0..<m {
                            if other == k {
                                polytope[used + other] = rest - centre[first + k]
                            } else {
                                polytope[used + other] = ((mask >> bit) & 1 == 1 ? upper[first + other] : lower[first + other]) - centre[first + other]
                                bit += 1
                            }
                        }
                        used += m
                        count += 1
                    }
                }
            }
            polytopeCount[j] = count
        }
        return true
    }

    /// The range of function `f` (its ``coefficients`` around the centre, from ``enclose(_:)``)
    /// over the box cut by the players' simplex constraints. The function is affine in each
    /// opponent's block of variables, so over a product of polytopes its extremes are attained at
    /// products of their vertices (``polytopeVertices()``): every combination of vertices of the
    /// modes after the first is evaluated by contracting the coefficient tensor, and the first
    /// mode, affine, is minimised and maximised over its own vertices. The result is the exact
    /// range up to rounding (bounded below). True when it excludes zero (an equation) or is
    /// positive (an inequality `f ≤ 0`): no equilibrium in the box.
    /// - Complexity: O(Π_q vertices_q × coefficients); skipped beyond ``combinationLimit`` combinations.
    private func rangeExcludesZero(_ f: Int, value: Double, radius: Double, equation: Bool) -> Bool {
        // Rounding: each value is a sum of at most `count` terms, each bounded by |value| + radius
        // (every |h| is at most the box's radius); the coefficients' own error is the slack.
        let count = tensorStart[f + 1] - tensorStart[f]
        let error = 0x1p-48 * Double(count + 8) * (abs(value) + radius) + slack[f]
        guard let (lowest, highest) = polytopeRange(f, error: error, equation: equation, exhaustive: false) else { return false }
        if lowest - error > 0 { return true }
        return equation && highest + error < 0
    }

    /// The extremes of function `f` over the products of the players' polytope vertices (see
    /// ``rangeExcludesZero(_:value:radius:equation:)``), without the rounding allowance; `nil`
    /// beyond ``combinationLimit`` combinations. Unless `exhaustive`, it stops as soon as the
    /// range is known to contain zero (or a value ≥ 0 when not an `equation`), given `error`.
    private func polytopeRange(_ f: Int, error: Double, equation: Bool, exhaustive: Bool) -> (Double, Double)? {
        let first = modeStart[f]
        let end = modeStart[f + 1]
        guard end > first else { return nil }
        var combinations = 1
        for mode in (first + 1)..<end {
            combinations *= max(polytopeCount[modePlayer[mode]], 1)
            if combinations > Self.combinationLimit { return nil }
        }
        let count = tensorStart[f + 1] - tensorStart[f]
        let c = coefficients + tensorStart[f]
        for mode in first..<end { choice[mode - first] = 0 }
        var lowest = Double.infinity
        var highest = -Double.infinity
        for _ in 0..<combinations {
            // Zero (or a positive value, for an inequality) is already in the range: nothing to prove.
            if !exhaustive && lowest - error <= 0 && (!equation || highest + error >= 0) { return (lowest, highest) }
            // Contract the modes after the first, last mode first, at the chosen vertices.
            contraction.update(from: c, count: count)
            var length = count
            var mode = end - 1
            while mode > first {
                let size = modeSize[mode]
                let h = polytope + polytopeStart[modePlayer[mode]] + choice[mode - first] * (size - 1)
                let inner = length / size
                for i in 0..<inner {
                    var total = contraction[i]
                    for a in 1..<max(size, 1) { total += contraction[i + a * inner] * h[a - 1] }
                    contraction[i] = total
                }
                length = inner
                mode -= 1
            }
            // Affine in the first mode: its extremes over that player's polytope, at its vertices.
            let size0 = modeSize[first]
            let player0 = modePlayer[first]
            if size0 <= 1 {
                lowest = min(lowest, contraction[0])
                highest = max(highest, contraction[0])
            } else {
                for vertex in 0..<polytopeCount[player0] {
                    let h = polytope + polytopeStart[player0] + vertex * (size0 - 1)
                    var total = contraction[0]
                    for a in 1..<size0 { total += contraction[a] * h[a - 1] }
                    lowest = min(lowest, total)
                    highest = max(highest, total)
                }
            }
            // Next combination (odometer over the modes after the first).
            var q = 1
            while q < end - first {
                choice[q] += 1
                if choice[q] < max(polytopeCount[modePlayer[first + q]], 1) { break }
                choice[q] = 0
                q += 1
            }
        }
        return (lowest, highest)
    }

    /// Sets the centre, radii and centre mixtures of the box ``lower``–``upper``.
    private func centreBox() {
        for v in 0..<d {
            centre[v] = (lower[v] + upper[v]) / 2
            radii[v] = (upper[v] - lower[v]) / 2
        }
        for j in 0..<players {
            let size = playerSize[j]
            let x = mixtures + playerMixture[j]
            var total = 0.0
            var k = 1
            while k < size {
                x[k] = centre[playerVariable[j] + k - 1]
                total += x[k]
                k += 1
            }
            x[0] = 1 - total
        }
    }

    /// For tests: the centred-form enclosure `value ± radius` of function `f` over the box
    /// ``lower``–``upper`` and its range over the box cut by the simplex constraints (`nil` when
    /// not computed), without rounding allowances.
    func ranges(_ f: Int) -> (value: Double, radius: Double, cut: (lowest: Double, highest: Double)?) {
        centreBox()
        let polytopes = polytopeVertices()
        let (value, radius, _) = enclose(f)
        guard polytopes, let (lowest, highest) = polytopeRange(f, error: 0, equation: true, exhaustive: true) else {
            return (value, radius, nil)
        }
        return (value, radius, (lowest, highest))
    }

    /// The tests on the box ``lower``–``upper``, in order of cost (the simplex, the equations'
    /// ranges and the off-support inequalities with linear propagation, then the Krawczyk
    /// operator `K(X) = c − Y g(c) + (I − Y J(X)) (X − c)`); the box is
    /// narrowed in place when the verdict is `.contracted` (or by the Krawczyk operator).
    func examine() -> SupportBoxSearch.Verdict {
        let margin = SupportBoxSearch.margin
        for j in 0..<players {
            var sum = 0.0
            for k in 0..<(playerSize[j] - 1) { sum += lower[playerVariable[j] + k] }
            if sum > 1 + margin { return .discard }
        }
        centreBox()
        for v in 0..<d {
            low[v] = lower[v]
            high[v] = upper[v]
            smear[v] = 0
        }
        // The verdict does not depend on the order of the functions' tests (any failing test
        // discards, and propagation only intersects), so the cheap centred tests of all functions
        // come first, starting with the function that discarded the last box, then the cut ranges.
        for index in 0..<functionCount {
            let f = index == 0 ? lastDiscarding : (index <= lastDiscarding ? index - 1 : index)
            let (value, radius, nonlinear) = enclose(f)
            enclosures[3 * f] = value
            enclosures[3 * f + 1] = radius
            enclosures[3 * f + 2] = nonlinear
            if isEquation[f] ? abs(value) > radius : value - radius > 0 {
                lastDiscarding = f
                return .discard
            }
        }
        if polytopeVertices() {
            for index in 0..<functionCount {
                let f = index == 0 ? lastDiscarding : (index <= lastDiscarding ? index - 1 : index)
                // The vertex values of ``pinRoots(_:)`` give these functions' exact range.
                if isBinary[f] { continue }
                if rangeExcludesZero(f, value: enclosures[3 * f], radius: enclosures[3 * f + 1], equation: isEquation[f]) {
                    lastDiscarding = f
                    return .discard
                }
            }
        }
        var row = 0
        for f in 0..<functionCount {
            let value = enclosures[3 * f]
            let equation = isEquation[f]
            let gradient = self.gradient + f * d
            let gradientRadius = self.gradientRadius + f * d
            if equation {
                values[row] = value
                valueRadius[row] = slack[f]
                (jMid + row * d).update(from: gradient, count: d)
                (jRadius + row * d).update(from: gradientRadius, count: d)
                for v in 0..<d { smear[v] += (abs(gradient[v]) + gradientRadius[v]) * radii[v] }
                row += 1
            }
            if !propagate(f, value: value, nonlinear: enclosures[3 * f + 2], equation: equation) { return .discard }
        }
        for j in 0..<players {
            let first = playerVariable[j]
            let end = first + playerSize[j] - 1
            var floor = 0.0
            for v in first..<end { floor += low[v] }
            for v in first..<end {
                let cap = 1 + margin - (floor - low[v])
                if cap < low[v] { return .discard }
                high[v] = min(high[v], cap + 1e-15)
            }
        }
        for f in binaryFunctions where !pinRoots(f) { return .discard }
        for pair in blockPairs where !contract(pair) { return .discard }
        var widest = 0
        var before = 0.0
        var shrunk = false
        for v in 0..<d {
            if smear[v] > smear[widest] { widest = v }
            before = max(before, radii[v])
            if high[v] - low[v] < 0.7 * (upper[v] - lower[v]) { shrunk = true }
        }
        if d == 0 { before = 0 }
        if shrunk {
            lower.update(from: low, count: d)
            upper.update(from: high, count: d)
            return .contracted
        }
        guard DenseLinearAlgebra.invert(jMid, n: d, into: preconditioner, scratch: elimination) else { return .split(widest) }
        let y = preconditioner
        var changed = false
        var unique = true
        for k in 0..<d {
            var step = 0.0
            var radius = 0.0
            for l in 0..<d {
                step -= y[k * d + l] * values[l]
                radius += abs(y[k * d + l]) * valueRadius[l]
                var middle = k == l ? 1.0 : 0.0
                var spread = 0.0
                for m in 0..<d {
                    middle -= y[k * d + m] * jMid[m * d + l]
                    spread += abs(y[k * d + m]) * jRadius[m * d + l]
                }
                radius += (abs(middle) + spread) * radii[l]
            }
            radius = radius * (1 + 1e-9) + 1e-12 * before + 1e-300
            let newLow = centre[k] + step - radius
            let newHigh = centre[k] + step + radius
            if !(newLow.isFinite && newHigh.isFinite) { return .split(widest) }
            if newHigh < lower[k] || newLow > upper[k] { return .discard }
            if !(newLow > lower[k] && newHigh < upper[k]) { unique = false }
            if newLow > lower[k] {
                lower[k] = newLow
                changed = true
            }
            if newHigh < upper[k] {
                upper[k] = newHigh
                changed = true
            }
        }
        if unique {
            let start = (0..<d).map { (lower[$0] + upper[$0]) / 2 }
            return .unique(SupportBoxSearch.newton(system, from: start) ?? start)
        }
        guard changed else { return .split(widest) }
        var after = 0.0
        for v in 0..<d { after = max(after, (upper[v] - lower[v]) / 2) }
        return after < 0.5 * before ? .contracted : .split(widest)
    }

    /// For an equation whose opponents each have at most one free variable: the root of the
    /// equation in one opponent's variable `p`, `p* = −A/B` (the function is `A + B p`, with `A`
    /// and `B` multilinear in the others), as a function of the other variables. Where `B` keeps
    /// one sign over the box, `p*` is linear-fractional, hence monotone, in each other variable,
    /// so its range over the box is the range of its values at the box's vertices. Those come
    /// from the function's values at every vertex (one pass per mode over its tensor):
    /// `p* = l + (u − l) G_l / (G_l − G_u)` with `G_l`, `G_u` the values at `p = l` and `p = u`.
    /// Narrows each such variable to that range; false when it misses the box.
    private func pinRoots(_ f: Int) -> Bool {
        let first = tensorStart[f]
        let count = tensorStart[f + 1] - first
        let t = vertexValues
        t.update(from: differences + first, count: count)
        var magnitude = 0.0
        for k in 0..<count { magnitude += abs(t[k]) }
        var stride = 1
        for mode in modeStart[f]..<modeStart[f + 1] {
            let size = modeSize[mode]
            if size == 2 {
                let v = playerVariable[modePlayer[mode]]
                let l = low[v]
                let u = high[v]
                var outer = 0
                while outer < count {
                    for inner in 0..<stride {
                        let a = t[outer + inner]
                        let b = t[outer + inner + stride]
                        t[outer + inner] = a * (1 - l) + b * l
                        t[outer + inner + stride] = a * (1 - u) + b * u
                    }
                    outer += 2 * stride
                }
            }
            stride *= size
        }
        // Each vertex value is a sum of at most `count` products of at most six weights, each
        // at most 1 + 2⁻⁹ in size: a generous bound on its rounding error, plus the payoff conversion.
        let error = 0x1p-45 * magnitude + slack[f]
        // The function's exact range over the box is the range of its vertex values.
        var smallest = Double.infinity
        var largest = -Double.infinity
        for k in 0..<count {
            smallest = min(smallest, t[k])
            largest = max(largest, t[k])
        }
        if smallest - error > 0 || largest + error < 0 { return false }
        stride = 1
        for mode in modeStart[f]..<modeStart[f + 1] {
            let size = modeSize[mode]
            defer { stride *= size }
            guard size == 2 else { continue }
            let v = playerVariable[modePlayer[mode]]
            let l = low[v]
            let u = high[v]
            guard u > l else { continue }
            var lowest = Double.infinity
            var highest = -Double.infinity
            var sign = 0.0
            var consistent = true
            // Without dividing: when the root lies below l at some vertex and above u at
            // another, the range covers the box's side and nothing can be narrowed.
            var below = false
            var above = false
            var outer = 0
            while outer < count && !(below && above) {
                for inner in 0..<stride {
                    let gl = t[outer + inner]
                    let gu = t[outer + inner + stride]
                    let denominator = gl - gu
                    let numerator = denominator > 0 ? gl : -gl
                    let positive = abs(denominator)
                    if numerator < 0 { below = true }
                    if numerator > positive { above = true }
                }
                outer += 2 * stride
            }
            if below && above { continue }
            outer = 0
            while outer < count && consistent {
                for inner in 0..<stride {
                    let gl = t[outer + inner]
                    let gu = t[outer + inner + stride]
                    let denominator = gl - gu
                    // B = (G_u − G_l)/(u − l) must keep one sign, with room for the rounding.
                    guard abs(denominator) > 2 * error * (1 + 1e-12), sign == 0 || (denominator > 0) == (sign > 0) else {
                        consistent = false
                        break
                    }
                    sign = denominator
                    let dLow = abs(denominator) - 2 * error
                    let dHigh = abs(denominator) + 2 * error
                    let nLow = (denominator > 0 ? gl : -gl) - error
                    let nHigh = (denominator > 0 ? gl : -gl) + error
                    let rLow = nLow >= 0 ? nLow / dHigh : nLow / dLow
                    let rHigh = nHigh <= 0 ? nHigh / dHigh : nHigh / dLow
                    lowest = min(lowest, rLow)
                    highest = max(highest, rHigh)
                }
                outer += 2 * stride
            }
            guard consistent, lowest.isFinite, highest.isFinite else { continue }
            let width = u - l
            let pad = 1e-12 * (abs(l) + width * (abs(lowest) + abs(highest))) + 1e-15
            let newLow = l + width * lowest - pad
            let newHigh = l + width * highest + pad
            if newLow > u || newHigh < l { return false }
            low[v] = max(low[v], newLow)
            high[v] = min(high[v], newHigh)
        }
        return true
    }

    /// Interval Gauss–Seidel on `pair`: player `a`'s equations as `A(x) h_b + a₀(x) = 0`, with
    /// `A` and `a₀` enclosed over the box (from the expansion around the centre), preconditioned
    /// by the inverse of `mid A`. Narrows ``low``–``high`` on `b`'s variables; false when empty.
    private func contract(_ pair: BlockPair) -> Bool {
        let k = pair.k
        let target = pair.target
        guard pair.functions.count == k else { return true }
        // From the enclosure of each function (``enclose(_:)``): the coefficient of `h_b[w]` is its
        // linear coefficient plus the monomials through that variable (their radius); the
        // constant is the value plus every monomial without a variable of `b`, whose radius is
        // the total radius less those through `b`'s variables (each monomial has at most one),
        // taken from below so that the difference bounds from above.
        for (row, f) in pair.functions.enumerated() {
            let gradient = self.gradient + f * d
            let gradientRadius = self.gradientRadius + f * d
            let s = slack[f]
            var through = 0.0
            for w in 0..<k {
                let v = target + w
                blockMid[row * k + w] = gradient[v]
                blockRadius[row * k + w] = gradientRadius[v]
                through += radii[v] * (abs(gradient[v]) + max(0, (gradientRadius[v] - s) / (1 + 1e-12)))
            }
            blockConstant[row] = enclosures[3 * f]
            blockConstantRadius[row] = max(enclosures[3 * f + 1] - through * (1 - 1e-10), s)
        }
        guard DenseLinearAlgebra.invert(blockMid, n: k, into: blockInverse, scratch: elimination) else { return true }
        let y = blockInverse
        for v in 0..<k {
            var middle = 0.0
            var radius = 0.0
            var diagonal = 0.0
            var diagonalRadius = 0.0
            for m in 0..<k {
                middle -= y[v * k + m] * blockConstant[m]
                radius += abs(y[v * k + m]) * blockConstantRadius[m] + 1e-14 * abs(y[v * k + m] * blockConstant[m])
            }
            var numeratorLow = middle - radius
            var numeratorHigh = middle + radius
            // The size of the terms summed, for the rounding allowance (they may cancel).
            var magnitude = abs(middle) + radius
            for w in 0..<k {
                var entry = 0.0
                var spread = 0.0
                for m in 0..<k {
                    let product = y[v * k + m] * blockMid[m * k + w]
                    entry += product
                    spread += abs(y[v * k + m]) * blockRadius[m * k + w] + 1e-14 * abs(product)
                }
                if w == v {
                    diagonal = entry
                    diagonalRadius = spread
                    continue
                }
                let hLow = low[target + w] - centre[target + w]
                let hHigh = high[target + w] - centre[target + w]
                let reach = max(abs(hLow), abs(hHigh))
                let a = entry * hLow
                let b = entry * hHigh
                numeratorLow -= max(a, b) + spread * reach
                numeratorHigh -= min(a, b) - spread * reach
                magnitude += max(abs(a), abs(b)) + spread * reach
            }
            let pad = 1e-12 * magnitude + 1e-300
            numeratorLow -= pad
            numeratorHigh += pad
            let dLow = diagonal - diagonalRadius
            let dHigh = diagonal + diagonalRadius
            guard dLow > 0, dLow.isFinite, dHigh.isFinite, numeratorLow.isFinite, numeratorHigh.isFinite else { continue }
            let hLow = numeratorLow >= 0 ? numeratorLow / dHigh : numeratorLow / dLow
            let hHigh = numeratorHigh <= 0 ? numeratorHigh / dHigh : numeratorHigh / dLow
            let variable = target + v
            let padded = 1e-12 * radii[variable] + 1e-15
            low[variable] = max(low[variable], centre[variable] + hLow - padded)
            high[variable] = min(high[variable], centre[variable] + hHigh + padded)
            if low[variable] > high[variable] { return false }
        }
        return true
    }

    /// Narrows ``low``–``high`` by the current function's linearisation: `value + Σ gradient[v]·h[v]
    /// + e` with `|e| ≤ nonlinear` must be 0 for an equation, at most 0 for an inequality. False
    /// when no point of the box satisfies it.
    private func propagate(_ f: Int, value: Double, nonlinear: Double, equation: Bool) -> Bool {
        let gradient = self.gradient + f * d
        let targetHigh = -value + nonlinear
        let targetLow = equation ? -value - nonlinear : -Double.infinity
        var spread = 0.0
        for v in 0..<d { spread += abs(gradient[v]) * radii[v] }
        if targetHigh < -spread * (1 + 1e-12) - 1e-300 || targetLow > spread * (1 + 1e-12) + 1e-300 { return false }
        for v in 0..<d where gradient[v] != 0 {
            let rest = (spread - abs(gradient[v]) * radii[v]) * (1 + 1e-12)
            let slope = gradient[v]
            var a = (targetLow - rest) / slope
            var b = (targetHigh + rest) / slope
            if slope < 0 { swap(&a, &b) }
            let pad = 1e-12 * radii[v] + 1e-15
            if a.isFinite { low[v] = max(low[v], centre[v] + a - pad) }
            if b.isFinite { high[v] = min(high[v], centre[v] + b + pad) }
            if low[v] > high[v] { return false }
        }
        return true
    }
}
