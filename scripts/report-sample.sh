#!/bin/sh
# The README's picture of a report: the sample articles imported and tagged with the real command
# line, exported to PDF, and the first page of the first article rendered with poppler's pdftoppm.
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cli() { node out/cli/press-archive.mjs "$@"; }
cli import "$work/Sample" resources/sample >/dev/null
cli tag "$work/Sample" --query "Ministry of Education" --theme "Education abroad" --create-theme >/dev/null
cli tag "$work/Sample" --query "Ministry of Education" --theme "Belt and Road" --create-theme >/dev/null
cli export "$work/Sample" --out "$work/report.pdf" --title "Cities and schools" \
  --subtitle "A sample report" --footer "Press Archive sample"
# Page 1 is the title page, page 2 the contents; the oldest article starts on page 3.
pdftoppm -png -r 90 -f 3 -l 3 -singlefile "$work/report.pdf" docs/screenshots/report-page
echo "Wrote docs/screenshots/report-page.png"
