"""The `ImageProcessor` port with Pillow: decode for real, shrink, re-encode (JPEG or PNG)."""

from __future__ import annotations

import io
import warnings

from PIL import Image, ImageOps, UnidentifiedImageError

from chezflora.application.catalogue.ports import EncodedImage
from chezflora.domain.photo import UnsupportedImage

ACCEPTED_FORMATS = frozenset({"JPEG", "PNG", "GIF", "WEBP"})
MAX_SIDE = 1600
# Far above any photo, far below what would exhaust memory while decoding.
MAX_PIXELS = 50_000_000
NOT_AN_IMAGE = "Le fichier n'est pas une image valide (JPEG, PNG, GIF ou WebP)."


class PillowImageProcessor:
    def normalise(self, data: bytes) -> EncodedImage:
        image = self._decode(data)
        image = ImageOps.exif_transpose(image)
        image.thumbnail((MAX_SIDE, MAX_SIDE))
        out = io.BytesIO()
        if _has_alpha(image):
            image.convert("RGBA").save(out, format="PNG", optimize=True)
            return EncodedImage(out.getvalue(), "png")
        # Palette GIFs and CMYK JPEGs cannot be written as JPEG as they are.
        image.convert("RGB").save(out, format="JPEG", quality=85, optimize=True)
        return EncodedImage(out.getvalue(), "jpg")

    @staticmethod
    def _decode(data: bytes) -> Image.Image:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                image = Image.open(io.BytesIO(data))
                if image.format not in ACCEPTED_FORMATS:
                    raise UnsupportedImage(NOT_AN_IMAGE)
                if image.width * image.height > MAX_PIXELS:
                    raise UnsupportedImage(NOT_AN_IMAGE)
                image.load()
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
            raise UnsupportedImage(NOT_AN_IMAGE) from exc
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
            raise UnsupportedImage(NOT_AN_IMAGE) from exc
        return image


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in {"RGBA", "LA", "PA"} or (
        image.mode == "P" and "transparency" in image.info
    )
