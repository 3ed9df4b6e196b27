"""Order: status workflow, lines frozen at checkout, and the stock shortage check."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from chezflora.domain.errors import Forbidden, IllegalTransition, InvalidInput
from chezflora.domain.money import Money, sum_money

# The original's message (decisions §1 keeps the original French business texts).
EMPTY_CART_MESSAGE = "Panier vide"
CLIENT_MOVE_MESSAGE = "Vous ne pouvez pas modifier le statut de cette commande"


class OrderStatus(StrEnum):
    EN_ATTENTE = "en_attente"
    EN_COURS = "en_cours"
    EXPEDIEE = "expediee"
    LIVREE = "livree"
    ANNULEE = "annulee"


_CANCELLABLE = frozenset({OrderStatus.EN_ATTENTE, OrderStatus.EN_COURS})

# Every legal move (decisions §4). Who may make it is decided by `ensure_transition`.
TRANSITIONS: frozenset[tuple[OrderStatus, OrderStatus]] = frozenset(
    {
        (OrderStatus.EN_ATTENTE, OrderStatus.EN_COURS),
        (OrderStatus.EN_COURS, OrderStatus.EXPEDIEE),
        (OrderStatus.EXPEDIEE, OrderStatus.LIVREE),
        (OrderStatus.EN_ATTENTE, OrderStatus.ANNULEE),
        (OrderStatus.EN_COURS, OrderStatus.ANNULEE),
    }
)


def can_cancel(status: OrderStatus) -> bool:
    """An order can be cancelled until it ships."""
    return status in _CANCELLABLE


def ensure_transition(current: OrderStatus, target: OrderStatus, by_admin: bool) -> None:
    """Clients may only cancel (their own order); admins and the system make every legal move."""
    # Authorisation first: a client is told "not yours to do", not "not possible now".
    if not by_admin and target != OrderStatus.ANNULEE:
        raise Forbidden(CLIENT_MOVE_MESSAGE)
    if (current, target) not in TRANSITIONS:
        raise IllegalTransition("commande", str(current), str(target))


def status_after_payment(current: OrderStatus) -> OrderStatus:
    """A completed payment moves a waiting order to en_cours and leaves any other status alone."""
    return OrderStatus.EN_COURS if current == OrderStatus.EN_ATTENTE else current


@dataclass(frozen=True, slots=True)
class OrderLine:
    """A product bought at the unit price effective at checkout; it never changes afterwards.

    `product_id` is None for work that is not a catalogue product (an accepted quote).
    """

    product_id: int | None
    product_name: str
    quantity: int
    unit_price: Money

    def __post_init__(self) -> None:
        # Guards against programming errors; user input is validated before it gets here.
        if isinstance(self.quantity, bool) or self.quantity < 1:
            raise ValueError(f"order line quantity must be ≥ 1, got {self.quantity!r}")
        if self.unit_price.is_negative():
            raise ValueError(f"order line unit price must be ≥ 0, got {self.unit_price}")

    @property
    def subtotal(self) -> Money:
        return self.unit_price * self.quantity


def order_total(lines: Iterable[OrderLine]) -> Money:
    """Σ unit price × quantity; no delivery fee, no tax."""
    return sum_money(line.subtotal for line in lines)


def place_order_lines(
    quantities: Mapping[int, int],
    unit_prices: Mapping[int, Money],
    product_names: Mapping[int, str],
) -> list[OrderLine]:
    """Freeze one line per product at the given unit prices; an empty cart cannot be ordered."""
    if not quantities:
        raise InvalidInput(EMPTY_CART_MESSAGE)
    return [
        OrderLine(product_id, product_names[product_id], quantity, unit_prices[product_id])
        for product_id, quantity in quantities.items()
    ]


@dataclass(eq=False, kw_only=True)
class Order:
    """An order: lines and total frozen when placed; only its status (and archive flag) moves."""

    id: int | None = None
    client_id: int
    status: OrderStatus = OrderStatus.EN_ATTENTE
    total: Money
    lines: list[OrderLine] = field(default_factory=list)
    address_id: int | None = None
    placed_at: datetime
    updated_at: datetime
    is_active: bool = True
    stock_restored: bool = False
    subscription_id: int | None = None
    delivery_date: date | None = None

    @classmethod
    def place(
        cls, client_id: int, lines: list[OrderLine], address_id: int | None, now: datetime
    ) -> Order:
        """A new order waits for its payment; its total is the sum of its frozen lines."""
        return cls(
            client_id=client_id,
            total=order_total(lines),
            lines=list(lines),
            address_id=address_id,
            placed_at=now,
            updated_at=now,
        )

    @classmethod
    def deliver(
        cls,
        subscription_id: int,
        delivery_date: date,
        client_id: int,
        lines: list[OrderLine],
        address_id: int | None,
        now: datetime,
    ) -> Order:
        """One delivery of a subscription, tied to its date.

        Deliveries are generated only for paid subscriptions, so the order starts as paid
        (`en_cours`, decisions §4: en_attente → en_cours once the payment is completed).
        """
        order = cls.place(client_id, lines, address_id, now)
        order.subscription_id, order.delivery_date = subscription_id, delivery_date
        order.status = OrderStatus.EN_COURS
        return order

    def quantities(self) -> dict[int, int]:
        """Product id → quantity, for lines whose product still exists."""
        return {
            line.product_id: line.quantity for line in self.lines if line.product_id is not None
        }
