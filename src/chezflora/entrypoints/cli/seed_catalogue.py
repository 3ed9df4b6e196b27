"""Demo catalogue (original-api.md Appendix B) with drawn photos, and `--products N` synthetics."""

from __future__ import annotations

import argparse
import io
import time

from PIL import Image, ImageDraw

from chezflora.application.catalogue.commands import NewCategory, NewProduct
from chezflora.application.catalogue.views import CategoryFilters, ProductFilters
from chezflora.application.listing import ListOptions
from chezflora.application.pagination import PageRequest
from chezflora.bootstrap import Container
from chezflora.domain.catalogue_fields import validate_price

CATEGORIES = {
    "Fleurs fraîches": "Roses, lys et orchidées coupées du jour",
    "Arrangements": "Bouquets et compositions pour chaque occasion",
    "Fleurs stabilisées": "Des fleurs qui durent des mois",
    "Fleurs décoratives": "Fleurs séchées et artificielles",
    "Plantes en pot": "Plantes d'intérieur et d'extérieur",
}
# (nom, catégorie, prix FCFA, stock, couleur du dessin)
PRODUCTS = [
    ("Rose de Bafoussam", "Fleurs fraîches", "1500", 120, (200, 30, 60)),
    ("Orchidée de Buea", "Fleurs fraîches", "3000", 40, (170, 90, 200)),
    ("Lys blanc de Dschang", "Fleurs fraîches", "2000", 60, (245, 245, 235)),
    ("Tournesol de Foumban", "Fleurs fraîches", "800", 90, (250, 200, 20)),
    ("Bouquet Mariage Élégance", "Arrangements", "25000", 10, (250, 230, 240)),
    ("Bouquet Anniversaire Soleil", "Arrangements", "12000", 25, (255, 160, 40)),
    ("Couronne Funéraire Paix", "Arrangements", "35000", 10, (240, 240, 250)),
    ("Centre de table Douala", "Arrangements", "15000", 15, (220, 80, 120)),
    ("Rose éternelle sous cloche", "Fleurs stabilisées", "18000", 20, (180, 20, 40)),
    ("Hortensia stabilisé", "Fleurs stabilisées", "9500", 30, (120, 150, 230)),
    ("Bouquet séché Kribi", "Fleurs décoratives", "7000", 35, (200, 170, 120)),
    ("Gerbe artificielle Limbé", "Fleurs décoratives", "5500", 45, (230, 120, 160)),
    ("Ficus d'intérieur", "Plantes en pot", "10000", 20, (40, 140, 60)),
    ("Aloe vera de Garoua", "Plantes en pot", "4500", 50, (90, 170, 110)),
    ("Palmier nain Yaoundé", "Plantes en pot", "14000", 12, (30, 110, 50)),
]


def drawn_photo(nom: str, colour: tuple[int, int, int]) -> bytes:
    """A simple flower: petals around a heart, the product's initial in a corner."""
    image = Image.new("RGB", (640, 640), (250, 247, 240))
    draw = ImageDraw.Draw(image)
    draw.line((320, 330, 320, 620), fill=(40, 120, 50), width=14)
    for dx, dy in (
        (-90, 0),
        (90, 0),
        (0, -90),
        (0, 90),
        (-64, -64),
        (64, 64),
        (-64, 64),
        (64, -64),
    ):
        draw.ellipse((320 + dx - 70, 260 + dy - 70, 320 + dx + 70, 260 + dy + 70), fill=colour)
    draw.ellipse((270, 210, 370, 310), fill=(240, 190, 40))
    draw.text((24, 24), nom[:1], fill=(60, 60, 60))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def seed_catalogue(container: Container, args: argparse.Namespace) -> None:
    """Idempotent: existing categories and products (by name) are left as the staff made them."""
    catalogue = container.catalogue
    category_ids = _ensure_categories(container)
    existing = _product_names(container)
    for nom, category, prix, stock, colour in PRODUCTS:
        if nom in existing:
            continue
        product_id = catalogue.create_product(
            NewProduct(
                name=nom,
                description=f"{nom} — {CATEGORIES[category]}.",
                price=validate_price(prix),
                stock=stock,
                category_id=category_ids[category],
            )
        )
        catalogue.add_photo("produit", product_id, drawn_photo(nom, colour))
    wanted = int(getattr(args, "products", 0) or 0)
    have = container.synthetic_products.count()
    if wanted > have:
        started = time.perf_counter()
        ids = list(category_ids.values())
        container.synthetic_products.insert(ids, have, wanted - have, container.clock.now())
        print(
            f"{wanted - have} produits synthétiques créés en {time.perf_counter() - started:.1f} s"
        )
    print(f"Catalogue de démonstration : {len(CATEGORIES)} catégories, {len(PRODUCTS)} produits")


def _ensure_categories(container: Container) -> dict[str, int]:
    reader = container.catalogue.reader
    found: dict[str, int] = {}
    for nom, description in CATEGORIES.items():
        page = reader.list_categories(
            CategoryFilters(include_inactive=True, nom=nom), PageRequest(1, 1)
        )
        if page.items:
            found[nom] = page.items[0].id
        else:
            found[nom] = container.catalogue.create_category(
                NewCategory(name=nom, description=description)
            )
    return found


def _product_names(container: Container) -> set[str]:
    reader = container.catalogue.reader
    names: set[str] = set()
    for nom, *_ in PRODUCTS:
        filters = ProductFilters(include_inactive=True, nom=nom, options=ListOptions())
        page = reader.list_products(filters, PageRequest(1, 1), container.clock.now())
        names.update(view.record.nom for view in page.items)
    return names
