"""Typed business errors. The HTTP layer maps each family to one status code (decisions.md §1)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


class DomainError(Exception):
    """Base of every error the business rules raise; `message` is the French text clients show."""

    def __init__(self, message: str, **extra: object) -> None:
        super().__init__(message)
        self.message = message
        self.extra: dict[str, object] = dict(extra)


class InvalidInput(DomainError):
    """Input breaks a rule (400). `fields` maps a wire field name to its messages."""

    def __init__(
        self,
        message: str,
        fields: Mapping[str, Sequence[str]] | None = None,
        **extra: object,
    ) -> None:
        super().__init__(message, **extra)
        self.fields = {name: list(messages) for name, messages in (fields or {}).items()}

    @classmethod
    def on_field(cls, field: str, message: str) -> InvalidInput:
        return cls(message, fields={field: [message]})


class NotAuthenticated(DomainError):
    """No valid credentials (401)."""


class Forbidden(DomainError):
    """Authenticated but not allowed (403)."""


class NotFound(DomainError):
    """The thing does not exist, or is not visible to the caller (404)."""


class Conflict(DomainError):
    """The request fights the current state: stock, seats, illegal transition, key reuse (409)."""


class OutOfStock(Conflict):
    """Some lines cannot be served; `products` names them."""

    def __init__(self, products: Sequence[str]) -> None:
        super().__init__("Stock insuffisant", produits=list(products))
        self.products = list(products)


class NoLongerSold(Conflict):
    """Products in a cart that the shop has stopped selling (inactive or deleted); named."""

    def __init__(self, products: Sequence[str]) -> None:
        names = ", ".join(products)
        super().__init__(f"Produit(s) plus en vente : {names}", produits=list(products))
        self.products = list(products)


class IllegalTransition(Conflict):
    """A state machine refused a move."""

    def __init__(self, entity: str, current: str, target: str) -> None:
        super().__init__(
            f"Transition impossible pour {entity} : {current} → {target}",
            statut=current,
        )
        self.current = current
        self.target = target


class TooManyRequests(DomainError):
    """Throttled (429); `retry_after` in whole seconds."""

    def __init__(
        self, retry_after: int, message: str = "Trop de requêtes, réessayez plus tard."
    ) -> None:
        super().__init__(message)
        self.retry_after = retry_after
