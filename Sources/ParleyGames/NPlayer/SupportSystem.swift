/// The equilibrium conditions of one support profile of an n-player game, as multilinear
/// polynomials in the support's free probabilities, with enclosures of their values and
/// derivatives over a box: what ``PolynomialEnumeration`` searches.
///
/// Player `j` plays the strategies `supports[j]`; its free variables are the probabilities of
/// `supports[j][1...]`, and the probability of `supports[j][0]` (the base strategy) is one
/// minus their sum. For every player `i` and every strategy `t` other than its base `s`, the
/// function `G(i,t) = u_i(t, x_-i) − u_i(s, x_-i)` is multilinear: affine in each opponent's
/// block of variables and free of player `i`'s own. An equilibrium with this support solves
/// `G(i,t) = 0` for `t` in the support (the indifference equations: as many as variables) and
/// satisfies `G(i,t) ≤ 0` for `t` outside it.
///
/// Around a centre `c`, `G(c + h) = Σ_k C[k] Π h(q, k_q)` exactly, where `k` picks, for each
/// opponent `q`, either the constant term (0) or one of its variables; the coefficients `C`
/// come from the payoff differences by one cheap change of basis per opponent. Enclosures over
/// a box follow by bounding each monomial by the product of the radii.
struct SupportSystem: Sendable {
    /// One function `G(i,t)` as a tensor over the opponents' support profiles.
    struct Function: Sendable {
        var player: Int
        var strategy: Int
        /// `t` is in player `i`'s support: an equation; otherwise an inequality `G ≤ 0`.
        var isEquation: Bool
        /// The opponents, in player order; the tensor's mode `q` is `opponents[q]`.
        var opponents: [Int]
        /// Payoff differences over the opponents' support profiles (mode 0 fastest).
        var differences: [Double]
        /// For each entry of ``differences``: the profiles (indices into the game's payoffs)
        /// of `t` and of the base strategy, for the exact differences.
        var profilePairs: [Int]
        /// A bound on the rounding error of any coefficient computed in double precision.
        var slack: Double
    }

    let supports: [[Int]]
    /// The game's exact payoffs (by profile, then player).
    let payoffs: [[Rational]]
    /// The first variable of each player's block.
    let variableOffsets: [Int]
    /// The number of free variables (and of equations).
    let dimension: Int
    let functions: [Function]
    /// Indices into ``functions`` of the equations, in variable order of their players.
    let equations: [Int]

    init(_ game: NormalFormGame, table: [[Double]], supports: [[Int]]) {
        self.supports = supports
        payoffs = game.payoffs
        let n = supports.count
        var offsets: [Int] = []
        var running = 0
        for list in supports {
            offsets.append(running)
            running += list.count - 1
        }
        variableOffsets = offsets
        dimension = running
        var functions: [Function] = []
        var equations: [Int] = []
        let unit = 0x1p-52
        let shape = game.shape
        // The index of a profile in the payoffs is Σ strategy × stride (player 0 fastest).
        var strides: [Int] = []
        var product = 1
        for count in shape {
            strides.append(product)
            product *= count
        }
        for i in 0..<n {
            let opponents = (0..<n).filter { $0 != i }
            let sizes = opponents.map { supports[$0].count }
            let count = sizes.reduce(1, *)
            let base = supports[i][0]
            for t in 0..<shape[i] where t != base {
                var differences = Array(repeating: 0.0, count: count)
                var pairs = Array(repeating: 0, count: 2 * count)
                var digits = Array(repeating: 0, count: opponents.count)
                for flat in 0..<count {
                    var rest = 0
                    for (q, j) in opponents.enumerated() { rest += supports[j][digits[q]] * strides[j] }
                    let high = rest + t * strides[i]
                    let low = rest + base * strides[i]
                    pairs[2 * flat] = high
                    pairs[2 * flat + 1] = low
                    differences[flat] = table[high][i] - table[low][i]
                    for q in digits.indices {
                        digits[q] += 1
                        if digits[q] < sizes[q] { break }
                        digits[q] = 0
                    }
                }
                let largest = differences.map(abs).max() ?? 0
                // Each coefficient is a sum of at most `count` products of n − 1 factors of size
                // at most 2 (plus the payoff conversion): a generous γ-style bound, summed over all.
                let growth = Double(1 << min(n, 30))
                let slack = 8 * unit * Double(count + 4 * n) * largest * growth * Double(count) + 4 * unit * largest
                let isEquation = supports[i].contains(t)
                if isEquation { equations.append(functions.count) }
                functions.append(Function(player: i, strategy: t, isEquation: isEquation, opponents: opponents,
                                          differences: differences, profilePairs: pairs, slack: slack))
            }
        }
        self.functions = functions
        self.equations = equations
    }

    /// The payoff differences of `function` in exact arithmetic (same order as its ``Function/differences``).
    func exactDifferences(_ function: Function) -> [Rational] {
        (0..<function.differences.count).map { flat in
            payoffs[function.profilePairs[2 * flat]][function.player] - payoffs[function.profilePairs[2 * flat + 1]][function.player]
        }
    }

    /// Each player's probability vector over its support at the point `y` of the free variables.
    func mixtures(_ y: [Double]) -> [[Double]] {
        supports.indices.map { j in
            let size = supports[j].count
            var x = Array(repeating: 0.0, count: size)
            var total = 0.0
            for k in 1..<max(size, 1) {
                x[k] = y[variableOffsets[j] + k - 1]
                total += x[k]
            }
            x[0] = 1 - total
            return x
        }
    }

    /// The coefficients of `function` expanded around the point whose mixtures are `x`.
    /// - Complexity: O(opponent profiles × players).
    func coefficients(_ function: Function, mixtures x: [[Double]]) -> [Double] {
        Self.expand(function.differences, opponents: function.opponents, sizes: supports.map { $0.count }, mixtures: x)
    }

    /// The change of basis behind ``coefficients(_:mixtures:)``, in any arithmetic with `+`,
    /// `−` and `×`: binary for the search, ``Dyadic`` for exact certificates. Mode by mode (the
    /// opponents in order, mode j of size `sizes[j]`), the coefficient of strategy 0 becomes the
    /// value at the weights `x[j]` and every other coefficient its difference from strategy 0's.
    static func expand<T: ExpansionScalar>(_ differences: [T], opponents: [Int], sizes: [Int], mixtures x: [[T]]) -> [T] {
        var c = differences
        var stride = 1
        let count = c.count
        for j in opponents {
            let size = sizes[j]
            let weights = x[j]
            let block = stride * size
            var outer = 0
            while outer < count {
                for inner in 0..<stride {
                    let base = outer + inner
                    let first = c[base]
                    var centre = first * weights[0]
                    for a in 1..<max(size, 1) {
                        let value = c[base + a * stride]
                        centre += value * weights[a]
                        c[base + a * stride] = value - first
                    }
                    c[base] = centre
                }
                outer += block
            }
            stride = block
        }
        return c
    }

    /// The value of `function` at the point whose mixtures are `x`, and its gradient there: the
    /// constant and the degree-one coefficients of its expansion around that point.
    func valueAndGradient(_ function: Function, mixtures x: [[Double]]) -> (value: Double, gradient: [Double]) {
        let c = coefficients(function, mixtures: x)
        var gradient = Array(repeating: 0.0, count: dimension)
        var stride = 1
        for j in function.opponents {
            let size = supports[j].count
            for a in 1..<max(size, 1) { gradient[variableOffsets[j] + a - 1] = c[a * stride] }
            stride *= size
        }
        return (c.first ?? 0, gradient)
    }

    /// The equations' values and Jacobian (rows: equations; columns: variables) at `y`.
    func evaluate(_ y: [Double]) -> (values: [Double], jacobian: [[Double]]) {
        let x = mixtures(y)
        var values: [Double] = []
        var jacobian: [[Double]] = []
        for index in equations {
            let (value, gradient) = valueAndGradient(functions[index], mixtures: x)
            values.append(value)
            jacobian.append(gradient)
        }
        return (values, jacobian)
    }
}

/// The arithmetic ``SupportSystem/expand(_:opponents:sizes:mixtures:)`` needs.
protocol ExpansionScalar: AdditiveArithmetic {
    static func * (lhs: Self, rhs: Self) -> Self
}

extension Double: ExpansionScalar {}
extension Dyadic: ExpansionScalar {}
