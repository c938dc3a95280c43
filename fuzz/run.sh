#!/usr/bin/env bash
# Long fuzzing runs on stable Rust (no sanitizer): builds every target, runs each for
# SECONDS (default 600), prints executions per target and in total, and exits 1 when a
# target crashed, hung (timeout) or ran out of memory, naming the file that reproduces it.
#
#   fuzz/run.sh [SECONDS] [TARGET...]      e.g. fuzz/run.sh 300 check extract
#
# Needs `cargo install cargo-fuzz`. Honours CARGO_TARGET_DIR and CARGO_BUILD_JOBS
# (default 1). KEEP_GOING=1 runs libFuzzer in fork mode (-fork=1 -ignore_crashes=1 ...),
# so one target can report several distinct crashes in one run instead of stopping at
# the first. New corpus entries go to fuzz/corpus-grown/<target>/ (git-ignored), the
# committed seeds in fuzz/corpus/<target>/ are only read; crash files go to
# fuzz/artifacts/<target>/, logs to fuzz/logs/<target>.log.
set -u
cd "$(dirname "$0")"
secs=${1:-600}
shift $(( $# > 0 ? 1 : 0 ))
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-1}
max_len=${MAX_LEN:-16384}

if [ $# -gt 0 ]; then
    targets=("$@")
else
    mapfile -t targets < <(cargo fuzz list)
fi

cargo fuzz build --sanitizer none || { echo "run.sh: build failed" >&2; exit 2; }

# story_toml and rules_dir write scratch files under the temp dir: keep them together.
scratch=$(mktemp -d "${TMPDIR:-/tmp}/concord-fuzz-run.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -p logs

extra=()
if [ "${KEEP_GOING:-0}" = 1 ]; then
    extra=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1)
fi

total=0
failed=0
summary=()
for t in "${targets[@]}"; do
    mkdir -p "corpus-grown/$t" "artifacts/$t" "corpus/$t"
    before=$(ls "artifacts/$t" | sort)
    log="logs/$t.log"
    echo "== $t: ${secs}s" >&2
    TMPDIR=$scratch cargo fuzz run --sanitizer none "$t" "corpus-grown/$t" "corpus/$t" -- \
        -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 -max_total_time="$secs" \
        -dict=concord.dict -print_final_stats=1 "${extra[@]}" >"$log" 2>&1
    rc=$?
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    if [ -z "$execs" ]; then
        # fork mode (or a crash before the final stats): the last status line "#N ...".
        execs=$(grep -o '^#[0-9]*' "$log" | tr -d '#' | sort -n | tail -1)
    fi
    execs=${execs:-0}
    total=$((total + execs))
    new=$(comm -13 <(echo "$before") <(ls "artifacts/$t" | sort) | grep -v '^$' || true)
    status=ok
    if [ $rc -ne 0 ] || [ -n "$new" ]; then
        status="FAILED (exit $rc)"
        failed=1
    fi
    summary+=("$(printf '%-12s %12s execs  %s' "$t" "$execs" "$status")")
    for f in $new; do
        summary+=("    artifact: fuzz/artifacts/$t/$f")
        summary+=("    repro:    cargo fuzz run --sanitizer none $t fuzz/artifacts/$t/$f")
    done
    if [ $rc -ne 0 ]; then
        summary+=("    log:      fuzz/$log")
        while IFS= read -r l; do summary+=("    $l"); done < <(grep -m1 -A1 'panicked at' "$log")
        while IFS= read -r l; do summary+=("    $l"); done < <(grep -m1 -E 'ERROR: libFuzzer: (timeout|out-of-memory)' "$log")
    fi
done

echo
echo "executions per target (${secs}s each):"
printf '%s\n' "${summary[@]}"
printf '%-12s %12s execs\n' total "$total"
exit $failed
