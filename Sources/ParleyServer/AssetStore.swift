import Foundation

/// The app's own files (page, script, style) and the bundled examples, read once at start.
///
/// Only the names in ``files`` are ever served: a request names an entry of this table, never a path,
/// so nothing outside the app's assets can be reached however the URL is spelled.
struct AssetStore: Sendable {
    /// Served file name → media type.
    static let files: [(name: String, type: String)] = [
        ("index.html", "text/html; charset=utf-8"),
        ("app.js", "text/javascript; charset=utf-8"),
        ("app.css", "text/css; charset=utf-8"),
        ("favicon.svg", "image/svg+xml"),
        // The JSON Schema of parley/1 (a copy of docs/parley-1.schema.json; a test keeps them equal).
        ("parley-1.schema.json", "application/schema+json"),
    ]

    /// One bundled example file.
    struct Example: Sendable {
        /// The file name without extension, for example `bonn-2001`.
        var id: String
        /// `scenario` (parley/1), `game` (parley-game/1) or `repeated-game` (parley-repeated/1).
        var kind: String
        /// The `name:` line when there is one.
        var name: String
        var text: String
    }

    private let contents: [String: String]
    let examples: [Example]

    /// Reads the assets from the resource bundle next to the executable.
    /// - Throws: ``APIError`` naming the folders searched when the bundle or a file is missing.
    init() throws(APIError) {
        guard let folder = AssetStore.folder() else {
            throw APIError(500, "the web app's files (Parley_ParleyServer.resources/Assets) are not next to the parley executable",
                           hint: "reinstall parley, or run it from its build folder")
        }
        var contents: [String: String] = [:]
        for file in AssetStore.files {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8) else {
                throw APIError(500, "the web app's file \(file.name) is missing from \(folder.path)")
            }
            contents[file.name] = text
        }
        self.contents = contents
        let exampleFolder = folder.appendingPathComponent("examples")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: exampleFolder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        examples = names.compactMap { name in
            guard let text = try? String(contentsOf: exampleFolder.appendingPathComponent(name), encoding: .utf8) else { return nil }
            return Example(id: String(name.dropLast(5)), kind: AssetStore.kind(of: text), name: AssetStore.name(in: text) ?? String(name.dropLast(5)), text: text)
        }
    }

    /// The text and media type of an allowed file, or nil.
    func file(_ name: String) -> (text: String, type: String)? {
        guard let entry = AssetStore.files.first(where: { $0.name == name }), let text = contents[name] else { return nil }
        return (text, entry.type)
    }

    func example(_ id: String) -> Example? {
        examples.first { $0.id == id }
    }

    private static func folder() -> URL? {
        let bundleName = "Parley_ParleyServer.resources"
        var candidates: [URL] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        candidates.append(executable.appendingPathComponent(bundleName))
        candidates.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
        if let resources = Bundle.main.resourceURL { candidates.append(resources.appendingPathComponent(bundleName)) }
        // macOS SwiftPM bundles keep resources one level down.
        candidates.append(executable.appendingPathComponent("Parley_ParleyServer.bundle/Contents/Resources"))
        for candidate in candidates {
            let assets = candidate.appendingPathComponent("Assets")
            if FileManager.default.fileExists(atPath: assets.appendingPathComponent("index.html").path) { return assets }
        }
        return nil
    }

    private static func kind(of text: String) -> String {
        for line in text.split(separator: "\n") where line.hasPrefix("format:") {
            let value = line.dropFirst("format:".count).trimmingCharacters(in: .whitespaces)
            switch value {
            case "parley-game/1": return "game"
            case "parley-repeated/1": return "repeated-game"
            default: return "scenario"
            }
        }
        return "scenario"
    }

    private static func name(in text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix("name:") {
            var value = line.dropFirst("name:".count).trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }
}
