"""Background work on Dramatiq: the broker, e-mail enqueueing, delivery guards, the relay."""
