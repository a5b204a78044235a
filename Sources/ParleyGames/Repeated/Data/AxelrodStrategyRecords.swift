/// The table-driven strategies of axelrod 4.14 as catalogue entries. The parameters live in
/// the generated `AxelrodStrategyData.swift` (written by `scripts/axelrod_strategy_data.py`);
/// the records here turn them into players. A record whose data fails to parse is left out
/// of the catalogue (the tests check that every record parses).
enum AxelrodStrategyData {
    struct FiniteStateMachineRecord: Sendable {
        let key: String
        let name: String
        let source: String
        let rows: String
        let initialState: Int
        let initialMove: String

        var table: FiniteStateMachineTable? {
            guard let first = initialMove.first, let move = Choice(letter: first) else { return nil }
            return FiniteStateMachineTable(compact: rows, initialState: initialState, initialMove: move)
        }
    }

    struct LookupTableRecord: Sendable {
        let key: String
        let name: String
        let source: String
        let own: Int
        let theirs: Int
        let openings: Int
        let initialMoves: String
        let values: String

        var table: LookupTableData? {
            LookupTableData(ownDepth: own, theirDepth: theirs, openingDepth: openings, probabilityText: values, initialMoves: initialMoves)
        }
    }

    struct NeuralNetworkRecord: Sendable {
        let key: String
        let name: String
        let source: String
        let hidden: Int
        let weights: String

        var network: NeuralNetworkData? { NeuralNetworkData(hidden: hidden, text: weights) }
    }

    struct HiddenMarkovRecord: Sendable {
        let key: String
        let name: String
        let source: String
        let transitionsC: String
        let transitionsD: String
        let emissions: String
        let initialState: Int
        let initialMove: String

        var model: HiddenMarkovData? {
            guard let first = initialMove.first, let move = Choice(letter: first) else { return nil }
            return HiddenMarkovData(transitionsC: transitionsC, transitionsD: transitionsD, emissions: emissions,
                                    initialState: initialState, initialMove: move)
        }
    }

    /// Every record as a catalogue entry, in the order: machines, lookup tables, gamblers,
    /// networks, hidden Markov models.
    static let entries: [StrategyCatalog.Entry] = {
        var out: [StrategyCatalog.Entry] = []
        for r in finiteStateMachines {
            guard let table = r.table else { continue }
            out.append(CatalogEntries.e(r.key, r.name, r.source) { _ in FiniteStateMachine(table) })
        }
        for r in lookupTables + gamblers {
            guard let table = r.table else { continue }
            out.append(CatalogEntries.e(r.key, r.name, random: !table.isDeterministic, r.source) { _ in LookupTablePlayer(data: table) })
        }
        for r in neuralNetworks {
            guard let network = r.network else { continue }
            out.append(CatalogEntries.e(r.key, r.name, r.source) { _ in NeuralNetworkPlayer(data: network) })
        }
        for r in hiddenMarkovModels {
            guard let model = r.model else { continue }
            out.append(CatalogEntries.e(r.key, r.name, random: true, r.source) { _ in HiddenMarkovPlayer(model) })
        }
        return out
    }()

    /// How many records there are (parsed or not), for the tests.
    static var recordCount: Int {
        finiteStateMachines.count + lookupTables.count + gamblers.count + neuralNetworks.count + hiddenMarkovModels.count
    }
}

extension StrategyCatalog {
    /// How many generated data records there are, and how many became catalogue entries
    /// (equal unless a record failed to parse).
    public static var generatedRecordCount: Int { AxelrodStrategyData.recordCount }
    public static var generatedEntryCount: Int { AxelrodStrategyData.entries.count }
}
