@testable import ParleyGames
import Testing

/// The reader of PyTorch's `.pth` archives (a ZIP of stored entries holding a pickle and raw
/// tensors), on archives built here byte by byte: what it reads, and that every damaged
/// archive is refused with a typed error instead of a trap.
@Suite struct TorchArchiveTests {
    static func le(_ value: Int, _ bytes: Int) -> [UInt8] { (0..<bytes).map { UInt8((value >> (8 * $0)) & 0xFF) } }

    /// A ZIP archive of stored entries (CRC left 0: the reader does not check it).
    static func zip(_ files: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for (name, data) in files {
            let offset = out.count
            let n = Array(name.utf8)
            out += le(0x0403_4B50, 4) + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0, 4)
                + le(data.count, 4) + le(data.count, 4) + le(n.count, 2) + le(0, 2) + n + data
            central += le(0x0201_4B50, 4) + le(20, 2) + le(20, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0, 4)
                + le(data.count, 4) + le(data.count, 4) + le(n.count, 2) + le(0, 2) + le(0, 2) + le(0, 2) + le(0, 2)
                + le(0, 4) + le(offset, 4) + n
        }
        let start = out.count
        out += central
        out += le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(files.count, 2) + le(files.count, 2)
            + le(central.count, 4) + le(start, 4) + le(0, 2)
        return out
    }

    static func text(_ s: String) -> [UInt8] { [0x58] + le(s.utf8.count, 4) + Array(s.utf8) }
    static func global(_ module: String, _ name: String) -> [UInt8] { [0x63] + Array("\(module)\n\(name)\n".utf8) }

    /// `OrderedDict([("x", tensor of shape (2,), storage "0" of 2 floats)])`, protocol 2,
    /// as torch.save writes it (MARK, BINPERSID, _rebuild_tensor_v2, SETITEMS).
    static let pickle: [UInt8] = {
        var p: [UInt8] = [0x80, 0x02] + global("collections", "OrderedDict") + [0x71, 0x00, 0x29, 0x52, 0x28]
        p += text("x") + global("torch._utils", "_rebuild_tensor_v2") + [0x28, 0x28]
        p += text("storage") + global("torch", "FloatStorage") + text("0") + text("cpu") + [0x4B, 0x02, 0x74, 0x51]
        p += [0x4B, 0x00, 0x4B, 0x02, 0x85, 0x4B, 0x01, 0x85, 0x89, 0x68, 0x00, 0x29, 0x52, 0x74, 0x52, 0x75, 0x2E]
        return p
    }()

    /// 1.5 and -2 as little-endian float32 (0x3FC00000, 0xC0000000).
    static let storage: [UInt8] = [0x00, 0x00, 0xC0, 0x3F, 0x00, 0x00, 0x00, 0xC0]
    static let archive = zip([("m/data.pkl", pickle), ("m/byteorder", Array("little".utf8)), ("m/data/0", storage)])

    @Test func readsTheStateDictAndItsStorage() throws {
        let zip = try StoredZipArchive(bytes: Self.archive)
        #expect(zip.entries.map(\.name) == ["m/data.pkl", "m/byteorder", "m/data/0"])
        let pkl = try #require(zip.entry(named: "m/data.pkl"))
        let dict = try TorchPickle.stateDict(zip.data(pkl))
        #expect(dict.count == 1)
        #expect(dict.first?.0 == "x")
        #expect(dict.first?.1 == TorchTensorRecord(storageKey: "0", storageType: "torch FloatStorage", storageCount: 2,
                                                   offset: 0, shape: [2], strides: [1]))
        let data = try #require(zip.entry(named: "m/data/0"))
        #expect(Array(zip.data(data)) == Self.storage)
    }

    /// The right container without axelrod's tensors: refused, naming the first one missing.
    @Test func aStateDictWithoutAxelrodsTensorsIsRefused() {
        let error = #expect(throws: AxelrodDataError.self) { _ = try AttentionModel(pthBytes: Self.archive) }
        #expect(error?.message.contains("encoder.layer.0.attention.self.query.weight") == true)
    }

    /// Every truncation of a valid archive, and of its pickle, is refused with a typed error.
    @Test func everyTruncationIsRefused() {
        for n in 0..<Self.archive.count {
            #expect(throws: AxelrodDataError.self, "\(n) bytes") {
                let zip = try StoredZipArchive(bytes: Array(Self.archive.prefix(n)))
                let pkl = try #require(zip.entry(named: "m/data.pkl"))
                _ = try TorchPickle.stateDict(zip.data(pkl))
                throw AxelrodDataError.corrupt("read")
            }
        }
        for n in 0..<(Self.pickle.count - 1) {
            #expect(throws: AxelrodDataError.self, "pickle cut at \(n)") { _ = try TorchPickle.stateDict(Self.pickle.prefix(n)) }
        }
    }

    /// Every byte of a valid archive set to 0xFF in turn: read or refused with a typed error,
    /// never a trap; the bytes of the directory and the pickle's structure are refused.
    @Test func everyDamagedByteIsReadOrRefused() {
        var refused = 0
        for k in Self.archive.indices {
            var bytes = Self.archive
            bytes[k] = 0xFF
            do {
                let zip = try StoredZipArchive(bytes: bytes)
                if let pkl = zip.entry(named: "m/data.pkl") { _ = try TorchPickle.stateDict(zip.data(pkl)) }
            } catch {
                refused += 1
            }
        }
        // Signatures, offsets and the pickle's opcodes at least: well over a hundred bytes.
        #expect(refused > 100, "\(refused) of \(Self.archive.count)")
    }

    /// A pickle that calls anything but the two callables a state dict uses is refused
    /// (no code is run); so is an opcode outside the reader's set, and a compressed entry.
    @Test func foreignPicklesAndCompressedEntriesAreRefused() {
        let call: [UInt8] = [0x80, 0x02] + Self.global("os", "system") + Self.text("ls") + [0x85, 0x52, 0x2E]
        let error = #expect(throws: AxelrodDataError.self) { _ = try TorchPickle.load(call[...]) }
        #expect(error?.message.contains("os.system") == true)
        #expect(throws: AxelrodDataError.self) { _ = try TorchPickle.load([0x80, 0x02, 0x47, 0x2E][...]) }
        // A tuple nested 100 deep (EMPTY_TUPLE, then TUPLE1 a hundred times) is refused, one 31 deep is read.
        let deep: [UInt8] = [0x80, 0x02, 0x29] + Array(repeating: 0x85, count: 100) + [0x2E]
        let nested = #expect(throws: AxelrodDataError.self) { _ = try TorchPickle.load(deep[...]) }
        #expect(nested?.message.contains("nested") == true)
        let shallow: [UInt8] = [0x80, 0x02, 0x29] + Array(repeating: 0x85, count: TorchPickle.maximumDepth - 1) + [0x2E]
        #expect(throws: Never.self) { _ = try TorchPickle.load(shallow[...]) }
        var compressed = Self.zip([("a", [1, 2, 3])])
        compressed[8] = 8 // local header method: deflate
        let central = compressed.count - 22 - 47
        compressed[central + 10] = 8
        #expect(throws: AxelrodDataError.self) { _ = try StoredZipArchive(bytes: compressed) }
    }
}
