"""ACLED's spelling of admin1/admin2 names.

GeoNames and ACLED name provinces differently ("Idlib"/"Idleb", "Rif-dimashq"/"Rural
Damascus", "Abyan Governorate"/"Abyan"). ``data/acled_admin_names.tsv`` maps GeoNames names
to ACLED's, per country (derived by ``scripts/derive_admin_names.py`` from coordinates and
names only); names it does not list lose GeoNames' generic suffixes ("Governorate",
"Province", "Region", ...), as ACLED's do.
"""

from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources

_SUFFIX = re.compile(
    r"\s+(Governorate|Province|Region|Department|Prefecture|District|County|Division|"
    r"Oblast'?|Rayon|Municipality|State|Territory|Muhafazah)$",
    re.IGNORECASE,
)


@cache
def _table() -> dict[tuple[str, str, str], str]:
    path = resources.files("conflictcoder") / "data" / "acled_admin_names.tsv"
    table: dict[tuple[str, str, str], str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            # the gazetteer may already have dropped the suffix ("Kharkivs'ka Oblast'")
            for name in (row["geonames_name"], _strip(row["geonames_name"])):
                table.setdefault((row["level"], row["country"], name), row["acled_name"])
    return table


def _strip(name: str) -> str:
    return _SUFFIX.sub("", name.replace("’", "'")).strip() or name


def acled_name(level: str, country: str | None, name: str | None) -> str | None:
    """ACLED's name for a GeoNames ``admin1``/``admin2`` name of ``country`` (ISO2)."""
    if name is None:
        return None
    stripped = _strip(name)
    for key in (name, name.replace("’", "'"), stripped):
        known = _table().get((level, country or "", key))
        if known is not None:
            return known
    return stripped
