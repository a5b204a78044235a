import ParleyCore

/// One round of ``SimplicialSubdivision``: the van der Laan–Talman walk on a grid of mesh
/// `1/denominator` from a start grid point, pivoting until a completely labelled simplex is found.
///
/// Players and strategies are numbered from 1 here (slot 0 unused), as in the 1987 paper, so the
/// pivot rules read as there. Grid points are integer counts per strategy summing to
/// `denominator` for each player. The simplex currently held is described by `order` (the
/// sequence of moves generating its vertices from the base point), `tight` (strategies whose
/// move is in use), `fixed` (strategies held at zero) and `shift` (the base point's offset).
struct SubdivisionWalk {
    struct Move: Equatable {
        var player = 0
        var strategy = 0
    }

    let table: PayoffTable
    let denominator: Int
    let pivotLimit: Int
    let counts: [Int]
    let start: [[Int]]
    var point: [[Int]]
    var fixed: [[Bool]]
    var tight: [[Bool]]
    var shift: [[Int]]
    var labels: [Move]
    var order: [Move]
    var t = 0
    var labelRow = 1
    var pivots = 0
    var bestRegret = Double.infinity
    var bestPoint: [[Int]]

    init(table: PayoffTable, start: [[Int]], denominator: Int, pivotLimit: Int) {
        self.table = table
        self.denominator = denominator
        self.pivotLimit = pivotLimit
        counts = [0] + table.shape
        self.start = [[]] + start.map { [0] + $0 }
        point = self.start
        fixed = self.start.map { $0.map { $0 == 0 } }
        tight = self.start.map { $0.map { _ in false } }
        shift = self.start.map { $0.map { _ in 0 } }
        let rows = table.strategyCount + 3
        labels = Array(repeating: Move(), count: rows)
        order = Array(repeating: Move(), count: rows)
        bestPoint = start
    }

    private enum Step {
        case label, extend, pivot, shrink, turn
    }

    /// Walks until a completely labelled simplex; ``bestPoint`` and ``bestRegret`` then hold the
    /// visited grid point of least regret.
    mutating func run() throws(GameError) {
        var step = Step.label
        var i = 0, j = 1, h = 1, k = 1, kk = 1
        var checkpoint = Checkpoint(every: 256)
        while true {
            if checkpoint.shouldStop() { throw GameError.cancelled }
            switch step {
            case .label:
                pivots += 1
                guard pivots <= pivotLimit else {
                    throw GameError(.tooLarge, "simplicial subdivision reached its pivot limit (\(pivotLimit)) on the grid of mesh 1/\(denominator)",
                                    hint: "raise the tolerance or the pivot limit, or try --method logit")
                }
                (j, h) = labelOf(point)
                labels[labelRow] = Move(player: j, strategy: h)
                if !tight[j][h] && !fixed[j][h] {
                    if usedCount(j) == counts[j] - 1 { return }
                    i = t + 1
                    step = .extend
                } else if tight[j][h] {
                    i = 1
                    while labels[i] != Move(player: j, strategy: h) || i == labelRow {
                        i += 1
                        try check(i < labels.count)
                    }
                    step = .pivot
                } else {
                    k = h
                    var guardCount = 0
                    while fixed[j][k] {
                        k = k == counts[j] ? 1 : k + 1
                        guardCount += 1
                        try check(guardCount <= counts[j])
                    }
                    if !tight[j][k] {
                        i = t + 1
                    } else {
                        i = 1
                        while order[i] != Move(player: j, strategy: k) && i <= t { i += 1 }
                    }
                    step = .extend
                }
            case .extend:
                try check(i >= 1 && t + 2 < labels.count)
                point = try vertex(i)
                rotateDown(&order, i, t + 1)
                order[i] = Move(player: j, strategy: h)
                rotateDown(&labels, i + 1, t + 2)
                labelRow = i + 1
                t += 1
                try advance(&point, i)
                tight[j][h] = true
                fixed[j][h] = false
                step = .label
            case .pivot:
                let row = i == t + 1 ? t : i
                try check(row >= 1)
                j = order[row].player
                h = order[row].strategy
                k = i < t + 1 ? try before(j, h) : h
                kk = try after(j, h)
                let other = i == 1 ? t + 1 : (i == t + 1 ? 1 : i - 1)
                point = try vertex(other)
                if i == 1 && point[j][k] <= 0 {
                    if usedCount(j) == counts[j] - 1 {
                        fixed[j][k] = true
                        return
                    }
                    try update(j, i)
                    fixed[j][k] = true
                    try advance(&point, t)
                    step = .label
                } else if i >= 2 && i <= t && point[j][k] <= 0 {
                    step = .shrink
                } else if i == t + 1 && shift[j][kk] == 0 {
                    if point[j][h] <= 0 {
                        step = .shrink
                    } else {
                        var passed = false
                        var guardCount = 0
                        while shift[j][kk] == 0 && !passed {
                            if kk == h { passed = true }
                            kk = kk == counts[j] ? 1 : kk + 1
                            guardCount += 1
                            try check(guardCount <= counts[j] + 1)
                        }
                        kk = kk == 1 ? counts[j] : kk - 1
                        step = kk == h ? .shrink : .turn
                    }
                } else {
                    if i <= t {
                        try advance(&point, i)
                    } else {
                        j = order[t].player
                        h = order[t].strategy
                        let back = try before(j, h)
                        point[j][h] -= 1
                        point[j][back] += 1
                    }
                    try update(j, i)
                    step = .label
                }
            case .shrink:
                point = try vertex(1)
                try check(i >= 2)
                j = order[i - 1].player
                h = order[i - 1].strategy
                tight[j][h] = false
                if point[j][h] <= 0 { fixed[j][h] = true }
                rotateUp(&labels, i, t + 1)
                rotateUp(&order, i - 1, t)
                t -= 1
                var row = 1
                while labels[row] != Move(player: j, strategy: h) {
                    row += 1
                    try check(row < labels.count)
                }
                i = row
                step = .pivot
            case .turn:
                k = kk
                rotateDown(&labels, 1, t + 1)
                labelRow = 1
                rotateDown(&order, 1, t)
                fixed[j][k] = false
                let first = order[1]
                let back = try before(first.player, first.strategy)
                point[first.player][first.strategy] -= 1
                point[first.player][back] += 1
                try adjustShift(j, from: after(j, h), through: h, by: -1)
                step = .label
            }
        }
    }

    /// The label of a grid point: the player with the largest regret (first on ties) and its
    /// first best reply; also records the point if it has the least regret so far.
    private mutating func labelOf(_ grid: [[Int]]) -> (Int, Int) {
        let scale = Double(denominator)
        let p = grid.dropFirst().flatMap { $0.dropFirst().map { Double($0) / scale } }
        let values = table.strategyValues(p, derivatives: false).values
        var worst = -Double.infinity
        var label = (1, 1)
        for player in 1..<counts.count {
            let offset = table.offsets[player - 1]
            var current = 0.0
            var best = -Double.infinity
            var reply = 1
            for s in 1...counts[player] {
                let value = values[offset + s - 1]
                current += p[offset + s - 1] * value
                if value > best {
                    best = value
                    reply = s
                }
            }
            if best - current > worst {
                worst = best - current
                label = (player, reply)
            }
        }
        if worst < bestRegret {
            bestRegret = worst
            bestPoint = grid.dropFirst().map { Array($0.dropFirst()) }
        }
        return label
    }

    private func usedCount(_ player: Int) -> Int {
        (1...counts[player]).filter { tight[player][$0] || fixed[player][$0] }.count
    }

    /// The strategy cyclically before `strategy` that is not held at zero.
    private func before(_ player: Int, _ strategy: Int) throws(GameError) -> Int {
        var s = strategy > 1 ? strategy - 1 : counts[player]
        var steps = 0
        while fixed[player][s] {
            s = s > 1 ? s - 1 : counts[player]
            steps += 1
            try check(steps <= counts[player])
        }
        return s
    }

    /// The strategy cyclically after ``before(_:_:)``.
    private func after(_ player: Int, _ strategy: Int) throws(GameError) -> Int {
        let b = try before(player, strategy)
        return b == counts[player] ? 1 : b + 1
    }

    /// Applies move `order[row]` to `grid`: one unit to its strategy, taken from the one before.
    private func advance(_ grid: inout [[Int]], _ row: Int) throws(GameError) {
        try check(row >= 1 && row < order.count)
        let move = order[row]
        try check(move.player >= 1)
        grid[move.player][move.strategy] += 1
        grid[move.player][try before(move.player, move.strategy)] -= 1
    }

    /// The simplex's vertex `index` (1-based): the shifted base point plus the first
    /// `index − 1` moves.
    private func vertex(_ index: Int) throws(GameError) -> [[Int]] {
        var grid = start
        for player in 1..<counts.count {
            for s in 1...counts[player] where tight[player][s] || fixed[player][s] {
                grid[player][s] += shift[player][s]
                grid[player][s > 1 ? s - 1 : counts[player]] -= shift[player][s]
            }
        }
        if index >= 2 {
            for row in 1...(index - 1) { try advance(&grid, row) }
        }
        return grid
    }

    /// Adds `amount` to the shifts of `player`'s strategies from `first` cyclically through `last`.
    private mutating func adjustShift(_ player: Int, from first: Int, through last: Int, by amount: Int) throws(GameError) {
        var s = first
        var steps = 0
        while true {
            shift[player][s] += amount
            if s == last { return }
            s = s == counts[player] ? 1 : s + 1
            steps += 1
            try check(steps <= counts[player])
        }
    }

    /// Moves the first or last vertex to the other end after a pivot at row `i`.
    private mutating func update(_ player: Int, _ i: Int) throws(GameError) {
        if i >= 2 && i <= t {
            order.swapAt(i, i - 1)
            labelRow = i
        } else if i == 1 {
            rotateUp(&labels, 1, t + 1)
            labelRow = t + 1
            let first = order[1]
            if first.player == player {
                try adjustShift(player, from: after(first.player, first.strategy), through: first.strategy, by: 1)
                rotateUp(&order, 1, t)
            }
        } else if i == t + 1 {
            rotateDown(&labels, 1, t + 1)
            labelRow = 1
            let last = order[t]
            if last.player == player {
                try adjustShift(player, from: after(last.player, last.strategy), through: last.strategy, by: -1)
                rotateDown(&order, 1, t)
            }
        }
    }

    /// Rows `low...high`: the last moves to `low`, the others down one.
    private func rotateDown(_ rows: inout [Move], _ low: Int, _ high: Int) {
        guard low < high, low >= 0, high < rows.count else { return }
        let last = rows[high]
        var r = high
        while r > low {
            rows[r] = rows[r - 1]
            r -= 1
        }
        rows[low] = last
    }

    /// Rows `low...high`: the first moves to `high`, the others up one.
    private func rotateUp(_ rows: inout [Move], _ low: Int, _ high: Int) {
        guard low < high, low >= 0, high < rows.count else { return }
        let first = rows[low]
        for r in low..<high { rows[r] = rows[r + 1] }
        rows[high] = first
    }

    /// An internal inconsistency of the walk, reported rather than trapped on.
    private func check(_ condition: Bool) throws(GameError) {
        guard condition else {
            throw GameError(.unsupported, "simplicial subdivision lost track of its simplex on the grid of mesh 1/\(denominator)",
                            hint: "try --method logit")
        }
    }
}
