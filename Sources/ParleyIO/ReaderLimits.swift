import ParleyGames

/// The explicit sizes every reader checks before it allocates, so that a small hostile file
/// never costs unbounded time or memory.
///
/// Each limit is far above any real case (a scenario has tens of stakeholders, a game a few
/// thousand profiles) and below what a 2-core laptop handles in seconds. Every error that a
/// limit raises names the field that reached it and the limit itself; sizes are multiplied with
/// overflow checks (``product(_:limit:)``), never with plain `*`.
public enum ReaderLimits {
    /// Digits in one number (mantissa, or each side of a fraction): `Rational.maximumDigits`.
    public static let digits = Rational.maximumDigits
    /// Magnitude of a decimal exponent (`1e-4000`): `Rational.maximumExponent`.
    public static let exponent = Rational.maximumExponent
    /// Players of a strategic game (`.nfg`, game file): 64.
    public static let players = 64
    /// Strategy profiles of a strategic game, the product of the players' strategy counts:
    /// 10 million.
    public static let profiles = 10_000_000
    /// Payoff entries of a strategic game, profiles × players: 10 million.
    public static let payoffEntries = 10_000_000
    /// Nodes of a game tree (`.efg`): 5 million.
    public static let nodes = 5_000_000
    /// Stakeholders of a scenario (every format): 10,000.
    public static let stakeholders = 10_000
    /// Issues of a scenario (every format): 1,000.
    public static let issues = 1_000
    /// Monte Carlo runs recorded in a shard file (`manifest.runs`): 100 million.
    public static let runs = 100_000_000
    /// Shards of one sweep (`manifest.shard_count`): 100,000.
    public static let shards = 100_000

    /// The product of `factors`, or `nil` as soon as it passes `limit` or overflows `Int`.
    /// - Complexity: O(factors), stopping at the first factor that breaks the limit.
    public static func product(_ factors: some Sequence<Int>, limit: Int) -> Int? {
        var result = 1
        for factor in factors {
            guard factor >= 0 else { return nil }
            let (next, overflow) = result.multipliedReportingOverflow(by: factor)
            guard !overflow, next <= limit else { return nil }
            result = next
        }
        return result
    }

    /// Why `text` is too long to be read as a number, or `nil` when it is within the limits
    /// (it may still be malformed).
    static func numberProblem(_ text: String) -> String? {
        let bytes = Array(text.utf8.prefix(4 * Self.digits))
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        let shown = "'\(text.prefix(24))\(text.count > 24 ? "…" : "")'"
        guard text.utf8.count <= 2 * Self.digits + 16 else {
            return "\(shown) has \(text.utf8.count) characters; Parley reads numbers of at most \(Self.digits) digits (limit: digits per number)"
        }
        let exponentStart = bytes.firstIndex { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        let mantissa = bytes[..<(exponentStart ?? bytes.endIndex)]
        let longest = mantissa.split(separator: UInt8(ascii: "/")).map { $0.filter(isDigit).count }.max() ?? 0
        if longest > Self.digits {
            return "\(shown) has \(longest) digits; Parley reads numbers of at most \(Self.digits) digits (limit: digits per number)"
        }
        if let exponentStart {
            let exponent = bytes[(exponentStart + 1)...].drop { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
            let significant = exponent.drop { $0 == UInt8(ascii: "0") }
            if !exponent.isEmpty, exponent.allSatisfy(isDigit),
               significant.count > 5 || (Int(String(decoding: significant, as: UTF8.self)) ?? 0) > Self.exponent {
                return "the exponent of \(shown) is beyond ±\(Self.exponent) (limit: exponent per number)"
            }
        }
        return nil
    }

    static let numberHint = "write the number with fewer digits, or as a fraction such as 1/3"
}
