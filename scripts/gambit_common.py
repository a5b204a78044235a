"""Helpers shared by the Gambit fixture and benchmark scripts (not a peer: Parley's own code).

The random games follow ../shared/reference/game-theory.md section 1 exactly: SplitMix64,
payoff = next() % 100, A row-major then B row-major, seed 1000*n + k for instance k of n x n.
"""
from fractions import Fraction

MASK = (1 << 64) - 1


def splitmix64(seed):
    state = seed & MASK
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        yield z ^ (z >> 31)


def random_game(m, n, seed):
    stream = splitmix64(seed)
    a = [[next(stream) % 100 for _ in range(n)] for _ in range(m)]
    b = [[next(stream) % 100 for _ in range(n)] for _ in range(m)]
    return a, b


def random_nplayer_rows(shape, seed):
    """An n-player game as payoff rows: for each pure profile in Gambit's odometer order
    (player 1's strategy changes fastest), one payoff per player in player order, each
    SplitMix64(seed).next() % 100."""
    stream = splitmix64(seed)
    count = 1
    for k in shape:
        count *= k
    return [[next(stream) % 100 for _ in shape] for _ in range(count)]


def odometer(shape):
    """Pure profiles in Gambit's order: player 1's strategy changes fastest."""
    choice = [0] * len(shape)
    while True:
        yield tuple(choice)
        for k in range(len(shape)):
            choice[k] += 1
            if choice[k] < shape[k]:
                break
            choice[k] = 0
        else:
            return


def write_nplayer_nfg(shape, rows, path, title="random"):
    players = " ".join(f'"{k + 1}"' for k in range(len(shape)))
    values = " ".join(str(v) for row in rows for v in row)
    with open(path, "w") as handle:
        handle.write(f'NFG 1 R "{title}" {{ {players} }} {{ {" ".join(map(str, shape))} }}\n{values}\n')


def check_generator():
    stream = splitmix64(0)
    assert [next(stream) for _ in range(3)] == [0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F]
    a, b = random_game(4, 4, 4000)
    assert a == [[54, 3, 62, 41], [55, 77, 80, 73], [98, 27, 19, 19], [82, 89, 6, 52]], a
    assert b == [[98, 88, 16, 61], [38, 35, 75, 75], [36, 84, 86, 35], [95, 30, 22, 44]], b


def text(value):
    value = Fraction(str(value))
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
