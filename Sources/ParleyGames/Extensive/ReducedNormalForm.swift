extension ExtensiveFormGame {
    /// A reduced pure strategy: an action for each of the player's information sets that its own
    /// earlier choices do not rule out (`nil` where they do).
    public typealias ReducedStrategy = [Int?]

    /// The reduced pure strategies of `player`, indexed like ``infosets(of:)``: strategies that
    /// differ only at information sets the player's own moves avoid are merged, as in Gambit's
    /// reduced strategic form.
    /// - Complexity: proportional to the number of reduced strategies × nodes.
    public func reducedStrategies(of player: Int) -> [ReducedStrategy] {
        let own = infosets(of: player)
        var position: [Int: Int] = [:]
        for (k, set) in own.enumerated() { position[set] = k }
        var results: [ReducedStrategy] = []
        // Depth-first over partial assignments; the frontier holds nodes still to explore.
        var stack: [(frontier: [Int], assignment: ReducedStrategy)] = [([0], Array(repeating: nil, count: own.count))]
        while let (start, assignment) = stack.popLast() {
            var frontier = start
            var branched = false
            while let node = frontier.popLast() {
                let current = nodes[node]
                guard let set = current.infoset else { continue }
                if infosets[set].mover == .player(player), let k = position[set] {
                    if let action = assignment[k] {
                        frontier.append(current.children[action])
                    } else {
                        for action in current.children.indices.reversed() {
                            var next = assignment
                            next[k] = action
                            stack.append((frontier + [current.children[action]], next))
                        }
                        branched = true
                        break
                    }
                } else {
                    // Reversed so that the first child is explored first: strategies come out in Gambit's order.
                    frontier.append(contentsOf: current.children.reversed())
                }
            }
            if !branched { results.append(assignment) }
        }
        return results
    }

    /// The reduced normal form: each player's reduced strategies (labelled by their actions in
    /// information-set order, `*` where a set is avoided), with expected payoffs over chance.
    /// - Throws: ``GameError`` when the strategic form would have more than 2 million profiles.
    /// - Complexity: profiles × nodes.
    public func reducedNormalForm() throws(GameError) -> NormalFormGame {
        let strategies = players.indices.map { reducedStrategies(of: $0) }
        let sizes = strategies.map(\.count)
        var total = 1
        for size in sizes {
            total *= size
            guard total <= 2_000_000 else {
                throw GameError(.tooLarge, "the reduced normal form would have more than 2 million strategy profiles",
                                hint: "solve the tree directly: --method backward-induction for perfect information")
            }
        }
        let own = players.indices.map { infosets(of: $0) }
        var ownIndex: [Int: Int] = [:]
        for list in own { for (k, set) in list.enumerated() { ownIndex[set] = k } }
        let labels = players.indices.map { p in
            strategies[p].map { strategy -> String in
                let parts = strategy.enumerated().map { k, action in action.map { infosets[own[p][k]].actions[$0] } ?? "*" }
                let compact = parts.allSatisfy { $0.count == 1 }
                return parts.joined(separator: compact ? "" : "/")
            }
        }
        var rows: [[Rational]] = []
        rows.reserveCapacity(total)
        for index in 0..<total {
            let choice = BayesianGame.decode(index, sizes)
            rows.append(expectedPayoff { set in
                guard case .player(let p) = infosets[set].mover, let k = ownIndex[set] else { return nil }
                return strategies[p][choice[p]][k]
            })
        }
        return try NormalFormGame(title: title, players: players, strategies: labels, payoffs: rows,
                                  comment: "reduced normal form of an extensive game")
    }

    /// The expected payoffs when each player's choice at a set comes from `action` (nil at
    /// a reached set counts as the first action, which cannot happen for reduced strategies).
    func expectedPayoff(_ action: (Int) -> Int?) -> [Rational] {
        var total = Array(repeating: Rational.zero, count: players.count)
        var stack: [(node: Int, weight: Rational)] = [(0, .one)]
        while let (index, weight) = stack.popLast() {
            let node = nodes[index]
            if let outcome = node.outcome {
                for p in total.indices { total[p] += weight * outcome[p] }
            }
            guard let set = node.infoset else { continue }
            if infosets[set].mover == .chance {
                for (k, child) in node.children.enumerated() where !infosets[set].probabilities[k].isZero {
                    stack.append((child, weight * infosets[set].probabilities[k]))
                }
            } else {
                stack.append((node.children[action(set) ?? 0], weight))
            }
        }
        return total
    }
}
