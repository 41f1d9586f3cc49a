// The data-optimisation report (the seed's "14.7 GB → 1.9 GB" table), measured on the open
// dataset: the ingest records what it read (ingest_files, ingest_steps) and DuckDB's storage
// info what it stored (store_report, written after the final CHECKPOINT).

/** Source bytes and rows per file, with what was set aside. */
export function optimisationFilesSql(): string {
	return `SELECT file,
       source_bytes,
       rows,
       round(source_bytes / nullif(rows, 0), 1) AS source_bytes_per_row,
       rejected_lines,
       invalid_rows
FROM ingest_files
ORDER BY file`;
}

/** Stored bytes per table of the store, against the source's bytes. */
export function optimisationTablesSql(): string {
	return `WITH per_table AS (
    SELECT table_name, max(rows) AS rows, sum(bytes) AS stored_bytes, count(*) AS columns
    FROM store_report
    GROUP BY table_name
)
SELECT table_name,
       rows,
       columns,
       stored_bytes,
       round(stored_bytes / nullif(rows, 0), 1) AS bytes_per_row,
       round(100 * stored_bytes / nullif((SELECT sum(source_bytes) FROM ingest_files), 0), 2) AS pct_of_source
FROM per_table
ORDER BY stored_bytes DESC`;
}

/** The headline: source bytes → bytes of the compact events table and of the whole store. */
export function optimisationSummarySql(): string {
	// One aggregate per table, not a scalar subquery per figure: DuckDB plans each subquery as
	// its own join, and planning was most of this cell's time (40 ms of DuckDB-WASM at 10M rows).
	return `WITH source AS (
    SELECT sum(source_bytes) AS source_bytes, sum(rows) AS rows FROM ingest_files
),
stored AS (
    SELECT sum(bytes) FILTER (WHERE table_name = 'events') AS events_bytes, sum(bytes) AS store_bytes FROM store_report
)
SELECT source_bytes,
       events_bytes,
       store_bytes,
       round(source_bytes / nullif(events_bytes, 0), 1) AS events_compression_x,
       rows
FROM source, stored`;
}

/** Every column of `events`: the type chosen, DuckDB's compression and its bytes per row. */
export function optimisationColumnsSql(): string {
	return `SELECT column_name,
       column_type,
       compression,
       bytes,
       round(bytes / nullif(rows, 0), 2) AS bytes_per_row
FROM store_report
WHERE table_name = 'events'
ORDER BY column_index`;
}

/** Time per phase and step of the ingest (append = reading files into events; build = facts). */
export function optimisationStepsSql(): string {
	return `SELECT phase,
       regexp_replace(step, ' \\d+/\\d+$', '') AS step,
       count(*) AS passes,
       round(sum(ms) / 1000, 2) AS seconds
FROM ingest_steps
GROUP BY ALL
ORDER BY min(seq)`;
}
