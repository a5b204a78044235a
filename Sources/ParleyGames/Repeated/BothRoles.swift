extension RepeatedMatch {
    /// The match index offset of the role-swapped match of an asymmetric game (bit 62), so
    /// that its random streams never coincide with another match's.
    static let swappedRoles: UInt64 = 1 << 62

    /// One meeting of `a` and `b` as a tournament or a population scores it.
    ///
    /// In a symmetric stage game this is ``summary(_:_:settings:seed:index:)`` with `a` first.
    /// In an asymmetric one (a bimatrix such as the ultimatum game) the roles matter, so the
    /// two play twice, `a` as the first (row) player and then `b`, the second match with index
    /// `index | 2^62`, and the summary adds both: `a`'s score is its row score plus its column
    /// score, `turns` the sum of both lengths.
    /// - Complexity: O(turns), twice for an asymmetric game.
    public static func meeting(
        _ a: RepeatedPlayer, _ b: RepeatedPlayer, settings: MatchSettings, seed: UInt64 = 0, index: UInt64 = 0
    ) -> MatchSummary {
        let one = summary(a, b, settings: settings, seed: seed, index: index)
        guard !settings.game.isSymmetric else { return one }
        let two = summary(b, a, settings: settings, seed: seed, index: index | swappedRoles)
        return MatchSummary(
            turns: one.turns + two.turns, firstScore: one.firstScore + two.secondScore,
            secondScore: one.secondScore + two.firstScore,
            firstCooperations: one.firstCooperations + two.secondCooperations,
            secondCooperations: one.secondCooperations + two.firstCooperations)
    }
}
