/// Catalogue entries added for the rest of axelrod 4.14's strategies (issue 16): hunters,
/// mathematical constants and sequences, memory-two players, adaptive and scoring players,
/// and the deterministic entries of Axelrod's second tournament. The table-driven
/// families (machines, lookup tables, gamblers, networks, hidden Markov models) come from
/// ``AxelrodStrategyData``.
extension CatalogEntries {
    static let added: [Entry] = hunters + sequences + adaptive + trends + second

    static let hunters: [Entry] = [
        e("DefectorHunter", "Defector Hunter", "axelrod hunter.py (Karol Langner)") { _ in DefectorHunter() },
        e("CooperatorHunter", "Cooperator Hunter", "axelrod hunter.py (Karol Langner)") { _ in DefectorHunter(cooperators: true) },
        e("AlternatorHunter", "Alternator Hunter", "axelrod hunter.py (Karol Langner)") { _ in AlternatorHunter() },
        e("CycleHunter", "Cycle Hunter", "axelrod hunter.py (Marc Harper)") { _ in CycleHunter() },
        e("EventualCycleHunter", "Eventual Cycle Hunter", "axelrod hunter.py (Marc Harper)") { _ in EventualCycleHunter() },
        e("MathConstantHunter", "Math Constant Hunter", "axelrod hunter.py (Karol Langner)") { _ in MathConstantHunter() },
        e("RandomHunter", "Random Hunter", "axelrod hunter.py (Karol Langner)") { _ in RandomHunter() },
        e("MetaHunter", "Meta Hunter: 6 players", "axelrod meta.py (Karol Langner)") { _ in MetaHunter(aggressive: false) },
        e("MetaHunterAggressive", "Meta Hunter Aggressive: 7 players", "axelrod meta.py (Karol Langner)") { _ in MetaHunter(aggressive: true) },
    ]

    static let sequences: [Entry] = [
        e("Golden", "$\\phi$", "axelrod mathematicalconstants.py (golden ratio)") { _ in ConstantRatio(ratio: (1 + 5.0.squareRoot()) / 2) },
        e("Pi", "$\\pi$", "axelrod mathematicalconstants.py") { _ in ConstantRatio(ratio: Double.pi) },
        e("e", "$e$", "axelrod mathematicalconstants.py") { _ in ConstantRatio(ratio: 2.718281828459045) },
        e("ThueMorse", "ThueMorse", "Thue-Morse sequence; axelrod sequence_player.py") { _ in ThueMorse() },
        e("ThueMorseInverse", "ThueMorseInverse", "Thue-Morse sequence inverted; axelrod sequence_player.py") { _ in ThueMorse(inverse: true) },
    ]

    static let adaptive: [Entry] = [
        e("AON2", "AON2", "Hilbe, Martinez-Vaquero, Chatterjee and Nowak 2017; axelrod memorytwo.py") { _ in
            MemoryTwo(vector: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])
        },
        e("DelayedAON1", "Delayed AON1", "Hilbe, Martinez-Vaquero, Chatterjee and Nowak 2017; axelrod memorytwo.py") { _ in
            MemoryTwo(vector: [1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 1])
        },
        e("MEM2", "MEM2", "Li, Hingston and Kendall 2011; axelrod memorytwo.py") { _ in MEM2() },
        e("APavlov2006", "Adaptive Pavlov 2006", "Li 2007; axelrod apavlov.py") { _ in AdaptivePavlov(revised2011: false) },
        e("APavlov2011", "Adaptive Pavlov 2011", "Li, Hingston and Kendall 2011; axelrod apavlov.py") { _ in AdaptivePavlov(revised2011: true) },
        e("ShortMem", "ShortMem", "Andre and Teixeira 2016; axelrod shortmem.py") { _ in ShortMem() },
        e("Stalker", "Stalker: (D,)", random: true, "PRISON project; axelrod stalker.py") { c in final(Stalker(game: c.payoffs), d, c) },
        e("VeryBad", "VeryBad", "Andre and Teixeira 2016; axelrod verybad.py") { _ in VeryBad() },
        e("Grumpy", "Grumpy: Nice, 10, -10", "axelrod grumpy.py") { _ in Grumpy() },
        e("Doubler", "Doubler", "PRISON project; axelrod doubler.py") { _ in Doubler() },
        e("Resurrection", "Resurrection", "Eckhart Arnold 2016; axelrod resurrection.py") { _ in Resurrection() },
        e("DoubleResurrection", "DoubleResurrection", "Eckhart Arnold 2016; axelrod resurrection.py") { _ in Resurrection(double: true) },
        e("GradualKiller", "Gradual Killer: (D, D, D, D, D, C, C)", "PRISON project; axelrod gradualkiller.py") { _ in GradualKiller() },
        e("Adaptive", "Adaptive", "Li 2011; axelrod adaptive.py") { c in Adaptive(game: c.payoffs) },
        e("RevisedDowning", "Revised Downing", "Axelrod 1980b (Leslie Downing, revised); axelrod revised_downing.py") { _ in RevisedDowning() },
    ]

    static let trends: [Entry] = [
        e("Momentum", "Momentum: 1.0, Alpha: 0.9914655399877477, Threshold: 0.9676595613724907", "axelrod momentum.py") { _ in Momentum() },
        e("FrequencyAnalyzer", "FrequencyAnalyzer", "Ian Miller; axelrod frequency_analyzer.py") { _ in FrequencyAnalyzer() },
        e("ContriteTitForTat", "Contrite Tit For Tat", "Boyd 1989; axelrod titfortat.py") { _ in ContriteTitForTat() },
        e("WorseAndWorse", "Worse and Worse", random: true, "PRISON project; axelrod worse_and_worse.py") { _ in RoundProbability(kind: .worse, length: nil) },
        e("KnowledgeableWorseAndWorse", "Knowledgeable Worse and Worse", random: true, "PRISON project; axelrod worse_and_worse.py") { c in
            RoundProbability(kind: .knowledgeable, length: c.knownLength)
        },
        e("WorseAndWorse2", "Worse and Worse 2", random: true, "PRISON project; axelrod worse_and_worse.py") { _ in RoundProbability(kind: .worse2, length: nil) },
        e("WorseAndWorse3", "Worse and Worse 3", random: true, "PRISON project; axelrod worse_and_worse.py") { _ in RoundProbability(kind: .worse3, length: nil) },
        e("BetterAndBetter", "Better and Better", random: true, "PRISON project; axelrod better_and_better.py") { _ in RoundProbability(kind: .better, length: nil) },
        e("AdaptorBrief", "AdaptorBrief", random: true, "Hauert and Stenull 2002; axelrod adaptor.py") { _ in
            Adaptor(delta: (0.0, -1.001505, 0.992107, -0.638734))
        },
        e("AdaptorLong", "AdaptorLong", random: true, "Hauert and Stenull 2002; axelrod adaptor.py") { _ in
            Adaptor(delta: (0.0, 1.888159, 1.858883, -0.995703))
        },
        e("BushMosteller", "Bush Mosteller: 0.5, 0.5, 3.0, 0.5", random: true, "Luce 2003; axelrod bush_mosteller.py") { c in BushMosteller(game: c.payoffs) },
        e("RiskyQLearner", "Risky QLearner", random: true, "Watkins 1989 (Q-learning); axelrod qlearner.py") { c in
            QLearner(learningRate: 0.9, discountRate: 0.9, game: c.payoffs)
        },
        e("ArrogantQLearner", "Arrogant QLearner", random: true, "Watkins 1989 (Q-learning); axelrod qlearner.py") { c in
            QLearner(learningRate: 0.9, discountRate: 0.1, game: c.payoffs)
        },
        e("HesitantQLearner", "Hesitant QLearner", random: true, "Watkins 1989 (Q-learning); axelrod qlearner.py") { c in
            QLearner(learningRate: 0.1, discountRate: 0.9, game: c.payoffs)
        },
        e("CautiousQLearner", "Cautious QLearner", random: true, "Watkins 1989 (Q-learning); axelrod qlearner.py") { c in
            QLearner(learningRate: 0.1, discountRate: 0.1, game: c.payoffs)
        },
        e("SelfSteem", "SelfSteem", random: true, "Andre and Teixeira 2016; axelrod selfsteem.py") { _ in SelfSteem() },
    ]

    /// Added last (after the generated tables): the look-ahead and memory players of issue 16's
    /// second part.
    static let lookAhead: [Entry] = [
        e("DBS", "DBS: 0.75, 3, 4, 3, 5", "Au and Nau 2006 (Derived Belief Strategy); axelrod dbs.py") { _ in DerivedBelief() },
        e("MemoryDecay", "Memory Decay: 0.1, 0.03, -2, 1, Tit For Tat, 15", random: true, "axelrod meta.py (Memory Decay)") { _ in MemoryDecay() },
        e("Darwin", "Darwin", "Paul Slavin; axelrod darwin.py (genome reset before every match)") { c in Darwin(game: c.payoffs) },
    ]

    static let second: [Entry] = [
        e("SecondByGladstein", "Second by Gladstein", "Axelrod 1980b (David Gladstein); axelrod axelrod_second.py") { _ in SecondByGladstein() },
        e("SecondByGrofman", "Second by Grofman", "Axelrod 1980b (Bernard Grofman); axelrod axelrod_second.py") { _ in SecondByGrofman() },
        e("SecondByWhite", "Second by White", "Axelrod 1980b (Edward C White Jr); axelrod axelrod_second.py") { _ in SecondByWhite() },
        e("SecondByWeiner", "Second by Weiner", "Axelrod 1980b (Herb Weiner); axelrod axelrod_second.py") { _ in SecondByWeiner() },
        e("SecondByYamachi", "Second by Yamachi", "Axelrod 1980b (Brian Yamachi); axelrod axelrod_second.py") { _ in SecondByYamachi() },
        e("SecondByGraaskampKatzen", "Second by GraaskampKatzen", "Axelrod 1980b (Jim Graaskamp and Ken Katzen); axelrod axelrod_second.py") { c in
            SecondByGraaskampKatzen(game: c.payoffs)
        },
        e("SecondByMikkelson", "Second by Mikkelson", "Axelrod 1980b (Ray Mikkelson); axelrod axelrod_second.py") { _ in SecondByMikkelson() },
        e("SecondByBorufsen", "Second by Borufsen", "Axelrod 1980b (Otto Borufsen); axelrod axelrod_second.py") { _ in SecondByBorufsen() },
        e("SecondByRichardHufford", "Second by RichardHufford", "Axelrod 1980b (Richard Hufford); axelrod axelrod_second.py") { _ in SecondByRichardHufford() },
        e("SecondByTidemanAndChieruzzi", "Second by Tideman and Chieruzzi", "Axelrod 1980b (Nicolas Tideman and Paula Chieruzzi); axelrod axelrod_second.py") { c in
            SecondByTidemanAndChieruzzi(game: c.payoffs)
        },
        e("SecondByChampion", "Second by Champion", random: true, "Axelrod 1980b (Danny Champion); axelrod axelrod_second.py") { _ in SecondByChampion() },
        e("SecondByEatherley", "Second by Eatherley", random: true, "Axelrod 1980b (Graham Eatherley); axelrod axelrod_second.py") { _ in SecondByEatherley() },
        e("SecondByGetzler", "Second by Getzler", random: true, "Axelrod 1980b (Abraham Getzler); axelrod axelrod_second.py") { _ in SecondByGetzler() },
        e("SecondByLeyvraz", "Second by Leyvraz", random: true, "Axelrod 1980b (Fransois Leyvraz); axelrod axelrod_second.py") { _ in SecondByLeyvraz() },
        e("SecondByWmAdams", "Second by WmAdams", random: true, "Axelrod 1980b (William Adams); axelrod axelrod_second.py") { _ in SecondByWmAdams() },
        e("SecondByBlack", "Second by Black", random: true, "Axelrod 1980b (Paul E Black); axelrod axelrod_second.py") { _ in SecondByBlack() },
        e("SecondByCave", "Second by Cave", random: true, "Axelrod 1980b (Rob Cave); axelrod axelrod_second.py") { _ in SecondByCave() },
        e("SecondByAppold", "Second by Appold", random: true, "Axelrod 1980b (Scott Appold); axelrod axelrod_second.py") { _ in SecondByAppold() },
        e("SecondByKluepfel", "Second by Kluepfel", random: true, "Axelrod 1980b (Charles Kluepfel); axelrod axelrod_second.py") { _ in SecondByKluepfel() },
        e("SecondByTranquilizer", "Second by Tranquilizer", random: true, "Axelrod 1980b (Craig Feathers); axelrod axelrod_second.py") { c in
            SecondByTranquilizer(game: c.payoffs)
        },
        e("SecondByHarrington", "Second by Harrington", random: true, "Axelrod 1980b (Paul Harrington); axelrod axelrod_second.py") { _ in SecondByHarrington() },
        e("SecondByRowsam", "Second by Rowsam", "Axelrod 1980b (Glen Rowsam); axelrod axelrod_second.py") { c in SecondByRowsam(game: c.payoffs) },
    ]
}
