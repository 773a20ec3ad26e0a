#!/usr/bin/env bash
# Headless Chromium for the browser tests, from Debian's packages (the project never downloads a browser
# build of its own). Needs root; does nothing when Chromium is already there.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != "0" ]; then echo "install-test-browser: run as root (apt-get install chromium)" >&2; exit 1; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null
command -v chromium
