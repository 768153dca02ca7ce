#!/usr/bin/env bash
# Counts the SQL statements each kind of API request runs: the process bench, small and one client at a time, against
# the host's EF Core command log. Usage: bash bench/count-statements.sh [<Propilas.Host.dll>]   (default: this build, Release)
set -euo pipefail
cd "$(dirname "$0")/.."
host=$(realpath "${1:-Propilas.Host/bin/Release/net10.0/Propilas.Host.dll}")
[ $# -eq 0 ] && dotnet build -c Release Propilas.Host -v quiet -nologo >/dev/null
dotnet build -c Release bench/Propilas.Bench -v quiet -nologo >/dev/null
log=$(mktemp)
env BENCH_HOST_LOG=1 Seed__Pilots=false \
  'Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command=Information' \
  'Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=Information' \
  dotnet bench/Propilas.Bench/bin/Release/net10.0/Propilas.Bench.dll --districts 12 --gates 4 --warmup 2 --concurrency 1 \
  --host "$host" >/dev/null 2>"$log"
awk '
  /Request starting/ { p = $0; sub(/.*Request starting HTTP\/[0-9.]+ /, "", p); sub(/ - .*/, "", p); sub(/http:\/\/[^\/]+/, "", p)
                       gsub(/bench-[0-9]+/, "{slug}", p); path = p; requests[path]++; next }
  /Executed DbCommand/ { if (path != "") statements[path]++ }
  /Request finished/ { path = "" }
  END { for (p in requests) printf "%5.1f statements  %3d requests  %s\n", statements[p] / requests[p], requests[p], p }
' "$log" | sort -k5
rm -f "$log"
