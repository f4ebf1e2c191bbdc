#!/usr/bin/env bash
# Set up a fresh machine for the tests and run them: a virtual environment with the pinned
# requirements, Debian's Chromium for the browser tests, and Leaflet's and jQuery's files (npm) that the
# browser tests serve in place of the CDN.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
  else
    echo "chromium is not installed and apt-get is not available: browser tests will fail" >&2
  fi
fi

[ -d .venv ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -r requirements-dev.txt

if command -v npm >/dev/null 2>&1 && { [ ! -d tests/browser/node_modules/leaflet ] || [ ! -d tests/browser/node_modules/jquery ]; }; then
  npm install --silent --no-save --no-audit --no-fund --prefix tests/browser leaflet@1.9.4 jquery@3.7.1 >/dev/null
fi

.venv/bin/python -m pytest "$@"
