"""Outside the request: Dramatiq actors, the worker process, the job registry, the scheduler."""
