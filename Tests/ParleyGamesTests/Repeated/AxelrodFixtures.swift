import Foundation

/// Reads the fixtures written by `scripts/axelrod_fixtures.sh` (axelrod 4.14.0).
enum AxelrodFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/axelrod")

    static func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw FixtureError(message: "\(name) is not a JSON object")
        }
        return object
    }

    /// Expands "C3D2" to "CCCDD".
    static func expand(_ rle: String) -> String {
        var out = ""
        var letter: Character = "C"
        var digits = ""
        func flush() {
            if let n = Int(digits) { out += String(repeating: letter, count: n) }
            digits = ""
        }
        for character in rle {
            if character == "C" || character == "D" {
                flush()
                letter = character
            } else {
                digits.append(character)
            }
        }
        flush()
        return out
    }
}

struct FixtureError: Error {
    var message: String
}
