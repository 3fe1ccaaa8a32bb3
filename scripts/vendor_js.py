"""Copy the browser libraries kg inlines into kg/assets/vendor/, reproducibly.

    python scripts/vendor_js.py [--check]

Installs the exact versions pinned in vendor-js/package-lock.json with
``npm ci --ignore-scripts`` (from the npm registry, into a temporary
folder), then copies each minified build and its licence into
kg/assets/vendor/ and writes SHA256SUMS.  ``--check`` only compares the
files in kg/assets/vendor/ with SHA256SUMS (no network).

| file | package | licence |
| --- | --- | --- |
| sigma.min.js | sigma 3.0.3 (WebGL network renderer) | MIT |
| graphology.umd.min.js | graphology 0.26.0 (the graph sigma draws) | MIT |
| echarts.min.js | echarts 6.1.0 (the report's charts) | Apache-2.0 |
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "vendor-js"
VENDOR = ROOT / "kg" / "assets" / "vendor"
FILES = {
    "sigma.min.js": "sigma/dist/sigma.min.js",
    "sigma.LICENSE.txt": "sigma/LICENSE.txt",
    "graphology.umd.min.js": "graphology/dist/graphology.umd.min.js",
    "graphology.LICENSE.txt": "graphology/LICENSE.txt",
    "echarts.min.js": "echarts/dist/echarts.min.js",
    "echarts.LICENSE.txt": "echarts/LICENSE",
    "echarts.NOTICE.txt": "echarts/NOTICE",
}
SUMS = VENDOR / "SHA256SUMS"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check() -> int:
    expected = dict(
        reversed(line.split("  ", 1)) for line in SUMS.read_text().splitlines()
    )
    bad = [name for name in FILES if digest(VENDOR / name) != expected.get(name)]
    for name in bad:
        print(f"{VENDOR / name}: differs from SHA256SUMS", file=sys.stderr)
    return 1 if bad else 0


def vendor() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("package.json", "package-lock.json"):
            shutil.copy(LOCK / name, Path(tmp) / name)
        subprocess.run(
            ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
            cwd=tmp,
            check=True,
        )
        VENDOR.mkdir(parents=True, exist_ok=True)
        for name, source in FILES.items():
            shutil.copy(Path(tmp) / "node_modules" / source, VENDOR / name)
    lines = [f"{digest(VENDOR / name)}  {name}" for name in sorted(FILES)]
    SUMS.write_text("\n".join(lines) + "\n")
    print(f"wrote {len(FILES)} files and SHA256SUMS to {VENDOR}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    return check() if parser.parse_args().check else vendor()


if __name__ == "__main__":
    sys.exit(main())
