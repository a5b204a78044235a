// The arithmetic of the EvolvedAttention transformer in Float (float32, as PyTorch runs it):
// a blocked matrix product, layer normalisation, GELU and multi-head self-attention over
// contiguous row-major buffers. Sizes come from ``AttentionModel`` (checked at load), never
// from user input, and every loop bound is derived from the buffers' declared sizes.
import Foundation

enum AttentionKernels {
    /// `y[r][o] = bias[o] + Σ_k x[r][k] · wt[k][o]` for `rows` rows: `x` is rows × inner,
    /// `wt` the weight transposed (inner × outer, outer a multiple of 8), `y` rows × outer.
    /// Blocks of 4 rows × 8 outputs keep 4 SIMD8 accumulators in registers while the
    /// 8-wide weight strip (inner × 32 bytes) stays in the L1 cache.
    /// - Complexity: 2 · rows · inner · outer floating-point operations.
    static func linear(
        _ x: UnsafePointer<Float>, rows: Int, inner: Int,
        _ wt: UnsafePointer<Float>, outer: Int, _ bias: UnsafePointer<Float>,
        _ y: UnsafeMutablePointer<Float>
    ) {
        #if DEBUG
        // Unoptimised builds run SIMD types through generic calls, 20 times slower than this
        // plain loop (8 against 170 MFLOP/s measured); the release build takes the blocked path.
        for r in 0..<rows {
            let out = y + r * outer
            for o in 0..<outer { out[o] = bias[o] }
            let row = x + r * inner
            var k = 0
            while k < inner {
                let v = row[k]
                let w = wt + k * outer
                var o = 0
                while o < outer {
                    out[o] += w[o] * v
                    o += 1
                }
                k += 1
            }
        }
        #else
        let wRaw = UnsafeRawPointer(wt)
        let bRaw = UnsafeRawPointer(bias)
        var o = 0
        while o + 8 <= outer {
            let b = bRaw.loadUnaligned(fromByteOffset: o * 4, as: SIMD8<Float>.self)
            var r = 0
            while r + 4 <= rows {
                var a0 = b, a1 = b, a2 = b, a3 = b
                let x0 = x + r * inner, x1 = x0 + inner, x2 = x1 + inner, x3 = x2 + inner
                var w = wRaw + o * 4
                for k in 0..<inner {
                    let v = w.loadUnaligned(as: SIMD8<Float>.self)
                    a0 += v * x0[k]
                    a1 += v * x1[k]
                    a2 += v * x2[k]
                    a3 += v * x3[k]
                    w += outer * 4
                }
                let out = UnsafeMutableRawPointer(y + r * outer + o)
                out.storeBytes(of: a0, as: SIMD8<Float>.self)
                out.storeBytes(of: a1, toByteOffset: outer * 4, as: SIMD8<Float>.self)
                out.storeBytes(of: a2, toByteOffset: outer * 8, as: SIMD8<Float>.self)
                out.storeBytes(of: a3, toByteOffset: outer * 12, as: SIMD8<Float>.self)
                r += 4
            }
            while r < rows {
                var a0 = b
                let x0 = x + r * inner
                var w = wRaw + o * 4
                for k in 0..<inner {
                    a0 += w.loadUnaligned(as: SIMD8<Float>.self) * x0[k]
                    w += outer * 4
                }
                UnsafeMutableRawPointer(y + r * outer + o).storeBytes(of: a0, as: SIMD8<Float>.self)
                r += 1
            }
            o += 8
        }
        #endif
    }

    /// `x[r] = LayerNorm(x[r] + residual[r])` over `width` columns (biased variance, `eps`
    /// 1e-12 as axelrod's config), with gain `g` and shift `b`. Mean and variance are
    /// accumulated in Double. O(rows · width).
    static func addNormalise(
        _ x: UnsafeMutablePointer<Float>, residual: UnsafePointer<Float>?, rows: Int, width: Int,
        _ g: UnsafePointer<Float>, _ b: UnsafePointer<Float>, eps: Float = 1e-12
    ) {
        for r in 0..<rows {
            let row = x + r * width
            if let residual {
                let res = residual + r * width
                for c in 0..<width { row[c] += res[c] }
            }
            var sum = 0.0
            for c in 0..<width { sum += Double(row[c]) }
            let mean = Float(sum / Double(width))
            var squares = 0.0
            for c in 0..<width {
                let d = Double(row[c] - mean)
                squares += d * d
            }
            let variance = Float(squares / Double(width))
            let scale = 1 / (variance + eps).squareRoot()
            for c in 0..<width { row[c] = (row[c] - mean) * scale * g[c] + b[c] }
        }
    }

    /// The exact GELU, `x · Φ(x) = x/2 · (1 + erf(x/√2))` (PyTorch's default), in place. O(count).
    static func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
        let inverseRoot2: Float = 0.707_106_781_186_547_524_4
        for i in 0..<count {
            let v = x[i]
            x[i] = 0.5 * v * (1 + erff(v * inverseRoot2))
        }
    }

    /// Multi-head self-attention without a mask (axelrod's features never contain the pad
    /// token, so its additive mask is all zeros). `qkv` is tokens × 3·width (queries, keys,
    /// values side by side), the output for the first `queries` tokens goes to `out`
    /// (queries × width); `scores` has room for `tokens` floats. Head `h` uses columns
    /// `h·headSize ..< (h+1)·headSize`. O(queries · tokens · width).
    static func selfAttention(
        _ qkv: UnsafePointer<Float>, tokens: Int, queries: Int, width: Int, heads: Int,
        _ out: UnsafeMutablePointer<Float>, scores: UnsafeMutablePointer<Float>
    ) {
        let headSize = width / heads
        let scale = 1 / Float(headSize).squareRoot()
        let stride = 3 * width
        for h in 0..<heads {
            let offset = h * headSize
            for i in 0..<queries {
                let q = qkv + i * stride + offset
                var best = -Float.infinity
                for j in 0..<tokens {
                    let k = qkv + j * stride + width + offset
                    var dot: Float = 0
                    for c in 0..<headSize { dot += q[c] * k[c] }
                    let s = dot * scale
                    scores[j] = s
                    if s > best { best = s }
                }
                var total: Float = 0
                for j in 0..<tokens {
                    let e = expf(scores[j] - best)
                    scores[j] = e
                    total += e
                }
                let o = out + i * width + offset
                for c in 0..<headSize { o[c] = 0 }
                for j in 0..<tokens {
                    let p = scores[j] / total
                    let v = qkv + j * stride + 2 * width + offset
                    for c in 0..<headSize { o[c] += p * v[c] }
                }
            }
        }
    }
}
