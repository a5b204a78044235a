/// ParleyServer: the local web app and JSON API behind `parley serve` (Hummingbird), as a library.
public enum ParleyServerInfo {
    /// The API's version, reported by `GET /api/openapi.json`.
    public static let apiVersion = "1"
}
