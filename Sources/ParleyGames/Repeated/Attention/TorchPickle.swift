// A minimal reader for the pickle that `torch.save` writes as `data.pkl` in a state-dict
// archive: an OrderedDict from parameter names to tensors, each rebuilt by
// `torch._utils._rebuild_tensor_v2` from a persistent storage reference. Only the opcodes
// such a file uses are understood (protocols 2 to 4); no Python object is ever created and
// no code runs: the only callables honoured are `collections.OrderedDict` and
// `torch._utils._rebuild_tensor_v2`, which become plain values. Anything else is a typed error.

/// A tensor as the pickle describes it: where its numbers are and how they are laid out.
struct TorchTensorRecord: Sendable, Equatable {
    /// The storage's key: its bytes are the archive entry `data/<key>`.
    let storageKey: String
    /// The storage's element type as pickled (`FloatStorage` for float32).
    let storageType: String
    /// Elements in the storage.
    let storageCount: Int
    /// Offset of the tensor's first element in the storage, in elements.
    let offset: Int
    let shape: [Int]
    let strides: [Int]
}

/// The values the reader builds.
indirect enum PickleValue: Sendable, Equatable {
    case none
    case bool(Bool)
    case int(Int)
    case string(String)
    case tuple([PickleValue])
    /// `module name` of a GLOBAL opcode.
    case global(String)
    /// Keys and values alternating, in insertion order.
    case dict([PickleValue])
    /// The argument of a persistent load (BINPERSID).
    case persistent(PickleValue)
    case tensor(TorchTensorRecord)
}

enum TorchPickle {
    /// The deepest nesting of tuples and dictionaries read (a state dict needs 4).
    static let maximumDepth = 32

    /// The named tensors of a state-dict pickle, in the file's order.
    /// - Complexity: O(bytes).
    /// - Throws: ``AxelrodDataError`` for an opcode this reader does not know, a truncated
    ///   stream, or a structure other than a dictionary of tensors.
    static func stateDict(_ bytes: ArraySlice<UInt8>) throws(AxelrodDataError) -> [(String, TorchTensorRecord)] {
        let top = try load(bytes)
        guard case .dict(let items) = top else { throw AxelrodDataError.corrupt("data.pkl does not hold a dictionary of tensors") }
        var out: [(String, TorchTensorRecord)] = []
        var k = 0
        while k + 1 < items.count {
            guard case .string(let name) = items[k], case .tensor(let tensor) = items[k + 1] else {
                throw AxelrodDataError.corrupt("data.pkl: entry \(k / 2) is not a named tensor")
            }
            out.append((name, tensor))
            k += 2
        }
        return out
    }

    /// Runs the pickle machine over `bytes` and returns the value STOP leaves.
    static func load(_ bytes: ArraySlice<UInt8>) throws(AxelrodDataError) -> PickleValue {
        var reader = Reader(bytes: bytes)
        // Each value is kept with its nesting depth, which is capped: a crafted pickle of
        // a million nested tuples would otherwise overflow the stack when it is freed.
        var stack: [(value: PickleValue, depth: Int)] = []
        var marks: [Int] = []
        var memo: [Int: (value: PickleValue, depth: Int)] = [:]

        func push(_ value: PickleValue, over parts: [(value: PickleValue, depth: Int)] = []) throws(AxelrodDataError) {
            let depth = (parts.map(\.depth).max() ?? 0) + 1
            guard depth <= maximumDepth else { throw reader.error("values nested more than \(maximumDepth) deep") }
            stack.append((value, depth))
        }
        func pop() throws(AxelrodDataError) -> (value: PickleValue, depth: Int) {
            guard let item = stack.popLast() else { throw reader.error("the stack is empty") }
            return item
        }
        func popToMark() throws(AxelrodDataError) -> [(value: PickleValue, depth: Int)] {
            guard let mark = marks.popLast(), mark <= stack.count else { throw reader.error("no MARK to pop to") }
            let items = Array(stack[mark...])
            stack.removeSubrange(mark...)
            return items
        }
        func remember(_ index: Int) throws(AxelrodDataError) {
            guard let top = stack.last else { throw reader.error("nothing to memoise") }
            memo[index] = top
        }
        func recall(_ index: Int) throws(AxelrodDataError) {
            guard let item = memo[index] else { throw reader.error("memo \(index) was never stored") }
            stack.append(item)
        }
        func addItems(_ items: [(value: PickleValue, depth: Int)]) throws(AxelrodDataError) {
            guard items.count % 2 == 0, let top = stack.popLast(), case .dict(var existing) = top.value else {
                throw reader.error("SETITEM(S) without a dictionary under its items")
            }
            existing += items.map(\.value)
            try push(.dict(existing), over: items + [(top.value, top.depth - 1)])
        }

        while true {
            let op = try reader.byte()
            switch op {
            case 0x80: _ = try reader.byte()                                        // PROTO
            case 0x95: _ = try reader.bytes(8)                                      // FRAME
            case 0x2E: return try pop().value                                       // STOP '.'
            case 0x28: marks.append(stack.count)                                    // MARK '('
            case 0x4E: try push(.none)                                          // NONE 'N'
            case 0x88: try push(.bool(true))                                    // NEWTRUE
            case 0x89: try push(.bool(false))                                   // NEWFALSE
            case 0x4B: try push(.int(Int(try reader.byte())))                  // BININT1 'K'
            case 0x4D: try push(.int(Int(try reader.unsigned(2))))              // BININT2 'M'
            case 0x4A: try push(.int(Int(Int32(truncatingIfNeeded: try reader.unsigned(4)))))  // BININT 'J'
            case 0x58: try push(.string(try reader.text(Int(try reader.unsigned(4)))))  // BINUNICODE 'X'
            case 0x8C: try push(.string(try reader.text(Int(try reader.byte()))))       // SHORT_BINUNICODE
            case 0x63:                                                              // GLOBAL 'c'
                let module = try reader.line()
                let name = try reader.line()
                try push(.global(module + " " + name))
            case 0x29: try push(.tuple([]))                                     // EMPTY_TUPLE ')'
            case 0x7D: try push(.dict([]))                                      // EMPTY_DICT '}'
            case 0x74:                                                              // TUPLE 't'
                let items = try popToMark()
                try push(.tuple(items.map(\.value)), over: items)
            case 0x85, 0x86, 0x87:                                                  // TUPLE1, TUPLE2, TUPLE3
                var items: [(value: PickleValue, depth: Int)] = []
                for _ in 0..<Int(op - 0x84) { items.insert(try pop(), at: 0) }
                try push(.tuple(items.map(\.value)), over: items)
            case 0x71: try remember(Int(try reader.byte()))                         // BINPUT 'q'
            case 0x72: try remember(Int(try reader.unsigned(4)))                    // LONG_BINPUT 'r'
            case 0x94: try remember(memo.count)                                     // MEMOIZE
            case 0x68: try recall(Int(try reader.byte()))                           // BINGET 'h'
            case 0x6A: try recall(Int(try reader.unsigned(4)))                      // LONG_BINGET 'j'
            case 0x51:                                                              // BINPERSID 'Q'
                let item = try pop()
                try push(.persistent(item.value), over: [item])
            case 0x73:                                                              // SETITEM 's'
                let value = try pop(), key = try pop()
                try addItems([key, value])
            case 0x75: try addItems(try popToMark())                                // SETITEMS 'u'
            case 0x62: _ = try pop()                                                // BUILD 'b': state ignored
            case 0x52:                                                              // REDUCE 'R'
                let args = try pop(), callable = try pop()
                try push(try reduce(callable.value, args.value, reader))
            default:
                throw reader.error("opcode 0x\(String(op, radix: 16)) is not one a PyTorch state dict uses")
            }
        }
    }

    private static func reduce(_ callable: PickleValue, _ args: PickleValue, _ reader: Reader) throws(AxelrodDataError) -> PickleValue {
        guard case .global(let name) = callable, case .tuple(let a) = args else {
            throw reader.error("REDUCE of something other than a global")
        }
        switch name {
        case "collections OrderedDict":
            return .dict([])
        case "torch._utils _rebuild_tensor_v2":
            guard a.count >= 4,
                  case .persistent(.tuple(let s)) = a[0], s.count >= 5,
                  case .string("storage") = s[0], case .global(let type) = s[1], case .string(let key) = s[2],
                  case .int(let count) = s[4],
                  case .int(let offset) = a[1], case .tuple(let shape) = a[2], case .tuple(let strides) = a[3]
            else { throw reader.error("a tensor's description is not _rebuild_tensor_v2(storage, offset, size, stride, ...)") }
            let ints: ([PickleValue]) -> [Int]? = { values in
                var out: [Int] = []
                for value in values {
                    guard case .int(let n) = value else { return nil }
                    out.append(n)
                }
                return out
            }
            guard let shapeInts = ints(shape), let strideInts = ints(strides), shapeInts.count == strideInts.count else {
                throw reader.error("a tensor's size and stride are not tuples of integers of equal length")
            }
            return .tensor(TorchTensorRecord(
                storageKey: key, storageType: type, storageCount: count, offset: offset, shape: shapeInts, strides: strideInts))
        default:
            throw reader.error("the pickle calls \(name.replacingSpace), which a state dict of tensors never does")
        }
    }

    /// A cursor over the pickle bytes; every read is bounds-checked.
    struct Reader {
        let bytes: ArraySlice<UInt8>
        var at: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            at = bytes.startIndex
        }

        func error(_ message: String) -> AxelrodDataError {
            AxelrodDataError.corrupt("data.pkl at byte \(at - bytes.startIndex): \(message)")
        }

        mutating func byte() throws(AxelrodDataError) -> UInt8 {
            guard at < bytes.endIndex else { throw error("the pickle ends before STOP") }
            defer { at += 1 }
            return bytes[at]
        }

        mutating func bytes(_ n: Int) throws(AxelrodDataError) -> ArraySlice<UInt8> {
            guard n >= 0, n <= bytes.endIndex - at else { throw error("the pickle ends inside a \(n)-byte argument") }
            defer { at += n }
            return bytes[at..<(at + n)]
        }

        mutating func unsigned(_ n: Int) throws(AxelrodDataError) -> UInt32 {
            var value: UInt32 = 0
            for (shift, b) in try bytes(n).enumerated() { value |= UInt32(b) << (8 * UInt32(shift)) }
            return value
        }

        mutating func text(_ n: Int) throws(AxelrodDataError) -> String {
            String(decoding: try bytes(n), as: UTF8.self)
        }

        mutating func line() throws(AxelrodDataError) -> String {
            var out: [UInt8] = []
            while true {
                let b = try byte()
                if b == 0x0A { return String(decoding: out, as: UTF8.self) }
                guard out.count < 256 else { throw error("a GLOBAL name longer than 256 bytes") }
                out.append(b)
            }
        }
    }
}

extension String {
    /// `module name` as Python writes it, `module.name`.
    fileprivate var replacingSpace: String { split(separator: " ").joined(separator: ".") }
}
