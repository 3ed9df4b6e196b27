"""Request bodies → typed commands: the domain's rules run on the keys sent, every failure is
reported at once under the French wire name, and the command speaks English."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from chezflora.application.catalogue.commands import (
    NOT_GIVEN,
    CategoryChanges,
    NewProduct,
    ProductChanges,
)
from chezflora.application.services.commands import NewService
from chezflora.domain.catalogue_fields import (
    BLANK,
    INVALID_DATA,
    NOT_A_BOOLEAN,
    NOT_A_STRING,
    PRICE_NEGATIVE,
    REQUIRED,
    STOCK_NEGATIVE,
)
from chezflora.domain.errors import InvalidInput
from chezflora.domain.money import Money
from chezflora.domain.pricing import REDUCTION_OUT_OF_RANGE
from chezflora.entrypoints.http.wire.catalogue import (
    CategoryIn,
    ProductIn,
    category_changes,
    new_category,
    new_product,
    product_changes,
)
from chezflora.entrypoints.http.wire.promotions import (
    PromotionIn,
    new_promotion,
    promotion_changes,
)
from chezflora.entrypoints.http.wire.services import (
    RealisationIn,
    ServiceIn,
    new_realisation,
    new_service,
    realisation_changes,
)


def refused(call: object, *args: object) -> InvalidInput:
    assert callable(call)
    with pytest.raises(InvalidInput) as caught:
        call(*args)
    return caught.value


# --- products ---------------------------------------------------------------------------------


def test_product_fields_are_normalised() -> None:
    body = ProductIn(nom=" Rose ", description=None, prix="1500", stock="12", categorie_id="3")
    assert new_product(body) == NewProduct(
        name="Rose", description="", price=Money.of("1500"), stock=12, category_id=3
    )


def test_json_floats_are_read_as_their_decimal_text() -> None:
    body = ProductIn(nom="Rose", prix=1500.5, stock=1, categorie_id=1)
    assert new_product(body).price == Money.of("1500.50")


def test_every_failing_field_is_reported() -> None:
    error = refused(new_product, ProductIn(nom="", prix="-1", stock=-2, categorie_id=1))
    assert error.fields == {
        "nom": [BLANK],
        "prix": [PRICE_NEGATIVE],
        "stock": [STOCK_NEGATIVE],
    }
    assert error.message == INVALID_DATA


def test_a_missing_category_comes_last() -> None:
    error = refused(new_product, ProductIn(nom="Rose", prix="1", stock=1, is_active="oui"))
    assert list(error.fields.items()) == [
        ("is_active", [NOT_A_BOOLEAN]),
        ("categorie_id", [REQUIRED]),
    ]


def test_a_single_failure_is_its_own_summary() -> None:
    error = refused(new_category, CategoryIn(nom=None))
    assert error.message == REQUIRED
    assert error.fields == {"nom": [REQUIRED]}


def test_partial_update_checks_only_the_fields_sent() -> None:
    assert product_changes(ProductIn(stock="3")) == ProductChanges(stock=3)


def test_full_creation_requires_every_field() -> None:
    error = refused(new_product, ProductIn(nom="Rose", categorie_id=1))
    assert error.fields == {"prix": [REQUIRED], "stock": [REQUIRED]}


def test_a_null_flag_leaves_the_product_as_it_is() -> None:
    assert product_changes(ProductIn(is_active=None)).is_active is NOT_GIVEN
    assert product_changes(ProductIn(promotions=None)).promotion_ids == frozenset()


# --- categories -------------------------------------------------------------------------------


def test_category_flag_is_checked_once_the_texts_pass() -> None:
    # As before the refactor: a bad name hides a bad flag; the flag is reported on its own.
    assert set(refused(category_changes, CategoryIn(nom="", is_active="x")).fields) == {"nom"}
    assert refused(category_changes, CategoryIn(is_active="x")).fields == {
        "is_active": [NOT_A_BOOLEAN]
    }
    assert category_changes(CategoryIn(nom=" A ", is_active="false")) == CategoryChanges(
        name="A", is_active=False
    )


# --- promotions -------------------------------------------------------------------------------


def test_missing_promotion_fields_are_reported_in_field_order() -> None:
    error = refused(new_promotion, PromotionIn(nom=3, date_debut="2026-01-01", reduction="2"))
    assert list(error.fields) == ["nom", "reduction", "date_fin"]
    assert error.fields["nom"] == [NOT_A_STRING]
    assert error.fields["reduction"] == [REDUCTION_OUT_OF_RANGE]
    assert error.fields["date_fin"] == [REQUIRED]


def test_promotion_changes_keep_an_explicit_null_category() -> None:
    changes = promotion_changes(PromotionIn(categorie_id=None, date_fin="2026-02-01"))
    assert changes.category_id is None
    assert changes.ends_at == datetime(2026, 2, 1, tzinfo=UTC)
    assert changes.name is NOT_GIVEN
    assert refused(promotion_changes, PromotionIn(is_active=None)).fields == {
        "is_active": [NOT_A_BOOLEAN]
    }


# --- services and réalisations ----------------------------------------------------------------


def test_service_fields_accept_form_strings_and_refuse_bad_input() -> None:
    body = ServiceIn(nom=" Mariage ", description="Déco", is_active="false")
    assert new_service(body) == NewService(name="Mariage", description="Déco", is_active=False)
    error = refused(new_service, ServiceIn(nom="", description=3))
    assert set(error.fields) == {"nom", "description"}
    refused(new_service, ServiceIn(nom="x", is_active="peut-être"))


def test_realisation_fields() -> None:
    body = RealisationIn(service_id="4", titre="Kribi", date="2025-03-01", is_active="true")
    command = new_realisation(body)
    assert command.service_id == 4
    assert command.title == "Kribi"
    assert command.date == datetime(2025, 3, 1, tzinfo=UTC)
    assert command.is_active is True
    error = refused(new_realisation, RealisationIn(titre="x"))
    assert {"service_id", "date"} <= set(error.fields)
    assert realisation_changes(RealisationIn(titre="Douala")).service_id is NOT_GIVEN
