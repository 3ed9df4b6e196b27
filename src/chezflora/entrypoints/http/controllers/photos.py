"""Photos of catalogue entities, free image uploads, and the /media/ files they point to."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from litestar import Request, Response, Router, delete, get, post
from litestar.datastructures import UploadFile
from litestar.di import NamedDependency
from litestar.enums import RequestEncodingType
from litestar.exceptions import HTTPException, NotFoundException
from litestar.params import Body, FromPath
from litestar.static_files import create_static_files_router

from chezflora.application.catalogue.module import CatalogueModule
from chezflora.application.identity.authentication import Viewer
from chezflora.domain.errors import InvalidInput
from chezflora.domain.photo import ImageTooLarge, UnsupportedImage
from chezflora.entrypoints.http.blocking import blocking
from chezflora.entrypoints.http.errors import error_body
from chezflora.entrypoints.http.injected import Injected
from chezflora.entrypoints.http.wire.catalogue import PhotoOut, photo_out

Form = Annotated[dict[str, Any], Body(media_type=RequestEncodingType.MULTI_PART)]
TAGS = ["catalogue"]
NO_IMAGE = "Aucune image fournie"


def _image_bytes(form: dict[str, Any]) -> bytes:
    upload = form.get("image")
    if not isinstance(upload, UploadFile):
        raise InvalidInput(NO_IMAGE, fields={"image": [NO_IMAGE]})
    upload.file.seek(0)
    return upload.file.read()


def _rejected(exc: UnsupportedImage | ImageTooLarge) -> HTTPException:
    return HTTPException(
        status_code=415 if isinstance(exc, UnsupportedImage) else 413, detail=exc.message
    )


@get("/api/photos/", tags=TAGS)
@blocking
def list_photos(catalogue: Injected[CatalogueModule]) -> list[PhotoOut]:
    """Bare array of every photo (as the original)."""
    return [photo_out(p) for p in catalogue.reader.photos()]


@get("/api/photos/{photo_id:int}/", tags=TAGS)
@blocking
def photo_detail(photo_id: FromPath[int], catalogue: Injected[CatalogueModule]) -> PhotoOut:
    """One photo, its image as an absolute URL."""
    return photo_out(catalogue.reader.photo(photo_id))


@post("/api/photos/", tags=TAGS)
@blocking
def add_photo(
    data: Form, admin: NamedDependency[Viewer], catalogue: Injected[CatalogueModule]
) -> PhotoOut:
    """multipart image, entity_type (produit, service, realisation), entity_id; 415, 413."""
    try:
        photo_id = catalogue.add_photo(
            str(data.get("entity_type", "")), data.get("entity_id"), _image_bytes(data)
        )
    except (UnsupportedImage, ImageTooLarge) as exc:
        raise _rejected(exc) from None
    return photo_out(catalogue.reader.photo(photo_id))


@delete("/api/photos/{photo_id:int}/", tags=TAGS)
@blocking
def delete_photo(
    photo_id: FromPath[int], admin: NamedDependency[Viewer], catalogue: Injected[CatalogueModule]
) -> None:
    """Admin: the row goes, then the file."""
    catalogue.delete_photo(photo_id)


@post("/api/upload-image/", tags=TAGS)
@blocking
def upload_image(
    data: Form, admin: NamedDependency[Viewer], catalogue: Injected[CatalogueModule]
) -> dict[str, str]:
    """A free image for article bodies → {"url": absolute URL}."""
    try:
        return {"url": catalogue.upload_image(_image_bytes(data))}
    except (UnsupportedImage, ImageTooLarge) as exc:
        raise _rejected(exc) from None


async def _nosniff(response: Response[Any]) -> Response[Any]:
    # Browsers must never guess another type than the image type we re-encoded to.
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


def media_files(folder: Path) -> Router:
    """Serve stored images under /media/ (a CDN or the reverse proxy can take over later)."""
    folder.mkdir(parents=True, exist_ok=True)
    return create_static_files_router(
        path="/media",
        directories=[folder],
        name="media",
        after_request=_nosniff,
        exception_handlers={NotFoundException: _no_such_file},
    )


def _no_such_file(_: Request[Any, Any, Any], __: NotFoundException) -> Response[Any]:
    """Litestar's message names the resolved path on the server's disk: never show it."""
    return Response(error_body("Fichier non trouvé"), status_code=404)


ROUTES = [list_photos, photo_detail, add_photo, delete_photo, upload_image]
