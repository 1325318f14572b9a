"""Write src/conflictcoder/data/countries.tsv: iso2, iso3, ISO 3166 numeric code, ACLED's name
of the country and ACLED's region.

ACLED's export carries ``country`` (ACLED's spelling), ``iso`` (the numeric ISO 3166-1 code)
and ``region``. Names and numeric codes come from GeoNames' countryInfo.txt (bundled,
CC BY 4.0), except where ACLED spells a country otherwise (``ACLED_NAMES``, from ACLED's
published country list: "Democratic Republic of Congo", "Palestine", "eSwatini"...), which
is also the spelling ACLED's generic actor names use ("Protesters (Palestine)"). The regions are ACLED's
published regional groupings (the UN M49 sub-regions, with Iran and Turkey in the Middle
East, the Caucasus joined to Central Asia, Mexico in Central America and Sudan in Northern
Africa), written out below. European countries are every GeoNames "EU" country not placed
elsewhere. Territories ACLED does not code are left without a region.

    python scripts/derive_countries.py
"""

from __future__ import annotations

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "conflictcoder" / "data"

REGIONS: dict[str, str] = {
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO SHN",
    "Middle Africa": "AGO CMR CAF TCD COG COD GNQ GAB STP",
    "Eastern Africa": (
        "BDI COM DJI ERI ETH KEN MDG MWI MUS MYT MOZ REU RWA SYC SOM SSD TZA UGA ZMB ZWE"
    ),
    "Southern Africa": "BWA SWZ LSO NAM ZAF",
    "Northern Africa": "DZA EGY LBY MAR SDN TUN ESH",
    "Middle East": "BHR IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
    "South Asia": "AFG BGD BTN IND MDV NPL PAK LKA",
    "Southeast Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
    "East Asia": "CHN HKG MAC JPN PRK KOR MNG TWN",
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "North America": "USA CAN GRL BMU SPM",
    "Central America": "BLZ CRI SLV GTM HND MEX NIC PAN",
    "South America": "ARG BOL BRA CHL COL ECU FLK GUF GUY PRY PER SUR URY VEN",
    "Caribbean": (
        "AIA ATG ABW BHS BRB BES VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR PRI BLM KNA"
        " LCA MAF VCT SXM TTO TCA VIR"
    ),
    "Oceania": (
        "AUS NZL FJI PNG SLB VUT NCL FSM GUM KIR MHL NRU MNP PLW ASM COK PYF NIU PCN WSM TKL"
        " TON TUV WLF NFK"
    ),
    "Antarctica": "ATA ATF BVT HMD SGS",
}


#: ACLED's spelling where it differs from GeoNames' country name (keyed by ISO alpha-2).
ACLED_NAMES: dict[str, str] = {
    "BQ": "Caribbean Netherlands",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "PS": "Palestine",
    "SZ": "eSwatini",
    "TL": "East Timor",
    "VA": "Vatican City",
}


def main() -> None:
    region_of = {iso3: region for region, codes in REGIONS.items() for iso3 in codes.split()}
    rows = []
    with (DATA / "geonames" / "countryInfo.txt").open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            iso2, iso3, numeric, continent = cells[0], cells[1], cells[2], cells[8]
            name = ACLED_NAMES.get(iso2) or cells[4].strip()
            region = region_of.get(iso3) or ("Europe" if continent == "EU" else "")
            rows.append((iso2, iso3, int(numeric), name, region))
    unknown = set(region_of) - {row[1] for row in rows}
    if unknown:
        raise SystemExit(f"codes not in countryInfo.txt: {sorted(unknown)}")
    with (DATA / "countries.tsv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(("iso2", "iso3", "iso", "name", "region"))
        writer.writerows(sorted(rows))
    print(f"{len(rows)} countries, {sum(1 for r in rows if r[4])} with a region")


if __name__ == "__main__":
    main()
