#!/usr/bin/env python3
"""Reference results of Python's decimal module in its default context (28 significant digits,
ROUND_HALF_EVEN), the arithmetic decide-exchange-model computes in, for Parley's Decimal28.

Prints one case a line, tab-separated: operation, operand a, operand b, Python's result.
Operations: add, sub, mul, div (a op b, rounded by the context), cmp (-1, 0 or 1, exact),
mulf and subf (a * Decimal(float(b)) and a - Decimal(float(b)): the float converted exactly, as
decide converts its weights 0.4 and 0.1 and the draw z), and round (+a: a long text rounded).
The hand-picked cases come first (half-even ties, carries such as 9.99...95, tiny and huge
exponents, non-terminating quotients, signs), then random ones from a fixed seed.

Standard library only; any Python 3 gives the same output:

    python3 scripts/decimal_reference.py > Tests/ParleyBargainingTests/Fixtures/decimal/decimal-reference.tsv
"""
import decimal
import random
from decimal import Decimal

SEED = 20261129
RANDOM_CASES = 600

HAND_PICKED = [
    # half-even ties at the 29th digit
    ("mul", "1000000000000000000000000001", "15"),
    ("mul", "1000000000000000000000000003", "15"),
    ("mul", "-1000000000000000000000000001", "15"),
    ("add", "1000000000000000000000000000", "0.5"),
    ("add", "1000000000000000000000000001", "0.5"),
    ("add", "1000000000000000000000000001", "0.50000000000000000000001"),
    ("sub", "1000000000000000000000000001", "0.5"),
    ("sub", "1000000000000000000000000002", "0.5"),
    ("round", "1.0000000000000000000000000005", ""),
    ("round", "1.0000000000000000000000000015", ""),
    ("round", "1.00000000000000000000000000050000000000000000000000001", ""),
    ("round", "123456789012345678901234567890123456789012345", ""),
    # carries
    ("add", "9999999999999999999999999999", "0.5"),
    ("add", "9999999999999999999999999999", "0.4999999999999"),
    ("add", "9.999999999999999999999999999", "0.0000000000000000000000000005"),
    ("add", "9.999999999999999999999999999", "0.0000000000000000000000000004"),
    ("mul", "9.999999999999999999999999999", "1.000000000000000000000000001"),
    ("mul", "3.162277660168379332007268905", "3.162277660168379332007268905"),
    ("round", "9.9999999999999999999999999995", ""),
    ("round", "9.9999999999999999999999999985", ""),
    # cancellation and far-apart exponents
    ("sub", "1", "1E-40"),
    ("add", "1", "1E-40"),
    ("sub", "1E+30", "1"),
    ("sub", "1000000000000000000000000000", "0.0000000000000000000000000001"),
    ("sub", "1000000000000000000000000000", "0.5000000000000000000000000001"),
    ("sub", "1.000000000000000000000000000", "0.9999999999999999999999999999"),
    ("sub", "42.53893858429303719607388469", "42.53893858429303719607388470"),
    ("add", "1E+500", "1"),
    ("mul", "1E-400", "1E-300"),
    ("mul", "7E+300", "3E+400"),
    ("div", "1E-400", "3E+300"),
    ("add", "0", "-0.000"),
    ("sub", "5", "5"),
    ("mul", "0", "-12.5"),
    # non-terminating and exact quotients
    ("div", "1", "3"),
    ("div", "2", "3"),
    ("div", "-1", "7"),
    ("div", "1", "9999999999999999999999999999"),
    ("div", "123456789", "0.0007"),
    ("div", "100", "100"),
    ("div", "1", "8"),
    ("div", "9999999999999999999999999999", "1"),
    ("div", "9999999999999999999999999999", "0.3"),
    ("div", "0.0801", "0.1110"),
    ("div", "-5", "-0.0004"),
    # comparisons
    ("cmp", "1.0", "1.000"),
    ("cmp", "-0", "0"),
    ("cmp", "0.000000000000000000000000001", "1E-27"),
    ("cmp", "-2", "-1.999999999999999999999999999"),
    ("cmp", "1E-10", "1.000000000000000036432197315E-10"),
    # floats converted exactly
    ("mulf", "0.9199", "0.4"),
    ("mulf", "42.61693599999999966731811795", "0.1"),
    ("subf", "0.63204", "0.1"),
    ("subf", "1", "0.4"),
    ("mulf", "0.5", "0.7853981633974483"),
    ("mulf", "3", "5e-324"),
    ("mulf", "-2.5", "1e+300"),
]

OPS = ["add", "sub", "mul", "div", "cmp", "mulf", "subf"]


def operand(rng):
    digits = rng.randint(1, 28)
    coefficient = str(rng.randint(10 ** (digits - 1), 10 ** digits - 1))
    if rng.random() < 0.2:
        coefficient = coefficient[:-1] + "5"  # more ties
    exponent = rng.choice([rng.randint(-40, 40), rng.randint(-30, 5), rng.randint(-2000, 2000)])
    sign = "-" if rng.random() < 0.3 else ""
    return "%s%sE%d" % (sign, coefficient, exponent)


def random_cases(rng):
    cases = []
    for _ in range(RANDOM_CASES):
        op = rng.choice(OPS)
        a = operand(rng)
        if op in ("mulf", "subf"):
            b = repr(rng.choice([rng.random(), rng.uniform(-100, 100), 0.4, 0.1, rng.random() * 1e-5]))
        elif rng.random() < 0.25:
            # near-cancellation: b within a few last-digit units of a
            b = str(Decimal(a) + Decimal(rng.randint(-9, 9)).scaleb(Decimal(a).adjusted() - rng.randint(26, 32)))
        else:
            b = operand(rng)
        cases.append((op, a, b))
    return cases


def evaluate(op, a, b):
    x = Decimal(a)
    if op == "round":
        return str(+x)
    if op == "mulf":
        return str(x * Decimal(float(b)))
    if op == "subf":
        return str(x - Decimal(float(b)))
    y = Decimal(b)
    if op == "add":
        return str(x + y)
    if op == "sub":
        return str(x - y)
    if op == "mul":
        return str(x * y)
    if op == "div":
        return str(x / y)
    if op == "cmp":
        return str((x > y) - (x < y))
    raise ValueError(op)


def main():
    decimal.setcontext(decimal.Context())  # the default context: prec 28, ROUND_HALF_EVEN
    decimal.getcontext().Emax = 999999
    decimal.getcontext().Emin = -999999
    rng = random.Random(SEED)
    for op, a, b in HAND_PICKED + random_cases(rng):
        print("\t".join([op, a, b, evaluate(op, a, b)]))


if __name__ == "__main__":
    main()
