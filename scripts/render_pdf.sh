#!/usr/bin/env bash
# Look at what a person sees: convert .docx files to PDF with LibreOffice headless, then each page to PNG.
#
#   scripts/render_pdf.sh OUT_DIR FILE.docx...     -> OUT_DIR/NAME.pdf and OUT_DIR/NAME-1.png, NAME-2.png, ...
#
# Needs: apt-get install -y libreoffice-writer fonts-noto-cjk poppler-utils
# The GB/T fonts (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312) are rarely installed on Linux; a private
# fontconfig file maps them to Noto CJK SC so the preview shows serif body text and sans headings,
# not whatever fontconfig picks first (often a Japanese face).
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: $0 OUT_DIR FILE.docx..." >&2
    exit 2
fi
out=$1; shift
mkdir -p "$out"
for tool in soffice pdftoppm; do
    command -v "$tool" >/dev/null || { echo "$0: $tool not found; apt-get install -y libreoffice-writer poppler-utils" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

alias_block() {  # $1 = font asked for, $2 = font to use
    printf '  <alias binding="same"><family>%s</family><prefer><family>%s</family></prefer></alias>\n' "$1" "$2"
}
{
    echo '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
    echo '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
    for serif in 仿宋_GB2312 仿宋 FangSong 楷体_GB2312 楷体 KaiTi 宋体 SimSun 方正小标宋简体; do
        alias_block "$serif" "Noto Serif CJK SC"
    done
    for sans in 黑体 SimHei; do
        alias_block "$sans" "Noto Sans CJK SC"
    done
    echo '</fontconfig>'
} > "$work/fonts.conf"
export FONTCONFIG_FILE="$work/fonts.conf"

for file in "$@"; do
    name=$(basename "${file%.*}")
    # a private profile: a running or first-start LibreOffice elsewhere must not block or be disturbed
    soffice --headless -env:UserInstallation="file://$work/profile" \
        --convert-to pdf --outdir "$out" "$file" 2>&1 >/dev/null | grep -v javaldx >&2 || true
    pdftoppm -r "${DPI:-80}" -png "$out/$name.pdf" "$out/$name"
    echo "$out/$name.pdf ($(ls "$out/$name"-*.png | wc -l) pages)"
done
