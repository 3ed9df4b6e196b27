"""Delivery addresses: owner-scoped CRUD, one default per client."""

from __future__ import annotations

from collections.abc import Mapping

from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.application.shopping.common import ensure_visible
from chezflora.application.unit_of_work import UnitOfWork, UnitOfWorkFactory
from chezflora.domain.address import NOT_FOUND_MESSAGE, Address, clean_fields
from chezflora.domain.errors import NotFound


def _visible(uow: UnitOfWork, actor: Viewer, address_id: int) -> Address:
    address = uow.addresses.get(address_id)
    if address is None:
        raise NotFound(NOT_FOUND_MESSAGE)
    ensure_visible(address.client_id, actor.user_id, actor.is_admin, NOT_FOUND_MESSAGE)
    return address


def _keep_single_default(uow: UnitOfWork, address: Address) -> None:
    if address.is_default and address.id is not None:
        uow.addresses.clear_default(address.client_id, except_id=address.id)


class CreateAddress:
    """The address belongs to its creator (an admin creating one gets it too)."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, actor: Viewer, values: Mapping[str, object]) -> int:
        fields = clean_fields(values, partial=False)
        with self._uow() as uow:
            address = Address(
                client_id=actor.user_id,
                nom=fields["nom"],
                rue=fields["rue"],
                ville=fields["ville"],
                code_postal=fields["code_postal"],
                pays=fields["pays"],
                is_default=bool(values.get("is_default", False)),
                date_creation=self._clock.now(),
            )
            uow.addresses.add(address)
            _keep_single_default(uow, address)
            uow.commit()
        assert address.id is not None
        return address.id


class UpdateAddress:
    """Partial update (PUT too) by the owner or an admin; setting is_default unsets the others."""

    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    def __call__(self, actor: Viewer, address_id: int, changes: Mapping[str, object]) -> None:
        with self._uow() as uow:
            address = _visible(uow, actor, address_id)
            address.apply(changes)
            uow.addresses.save(address)
            _keep_single_default(uow, address)
            uow.commit()


class DeleteAddress:
    """Owner or admin; orders that used it keep their history (their link becomes empty)."""

    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    def __call__(self, actor: Viewer, address_id: int) -> None:
        with self._uow() as uow:
            _visible(uow, actor, address_id)
            uow.addresses.delete(address_id)
            uow.commit()
