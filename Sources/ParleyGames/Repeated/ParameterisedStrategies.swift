extension CatalogEntries {
    /// The parameterised forms `Key:arg:arg...`; `nil` when `key` takes no parameters.
    /// - Throws: ``RepeatedGameError`` when an argument is missing, not a number, or out of range.
    static func parameterised(_ key: String, _ args: [String]) throws(RepeatedGameError) -> RepeatedPlayer? {
        func probability(_ index: Int, _ what: String) throws(RepeatedGameError) -> Double {
            guard index < args.count, let value = Double(args[index]), value.isFinite, value >= 0, value <= 1 else {
                let found = index < args.count ? "'\(args[index])'" : "nothing"
                throw RepeatedGameError(.invalidParameter, "\(what) must be a probability in 0...1, found \(found)")
            }
            return value
        }
        func number(_ index: Int, _ what: String) throws(RepeatedGameError) -> Double {
            guard index < args.count, let value = Double(args[index]), value.isFinite else {
                throw RepeatedGameError(.invalidParameter, "\(what) must be a finite number")
            }
            return value
        }
        func count(_ index: Int, _ what: String) throws(RepeatedGameError) -> Int {
            guard index < args.count, let value = Int(args[index]), value >= 1, value <= 1_000_000 else {
                throw RepeatedGameError(.invalidParameter, "\(what) must be a whole number from 1 to 1000000")
            }
            return value
        }
        func player(_ name: String, random: Bool, _ source: String, _ make: @escaping Make) -> RepeatedPlayer {
            RepeatedPlayer(name: name, isStochastic: random, source: source, factory: make)
        }
        switch key {
        case "random":
            let p = try probability(0, "Random's cooperation probability")
            return player("Random: \(p.pythonText)", random: p > 0 && p < 1, "axelrod rand.py") { _ in RandomStrategy(p: p) }
        case "gtft", "generoustitfortat":
            let p = try probability(0, "GTFT's forgiveness probability")
            return player("GTFT: \(p.roundedText)", random: p > 0 && p < 1, "Nowak and Sigmund 1992; axelrod memoryone.py") { _ in
                MemoryOne(vector: (1, p, 1, p), initial: .cooperate)
            }
        case "joss", "firstbyjoss":
            let p = try probability(0, "Joss's cooperation probability after C")
            return player("First by Joss: \(p.pythonText)", random: p > 0 && p < 1, "Axelrod 1980a; axelrod axelrod_first.py") { _ in
                MemoryOne(vector: (p, 0, p, 0), initial: .cooperate)
            }
        case "memoryone", "memoryoneplayer":
            guard args.count == 4 || args.count == 5 else {
                throw RepeatedGameError(.invalidParameter, "MemoryOne takes four probabilities (after CC, CD, DC, DD) and an optional first move",
                                        hint: "for example MemoryOne:1:0.33:1:0.33 or MemoryOne:1:0:0:1:D")
            }
            let v = (try probability(0, "p(CC)"), try probability(1, "p(CD)"), try probability(2, "p(DC)"), try probability(3, "p(DD)"))
            var initial = Choice.cooperate
            if args.count == 5 {
                guard let first = args[4].first, args[4].count == 1, let choice = Choice(letter: first) else {
                    throw RepeatedGameError(.invalidParameter, "the first move must be C or D, found '\(args[4])'")
                }
                initial = choice
            }
            let start = initial
            let values = [v.0, v.1, v.2, v.3]
            let name = "Generic Memory One Player: (\(values.map(\.pythonText).joined(separator: ", "))), \(initial)"
            return player(name, random: values.contains { $0 > 0 && $0 < 1 }, "axelrod memoryone.py") { _ in
                MemoryOne(vector: v, initial: start)
            }
        case "zd", "zdextortion", "lrplayer":
            let phi = try number(0, "ZD's phi")
            let s = try number(1, "ZD's s")
            let l = try number(2, "ZD's l (baseline payoff)")
            return player("ZD-Extortion: \(phi.pythonText), \(s.pythonText), \(l.pythonText)", random: true, "Press and Dyson 2012; axelrod zero_determinant.py") { c in
                MemoryOne(vector: MemoryOneVectors.zeroDeterminant(c.payoffs, phi: phi, s: s, l: l), initial: .cooperate)
            }
        case "gobymajority", "softgobymajority":
            let n = try count(0, "the memory of Go By Majority")
            return player("Soft Go By Majority: \(n)", random: false, "axelrod gobymajority.py") { _ in GoByMajority(memory: n) }
        case "hardgobymajority":
            let n = try count(0, "the memory of Hard Go By Majority")
            return player("Hard Go By Majority: \(n)", random: false, "axelrod gobymajority.py") { _ in GoByMajority(memory: n, soft: false) }
        case "cycler":
            guard args.count == 1, let cycle = Choice.sequence(args[0]), !cycle.isEmpty, cycle.count <= 1000 else {
                throw RepeatedGameError(.invalidParameter, "Cycler takes one cycle of C and D, such as Cycler:CCD")
            }
            return player("Cycler: \(Choice.text(cycle))", random: false, "axelrod cycler.py") { _ in Cycler(cycle: cycle) }
        default:
            return nil
        }
    }
}

extension Double {
    /// Python's `str(float)` for the values that appear in names: `0.5`, `1.0`, `0.1`.
    var pythonText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int64(self)) + ".0" : "\(self)"
    }

    /// Python's `round(x, 2)` printed: `0.33`, `0.1`, `1.0`.
    var roundedText: String {
        ((self * 100).rounded() / 100).pythonText
    }
}
