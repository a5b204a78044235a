public import ParleyCore
public import ParleyGames
import Foundation

/// The game file formats, told apart by extension.
public enum GameFormat: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Gambit strategic form, `.nfg`.
    case nfg
    /// Gambit extensive form, `.efg`.
    case efg
    /// Parley game file (`format: parley-game/1`) as YAML, `.yaml`/`.yml`.
    case yaml
    /// The same as JSON, `.json`.
    case json

    public var description: String { rawValue }

    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "nfg": self = .nfg
        case "efg": self = .efg
        case "yaml", "yml": self = .yaml
        case "json": self = .json
        default: return nil
        }
    }
}

/// Reads and writes game files, with located errors.
public enum GameFile {
    /// Parses `text` as `format`.
    /// - Throws: `ScenarioErrors` with every problem found (Gambit files: the first), located.
    public static func decode(_ text: String, format: GameFormat, file: String? = nil) throws(ScenarioErrors) -> GameDocument {
        switch format {
        case .nfg: return .normalForm(try GambitNFGCodec.decode(text, file: file))
        case .efg: return .extensive(try GambitEFGCodec.decode(text, file: file))
        case .yaml, .json:
            let root = format == .yaml ? try YAMLDocumentReader.read(text, file: file) : try JSONDocumentReader.read(text, file: file)
            guard let root else {
                throw ScenarioErrors([ScenarioError(.emptyFile, "the file holds no data (only blanks or comments)",
                                                    hint: "a game file starts with 'format: parley-game/1'; see Examples/iran-2001-cooperation.yaml",
                                                    location: SourceLocation(file: file, line: 1, column: 1))])
            }
            if GameFileTreeDecoder.isTree(root) {
                var decoder = GameFileTreeDecoder(file: file)
                return .extensive(try decoder.decode(root))
            }
            var decoder = GameFileDecoder(file: file)
            return .model(try decoder.decode(root))
        }
    }

    /// Reads the game at `path`, in the format its extension names (or `format`).
    /// - Throws: `ScenarioErrors`: missing or unreadable file, unknown extension, or an invalid game.
    public static func read(_ path: String, format: GameFormat? = nil) throws(ScenarioErrors) -> GameDocument {
        guard let chosen = format ?? GameFormat(path: path) else {
            throw ScenarioErrors([ScenarioError(.unsupportedFormat, "cannot tell the game format of \(path) from its extension",
                                                hint: "use .nfg or .efg (Gambit), or .yaml/.json (Parley game file)")])
        }
        return try decode(try ScenarioFile.readText(path), format: chosen, file: path)
    }

    /// Writes `game` to `path` atomically as `format` (or by extension): `.nfg` for a strategic
    /// form, `.efg` for a tree. A model or tree written as `.nfg` is converted first.
    /// - Returns: notes on what the target format could not carry.
    /// - Throws: `ScenarioErrors` when the format cannot hold the game or the file cannot be written.
    @discardableResult
    public static func write(_ document: GameDocument, to path: String, format: GameFormat? = nil) throws(ScenarioErrors) -> [String] {
        guard let chosen = format ?? GameFormat(path: path) else {
            throw ScenarioErrors([ScenarioError(.unsupportedFormat, "cannot tell the game format of \(path) from its extension",
                                                hint: "use .nfg or .efg")])
        }
        var notes: [String] = []
        let text: String
        switch (chosen, document) {
        case (.nfg, _):
            do {
                text = GambitNFGCodec.encode(try document.strategicForm())
            } catch {
                throw ScenarioErrors([ScenarioError(.invalidValue, error.message, hint: error.hint)])
            }
            switch document {
            case .model(let model):
                notes.append("the .nfg holds the Harsanyi form: each strategy is a plan with one action per type\(model.hasTypes ? " (types in file order)" : "")")
                notes.append(".nfg does not carry parameters, evidence, sources or the analysis; they were left out")
            case .extensive:
                notes.append("the .nfg holds the reduced normal form of the tree")
            case .normalForm:
                break
            }
        case (.efg, .extensive(let tree)):
            text = GambitEFGCodec.encode(tree)
        case (.efg, _):
            throw ScenarioErrors([ScenarioError(.unsupportedFormat, "only an extensive-form game can be written as .efg", hint: "write .nfg instead")])
        case (.yaml, .model(let model)), (.json, .model(let model)):
            let tree = GameFileEncoder.tree(model)
            text = chosen == .yaml ? YAMLWriter.write(tree) : JSONWriter.write(tree)
        case (.yaml, .normalForm(let game)), (.json, .normalForm(let game)):
            let tree = GameFileEncoder.tree(GameModel(normalForm: game))
            text = chosen == .yaml ? YAMLWriter.write(tree) : JSONWriter.write(tree)
            notes.append("player and strategy names became ids (lowercase, hyphens); the names are kept under 'name' for players only")
        case (.yaml, .extensive(let tree)), (.json, .extensive(let tree)):
            let output = GameFileTreeEncoder.tree(tree)
            text = chosen == .yaml ? YAMLWriter.write(output) : JSONWriter.write(output)
            if tree.players.contains(where: { !Identifier.isValid($0) }) {
                notes.append("player names became ids (lowercase, hyphens); the names are kept under 'name'")
            }
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ScenarioErrors([ScenarioError(.io, "cannot write \(path): \(error.localizedDescription)")])
        }
        return notes
    }
}
