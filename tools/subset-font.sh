#!/usr/bin/env bash
# Regenerates assets/fonts/NotoSansSC-Subset.otf from Debian's fonts-noto-cjk: the Simplified
# Chinese face (index 2) cut down to GB2312, ASCII, common punctuation and every character that
# ecoplan's own sources use. Needs `apt-get install fonts-noto-cjk` and `pip install fonttools`.
set -euo pipefail
cd "$(dirname "$0")/.."
chars=$(mktemp)
python3 - "$chars" <<'PY'
import pathlib, sys
out = set()
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            out.add(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
out.update(chr(c) for c in range(0x20, 0x7F))
out.update("₀₁₂₃₄₅₆₇₈₉⁰¹²³·–—…‘’“”≤≥≠±×÷→←↑↓▶▼◀▲●○■□★☆✓✔✗✕⚠、。，；：？！（）《》〔〕【】「」·％￥²³")
for path in list(pathlib.Path("src").rglob("*.rs")) + [pathlib.Path("README.md")]:
    if path.exists():
        out.update(path.read_text(encoding="utf-8"))
out.discard("\n")
pathlib.Path(sys.argv[1]).write_text("".join(sorted(out)), encoding="utf-8")
PY
pyftsubset /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc --font-number=2 \
  --text-file="$chars" --output-file=assets/fonts/NotoSansSC-Subset.otf \
  --layout-features='*' --no-hinting --desubroutinize
rm -f "$chars"
ls -l assets/fonts/NotoSansSC-Subset.otf
