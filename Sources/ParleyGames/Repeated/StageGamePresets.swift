extension StageGame {
    /// The mini ultimatum game, the two-offer reduction of the ultimatum game that Gale,
    /// Binmore & Samuelson studied ("Learning to be imperfect: the ultimatum game", *Games and
    /// Economic Behavior* 8, 1995), played as a simultaneous 2x2 game.
    ///
    /// The first player (proposer) splits `pie`: cooperating is the fair offer, half each,
    /// always accepted; defecting is the unfair offer of `unfairOffer` to the responder. The
    /// second player (responder) chooses in advance what to do with an unfair offer:
    /// cooperating accepts it (proposer `pie − unfairOffer`, responder `unfairOffer`),
    /// defecting rejects it (both 0). With the defaults (10, 2) the tables are proposer
    /// `[[5, 5], [8, 0]]`, responder `[[5, 5], [2, 0]]`.
    /// - Throws: ``RepeatedGameError`` unless 0 <= unfairOffer <= pie / 2 and both are finite.
    public static func ultimatum(pie: Double = 10, unfairOffer: Double = 2) throws(RepeatedGameError) -> StageGame {
        guard pie.isFinite, unfairOffer.isFinite, unfairOffer >= 0, unfairOffer <= pie / 2 else {
            throw RepeatedGameError(.invalidGame, "the ultimatum game needs 0 <= unfair offer <= pie / 2, found pie \(pie), offer \(unfairOffer)",
                                    hint: "for example --game ultimatum:10,2")
        }
        let half = pie / 2
        return try StageGame(first: [[half, half], [pie - unfairOffer, 0]], second: [[half, half], [unfairOffer, 0]])
    }

    /// Which United States the US–Iran stage game pits Iran against.
    public enum USType: String, Sendable, CaseIterable {
        /// Partners after Bonn with an Iran that helped, turns on one that held back.
        case sincere
        /// Turns on Iran whatever it did.
        case tactical
    }

    /// The US–Iran stage game of the founding case (`Examples/iran-2001-cooperation.yaml`, its
    /// parameters at their coded values), as a 2x2 repeated game: the first player is Iran
    /// (cooperate = help, defect = hold back), the second the US (cooperate = partner,
    /// defect = turn). Payoffs are that file's judgements on a 0-10 scale: taliban 4,
    /// cooperation 4, risk 2, us-help 3, us-partnership 4, us-turn 2, us-cost 1.
    ///
    /// Iran: `[[8, 2], [4, 0]]` for either US (helping is dominant). Sincere US:
    /// `[[7, 3], [−1, 0]]`; tactical US: `[[3, 5], [−1, 2]]`.
    public static func usIran(_ type: USType = .sincere) -> StageGame {
        let (taliban, cooperation, risk) = (4.0, 4.0, 2.0)
        let (usHelp, usPartnership, usTurn, usCost) = (3.0, 4.0, 2.0, 1.0)
        let iran = [[taliban + cooperation, taliban - risk], [cooperation, 0]]
        let us = type == .sincere ? [[usHelp + usPartnership, usHelp], [-usCost, 0]] : [[usHelp, usHelp + usTurn], [-usCost, usTurn]]
        return StageGame(unchecked: iran.flatMap { $0 }, us.flatMap { $0 })
    }
}

/// The game a tournament or a population plays: a 2x2 stage game (symmetric or any
/// bimatrix) or an n-player game, as named on the command line (`--game`).
public enum RepeatedGameChoice: Sendable, Hashable {
    case pair(StageGame)
    case group(GroupGame)

    /// Reads a game name with optional parameters after a colon:
    /// - `pd` (the default Prisoner's Dilemma), `pd:R,S,T,P`;
    /// - `bimatrix:a11,a12,a21,a22/b11,b12,b21,b22` (first and second player's tables, rows
    ///   the first player's C then D);
    /// - `ultimatum` or `ultimatum:PIE,OFFER`; `us-iran` or `us-iran:sincere|tactical`;
    /// - `public-goods:MULTIPLIER[,ENDOWMENT]` and `volunteer:BENEFIT,COST` (n-player).
    /// - Throws: ``RepeatedGameError`` naming the part that was wrong and the accepted forms.
    public static func parse(_ text: String) throws(RepeatedGameError) -> RepeatedGameChoice {
        let forms = "pd[:R,S,T,P], bimatrix:a,b,c,d/e,f,g,h, ultimatum[:PIE,OFFER], us-iran[:sincere|tactical], public-goods:M[,E], volunteer[:B,C]"
        let compact = String(text.filter { !$0.isWhitespace })
        let parts = compact.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let name = (parts.first ?? "").lowercased()
        let argument = parts.count > 1 ? parts[1] : nil
        func numbers(_ text: String?, _ counts: Set<Int>) throws(RepeatedGameError) -> [Double]? {
            guard let text else { return nil }
            let fields = text.split(separator: ",", omittingEmptySubsequences: false)
            let values = fields.compactMap { Double($0) }
            guard values.count == fields.count, counts.contains(values.count), values.allSatisfy(\.isFinite) else {
                throw RepeatedGameError(.invalidGame, "'\(text)' in --game \(name) must be \(counts.sorted().map(String.init).joined(separator: " or ")) comma-separated numbers",
                                        hint: "accepted forms: \(forms)")
            }
            return values
        }
        switch name {
        case "pd", "prisoners-dilemma":
            guard let v = try numbers(argument, [4]) else { return .pair(.prisonersDilemma) }
            return .pair(try StageGame(r: v[0], s: v[1], t: v[2], p: v[3]))
        case "bimatrix":
            let tables = (argument ?? "").split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            guard tables.count == 2, let a = try numbers(tables[0], [4]), let b = try numbers(tables[1], [4]) else {
                throw RepeatedGameError(.invalidGame, "--game bimatrix needs two tables of four numbers, 'a,b,c,d/e,f,g,h'",
                                        hint: "for example the ultimatum game: bimatrix:5,5,8,0/5,5,2,0")
            }
            return .pair(try StageGame(first: [[a[0], a[1]], [a[2], a[3]]], second: [[b[0], b[1]], [b[2], b[3]]]))
        case "ultimatum":
            guard let v = try numbers(argument, [2]) else { return .pair(try StageGame.ultimatum()) }
            return .pair(try StageGame.ultimatum(pie: v[0], unfairOffer: v[1]))
        case "us-iran":
            guard let argument else { return .pair(StageGame.usIran()) }
            guard let type = StageGame.USType(rawValue: argument.lowercased()) else {
                throw RepeatedGameError(.invalidGame, "--game us-iran takes sincere or tactical, found '\(argument)'")
            }
            return .pair(StageGame.usIran(type))
        case "public-goods":
            guard let v = try numbers(argument, [1, 2]) else {
                throw RepeatedGameError(.invalidGame, "--game public-goods needs a multiplier", hint: "for example public-goods:3")
            }
            return .group(try GroupGame(.publicGoods(multiplier: v[0], endowment: v.count > 1 ? v[1] : 1)))
        case "volunteer", "volunteers-dilemma":
            let v = try numbers(argument, [2]) ?? [2, 1]
            return .group(try GroupGame(.volunteersDilemma(benefit: v[0], cost: v[1])))
        default:
            throw RepeatedGameError(.invalidGame, "unknown game '\(text)'", hint: "accepted forms: \(forms)")
        }
    }
}
