"""`make bench`: real load (wrk) against the API on MariaDB over 127.0.0.1."""
