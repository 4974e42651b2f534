# Writes statistics-fixtures.json: quantiles computed by numpy's default method ('linear'), the
# reference that statistics.ts follows bit for bit. Not run by tests or CI: run it by hand from
# the repository (numpy installed, `npm install` done, for Biome) with
# `python3 packages/engine/src/measure/statistics-fixtures.py`, and commit the JSON it writes.
import json
import random
import subprocess
from pathlib import Path

import numpy as np

QUANTILES = [0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1.0]
rng = random.Random(20261201)


def case(name, values):
    array = np.array(values, dtype=np.float64)
    expected = [float(np.quantile(array, q)) for q in QUANTILES]
    return {"name": name, "values": [float(v) for v in values], "expected": expected}


cases = [
    case("issue example", [20.4, 95]),
    case("one value", [42.5]),
    case("one negative value", [-3.25]),
    case("two equal", [7, 7]),
    case("all ties", [5.5] * 9),
    case("ties at the ranks", [1, 2, 2, 2, 3, 3, 10]),
    case("negatives", [-20.4, -95, -0.1, -3]),
    case("mixed signs", [-1e6, 3.3, -7.7, 0.0, 12.1]),
    case("large magnitudes", [1e15 + 1, 1e15 + 3, 1e15 + 7]),
    case("very large", [1e300, -2e299, 5e299, 7.5e300]),
    case("very small", [1e-300, 3e-301, 7e-300]),
    case("decimals of one place", [20.4, 95, 33.3, 61.7, 88.8]),
    case("response seconds", [12, 45, 3, 18, 240, 31, 7]),
    # np.median (the mean of the middle two) gives 8.15 here; np.quantile 8.149999999999999.
    case("where np.median differs", [0.7, 15.6]),
]
for i in range(120):
    n = rng.randint(1, 60)
    kind = i % 6
    if kind == 0:
        values = [rng.uniform(0, 100) for _ in range(n)]
    elif kind == 1:
        values = [round(rng.uniform(0, 300), 1) for _ in range(n)]
    elif kind == 2:
        values = [rng.randint(0, 20) for _ in range(n)]
    elif kind == 3:
        values = [rng.gauss(0, 1000) for _ in range(n)]
    elif kind == 4:
        values = [rng.uniform(-1, 1) * 10 ** rng.randint(-12, 12) for _ in range(n)]
    else:
        values = [round(rng.uniform(1, 5), 2) for _ in range(n)]
    case_name = f"random {i} ({['uniform', 'one decimal', 'integers', 'normal', 'magnitudes', 'two decimals'][kind]}, n={n})"
    cases.append(case(case_name, values))

out = {
    "numpy": np.__version__,
    "method": "linear",
    "quantiles": QUANTILES,
    "cases": cases,
}
target = Path(__file__).with_name("statistics-fixtures.json")
target.write_text(json.dumps(out) + "\n")
# The repository's formatter decides the layout, so that `biome check` passes on the result.
subprocess.run(["npx", "biome", "format", "--write", str(target)], check=True, cwd=target.parent)
