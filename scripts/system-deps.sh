#!/usr/bin/env bash
# System packages the test suite needs: a PostgreSQL server (the suite starts its own
# throwaway instance) and headless Chromium for the site's browser tests.
set -euo pipefail

missing=()
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
command -v psql >/dev/null || missing+=(postgresql-client)
command -v chromium >/dev/null || missing+=(chromium)

if ((${#missing[@]})); then
  echo "installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  sudo_=""; [ "$(id -u)" -eq 0 ] || sudo_="sudo"
  $sudo_ apt-get update -qq
  $sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
