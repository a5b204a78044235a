/// Every strategy Parley offers for repeated games, named and behaving as in axelrod 4.14.
///
/// Each entry has axelrod's class name (`TitForTat`), the name axelrod prints
/// (`"Tit For Tat"`), whether it draws random numbers, and its source. Lookups accept either
/// name, ignoring case, spaces, hyphens and underscores. Parameterised forms:
/// `Random:0.3`, `GTFT:0.1`, `Joss:0.8`, `MemoryOne:1:0.1:1:0.1` (p after CC, CD, DC, DD; an
/// optional fifth field C or D is the first move), `ZD:phi:s:l`, `GoByMajority:N`,
/// `HardGoByMajority:N`, `Cycler:CCD`.
public enum StrategyCatalog {
    /// One catalogue entry.
    public struct Entry: Sendable {
        /// axelrod's class name, e.g. `TitForTat`.
        public let key: String
        public let player: RepeatedPlayer
    }

    /// Every entry, in a fixed order (basic strategies first, then families): 231 entries,
    /// 244 once ``AxelrodData`` has loaded EvolvedAttention's weights.
    public static var entries: [Entry] { AxelrodData.installed?.entries ?? CatalogEntries.all }

    /// The refused meta strategies and their missing members, given the installed data.
    static var refusedMetaTeams: [(MetaTeamRecord, [String])] {
        AxelrodData.installed?.refused ?? CatalogEntries.metaTeams.refused
    }

    /// The strategies that need ``AxelrodData`` and are missing without it (class names).
    public static var needingAxelrodData: [String] {
        AxelrodData.isInstalled ? [] : ["EvolvedAttention"] + CatalogEntries.metaTeams.refused.map(\.0.key)
    }

    /// axelrod's meta strategies that Parley refuses to build because their team (axelrod's
    /// strategy list filtered by a classifier) names strategies Parley does not implement:
    /// the class name and the missing members.
    public static var unbuildableMetaStrategies: [(key: String, missing: [String])] {
        refusedMetaTeams.map { ($0.0.key, $0.1) }
    }

    /// Every player, in catalogue order.
    public static var all: [RepeatedPlayer] { entries.map(\.player) }

    /// The deterministic players (those that never draw a random number).
    public static var deterministic: [RepeatedPlayer] { all.filter { !$0.isStochastic } }

    /// Axelrod's first tournament: the 13 entrants axelrod reconstructs, Tit For Tat and
    /// Grudger (Friedman), and Random, in axelrod's `axelrod_first_strategies` order.
    public static var firstTournament: [RepeatedPlayer] {
        players([
            "TitForTat", "FirstByTidemanAndChieruzzi", "FirstByNydegger", "FirstByGrofman", "FirstByShubik",
            "FirstBySteinAndRapoport", "Grudger", "FirstByDavis", "FirstByGraaskamp", "FirstByDowning",
            "FirstByFeld", "FirstByJoss", "FirstByTullock", "FirstByAnonymous", "Random",
        ])
    }

    /// The classic set of `reference/game-theory.md` Oracle A (9 deterministic strategies).
    public static var classic: [RepeatedPlayer] {
        players([
            "Cooperator", "Defector", "TitForTat", "Grudger", "TitFor2Tats", "Alternator",
            "WinStayLoseShift", "SuspiciousTitForTat", "GoByMajority",
        ])
    }

    /// The classic set plus `Random` (p = 0.5): the 10 strategies of the speed benchmark.
    public static var classicWithRandom: [RepeatedPlayer] { classic + players(["Random"]) }

    private static func players(_ keys: [String]) -> [RepeatedPlayer] {
        keys.compactMap { key in entries.first { $0.key == key }?.player }
    }

    /// The player for `name`: a catalogue key or printed name, or a parameterised form.
    /// - Throws: ``RepeatedGameError`` for an unknown name (with the closest names as a
    ///   hint) or a parameter out of range.
    public static func player(named name: String) throws(RepeatedGameError) -> RepeatedPlayer {
        let wanted = normalise(name)
        if let entry = entries.first(where: { normalise($0.key) == wanted || normalise($0.player.name) == wanted }) {
            return entry.player
        }
        let withoutData = !AxelrodData.isInstalled
        if withoutData, wanted == "evolvedattention" {
            throw RepeatedGameError(
                .missingData, "EvolvedAttention needs axelrod's weights (model_attention.pth), which are not loaded",
                hint: AxelrodData.howToGet)
        }
        if let (record, missing) = refusedMetaTeams.first(where: {
            normalise($0.0.key) == wanted || normalise($0.0.name) == wanted
        }) {
            if withoutData, missing == ["EvolvedAttention"] {
                throw RepeatedGameError(
                    .unknownStrategy,
                    "'\(record.name)' cannot be built: axelrod's team for it has \(record.members.count) members, among them "
                        + "EvolvedAttention, whose weights (model_attention.pth) are not loaded",
                    hint: AxelrodData.howToGet)
            }
            throw RepeatedGameError(
                .unknownStrategy,
                "'\(record.name)' cannot be built: axelrod's team for it has \(record.members.count) members and "
                    + "Parley lacks \(missing.joined(separator: ", "))",
                hint: "a meta strategy plays only with exactly axelrod's team; see docs/repeated-games.md")
        }
        let parts = name.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        if parts.count > 1, let player = try CatalogEntries.parameterised(normalise(parts[0]), Array(parts.dropFirst())) {
            return player
        }
        let keys = entries.map(\.key)
        let close = keys.filter { normalise($0).contains(wanted) || (wanted.count >= 4 && wanted.contains(normalise($0))) }
        let hint = close.isEmpty
            ? "run 'parley tournament --list' for the \(entries.count) strategies"
            : "did you mean \(close.prefix(5).joined(separator: ", "))?"
        throw RepeatedGameError(.unknownStrategy, "unknown strategy '\(name)'", hint: hint)
    }

    /// Lower case without spaces, hyphens or underscores.
    static func normalise(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0 != " " && $0 != "-" && $0 != "_" }.map(Character.init))
    }
}

extension Substring {
    var trimmingSpaces: String {
        var text = self[...]
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
