"""Byte-for-byte digest of a built static site, for before/after checks of a speed change.

    .venv/bin/python benchmarks/site_digest.py old.json --db shipped.db  # before
    .venv/bin/python benchmarks/site_digest.py new.json --db shipped.db --compare old.json

Run it once in the old worktree and once in the new one (same day: the data-due calendar
reads today's date) and compare: every file's sha256 must match. Zip files (.xlsx, .zip) are
digested by member name and content (the data package's members carry the build minute);
the data package's ``created`` (the build time) and the incremental build's own manifest
are left out, as they differ between two builds of the same code.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import generated_plan
from ipkpi.followup import FollowUpProvider
from ipkpi.followup.store_source import StoreSource
from ipkpi.paths import default_plan_dir
from ipkpi.plan.loader import OBSERVATIONS_FILE, load_plan
from ipkpi.store import Store, catalog_from_plan, import_file
from ipkpi.web.site import build_site

_OWN_RECORDS = (".ipkpi-site.json", ".ipkpi-verdicts.json")  # the manifest, the verdict cache
_CREATED = re.compile(rb'"created":\s*"[^"]*"')


def _member(name: str, data: bytes) -> bytes:
    return _CREATED.sub(b'"created": ""', data) if name.endswith("datapackage.json") else data


def file_digest(path: Path) -> str:
    if path.suffix in (".xlsx", ".zip"):
        digest = hashlib.sha256()
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                digest.update(info.filename.encode())
                digest.update(_member(info.filename, archive.read(info)))
        return "zip:" + digest.hexdigest()
    return hashlib.sha256(_member(path.name, path.read_bytes())).hexdigest()


def site_digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): file_digest(p)
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name not in _OWN_RECORDS
    }


def build_both(
    workdir: Path, kpis: int, workers: int, db: Path | None
) -> dict[str, dict[str, str]]:
    folder = default_plan_dir()
    plan = load_plan(folder)
    fresh = db is None or not db.exists()
    store = Store.open(db or workdir / "shipped.db")
    if fresh:
        import_file(store, folder / OBSERVATIONS_FILE, catalog_from_plan(plan))
    build_site(
        FollowUpProvider(plan, StoreSource(store, plan)), workdir / "shipped", workers=workers
    )
    store.close()
    generated_plan.write_plan(workdir / "plan", kpis)
    gen = load_plan(workdir / "plan")
    source = generated_plan.observations([(s.id, s.unit) for _, s in gen.all_series()])
    build_site(FollowUpProvider(gen, source), workdir / "generated", workers=workers)
    return {
        "shipped": site_digest(workdir / "shipped"),
        "generated": site_digest(workdir / "generated"),
    }


def compare(new: dict[str, dict[str, str]], old: dict[str, dict[str, str]]) -> int:
    differ = 0
    for site in ("shipped", "generated"):
        a, b = old[site], new[site]
        for name in sorted(a.keys() | b.keys()):
            if a.get(name) != b.get(name):
                differ += 1
                if differ <= 20:
                    print(f"{site}: {name} differs")
        print(f"{site}: {len(b)} files, {sum(a.get(k) == v for k, v in b.items())} identical")
    return differ


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--kpis", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--compare", type=Path, help="an earlier digest to compare with")
    parser.add_argument(
        "--db",
        type=Path,
        help="the shipped plan's store, made on first use and reused (its vintages carry the "
        "minute they were recorded, so two runs compare only with the same store)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ipkpi-site-digest-") as tmp:
        result = build_both(Path(tmp), args.kpis, args.workers, args.db)
    args.out.write_text(json.dumps(result, indent=0, sort_keys=True))
    if args.compare is not None:
        differ = compare(result, json.loads(args.compare.read_text()))
        print("identical" if differ == 0 else f"{differ} files differ")
        sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
