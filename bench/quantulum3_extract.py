"""Runs quantulum3 over a text file the way crosscheck extract runs: every quantity
found, one JSON object a line, to standard output.

    python quantulum3_extract.py FILE > /dev/null

The import and a first parse (which loads quantulum3's unit tables and classifier) are
done before the clock starts; the text is then parsed a line (a paragraph) at a time.
Prints `bytes=... seconds=... quantities=...` on standard error, seconds being the
parsing and printing alone.
"""

import json
import sys
import time
import warnings

warnings.simplefilter("ignore")

from quantulum3 import parser  # noqa: E402


def main() -> None:
    path = sys.argv[1]
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    size = sum(len(line.encode("utf-8")) + 1 for line in lines) - 1
    parser.parse("Warm-up: about 1.3 million people, 8.5 per cent, in 1937-38.")
    out = sys.stdout
    found = 0
    started = time.perf_counter()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        for q in parser.parse(line):
            found += 1
            out.write(
                json.dumps(
                    {
                        "line": number,
                        "span": list(q.span),
                        "text": q.surface,
                        "value": q.value,
                        "unit": q.unit.name,
                    }
                )
            )
            out.write("\n")
    out.flush()
    seconds = time.perf_counter() - started
    print(f"bytes={size} seconds={seconds:.3f} quantities={found}", file=sys.stderr)


if __name__ == "__main__":
    main()
