"""Admin writes of services and réalisations (the reads are queries, see queries.py).

Decision (issue 8): a service that quotes or réalisations refer to is never deleted (409): the
quotes are a client's history (and may have become orders), the réalisations its portfolio.
The admin deactivates it instead (`is_active=false`), which hides it from clients and stops new
quotes. Deleting an unused service deletes its photos (rows, then files after commit).
"""

from __future__ import annotations

from dataclasses import replace

from chezflora.application.catalogue.commands import given_or
from chezflora.application.catalogue.ports import Storage
from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.application.services.commands import (
    NewRealisation,
    NewService,
    RealisationChanges,
    ServiceChanges,
)
from chezflora.application.services.ports import ServicesUnitOfWork, ServicesUnitOfWorkFactory
from chezflora.domain.errors import Conflict, InvalidInput, NotFound
from chezflora.domain.service import (
    REALISATION_NOT_FOUND,
    SERVICE_IN_USE,
    SERVICE_NAME_TAKEN,
    SERVICE_NOT_FOUND,
    Realisation,
    Service,
)

SERVICE_PHOTOS = "service"
REALISATION_PHOTOS = "realisation"


def _ensure_name_free(uow: ServicesUnitOfWork, name: str, except_id: int | None = None) -> None:
    owner = uow.services.id_by_name(name)
    if owner is not None and owner != except_id:
        raise InvalidInput.on_field("nom", SERVICE_NAME_TAKEN)


def _drop_photos(uow: ServicesUnitOfWork, entity_type: str, entity_id: int) -> list[str]:
    photos = uow.photos.for_entity(entity_type, entity_id)
    for photo in photos:
        uow.photos.delete(photo.id)
    return [photo.image for photo in photos]


class CreateService:
    """Admin: a unique name (≤ 100 characters), a description, active unless told otherwise."""

    def __init__(self, uow: ServicesUnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, command: NewService) -> int:
        service = Service(
            id=0, name=command.name, description=command.description, is_active=command.is_active
        )
        with self._uow() as uow:
            _ensure_name_free(uow, command.name)
            service_id = uow.services.add(service, self._clock.now())
            uow.commit()
        return service_id


class UpdateService:
    """Admin, partial (PUT and PATCH alike): the name stays unique; re-activation allowed."""

    def __init__(self, uow: ServicesUnitOfWorkFactory) -> None:
        self._uow = uow

    def __call__(self, service_id: int, changes: ServiceChanges) -> None:
        with self._uow() as uow:
            current = uow.services.get(service_id)
            if current is None:
                raise NotFound(SERVICE_NOT_FOUND)
            if isinstance(changes.name, str):
                _ensure_name_free(uow, changes.name, service_id)
            changed = replace(
                current,
                name=given_or(changes.name, current.name),
                description=given_or(changes.description, current.description),
                is_active=given_or(changes.is_active, current.is_active),
            )
            uow.services.save(changed)
            uow.commit()


class DeleteService:
    """Admin: 409 while quotes or réalisations refer to it; otherwise the service and photos go."""

    def __init__(self, uow: ServicesUnitOfWorkFactory, storage: Storage) -> None:
        self._uow, self._storage = uow, storage

    def __call__(self, service_id: int) -> None:
        with self._uow() as uow:
            if uow.services.get(service_id) is None:
                raise NotFound(SERVICE_NOT_FOUND)
            if uow.services.in_use(service_id):
                raise Conflict(SERVICE_IN_USE)
            files = _drop_photos(uow, SERVICE_PHOTOS, service_id)
            uow.services.delete(service_id)
            uow.commit()
        for name in files:
            self._storage.delete(name)


def _existing_service(uow: ServicesUnitOfWork, service_id: int) -> None:
    if uow.services.get(service_id) is None:
        raise InvalidInput.on_field("service_id", SERVICE_NOT_FOUND)


class CreateRealisation:
    """Admin: an existing service, a title, a date, a description; the author is the caller."""

    def __init__(self, uow: ServicesUnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(self, admin: Viewer, command: NewRealisation) -> int:
        realisation = Realisation(
            id=0,
            service_id=command.service_id,
            title=command.title,
            date=command.date,
            description=command.description,
            is_active=command.is_active,
            admin_id=admin.user_id,
        )
        now = self._clock.now()
        with self._uow() as uow:
            _existing_service(uow, command.service_id)
            realisation_id = uow.realisations.add(realisation, now)
            uow.commit()
        return realisation_id


class UpdateRealisation:
    """Admin, partial; inactive ones can be edited and re-activated."""

    def __init__(self, uow: ServicesUnitOfWorkFactory) -> None:
        self._uow = uow

    def __call__(self, realisation_id: int, changes: RealisationChanges) -> None:
        with self._uow() as uow:
            current = uow.realisations.get(realisation_id)
            if current is None:
                raise NotFound(REALISATION_NOT_FOUND)
            if isinstance(changes.service_id, int):
                _existing_service(uow, changes.service_id)
            changed = replace(
                current,
                service_id=given_or(changes.service_id, current.service_id),
                title=given_or(changes.title, current.title),
                date=given_or(changes.date, current.date),
                description=given_or(changes.description, current.description),
                is_active=given_or(changes.is_active, current.is_active),
            )
            uow.realisations.save(changed)
            uow.commit()


class DeleteRealisation:
    """Admin: the réalisation and its photos (rows, then files)."""

    def __init__(self, uow: ServicesUnitOfWorkFactory, storage: Storage) -> None:
        self._uow, self._storage = uow, storage

    def __call__(self, realisation_id: int) -> None:
        with self._uow() as uow:
            if uow.realisations.get(realisation_id) is None:
                raise NotFound(REALISATION_NOT_FOUND)
            files = _drop_photos(uow, REALISATION_PHOTOS, realisation_id)
            uow.realisations.delete(realisation_id)
            uow.commit()
        for name in files:
            self._storage.delete(name)
