/// Strategic games: normal form (dominance, pure and mixed equilibria, exactly), Bayesian
/// games, extensive form (backward induction, reduced normal form), and repeated interaction
/// (`Repeated/`: strategies, matches, tournaments, evolutionary dynamics).
///
/// Payoffs and probabilities are exact (``Rational``); two-player games get every extreme
/// equilibrium by vertex enumeration (``BimatrixEnumeration``) or one by Lemke–Howson.
public enum ParleyGames {}
