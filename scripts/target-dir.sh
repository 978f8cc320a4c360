# Sourced by the scripts: sets $target to cargo's target directory for this workspace
# (CARGO_TARGET_DIR, .cargo/config.toml and the default all honoured, because cargo
# itself says where it is).
target="$(cargo metadata --format-version 1 --no-deps --manifest-path "$(dirname "${BASH_SOURCE[0]}")/../Cargo.toml" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
