#!/usr/bin/env bash
# Runs every test of shopper: formatting, vet, and the whole Go suite (fuzz
# seed corpora included). Installs from Debian's packages whatever the
# tests need and the machine lacks (later: chromium, dovecot-imapd,
# postgresql, poppler-utils), running 'apt-get update' once first.
set -euo pipefail
cd "$(dirname "$0")/.."

# need PACKAGE...: install the Debian packages that are missing.
apt_updated=""
need() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  if [ -z "$apt_updated" ]; then
    $sudo apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# Real components on loopback: Chromium for the render tests, Dovecot (IMAP)
# for the inquiry watcher, PostgreSQL for scale-out, poppler's pdftotext to
# read PDFs back. The render tests (crawler/browser, cmd/shopper) drive a real headless
# Chromium; in CI (CI=true) they fail rather than skip when it is missing.
need chromium dovecot-imapd postgresql poppler-utils

unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change: $unformatted" >&2
  exit 1
fi
go vet ./...
go test -count=1 -timeout 15m ./...
