/**
 * Facts about running databases on Kubernetes that the constructs (StatefulDatabase) and the rules (DBS-...) both read.
 */

/**
 * Shortest termination grace period a database gets, in seconds: time to checkpoint and flush before SIGKILL (the
 * kubelet's default of 30 s cuts a PostgreSQL shutdown checkpoint of a busy server short).
 */
export const DATABASE_MIN_TERMINATION_GRACE_SECONDS = 120;
