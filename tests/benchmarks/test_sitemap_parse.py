"""The sitemap benchmark writes what MkDocs would: N distinct page addresses."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from benchmarks.sitemap_parse import sitemap

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_sitemaps_hold_as_many_distinct_addresses_as_asked() -> None:
    root = ET.fromstring(sitemap(40))
    addresses = [url.findtext(f"{SITEMAP}loc") for url in root.iter(f"{SITEMAP}url")]
    assert len(addresses) == len(set(addresses)) == 40
    assert all(a and a.startswith("https://") and a.endswith("/") for a in addresses)
    assert sitemap(40) == sitemap(40)  # the same sizes measure the same addresses
