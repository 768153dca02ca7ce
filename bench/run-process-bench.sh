#!/usr/bin/env bash
# Builds the host in Release and runs the process API load test (issue 2's bench). Extra arguments pass through.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release Propilas.Host -v quiet -nologo >/dev/null
dotnet run -c Release --project bench/Propilas.Bench -- "$@"
