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
    r"Oblast|Rayon|Municipality|State|Territory|Muhafazah)$",
    re.IGNORECASE,
)


@cache
def _table() -> dict[tuple[str, str, str], str]:
    path = resources.files("conflictcoder") / "data" / "acled_admin_names.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {(r["level"], r["country"], r["geonames_name"]): r["acled_name"] for r in rows}


def acled_name(level: str, country: str | None, name: str | None) -> str | None:
    """ACLED's name for a GeoNames ``admin1``/``admin2`` name of ``country`` (ISO2)."""
    if name is None:
        return None
    known = _table().get((level, country or "", name))
    if known is not None:
        return known
    stripped = _SUFFIX.sub("", name).strip()
    return stripped or name
