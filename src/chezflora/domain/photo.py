"""Photos of catalogue entities and the limits of an upload."""

from __future__ import annotations

from dataclasses import dataclass

from chezflora.domain.errors import DomainError

PHOTO_NOT_FOUND = "Photo non trouvée"
UNSUPPORTED_ENTITY = "Type d'entité non pris en charge"

PHOTO_ENTITY_TYPES = frozenset({"produit", "service", "realisation"})
MAX_IMAGE_BYTES = 5 * 1024 * 1024


class UnsupportedImage(DomainError):
    """The upload is not a JPEG, PNG, GIF or WebP image (415)."""


class ImageTooLarge(DomainError):
    """The upload is above MAX_IMAGE_BYTES (413)."""


@dataclass(frozen=True, slots=True)
class Photo:
    """An image attached to a catalogue entity; `image` is the storage name, not a URL."""

    id: int
    image: str
    entity_type: str
    entity_id: int


def check_image_size(size: int) -> None:
    if size > MAX_IMAGE_BYTES:
        raise ImageTooLarge("La taille de l'image ne doit pas dépasser 5 Mo.")
