import ParleyCore
import ParleyGames
import Testing

/// Parley's catalogue against axelrod 4.14.0's `all_strategies` (fixture `catalogue.json`):
/// how many of the 244 are implemented, and that each one has axelrod's printed name and
/// stochasticity. Behaviour is checked elsewhere (histories, statistics, tournaments).
@Suite struct AxelrodCatalogueTests {
    /// axelrod strategies Parley implements (of 244), and how they split; the histories
    /// fixture holds the deterministic ones, the stochastic fixture all stochastic ones but
    /// Memory Decay and the 8 team-based meta strategies (checked from `meta.json`).
    static let implemented = 231
    static let deterministicCount = 154
    static let stochasticCount = 77
    static let stochasticCheckedInMetaFixture = 9

    @Test func implementedStrategiesMatchAxelrodNamesAndRandomness() throws {
        let fixture = try AxelrodFixtures.json("catalogue.json")
        let rows = try #require(fixture["strategies"] as? [[String: Any]])
        #expect(rows.count == 244)
        let keys = Set(StrategyCatalog.entries.map(\.key))
        var found = 0
        var missing: [String] = []
        for row in rows {
            let key = try #require(row["key"] as? String)
            guard keys.contains(key) else {
                missing.append(key)
                continue
            }
            found += 1
            let player = try StrategyCatalog.player(named: key)
            #expect(player.name == (row["name"] as? String), "\(key)")
            #expect(player.isStochastic == (row["stochastic"] as? Bool), "\(key)")
            #expect(!player.source.isEmpty, "\(key)")
        }
        #expect(found == Self.implemented, "not implemented: \(missing)")
    }

    @Test func catalogueKeysAndNamesAreUnique() {
        let keys = StrategyCatalog.entries.map { $0.key.lowercased() }
        let names = StrategyCatalog.entries.map(\.player.name)
        #expect(Set(keys).count == keys.count)
        #expect(Set(names).count == names.count)
    }

    /// Every generated data record (machines, tables, networks, hidden Markov models)
    /// parses into a catalogue entry.
    @Test func everyGeneratedRecordLoads() {
        let generated = StrategyCatalog.entries.filter { ["Fortress3", "EvolvedANN", "PSOGambler1_1_1", "EvolvedHMM5", "Winner12"].contains($0.key) }
        #expect(generated.count == 5)
        #expect(StrategyCatalog.generatedRecordCount == StrategyCatalog.generatedEntryCount)
    }
}
