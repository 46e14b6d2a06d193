#!/usr/bin/env bash
# Installs Debian's chromium (the real-browser tests and the demo drive it) and a Chinese font
# (so screenshots show 汉字, not boxes) when they are missing.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
if ! { command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh 2>/dev/null | grep -q .; }; then
  need+=(fonts-wqy-microhei)
fi
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing with apt-get: ${need[*]}…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
elif [[ " ${need[*]} " == *" chromium "* ]]; then
  echo "Chromium is missing. Install it with: sudo apt-get install -y chromium fonts-wqy-microhei" >&2
  exit 1
else
  echo "No Chinese font found: screenshots will show boxes. Install one with: sudo apt-get install -y fonts-wqy-microhei" >&2
fi
