//! Page metadata (placeholder; being written).
