"""Write src/conflictcoder/data/country_regions.tsv: iso3, ISO 3166 numeric code, ACLED region.

ACLED's export carries ``iso`` (the numeric ISO 3166-1 code) and ``region``. The numeric
codes come from GeoNames' countryInfo.txt (bundled, CC BY 4.0); the regions are ACLED's
published regional groupings (the UN M49 sub-regions, with Iran and Turkey in the Middle
East, the Caucasus joined to Central Asia, Mexico in Central America and Sudan in Northern
Africa), written out below. European countries are every GeoNames "EU" country not placed
elsewhere. Territories ACLED does not code are left without a region.

    python scripts/derive_regions.py
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


def main() -> None:
    region_of = {iso3: region for region, codes in REGIONS.items() for iso3 in codes.split()}
    rows = []
    with (DATA / "geonames" / "countryInfo.txt").open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            iso3, numeric, continent = cells[1], cells[2], cells[8]
            region = region_of.get(iso3) or ("Europe" if continent == "EU" else "")
            rows.append((iso3, int(numeric), region))
    unknown = set(region_of) - {iso3 for iso3, _, _ in rows}
    if unknown:
        raise SystemExit(f"codes not in countryInfo.txt: {sorted(unknown)}")
    with (DATA / "country_regions.tsv").open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(("iso3", "iso", "region"))
        writer.writerows(sorted(rows))
    print(f"{len(rows)} countries, {sum(1 for r in rows if r[2])} with a region")


if __name__ == "__main__":
    main()
