// A minimal ZIP reader for the archives PyTorch writes (`torch.save`): every entry stored
// (compression method 0), no ZIP64. Reads the end-of-central-directory record, then the
// central directory, then each entry's local header to find where its bytes start. Every
// offset and length is checked against the file's size, so a truncated or corrupt file
// gives a typed error instead of a trap.

/// The stored (uncompressed) entries of a ZIP archive held in memory.
struct StoredZipArchive: Sendable {
    /// Where one entry's bytes are in the archive.
    struct Entry: Sendable {
        let name: String
        let offset: Int
        let count: Int
    }

    let bytes: [UInt8]
    /// The entries in central-directory order.
    let entries: [Entry]

    /// Parses the archive's directory. O(entries + 65 KB).
    /// - Throws: ``AxelrodDataError`` when the bytes are not a ZIP archive of stored entries.
    init(bytes: [UInt8]) throws(AxelrodDataError) {
        self.bytes = bytes
        let eocd = try Self.endOfCentralDirectory(bytes)
        let count = Int(Self.u16(bytes, eocd + 10))
        var at = Int(Self.u32(bytes, eocd + 16))
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        for index in 0..<count {
            guard at >= 0, at + 46 <= bytes.count, Self.u32(bytes, at) == 0x0201_4B50 else {
                throw AxelrodDataError.corrupt("ZIP central directory entry \(index) at byte \(at) is missing or cut short")
            }
            let method = Self.u16(bytes, at + 10)
            let compressed = Self.u32(bytes, at + 20)
            let size = Self.u32(bytes, at + 24)
            let nameLength = Int(Self.u16(bytes, at + 28))
            let extraLength = Int(Self.u16(bytes, at + 30))
            let commentLength = Int(Self.u16(bytes, at + 32))
            let local = Int(Self.u32(bytes, at + 42))
            guard at + 46 + nameLength <= bytes.count else {
                throw AxelrodDataError.corrupt("ZIP entry \(index)'s name runs past the end of the file")
            }
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            guard method == 0 else {
                throw AxelrodDataError.corrupt("ZIP entry '\(name)' is compressed (method \(method)); only stored entries are read")
            }
            guard compressed == size, size != 0xFFFF_FFFF, local != 0xFFFF_FFFF else {
                throw AxelrodDataError.corrupt("ZIP entry '\(name)' has inconsistent or ZIP64 sizes")
            }
            guard local + 30 <= bytes.count, Self.u32(bytes, local) == 0x0403_4B50 else {
                throw AxelrodDataError.corrupt("ZIP entry '\(name)': no local header at byte \(local)")
            }
            let start = local + 30 + Int(Self.u16(bytes, local + 26)) + Int(Self.u16(bytes, local + 28))
            guard start + Int(size) <= bytes.count else {
                throw AxelrodDataError.corrupt("ZIP entry '\(name)' (\(size) bytes at byte \(start)) runs past the end of the file")
            }
            entries.append(Entry(name: name, offset: start, count: Int(size)))
            at += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    /// The entry named `name`, if any.
    func entry(named name: String) -> Entry? {
        entries.first { $0.name == name }
    }

    /// The bytes of `entry`.
    func data(_ entry: Entry) -> ArraySlice<UInt8> {
        bytes[entry.offset..<(entry.offset + entry.count)]
    }

    private static func endOfCentralDirectory(_ bytes: [UInt8]) throws(AxelrodDataError) -> Int {
        guard bytes.count >= 22 else { throw AxelrodDataError.corrupt("the file is too short to be a ZIP archive (\(bytes.count) bytes)") }
        var at = bytes.count - 22
        let lowest = Swift.max(0, bytes.count - 22 - 65_535)
        while at >= lowest {
            if u32(bytes, at) == 0x0605_4B50 { return at }
            at -= 1
        }
        throw AxelrodDataError.corrupt("no ZIP end-of-central-directory record: the file is not a ZIP archive (a PyTorch .pth)")
    }

    /// Little-endian reads; the callers check `at + 2` / `at + 4` ≤ count (0 past the end).
    static func u16(_ b: [UInt8], _ at: Int) -> UInt16 {
        guard at >= 0, at + 2 <= b.count else { return 0 }
        return UInt16(b[at]) | UInt16(b[at + 1]) << 8
    }

    static func u32(_ b: [UInt8], _ at: Int) -> UInt32 {
        guard at >= 0, at + 4 <= b.count else { return 0 }
        return UInt32(b[at]) | UInt32(b[at + 1]) << 8 | UInt32(b[at + 2]) << 16 | UInt32(b[at + 3]) << 24
    }
}
