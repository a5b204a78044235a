// axelrod 4.14's EvolvedAttention network (axelrod/strategies/attention.py, by Marc-Olivier
// Derouin): a BERT-style encoder over the game history. Tokens: CLS (0), then one game
// state per past turn, most recent first, at most 200 (CD 2, DC 3, CC 4, DD 5, from the
// player's side); embeddings of the state plus its position, LayerNorm; 24 layers of
// 8-head self-attention (width 256) with a residual LayerNorm and a GELU feed-forward
// (512) with a residual LayerNorm; a tanh pooler on the CLS token; one output. axelrod
// defects when sigmoid(output) >= 0.5. The weights are axelrod's published data
// (`axelrod/data/model_attention.pth`), read by ``AttentionModel/init(pthBytes:)``.
import Foundation
import Synchronization

/// The EvolvedAttention network with axelrod's weights, and a cache of its decisions.
///
/// Immutable after loading (12 770 049 float32 parameters, 51 MB), shared by every
/// EvolvedAttention player. Computation is in Float, as PyTorch's: see
/// docs/repeated-games.md for how closely the outputs agree.
public final class AttentionModel: Sendable {
    static let width = 256
    static let inner = 512
    static let layers = 24
    static let heads = 8
    static let states = 6
    /// The longest history the model reads (axelrod's MEMORY_LENGTH).
    static let memory = 200
    static let positions = memory + 1

    /// Offsets of every parameter block in `parameters`.
    struct Layout {
        static let h = AttentionModel.width, i = AttentionModel.inner
        static let qkvT = 0, qkvB = qkvT + h * 3 * h, outT = qkvB + 3 * h, outB = outT + h * h
        static let norm1G = outB + h, norm1B = norm1G + h, interT = norm1B + h, interB = interT + h * i
        static let ffnT = interB + i, ffnB = ffnT + i * h, norm2G = ffnB + h, norm2B = norm2G + h
        static let layerSize = norm2B + h
        static let stateEmbedding = AttentionModel.layers * layerSize
        static let positionEmbedding = stateEmbedding + AttentionModel.states * h
        static let embeddingG = positionEmbedding + AttentionModel.positions * h
        static let embeddingB = embeddingG + h
        static let poolerW = embeddingB + h, poolerB = poolerW + h * h
        static let actionW = poolerB + h, actionB = actionW + h
        static let total = actionB + 1
    }

    /// Every parameter, linear weights transposed (inner × outer), in ``Layout`` order.
    let parameters: [Float]
    /// Decisions already computed, by token sequence (never changes a result, only its cost).
    let cache = Mutex<[[UInt8]: Float]>([:])
    /// The most decisions the cache keeps (about 250 bytes each at most).
    static let cacheCapacity = 200_000

    /// Reads axelrod's `model_attention.pth` (a PyTorch zip archive).
    /// - Complexity: O(file size).
    /// - Throws: ``AxelrodDataError`` when the archive, its pickle or a tensor is not what
    ///   axelrod 4.14.0 publishes (names, shapes, float32, little-endian).
    init(pthBytes bytes: [UInt8]) throws(AxelrodDataError) {
        let archive = try StoredZipArchive(bytes: bytes)
        guard let pickle = archive.entries.first(where: { $0.name.hasSuffix("data.pkl") }) else {
            throw AxelrodDataError.corrupt("the archive has no data.pkl: it is not a PyTorch state dict")
        }
        let prefix = String(pickle.name.dropLast("data.pkl".count))
        if let order = archive.entry(named: prefix + "byteorder"),
           String(decoding: archive.data(order), as: UTF8.self) != "little" {
            throw AxelrodDataError.corrupt("the tensors are not little-endian")
        }
        var records: [String: TorchTensorRecord] = [:]
        for (name, record) in try TorchPickle.stateDict(archive.data(pickle)) { records[name] = record }

        var p = [Float](repeating: 0, count: Layout.total)
        func tensor(_ name: String, _ shape: [Int]) throws(AxelrodDataError) -> [Float] {
            guard let r = records[name] else { throw AxelrodDataError.corrupt("the state dict has no tensor '\(name)'") }
            guard r.shape == shape else {
                throw AxelrodDataError.corrupt("tensor '\(name)' has shape \(r.shape), axelrod's model has \(shape)")
            }
            var expected: [Int] = []
            var step = 1
            for n in shape.reversed() {
                expected.insert(step, at: 0)
                step *= n
            }
            let count = step
            guard r.storageType == "torch FloatStorage" else {
                throw AxelrodDataError.corrupt("tensor '\(name)' is \(r.storageType), not float32")
            }
            guard r.strides == expected, r.offset >= 0, r.storageCount >= 0, r.offset <= r.storageCount - count else {
                throw AxelrodDataError.corrupt("tensor '\(name)' is not a contiguous block of its storage")
            }
            guard let entry = archive.entry(named: prefix + "data/" + r.storageKey), entry.count == r.storageCount * 4 else {
                throw AxelrodDataError.corrupt("the storage of tensor '\(name)' (data/\(r.storageKey)) is missing or has the wrong size")
            }
            let raw = archive.data(entry)
            var out = [Float](repeating: 0, count: count)
            var at = raw.startIndex + r.offset * 4
            for k in 0..<count {
                let bits = UInt32(raw[at]) | UInt32(raw[at + 1]) << 8 | UInt32(raw[at + 2]) << 16 | UInt32(raw[at + 3]) << 24
                out[k] = Float(bitPattern: bits)
                at += 4
            }
            return out
        }
        func put(_ values: [Float], at offset: Int) {
            for k in values.indices { p[offset + k] = values[k] }
        }
        /// A torch Linear weight (outer × inner) stored transposed at `offset`, its columns
        /// placed from `column` in a matrix `stride` wide.
        func putTransposed(_ w: [Float], outer: Int, inner: Int, at offset: Int, stride: Int, column: Int = 0) {
            for o in 0..<outer {
                for k in 0..<inner { p[offset + k * stride + column + o] = w[o * inner + k] }
            }
        }
        let h = Self.width, i = Self.inner
        for l in 0..<Self.layers {
            let base = l * Layout.layerSize
            let name = "encoder.layer.\(l)."
            for (c, part) in ["query", "key", "value"].enumerated() {
                putTransposed(try tensor(name + "attention.self.\(part).weight", [h, h]), outer: h, inner: h,
                              at: base + Layout.qkvT, stride: 3 * h, column: c * h)
                put(try tensor(name + "attention.self.\(part).bias", [h]), at: base + Layout.qkvB + c * h)
            }
            putTransposed(try tensor(name + "attention.output.dense.weight", [h, h]), outer: h, inner: h, at: base + Layout.outT, stride: h)
            put(try tensor(name + "attention.output.dense.bias", [h]), at: base + Layout.outB)
            put(try tensor(name + "attention.output.LayerNorm.weight", [h]), at: base + Layout.norm1G)
            put(try tensor(name + "attention.output.LayerNorm.bias", [h]), at: base + Layout.norm1B)
            putTransposed(try tensor(name + "intermediate.dense.weight", [i, h]), outer: i, inner: h, at: base + Layout.interT, stride: i)
            put(try tensor(name + "intermediate.dense.bias", [i]), at: base + Layout.interB)
            putTransposed(try tensor(name + "output.dense.weight", [h, i]), outer: h, inner: i, at: base + Layout.ffnT, stride: h)
            put(try tensor(name + "output.dense.bias", [h]), at: base + Layout.ffnB)
            put(try tensor(name + "output.LayerNorm.weight", [h]), at: base + Layout.norm2G)
            put(try tensor(name + "output.LayerNorm.bias", [h]), at: base + Layout.norm2B)
        }
        put(try tensor("embeddings.game_state_embeddings.weight", [Self.states, h]), at: Layout.stateEmbedding)
        put(try tensor("embeddings.position_embeddings.weight", [Self.positions, h]), at: Layout.positionEmbedding)
        put(try tensor("embeddings.LayerNorm.weight", [h]), at: Layout.embeddingG)
        put(try tensor("embeddings.LayerNorm.bias", [h]), at: Layout.embeddingB)
        put(try tensor("pooler.dense.weight", [h, h]), at: Layout.poolerW)
        put(try tensor("pooler.dense.bias", [h]), at: Layout.poolerB)
        put(try tensor("action.weight", [1, h]), at: Layout.actionW)
        put(try tensor("action.bias", [1]), at: Layout.actionB)
        parameters = p
    }

    /// The network's output (the logit before axelrod's sigmoid) for a token sequence:
    /// CLS (0) then game states 2–5, at most 201 tokens. Tokens out of range are read as
    /// CLS; a longer sequence is cut to its first 201 tokens.
    /// - Complexity: 2 × 524 288 weights × 24 layers ≈ 25 MFLOP per token, plus the
    ///   attention's 4 · tokens² · 256 per layer: about 0.25 GFLOP for 10 tokens, 5.5 GFLOP for 201.
    func logit(_ tokens: [UInt8]) -> Float {
        let t = Swift.max(1, Swift.min(tokens.count, Self.positions))
        let h = Self.width, i = Self.inner
        let hidden = UnsafeMutablePointer<Float>.allocate(capacity: t * h)
        let qkv = UnsafeMutablePointer<Float>.allocate(capacity: t * 3 * h)
        let attended = UnsafeMutablePointer<Float>.allocate(capacity: t * h)
        let mid = UnsafeMutablePointer<Float>.allocate(capacity: t * h)
        let wide = UnsafeMutablePointer<Float>.allocate(capacity: t * i)
        let scores = UnsafeMutablePointer<Float>.allocate(capacity: t)
        defer {
            hidden.deallocate(); qkv.deallocate(); attended.deallocate(); mid.deallocate(); wide.deallocate(); scores.deallocate()
        }
        return parameters.withUnsafeBufferPointer { buffer -> Float in
            guard let p = buffer.baseAddress else { return 0 }
            for r in 0..<t {
                let token = r < tokens.count && Int(tokens[r]) < Self.states ? Int(tokens[r]) : 0
                let state = p + Layout.stateEmbedding + token * h
                let position = p + Layout.positionEmbedding + r * h
                for c in 0..<h { hidden[r * h + c] = state[c] + position[c] }
            }
            AttentionKernels.addNormalise(hidden, residual: nil, rows: t, width: h, p + Layout.embeddingG, p + Layout.embeddingB)
            for l in 0..<Self.layers {
                let w = p + l * Layout.layerSize
                // Only the CLS token's output is read after the last layer.
                let q = l == Self.layers - 1 ? 1 : t
                AttentionKernels.linear(hidden, rows: t, inner: h, w + Layout.qkvT, outer: 3 * h, w + Layout.qkvB, qkv)
                AttentionKernels.selfAttention(qkv, tokens: t, queries: q, width: h, heads: Self.heads, attended, scores: scores)
                AttentionKernels.linear(attended, rows: q, inner: h, w + Layout.outT, outer: h, w + Layout.outB, mid)
                AttentionKernels.addNormalise(mid, residual: hidden, rows: q, width: h, w + Layout.norm1G, w + Layout.norm1B)
                AttentionKernels.linear(mid, rows: q, inner: h, w + Layout.interT, outer: i, w + Layout.interB, wide)
                AttentionKernels.gelu(wide, count: q * i)
                AttentionKernels.linear(wide, rows: q, inner: i, w + Layout.ffnT, outer: h, w + Layout.ffnB, hidden)
                AttentionKernels.addNormalise(hidden, residual: mid, rows: q, width: h, w + Layout.norm2G, w + Layout.norm2B)
            }
            var out = p[Layout.actionB]
            for o in 0..<h {
                let row = p + Layout.poolerW + o * h
                var sum = p[Layout.poolerB + o]
                for c in 0..<h { sum += row[c] * hidden[c] }
                out += tanhf(sum) * p[Layout.actionW + o]
            }
            return out
        }
    }

    /// The logit for `tokens`, from the cache when this sequence was seen before.
    func cachedLogit(_ tokens: [UInt8]) -> Float {
        if let known = cache.withLock({ $0[tokens] }) { return known }
        let value = logit(tokens)
        cache.withLock { table in
            if table.count < Self.cacheCapacity { table[tokens] = value }
        }
        return value
    }

    /// axelrod's decision: cooperate when sigmoid(logit) < 0.5, in float32.
    static func choice(logit: Float) -> Choice {
        1 / (1 + expf(-logit)) < 0.5 ? .cooperate : .defect
    }
}

/// A problem with axelrod's data file: what is wrong with it.
struct AxelrodDataError: Error, Sendable, Equatable {
    let message: String

    static func corrupt(_ message: String) -> AxelrodDataError { AxelrodDataError(message: message) }
}
