import Foundation

/// An exact (dyadic rational arithmetic, ``Dyadic``) Krawczyk test around a numerical root of a support system:
/// proves that a small box holds exactly one solution of the indifference equations and that
/// every point of the box satisfies the equilibrium inequalities strictly, so the box holds
/// exactly one Nash equilibrium, whose support is exactly the system's.
///
/// The box's centre is the root rounded to a multiple of 2⁻⁵², its half-width `ρ` is a power
/// of two, and the preconditioner `Y` is the double inverse of the Jacobian rounded to dyadic
/// rationals: any choice is sound, only the arithmetic that follows must be exact, and it is.
enum RootCertificate {
    enum Outcome: Sendable, Equatable {
        /// Exactly one equilibrium lies within `radius` (max norm on the free probabilities) of the centre.
        case certified(radius: Double)
        /// Exactly one root in the box and it is certainly not an equilibrium with this support
        /// (a negative probability, or a strategy outside the support paying strictly more).
        case rejected
        /// Exactly one root in the box, but a probability or an outside strategy's gain is too
        /// close to zero to decide (a boundary or degenerate equilibrium).
        case undecided
        /// The Krawczyk test failed at every radius tried (a singular or ill-conditioned root).
        case failed
    }

    static func certify(_ system: SupportSystem, at point: [Double]) -> Outcome {
        let d = system.dimension
        var centre: [Dyadic] = []
        for value in point {
            guard value.isFinite, abs(value) < 4 else { return .failed }
            centre.append(Dyadic(ExactInt(Int((value * 0x1p52).rounded())), exponent: -52))
        }
        let mixtures: [[Dyadic]] = system.supports.indices.map { j in
            let size = system.supports[j].count
            var x = Array(repeating: Dyadic.zero, count: size)
            var total = Dyadic.zero
            for k in 1..<max(size, 1) {
                x[k] = centre[system.variableOffsets[j] + k - 1]
                total += x[k]
            }
            x[0] = .one - total
            return x
        }
        // The functions times the common denominator of their payoff differences (a positive
        // integer, 1 for integer payoffs): the same zeros and signs, and dyadic coefficients.
        let exactDifferences = system.functions.map(system.exactDifferences)
        let scale = Rational.commonDenominator(exactDifferences.flatMap { $0 })
        var coefficients: [[Dyadic]] = []
        for (function, exact) in zip(system.functions, exactDifferences) {
            let integers = exact.map { Dyadic($0.numerator * scale.quotient(dividingBy: $0.denominator)) }
            coefficients.append(expand(system, function, integers, mixtures: mixtures))
        }
        let jacobianMiddle = system.equations.map { index in gradient(system, system.functions[index], coefficients[index]) }
        guard let inverse = SupportBoxSearch.inverse(jacobianMiddle.map { $0.map(\.doubleValue) }) else { return .failed }
        let y = dyadic(inverse)
        for exponent in [30, 22, 40] {
            let rho = Dyadic(1, exponent: -exponent)
            var gValues: [Dyadic] = []
            var jRadius: [[Dyadic]] = []
            for index in system.equations {
                let (value, _, gradientRadius) = enclose(system, system.functions[index], coefficients[index], rho: rho)
                gValues.append(value)
                jRadius.append(gradientRadius)
            }
            var contained = true
            for k in 0..<d where contained {
                var step = Dyadic.zero
                var spread = Dyadic.zero
                for l in 0..<d {
                    step += y[k][l] * gValues[l]
                    var middle = k == l ? Dyadic.one : .zero
                    var widen = Dyadic.zero
                    for m in 0..<d {
                        middle -= y[k][m] * jacobianMiddle[m][l]
                        widen += y[k][m].magnitude * jRadius[m][l]
                    }
                    spread += middle.magnitude + widen
                }
                if !(step.magnitude + spread * rho < rho) { contained = false }
            }
            guard contained else { continue }
            // Exactly one root in the box; now the equilibrium conditions over the whole box.
            var undecided = false
            for j in system.supports.indices {
                let free = system.supports[j].count - 1
                for k in 0..<free {
                    let value = centre[system.variableOffsets[j] + k]
                    if (value + rho).signum < 0 { return .rejected }
                    if !((value - rho).signum > 0) { undecided = true }
                }
                let base = mixtures[j][0]
                let spread = rho * Dyadic(ExactInt(free))
                if (base + spread).signum < 0 { return .rejected }
                if !((base - spread).signum > 0) { undecided = true }
            }
            for (index, function) in system.functions.enumerated() where !function.isEquation {
                let (value, radius, _) = enclose(system, function, coefficients[index], rho: rho)
                if (value - radius).signum > 0 { return .rejected }
                if !((value + radius).signum < 0) { undecided = true }
            }
            return undecided ? .undecided : .certified(radius: rho.doubleValue)
        }
        return .failed
    }

    /// The coefficients of `function` (payoff differences `differences`) expanded exactly around
    /// the point whose mixtures are `x`: the change of basis of ``SupportSystem/coefficients(_:mixtures:)``.
    static func expand(_ system: SupportSystem, _ function: SupportSystem.Function, _ differences: [Dyadic],
                       mixtures x: [[Dyadic]]) -> [Dyadic] {
        SupportSystem.expand(differences, opponents: function.opponents, sizes: system.supports.map(\.count), mixtures: x)
    }

    /// The gradient at the centre: the coefficients of the monomials of degree one.
    static func gradient(_ system: SupportSystem, _ function: SupportSystem.Function, _ c: [Dyadic]) -> [Dyadic] {
        var result = Array(repeating: Dyadic.zero, count: system.dimension)
        var stride = 1
        for j in function.opponents {
            let size = system.supports[j].count
            for a in 1..<max(size, 1) { result[system.variableOffsets[j] + a - 1] = c[a * stride] }
            stride *= size
        }
        return result
    }

    /// Value at the centre, radius over the box of half-width `rho`, and gradient radii, exactly.
    static func enclose(_ system: SupportSystem, _ function: SupportSystem.Function, _ c: [Dyadic], rho: Dyadic)
        -> (value: Dyadic, radius: Dyadic, gradientRadius: [Dyadic]) {
        let modes = function.opponents
        let sizes = modes.map { system.supports[$0].count }
        var powers = [Dyadic.one]
        for _ in 0..<modes.count { powers.append((powers.last ?? .one) * rho) }
        var digits = Array(repeating: 0, count: modes.count)
        var radius = Dyadic.zero
        var gradientRadius = Array(repeating: Dyadic.zero, count: system.dimension)
        for flat in 1..<max(c.count, 1) {
            for q in digits.indices {
                digits[q] += 1
                if digits[q] < sizes[q] { break }
                digits[q] = 0
            }
            guard !c[flat].isZero else { continue }
            let magnitude = c[flat].magnitude
            let used = digits.indices.filter { digits[$0] != 0 }
            radius += magnitude * powers[used.count]
            if used.count >= 2 {
                for q in used {
                    let v = system.variableOffsets[modes[q]] + digits[q] - 1
                    gradientRadius[v] += magnitude * powers[used.count - 1]
                }
            }
        }
        return (c.first ?? .zero, radius, gradientRadius)
    }

    /// Each entry rounded to a multiple of a power of two about 2⁻⁴⁰ of the largest entry.
    static func dyadic(_ matrix: [[Double]]) -> [[Dyadic]] {
        let largest = matrix.flatMap { $0 }.filter(\.isFinite).map(abs).max() ?? 1
        let magnitude = largest > 0 ? Int(log2(largest).rounded(.up)) : 0
        let exponent = min(max(40 - magnitude, 0), 62)
        let multiplier = Double(1 << exponent)
        return matrix.map { row in
            row.map { value in
                guard value.isFinite else { return Dyadic.zero }
                let scaled = (value * multiplier).rounded()
                guard abs(scaled) < 0x1p62 else { return Dyadic.zero }
                return Dyadic(ExactInt(Int(scaled)), exponent: -exponent)
            }
        }
    }
}
