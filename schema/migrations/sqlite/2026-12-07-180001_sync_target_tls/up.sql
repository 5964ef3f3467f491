-- Per target TLS material (JSON: caFile, clientCertFile, clientKeyFile): file paths only, the
-- keys themselves stay on disk. NULL: the default trust store and no client certificate.
ALTER TABLE sync_targets ADD COLUMN tls TEXT;
