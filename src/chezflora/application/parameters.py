"""Site parameters: admin CRUD (upsert by key) and the public whitelist."""

from __future__ import annotations

from chezflora.application.ports import Clock
from chezflora.application.unit_of_work import UnitOfWorkFactory
from chezflora.domain.errors import InvalidInput, NotFound
from chezflora.domain.parameter import Parameter, check_key, check_value
from chezflora.domain.parameter_rules import check_known


class SaveParameter:
    """Creates a parameter, or updates the one with that key (the low-stock page posts blindly).

    Known keys are typed and ranged (`parameter_rules`): a bad value is a 400 on `valeur`."""

    def __init__(self, uow: UnitOfWorkFactory, clock: Clock) -> None:
        self._uow, self._clock = uow, clock

    def __call__(
        self, cle: str, valeur: str, description: str | None, parameter_id: int | None = None
    ) -> tuple[Parameter, bool]:
        key = check_key(cle)
        value = check_known(key, check_value(valeur))
        now = self._clock.now()
        with self._uow() as uow:
            by_key = uow.parameters.by_key(key)
            if parameter_id is not None:
                target = uow.parameters.get(parameter_id)
                if target is None:
                    raise NotFound("Paramètre non trouvé")
                if by_key is not None and by_key.id != parameter_id:
                    raise InvalidInput.on_field("cle", "Un paramètre avec cette clé existe déjà.")
            else:
                target = by_key
            created = target is None
            if target is None:
                target = Parameter(
                    cle=key, valeur=value, description=description, date_mise_a_jour=now
                )
                uow.parameters.add(target)
            else:
                target.cle, target.valeur, target.date_mise_a_jour = key, value, now
                if description is not None:
                    target.description = description
                uow.parameters.save(target)
            uow.commit()
        return target, created


class DeleteParameter:
    """Removes a parameter; rules fall back to their defaults."""

    def __init__(self, uow: UnitOfWorkFactory) -> None:
        self._uow = uow

    def __call__(self, parameter_id: int) -> None:
        with self._uow() as uow:
            if uow.parameters.get(parameter_id) is None:
                raise NotFound("Paramètre non trouvé")
            uow.parameters.delete(parameter_id)
            uow.commit()
