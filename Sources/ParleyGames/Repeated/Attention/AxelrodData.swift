// axelrod's published data that Parley reads at run time instead of committing it: the
// EvolvedAttention weights (`model_attention.pth`, 51 MB). Once installed, the catalogue has
// EvolvedAttention and the 12 meta strategies whose team contains it (244 strategies).
import Foundation
import Synchronization

/// Where axelrod's data file comes from, and the catalogue it completes.
public enum AxelrodData {
    /// The environment variable naming the folder that holds `model_attention.pth`.
    public static let environmentVariable = "PARLEY_AXELROD_DATA"
    /// The file's name in axelrod's wheel (`axelrod/data/model_attention.pth`).
    public static let fileName = "model_attention.pth"
    /// How to get the file: two commands, a few seconds.
    public static let howToGet =
        "get axelrod's weights: 'pip download --no-deps axelrod==4.14.0' (a 47 MB wheel), then "
        + "'unzip -j axelrod-4.14.0-py3-none-any.whl axelrod/data/model_attention.pth -d DIR', and pass "
        + "--axelrod-data DIR or set \(environmentVariable)=DIR; see docs/repeated-games.md"

    struct Installed: Sendable {
        let path: String
        let model: AttentionModel
        let entries: [StrategyCatalog.Entry]
        let refused: [(MetaTeamRecord, [String])]
    }

    static let state = Mutex<Installed?>(nil)

    /// True once the EvolvedAttention weights are loaded.
    public static var isInstalled: Bool { installed != nil }

    /// Loads `model_attention.pth` from `path` (the file, or a folder holding it) and adds
    /// EvolvedAttention and its 12 meta strategies to ``StrategyCatalog``. Loading the same
    /// path again does nothing. About 0.3 s and 51 MB.
    /// - Throws: ``RepeatedGameError`` (`missing-data`) when the file cannot be read or is not
    ///   axelrod 4.14.0's model, saying what was wrong and how to get the file.
    public static func install(path: String) throws(RepeatedGameError) {
        if state.withLock({ $0?.path == path }) { return }
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        let file = exists && isFolder.boolValue ? (path as NSString).appendingPathComponent(fileName) : path
        let model = try loadModel(file: file)
        install(model, path: path)
    }

    /// Installs from ``environmentVariable`` when it is set; returns whether it was.
    /// - Throws: as ``install(path:)``.
    @discardableResult
    public static func installFromEnvironment() throws(RepeatedGameError) -> Bool {
        guard let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty else { return false }
        try install(path: path)
        return true
    }

    static func install(_ model: AttentionModel, path: String) {
        let (entries, refused) = catalogue(with: model)
        state.withLock { $0 = Installed(path: path, model: model, entries: entries, refused: refused) }
    }

    /// The catalogue's entries with EvolvedAttention playing `model`: the ordinary
    /// strategies, EvolvedAttention, then every meta strategy whose team is complete; and
    /// the meta strategies still refused (none with axelrod 4.14.0's teams).
    static func catalogue(with model: AttentionModel) -> (entries: [StrategyCatalog.Entry], refused: [(MetaTeamRecord, [String])]) {
        let attention = CatalogEntries.e(
            "EvolvedAttention", "EvolvedAttention",
            "Marc-Olivier Derouin (transformer trained by self-play); axelrod attention.py, weights read from axelrod's model_attention.pth"
        ) { _ in EvolvedAttention(model: model) }
        let ordinary = CatalogEntries.ordinary + [attention]
        let metas = MetaTeamData.resolve(ordinary)
        return (ordinary + metas.entries, metas.refused)
    }

    /// Reads the model from `path` (the file itself) without installing it.
    /// - Throws: ``RepeatedGameError`` (`missing-data`) as ``install(path:)``.
    public static func loadModel(file: String) throws(RepeatedGameError) -> AttentionModel {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw RepeatedGameError(.missingData, "cannot read axelrod's EvolvedAttention weights at '\(file)'", hint: howToGet)
        }
        do {
            return try model(bytes: [UInt8](data))
        } catch {
            throw RepeatedGameError(.missingData, "'\(file)' \(error.message)", hint: howToGet)
        }
    }

    /// Reads the model from the bytes of a `model_attention.pth` without installing it: the
    /// reader the fuzzer drives, since a user's file reaches it through `--axelrod-data`.
    /// - Complexity: O(bytes).
    /// - Throws: ``RepeatedGameError`` (`missing-data`) saying what is wrong with the bytes.
    public static func model(bytes: [UInt8]) throws(RepeatedGameError) -> AttentionModel {
        do {
            return try AttentionModel(pthBytes: bytes)
        } catch {
            throw RepeatedGameError(.missingData, "is not axelrod 4.14.0's model_attention.pth: \(error.message)", hint: howToGet)
        }
    }

    /// The installed data, if any.
    static var installed: Installed? { state.withLock { $0 } }
}
