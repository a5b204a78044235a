#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Parley's own draws from 64-bit random words.
///
/// Each draw consumes a fixed number of words (one for uniforms, normals and truncated
/// normals; one or more for bounded integers), so streams stay aligned and results are
/// reproducible. Normals use inversion (Wichura's AS 241), not Box–Muller, so that a normal
/// costs one word and truncation is exact. Only `log`, `sqrt` and `erfc` come from the C
/// library; the same binary on the same platform gives the same bytes.
extension RandomNumberGenerator {
    /// A uniform double in [0, 1): the top 53 bits of one word times 2⁻⁵³.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform double in the open interval (0, 1): `(k + 0.5) · 2⁻⁵³` for the top 53 bits `k`.
    public mutating func nextOpenUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// A uniform double in [`lower`, `upper`] (`upper` itself is reached only through rounding).
    public mutating func nextUniform(_ lower: Double, _ upper: Double) -> Double {
        let value = lower + (upper - lower) * nextUnit()
        return Swift.min(Swift.max(value, Swift.min(lower, upper)), Swift.max(lower, upper))
    }

    /// An integer uniform in 0..<`bound`, by Lemire's multiply-and-reject method: unbiased,
    /// usually one word. A `bound` of 0 has no valid result; it returns 0 without drawing.
    public mutating func nextInt(below bound: UInt64) -> UInt64 {
        guard bound > 0 else { return 0 }
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// A normal draw with `mean` and standard deviation `sd` (>= 0), by inversion of one
    /// open-interval uniform.
    public mutating func nextNormal(mean: Double = 0, sd: Double = 1) -> Double {
        mean + sd * NormalDistribution.quantile(nextOpenUnit())
    }

    /// A normal draw with `mean` and `sd`, conditioned on lying in [`lower`, `upper`].
    ///
    /// Exact inversion of the truncated distribution, computed in the lower tail (by
    /// reflection) where the normal CDF keeps its relative precision. With `sd == 0` the
    /// mean is returned, clamped to the interval; if the interval holds no representable
    /// probability mass (more than about 37 standard deviations out), the bound nearest the
    /// mean is returned. Consumes exactly one word.
    public mutating func nextTruncatedNormal(mean: Double, sd: Double, lower: Double, upper: Double) -> Double {
        let u = nextOpenUnit()
        return NormalDistribution.truncatedQuantile(u, mean: mean, sd: sd, lower: lower, upper: upper)
    }
}

/// The standard normal distribution's CDF and quantile function.
public enum NormalDistribution {
    /// Φ(x), the standard normal CDF, via the complementary error function.
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// Φ⁻¹(p) for p in (0, 1), by Wichura's algorithm AS 241 (PPND16), relative accuracy about
    /// 1e-16. Returns −∞ for p <= 0 and +∞ for p >= 1.
    public static func quantile(_ p: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            return q * polynomial(centralNumerator, r) / polynomial(centralDenominator, r)
        }
        var r = q < 0 ? p : 1 - p
        r = (-log(r)).squareRoot()
        let value: Double
        if r <= 5 {
            r -= 1.6
            value = polynomial(intermediateNumerator, r) / polynomial(intermediateDenominator, r)
        } else {
            r -= 5
            value = polynomial(tailNumerator, r) / polynomial(tailDenominator, r)
        }
        return q < 0 ? -value : value
    }

    /// The `u`-quantile (u in (0, 1)) of a normal(`mean`, `sd`) truncated to [`lower`, `upper`].
    public static func truncatedQuantile(_ u: Double, mean: Double, sd: Double, lower: Double, upper: Double) -> Double {
        let low = Swift.min(lower, upper)
        let high = Swift.max(lower, upper)
        guard sd > 0, sd.isFinite else { return Swift.min(Swift.max(mean, low), high) }
        var a = (low - mean) / sd
        var b = (high - mean) / sd
        // Work in the lower tail, where Φ is accurate: reflect intervals lying right of 0.
        let reflected = a > 0
        var v = u
        if reflected {
            (a, b) = (-b, -a)
            v = 1 - u
        }
        let pa = cdf(a)
        let pb = cdf(b)
        var z: Double
        if pb - pa > 0, (pb - pa).isFinite {
            z = quantile(pa + v * (pb - pa))
            if !z.isFinite { z = v < 0.5 ? a : b }
        } else {
            z = b  // no representable mass: the bound nearest the mean
        }
        z = Swift.min(Swift.max(z, a), b)
        if reflected { z = -z }
        return Swift.min(Swift.max(mean + sd * z, low), high)
    }

    private static func polynomial(_ coefficients: [Double], _ x: Double) -> Double {
        var result = 0.0
        for coefficient in coefficients.reversed() {
            result = result * x + coefficient
        }
        return result
    }

    // AS 241 coefficients, lowest degree first (Wichura 1988, Applied Statistics 37:477–484).
    private static let centralNumerator: [Double] = [
        3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3,
        1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4,
        3.3430575583588128105e+4, 2.5090809287301226727e+3,
    ]
    private static let centralDenominator: [Double] = [
        1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
        2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4,
        5.2264952788528545610e+3,
    ]
    private static let intermediateNumerator: [Double] = [
        1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
        3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1,
        2.27238449892691845833e-2, 7.74545014278341407640e-4,
    ]
    private static let intermediateDenominator: [Double] = [
        1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
        1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4,
        1.05075007164441684324e-9,
    ]
    private static let tailNumerator: [Double] = [
        6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
        2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3,
        2.71155556874348757815e-5, 2.01033439929228813265e-7,
    ]
    private static let tailDenominator: [Double] = [
        1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
        7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7,
        2.04426310338993978564e-15,
    ]
}
