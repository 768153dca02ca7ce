#!/usr/bin/env python3
"""Adds or replaces page texts in Resources/<name>.es.resx and .en.resx.
usage: tools/add-texts.py <resx base, e.g. Propilas.Host/Resources/Pages.Localization.Texts> key "es" "en" [key "es" "en" ...]"""
import re, sys
from xml.sax.saxutils import escape
base, rest = sys.argv[1], sys.argv[2:]
if len(rest) % 3: sys.exit(__doc__)
for i, lang in enumerate(["es", "en"]):
    path = f"{base}.{lang}.resx"
    text = open(path, encoding="utf-8").read()
    for k in range(0, len(rest), 3):
        key, value = rest[k], rest[k + 1 + i]
        entry = f'  <data name="{escape(key)}" xml:space="preserve"><value>{escape(value)}</value></data>\n'
        pattern = re.compile(r'  <data name="%s" xml:space="preserve">.*?</data>\n' % re.escape(escape(key)), re.S)
        text = pattern.sub(entry, text) if pattern.search(text) else text.replace("</root>", entry + "</root>")
    open(path, "w", encoding="utf-8").write(text)
