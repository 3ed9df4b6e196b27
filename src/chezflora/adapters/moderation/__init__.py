"""Comment moderators: local deterministic rules, and an optional language model over HTTP."""
