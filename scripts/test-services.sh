#!/usr/bin/env bash
# Installs the servers the tests start themselves (npm's "pretest" runs this): Debian's PostgreSQL for the
# store contract suite and nginx for the replica test; and the programs ingest runs for scans and old
# Office files (tesseract-ocr with tesseract-ocr-vie, poppler-utils, antiword, catdoc), with the font the
# OCR tests typeset their scans in (fonts-dejavu-core). tests/setup/postgres.ts starts a throwaway server on
# a loopback port; nothing here starts one. Quick and silent when both are present.
#
# Not root, or no apt-get: prints one line and the tests that need them skip (unless the run sets
# CI_REQUIRE_SERVICES=1, when the global setup fails instead).
set -euo pipefail

have_postgres() { compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; }
have_nginx() { [ -x /usr/sbin/nginx ]; }
have_tesseract() { command -v tesseract >/dev/null; }
have_vie() { compgen -G "/usr/share/tesseract-ocr/*/tessdata/vie.traineddata" >/dev/null; }
have_font() { [ -e /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ]; }

missing=()
have_postgres || missing+=(postgresql postgresql-contrib)
have_nginx || missing+=(nginx)
have_tesseract || missing+=(tesseract-ocr)
have_vie || missing+=(tesseract-ocr-vie)
command -v pdftoppm >/dev/null || missing+=(poppler-utils)
command -v antiword >/dev/null || missing+=(antiword)
command -v catdoc >/dev/null || missing+=(catdoc)
have_font || missing+=(fonts-dejavu-core)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "test-services: ${missing[*]} not installed (needs root with apt-get): the tests that need them will be skipped."
  exit 0
fi

fail() {
  echo "test-services: $1" >&2
  # A developer without the registry can still run the rest; CI must not pass without them.
  [ "${CI_REQUIRE_SERVICES:-}" = 1 ] && exit 1
  echo "test-services: the tests that need ${missing[*]} will be skipped." >&2
  exit 0
}

# Package scripts must not start the system's own nginx (port 80) or the "main" cluster (port 5432):
# policy-rc.d answering 101 forbids it. Ours is removed again; an existing one is left alone.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  trap 'rm -f "$policy"' EXIT
fi

export DEBIAN_FRONTEND=noninteractive
apt_install() {
  apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}"
}
known() { apt-cache policy "$1" 2>/dev/null | grep -q 'Candidate: [^(]'; }

echo "test-services: installing ${missing[*]} from Debian's packages"
updated=0
for p in "${missing[@]}"; do
  if ! known "$p"; then apt-get update -q || fail "apt-get update failed"; updated=1; break; fi
done
if ! apt_install; then
  # Package lists older than the mirror give 404s: refresh once and retry.
  [ $updated -eq 1 ] && fail "apt-get install ${missing[*]} failed"
  apt-get update -q || fail "apt-get update failed"
  apt_install || fail "apt-get install ${missing[*]} failed"
fi

# Where no policy-rc.d applied (an init system that ignores it), stop what the packages just started.
if [[ " ${missing[*]} " == *" nginx "* ]] && pgrep -x nginx >/dev/null && command -v service >/dev/null; then
  service nginx stop >/dev/null 2>&1 || true
fi
if [[ " ${missing[*]} " == *" postgresql "* ]] && command -v pg_lsclusters >/dev/null; then
  pg_lsclusters -h 2>/dev/null | awk '$4 == "online" { print $1, $2 }' | while read -r v c; do
    pg_ctlcluster "$v" "$c" stop >/dev/null 2>&1 || true
  done
fi

have_postgres && have_nginx || fail "PostgreSQL or nginx still missing after apt-get install"
have_tesseract && have_vie && command -v pdftoppm >/dev/null && command -v antiword >/dev/null && have_font ||
  fail "tesseract-ocr, tesseract-ocr-vie, poppler-utils, antiword or fonts-dejavu-core still missing after apt-get install"
echo "test-services: ready"
