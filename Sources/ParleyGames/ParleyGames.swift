/// Strategic games: normal form (dominance, pure and mixed equilibria), Bayesian games,
/// extensive form (backward induction), and repeated interaction (`Repeated/`: strategies,
/// matches, tournaments, evolutionary dynamics).
public enum ParleyGames {}
