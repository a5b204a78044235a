/// The catalogue's entries. Names, stochasticity and parameters were checked against
/// axelrod 4.14.0 (`str(player)` and `Classifiers["stochastic"]`); the behaviour of every
/// deterministic entry is checked against axelrod's own match histories in the tests.
enum CatalogEntries {
    typealias Entry = StrategyCatalog.Entry
    typealias Make = @Sendable (MatchContext) -> any RepeatedStrategy

    static func e(_ key: String, _ name: String, random: Bool = false, _ source: String, _ make: @escaping Make) -> Entry {
        Entry(key: key, player: RepeatedPlayer(name: name, isStochastic: random, source: source, factory: make))
    }

    static func final<S: RepeatedStrategy>(_ strategy: S, _ moves: [Choice], _ context: MatchContext) -> FinalMoves<S> {
        FinalMoves(inner: strategy, finalMoves: moves, length: context.knownLength)
    }

    static let dd: [Choice] = [.defect, .defect]
    static let d: [Choice] = [.defect]

    /// The ordinary strategies (everything but the team-based meta strategies), then the
    /// meta strategies whose whole team is among them.
    static let all: [Entry] = ordinary + metaTeams.entries

    static let ordinary: [Entry] = basic + titForTats + grudgers + majority + probers + memoryOne + zeroDeterminant + first + others
        + added + AxelrodStrategyData.entries + lookAhead

    static let metaTeams = MetaTeamData.resolve(ordinary)

    static let basic: [Entry] = [
        e("Cooperator", "Cooperator", "Axelrod 1984; axelrod cooperator.py") { _ in Cooperator() },
        e("Defector", "Defector", "Axelrod 1984; axelrod defector.py") { _ in Defector() },
        e("TitForTat", "Tit For Tat", "Rapoport, Axelrod 1980a winner; axelrod titfortat.py") { _ in TitForTat() },
        e("TitFor2Tats", "Tit For 2 Tats", "Axelrod 1984 p. 40; axelrod titfortat.py") { _ in TitFor2Tats() },
        e("TwoTitsForTat", "Two Tits For Tat", "Axelrod 1984; axelrod titfortat.py") { _ in TwoTitsForTat() },
        e("SuspiciousTitForTat", "Suspicious Tit For Tat", "Beaufils, Delahaye and Mathieu 1997; axelrod titfortat.py") { _ in SuspiciousTitForTat() },
        e("GTFT", "GTFT: 0.33", random: true, "Nowak and Sigmund 1992 (Generous Tit For Tat); axelrod memoryone.py") { c in
            MemoryOne(vector: MemoryOneVectors.generousTitForTat(c.payoffs, p: nil), initial: .cooperate)
        },
        e("Grudger", "Grudger", "Friedman 1971 (grim trigger), Axelrod 1980a; axelrod grudger.py") { _ in Grudger() },
        e("WinStayLoseShift", "Win-Stay Lose-Shift", "Nowak and Sigmund 1993 (Pavlov); axelrod memoryone.py") { _ in WinStayLoseShift() },
        e("Alternator", "Alternator", "Axelrod 1984; axelrod alternator.py") { _ in Alternator() },
        e("Random", "Random: 0.5", random: true, "Axelrod 1980a (RANDOM); axelrod rand.py") { _ in RandomStrategy(p: 0.5) },
    ]

    static let titForTats: [Entry] = [
        e("DynamicTwoTitsForTat", "Dynamic Two Tits For Tat", random: true, "axelrod titfortat.py (Nikoleta Glynatsi)") { _ in DynamicTwoTitsForTat() },
        e("Bully", "Bully", "Nachbar 1992; axelrod titfortat.py") { _ in Bully() },
        e("SneakyTitForTat", "Sneaky Tit For Tat", "axelrod titfortat.py") { _ in SneakyTitForTat() },
        e("AntiTitForTat", "Anti Tit For Tat", "Hilbe, Nowak and Sigmund 2013; axelrod titfortat.py") { _ in AntiTitForTat() },
        e("HardTitForTat", "Hard Tit For Tat", "PRISON project (Jean-Paul Delahaye); axelrod titfortat.py") { _ in HardTitForTat() },
        e("HardTitFor2Tats", "Hard Tit For 2 Tats", "Stewart and Plotkin 2012; axelrod titfortat.py") { _ in HardTitFor2Tats() },
        e("OmegaTFT", "Omega TFT: 3, 8", "Slany and Kienreich 2007; axelrod titfortat.py") { _ in OmegaTFT() },
        e("OriginalGradual", "Original Gradual", "Beaufils, Delahaye and Mathieu 1997; axelrod titfortat.py") { _ in OriginalGradual() },
        e("Gradual", "Gradual", "Beaufils, Delahaye and Mathieu 1997 as corrected in axelrod titfortat.py") { _ in Gradual() },
        e("AdaptiveTitForTat", "Adaptive Tit For Tat: 0.5", "Tzafestas 2000; axelrod titfortat.py") { _ in AdaptiveTitForTat() },
        e("SpitefulTitForTat", "Spiteful Tit For Tat", "PRISON project; axelrod titfortat.py") { _ in SpitefulTitForTat() },
        e("SlowTitForTwoTats2", "Slow Tit For Two Tats 2", "PRISON project; axelrod titfortat.py") { _ in SlowTitForTwoTats2() },
        e("Alexei", "Alexei: (D,)", "LessWrong 2011 tournament; axelrod titfortat.py") { c in final(TitForTat(), d, c) },
        e("EugineNier", "EugineNier: (D,)", "LessWrong 2011 tournament; axelrod titfortat.py") { c in final(EugineNier(), d, c) },
        e("NTitsForMTats", "N Tit(s) For M Tat(s): 3, 2", "Zagorsky et al. 2013; axelrod titfortat.py") { _ in NTitsForMTats() },
        e("Michaelos", "Michaelos: (D,)", random: true, "LessWrong 2011 tournament; axelrod titfortat.py") { c in final(Michaelos(), d, c) },
        e("RandomTitForTat", "Random Tit for Tat: 0.5", random: true, "axelrod titfortat.py") { _ in RandomTitForTat() },
        e("BurnBothEnds", "Burn Both Ends", random: true, "Wolfram 'Prisoner's Dilemma' demonstrations; axelrod titfortat.py") { _ in BurnBothEnds() },
    ]

    static let grudgers: [Entry] = [
        e("ForgetfulGrudger", "Forgetful Grudger", "axelrod grudger.py (Geraint Palmer)") { _ in ForgetfulGrudger() },
        e("OppositeGrudger", "Opposite Grudger", "axelrod grudger.py") { _ in OppositeGrudger() },
        e("Aggravater", "Aggravater", "axelrod grudger.py") { _ in Aggravater() },
        e("SoftGrudger", "Soft Grudger", "Li 2011; axelrod grudger.py") { _ in SoftGrudger() },
        e("GrudgerAlternator", "GrudgerAlternator", "PRISON project; axelrod grudger.py") { _ in GrudgerAlternator() },
        e("EasyGo", "EasyGo", "PRISON project; axelrod grudger.py") { _ in EasyGo() },
        e("GeneralSoftGrudger", "General Soft Grudger: n=1,d=4,c=2", "axelrod grudger.py") { _ in GeneralSoftGrudger() },
        e("SpitefulCC", "SpitefulCC", "Mathieu and Delahaye 2015; axelrod grudger.py") { _ in SpitefulCC() },
        e("Capri", "CAPRI", "Murase and Baek 2020; axelrod grudger.py") { _ in Capri() },
        e("Punisher", "Punisher", "axelrod punisher.py (Geraint Palmer)") { _ in Punisher() },
        e("InversePunisher", "Inverse Punisher", "axelrod punisher.py") { _ in Punisher(inverse: true) },
        e("LevelPunisher", "Level Punisher", "Eckhart Arnold 2016 (CoopSim); axelrod punisher.py") { _ in LevelPunisher() },
        e("TrickyLevelPunisher", "Tricky Level Punisher", "Eckhart Arnold 2016; axelrod punisher.py") { _ in TrickyLevelPunisher() },
        e("Retaliate", "Retaliate: 0.1", "axelrod retaliate.py") { _ in Retaliate(threshold: 0.1) },
        e("Retaliate2", "Retaliate 2: 0.08", "axelrod retaliate.py") { _ in Retaliate(threshold: 0.08) },
        e("Retaliate3", "Retaliate 3: 0.05", "axelrod retaliate.py") { _ in Retaliate(threshold: 0.05) },
        e("LimitedRetaliate", "Limited Retaliate: 0.1, 20", "axelrod retaliate.py") { _ in Retaliate(threshold: 0.1, limit: 20) },
        e("LimitedRetaliate2", "Limited Retaliate 2: 0.08, 15", "axelrod retaliate.py") { _ in Retaliate(threshold: 0.08, limit: 15) },
        e("LimitedRetaliate3", "Limited Retaliate 3: 0.05, 20", "axelrod retaliate.py") { _ in Retaliate(threshold: 0.05, limit: 20) },
        e("OnceBitten", "Once Bitten", "axelrod oncebitten.py (Holly Marissa)") { _ in OnceBitten() },
        e("FoolMeOnce", "Fool Me Once", "axelrod oncebitten.py") { _ in FoolMeOnce() },
        e("ForgetfulFoolMeOnce", "Forgetful Fool Me Once: 0.05", random: true, "axelrod oncebitten.py") { _ in ForgetfulFoolMeOnce() },
        e("Forgiver", "Forgiver", "axelrod forgiver.py") { _ in Forgiver() },
        e("ForgivingTitForTat", "Forgiving Tit For Tat", "axelrod forgiver.py") { _ in ForgivingTitForTat() },
        e("BackStabber", "BackStabber: (D, D)", "axelrod backstabber.py") { c in final(BackStabber(), dd, c) },
        e("DoubleCrosser", "DoubleCrosser: (D, D)", "axelrod backstabber.py") { c in final(BackStabber(doubleCross: true), dd, c) },
    ]

    static let majority: [Entry] = [
        e("GoByMajority", "Soft Go By Majority", "Axelrod 1984 p. 40; Mittal and Deb 2009; axelrod gobymajority.py") { _ in GoByMajority() },
        e("GoByMajority5", "Soft Go By Majority: 5", "axelrod gobymajority.py") { _ in GoByMajority(memory: 5) },
        e("GoByMajority10", "Soft Go By Majority: 10", "axelrod gobymajority.py") { _ in GoByMajority(memory: 10) },
        e("GoByMajority20", "Soft Go By Majority: 20", "axelrod gobymajority.py") { _ in GoByMajority(memory: 20) },
        e("GoByMajority40", "Soft Go By Majority: 40", "axelrod gobymajority.py") { _ in GoByMajority(memory: 40) },
        e("HardGoByMajority", "Hard Go By Majority", "Mittal and Deb 2009; axelrod gobymajority.py") { _ in GoByMajority(soft: false) },
        e("HardGoByMajority5", "Hard Go By Majority: 5", "axelrod gobymajority.py") { _ in GoByMajority(memory: 5, soft: false) },
        e("HardGoByMajority10", "Hard Go By Majority: 10", "axelrod gobymajority.py") { _ in GoByMajority(memory: 10, soft: false) },
        e("HardGoByMajority20", "Hard Go By Majority: 20", "axelrod gobymajority.py") { _ in GoByMajority(memory: 20, soft: false) },
        e("HardGoByMajority40", "Hard Go By Majority: 40", "axelrod gobymajority.py") { _ in GoByMajority(memory: 40, soft: false) },
    ]

    static let probers: [Entry] = [
        e("Prober", "Prober", "Li and Kendall 2009; axelrod prober.py") { _ in OpeningProber(kind: .prober) },
        e("Prober2", "Prober 2", "PRISON project; axelrod prober.py") { _ in OpeningProber(kind: .prober2) },
        e("Prober3", "Prober 3", "PRISON project; axelrod prober.py") { _ in OpeningProber(kind: .prober3) },
        e("Prober4", "Prober 4", "PRISON project; axelrod prober.py") { _ in Prober4() },
        e("HardProber", "Hard Prober", "PRISON project; axelrod prober.py") { _ in OpeningProber(kind: .hardProber) },
        e("NaiveProber", "Naive Prober: 0.1", random: true, "Li, Hingston and Kendall 2011; axelrod prober.py") { _ in NaiveProber() },
        e("RemorsefulProber", "Remorseful Prober: 0.1", random: true, "Li, Hingston and Kendall 2011; axelrod prober.py") { _ in NaiveProber(remorseful: true) },
        e("Detective", "Detective", "Nicky Case, 'The Evolution of Trust' 2017; axelrod prober.py") { _ in Detective() },
        e("CollectiveStrategy", "CollectiveStrategy", "Li and Kendall 2009; axelrod prober.py") { _ in CollectiveStrategy() },
        e("Handshake", "Handshake", "Robson 1990; axelrod handshake.py") { _ in Handshake() },
        e("SecondByTester", "Second by Tester", "Gladstein (TESTER), Axelrod 1980b second tournament; axelrod axelrod_second.py") { _ in Tester() },
        e("Calculator", "Calculator", random: true, "PRISON project; axelrod calculator.py") { _ in Calculator() },
    ]

    static let memoryOne: [Entry] = [
        e("MemoryOnePlayer", "Generic Memory One Player: (1, 0, 0, 1), C", "axelrod memoryone.py (default vector = Win-Stay Lose-Shift)") { _ in
            MemoryOne(vector: (1, 0, 0, 1), initial: .cooperate)
        },
        e("WinShiftLoseStay", "Win-Shift Lose-Stay: D", "Li 2011; axelrod memoryone.py") { _ in MemoryOne(vector: (0, 1, 1, 0), initial: .defect) },
        e("FirmButFair", "Firm But Fair", random: true, "Frean 1994; axelrod memoryone.py") { _ in MemoryOne(vector: (1, 0, 1, 2.0 / 3.0), initial: .cooperate) },
        e("StochasticCooperator", "Stochastic Cooperator", random: true, "Adami and Hintze 2013; axelrod memoryone.py") { _ in
            MemoryOne(vector: (0.935, 0.229, 0.266, 0.42), initial: .cooperate)
        },
        e("StochasticWSLS", "Stochastic WSLS: 0.05", random: true, "axelrod memoryone.py") { _ in MemoryOne(vector: (0.95, 0.05, 0.05, 0.95), initial: .cooperate) },
        e("SoftJoss", "Soft Joss: 0.9", random: true, "Prison project; axelrod memoryone.py") { _ in
            MemoryOne(vector: (1, 1 - 0.9, 1, 1 - 0.9), initial: .cooperate)
        },
        e("ALLCorALLD", "ALLCorALLD", random: true, "axelrod memoryone.py") { _ in AllCOrAllD() },
    ]

    static func zd(_ key: String, _ name: String, phi: Double, s: Double, l: Double?, _ source: String, lIsReward: Bool = false) -> Entry {
        e(key, name, random: true, source) { c in
            let level = l ?? (lIsReward ? c.payoffs.r : c.payoffs.p)
            return MemoryOne(vector: MemoryOneVectors.zeroDeterminant(c.payoffs, phi: phi, s: s, l: level), initial: .cooperate)
        }
    }

    static let zeroDeterminant: [Entry] = [
        zd("ZDExtort2", "ZD-Extort-2: 0.1111111111111111, 0.5", phi: 1.0 / 9.0, s: 0.5, l: nil, "Stewart and Plotkin 2012; axelrod zero_determinant.py"),
        zd("ZDExtort2v2", "ZD-Extort-2 v2: 0.125, 0.5, 1", phi: 1.0 / 8.0, s: 0.5, l: 1, "Kuhn 2017; axelrod zero_determinant.py"),
        zd("ZDExtort3", "ZD-Extort3: 0.11538461538461539, 0.3333333333333333, 1", phi: 3.0 / 26.0, s: 1.0 / 3.0, l: 1, "Hilbe et al. 2013; axelrod zero_determinant.py"),
        zd("ZDExtort4", "ZD-Extort-4: 0.23529411764705882, 0.25, 1", phi: 4.0 / 17.0, s: 0.25, l: 1, "Stewart and Plotkin 2012; axelrod zero_determinant.py"),
        zd("ZDGTFT2", "ZD-GTFT-2: 0.25, 0.5", phi: 0.25, s: 0.5, l: nil, "Stewart and Plotkin 2012 (generous ZD); axelrod zero_determinant.py", lIsReward: true),
        zd("ZDGen2", "ZD-GEN-2: 0.125, 0.5, 3", phi: 1.0 / 8.0, s: 0.5, l: 3, "Kuhn 2017 (generous); axelrod zero_determinant.py"),
        zd("ZDSet2", "ZD-SET-2: 0.25, 0.0, 2", phi: 0.25, s: 0, l: 2, "Press and Dyson 2012 (equaliser); axelrod zero_determinant.py"),
        zd("ZDMischief", "ZD-Mischief: 0.1, 0.0, 1", phi: 0.1, s: 0, l: 1, "axelrod zero_determinant.py"),
        zd("ZDExtortion", "ZD-Extortion: 0.2, 0.1, 1", phi: 0.2, s: 0.1, l: 1, "Press and Dyson 2012; axelrod zero_determinant.py"),
    ]

    static let first: [Entry] = [
        e("FirstByDavis", "First by Davis: 10", "Axelrod 1980a (Morton Davis); axelrod axelrod_first.py") { _ in FirstByDavis() },
        e("FirstByDowning", "First by Downing", "Axelrod 1980a (Leslie Downing); axelrod axelrod_first.py") { c in FirstByDowning(game: c.payoffs) },
        e("FirstByFeld", "First by Feld: 1.0, 0.5, 200", random: true, "Axelrod 1980a (Scott Feld); axelrod axelrod_first.py") { _ in FirstByFeld() },
        e("FirstByGraaskamp", "First by Graaskamp: 0.05", random: true, "Axelrod 1980a (James Graaskamp); axelrod axelrod_first.py") { _ in FirstByGraaskamp() },
        e("FirstByGrofman", "First by Grofman", random: true, "Axelrod 1980a (Bernard Grofman); axelrod axelrod_first.py") { _ in FirstByGrofman() },
        e("FirstByJoss", "First by Joss: 0.9", random: true, "Axelrod 1980a (Johann Joss); axelrod axelrod_first.py") { _ in
            MemoryOne(vector: (0.9, 0, 0.9, 0), initial: .cooperate)
        },
        e("FirstByNydegger", "First by Nydegger", "Axelrod 1980a (Rudy Nydegger); axelrod axelrod_first.py") { _ in FirstByNydegger() },
        e("FirstByShubik", "First by Shubik", "Axelrod 1980a (Martin Shubik); axelrod axelrod_first.py") { _ in FirstByShubik() },
        e("FirstByTullock", "First by Tullock", random: true, "Axelrod 1980a (Gordon Tullock); axelrod axelrod_first.py") { _ in FirstByTullock() },
        e("FirstByAnonymous", "First by Anonymous", random: true, "Axelrod 1980a (anonymous entrant); axelrod axelrod_first.py") { _ in FirstByAnonymous() },
        e("FirstBySteinAndRapoport", "First by Stein and Rapoport: 0.05: (D, D)", "Axelrod 1980a (William Stein and Amnon Rapoport); axelrod axelrod_first.py") { c in
            final(FirstBySteinAndRapoport(), dd, c)
        },
        e("FirstByTidemanAndChieruzzi", "First by Tideman and Chieruzzi: (D, D)", "Axelrod 1980a (Nicolas Tideman and Paula Chieruzzi); axelrod axelrod_first.py") { c in
            final(FirstByTidemanAndChieruzzi(game: c.payoffs, length: c.knownLength), dd, c)
        },
    ]

    static let others: [Entry] = [
        e("CyclerDC", "Cycler DC", "axelrod cycler.py") { _ in Cycler(cycle: [.defect, .cooperate]) },
        e("CyclerCCD", "Cycler CCD", "Mittal and Deb 2009; axelrod cycler.py") { _ in Cycler(cycle: [.cooperate, .cooperate, .defect]) },
        e("CyclerDDC", "Cycler DDC", "Mittal and Deb 2009; axelrod cycler.py") { _ in Cycler(cycle: [.defect, .defect, .cooperate]) },
        e("CyclerCCCD", "Cycler CCCD", "axelrod cycler.py") { _ in Cycler(cycle: Choice.sequence("CCCD") ?? []) },
        e("CyclerCCCCCD", "Cycler CCCCCD", "axelrod cycler.py") { _ in Cycler(cycle: Choice.sequence("CCCCCD") ?? []) },
        e("CyclerCCCDCD", "Cycler CCCDCD", "axelrod cycler.py") { _ in Cycler(cycle: Choice.sequence("CCCDCD") ?? []) },
        e("AntiCycler", "AntiCycler", "axelrod cycler.py") { _ in AntiCycler() },
        e("Appeaser", "Appeaser", "axelrod appeaser.py") { _ in Appeaser() },
        e("TrickyCooperator", "Tricky Cooperator", "axelrod cooperator.py") { _ in TrickyCooperator() },
        e("TrickyDefector", "Tricky Defector", "axelrod defector.py") { _ in TrickyDefector() },
        e("AverageCopier", "Average Copier", random: true, "axelrod averagecopier.py (Geraint Palmer)") { _ in AverageCopier() },
        e("NiceAverageCopier", "Nice Average Copier", random: true, "axelrod averagecopier.py") { _ in AverageCopier(nice: true) },
        e("Negation", "Negation", random: true, "PRISON project; axelrod negation.py") { _ in Negation() },
        e("Desperate", "Desperate", random: true, "van den Berg and Weiss 2019; axelrod mutual.py") { _ in MutualRule(kind: .desperate) },
        e("Hopeless", "Hopeless", random: true, "van den Berg and Weiss 2019; axelrod mutual.py") { _ in MutualRule(kind: .hopeless) },
        e("Willing", "Willing", random: true, "van den Berg and Weiss 2019; axelrod mutual.py") { _ in MutualRule(kind: .willing) },
        e("Inverse", "Inverse", random: true, "PRISON project; axelrod inverse.py") { _ in Inverse() },
    ]
}
