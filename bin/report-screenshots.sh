#!/usr/bin/env bash
# Regenerates the report screenshots in docs/images/ from real runs, drawn by the same headless Chromium that
# runtime's ReportRenderTest uses (bin/ensure-chromium.sh), never by hand:
#   report-overview.png   the README's quick-start backtest (momentum.strat, synthetic KRX): header, metrics,
#                         equity, the first symbol charts (price with markers, volume, series), times in KST
#   report-trade-zoom.png the same report opened at #trade=N (N: the first trade of the first charted symbol),
#                         which is what a click on that trade's row does: its chart closes in on the trade
#   report-crypto.png     RSI2 on the Bitstamp 5-minute bars of examples/data (UTC)
# Usage: bin/report-screenshots.sh            (from anywhere; writes into the repository's docs/images/)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out="$root/docs/images"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chromium=$(sh "$root/bin/ensure-chromium.sh")
mkdir -p "$out"

cd "$root"
./stratc backtest examples/momentum.strat --out "$work/krx" >/dev/null
./stratc backtest examples/rsi2.strat --data examples/data/btcusd-bitstamp-5m.csv --out "$work/btc" >/dev/null

shot() {                                       # png, url, width,height
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-sync \
    --disable-background-networking --disable-component-update --user-data-dir="$work/profile" \
    --window-size="$3" --virtual-time-budget=8000 --screenshot="$1" "$2" >/dev/null 2>&1
  [ -s "$1" ] || { echo "no screenshot written to $1" >&2; exit 1; }
  echo "wrote $1"
}

shot "$out/report-overview.png" "file://$work/krx/report.html" 1400,1900
# the first chart is the most traded symbol's (the first of them in trade order on a tie)
trade=$(awk -F, 'NR > 1 { if (!($1 in n)) order[++k] = $1; n[$1]++; if (!($1 in first)) first[$1] = NR - 1 }
  END { best = order[1]; for (i = 2; i <= k; i++) if (n[order[i]] > n[best]) best = order[i]; print first[best] }' \
  "$work/krx/trades.csv")
# tall enough that the first chart is in view without scrolling (headless screenshots do not repaint a scroll)
shot "$out/report-trade-zoom.png" "file://$work/krx/report.html#trade=$trade" 1400,1800
shot "$out/report-crypto.png" "file://$work/btc/report.html" 1400,1300
