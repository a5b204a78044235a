import Foundation
import ParleyCore
@testable import ParleyIO

/// The package root, found from this file's path (Tests/ParleyIOTests/TestSupport.swift).
let packageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

func examplePath(_ name: String) -> String { packageRoot + "/Examples/" + name }

/// Decodes YAML text and returns the errors it raises (empty when it decodes).
func yamlErrors(_ text: String, file: String = "test.yaml") -> [ScenarioError] {
    do {
        _ = try ScenarioCodec.decode(text, format: .yaml, file: file)
        return []
    } catch {
        return error.errors
    }
}

/// A small valid scenario as YAML, with `replacing` swapped in for testing single faults.
func minimalYAML(_ replacements: [(String, String)] = []) -> String {
    var text = """
    format: parley/1
    name: Test
    sources:
      - {id: src, title: A source}
    issues:
      - id: share
        name: Share of posts
        scale: {min: 0, max: 100, unit: percent}
        observed: {value: 60, source: src}
    stakeholders:
      - id: alpha
        name: Alpha
        capability: 90
        stances:
          share:
            position: 75
            salience: 95
            evidence:
              - {source: src, quote: "we want most"}
      - id: beta
        name: Beta
        capability: 45
        stances:
          share: {position: 35, salience: 75}

    """
    for (old, new) in replacements {
        text = text.replacingOccurrences(of: old, with: new)
    }
    return text
}
