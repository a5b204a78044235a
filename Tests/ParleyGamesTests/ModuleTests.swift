import ParleyGames
import Testing

@Suite struct ModuleTests {
    @Test func moduleLinks() {
        #expect(String(describing: ParleyGames.self) == "ParleyGames")
    }
}
