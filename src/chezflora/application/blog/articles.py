"""Writing articles (admins): sanitized HTML body, optional cover image stored through `Storage`."""

from __future__ import annotations

from dataclasses import dataclass

from chezflora.application.blog.ports import BlogUnitOfWorkFactory, HtmlSanitizer
from chezflora.application.catalogue.ports import ImageProcessor, Storage
from chezflora.application.identity.authentication import Viewer
from chezflora.application.ports import Clock
from chezflora.domain.article import (
    ARTICLE_NOT_FOUND,
    Article,
    validate_contenu,
    validate_titre,
)
from chezflora.domain.errors import InvalidInput, NotFound
from chezflora.domain.photo import check_image_size

COVER_FOLDER = "article_covers"
EMPTY_AFTER_CLEANING = "Le contenu ne contient rien d'affichable une fois nettoyé."


@dataclass(frozen=True, slots=True)
class ArticleInput:
    """A create (all set) or a partial update (None = not sent; no cover = keep the old one)."""

    titre: object = None
    contenu: object = None
    is_active: bool | None = None
    cover: bytes | None = None


class _ArticleWriter:
    def __init__(
        self,
        uow: BlogUnitOfWorkFactory,
        clock: Clock,
        sanitizer: HtmlSanitizer,
        images: ImageProcessor,
        storage: Storage,
    ) -> None:
        self._uow, self._clock, self._sanitizer = uow, clock, sanitizer
        self._images, self._storage = images, storage

    def _clean(self, contenu: object) -> str:
        cleaned = self._sanitizer.clean(validate_contenu(contenu)).strip()
        if not cleaned:
            raise InvalidInput.on_field("contenu", EMPTY_AFTER_CLEANING)
        return cleaned

    def _store_cover(self, data: bytes | None) -> str | None:
        if data is None:
            return None
        check_image_size(len(data))
        encoded = self._images.normalise(data)
        return self._storage.save(encoded.data, COVER_FOLDER, encoded.extension)


class CreateArticle(_ArticleWriter):
    """Admin: titre and contenu required (contenu sanitized), is_active defaults to true, the
    author is the admin. The cover is stored first and removed again if the row is not written."""

    def __call__(self, admin: Viewer, data: ArticleInput) -> int:
        titre, contenu = validate_titre(data.titre), self._clean(data.contenu)
        cover = self._store_cover(data.cover)
        now = self._clock.now()
        article = Article(
            titre=titre,
            contenu=contenu,
            auteur_id=admin.user_id,
            is_active=True if data.is_active is None else data.is_active,
            cover=cover,
            date_publication=now,
            date_mise_a_jour=now,
        )
        try:
            with self._uow() as uow:
                uow.articles.add(article)
                uow.commit()
        except BaseException:
            if cover is not None:
                self._storage.delete(cover)
            raise
        return article.id


class UpdateArticle(_ArticleWriter):
    """Admin, partial: absent fields (and an absent cover) keep their value; a replaced cover's
    old file is removed after the commit."""

    def __call__(self, article_id: int, data: ArticleInput) -> None:
        titre = None if data.titre is None else validate_titre(data.titre)
        contenu = None if data.contenu is None else self._clean(data.contenu)
        cover = self._store_cover(data.cover)
        try:
            with self._uow() as uow:
                article = uow.articles.get(article_id)
                if article is None:
                    raise NotFound(ARTICLE_NOT_FOUND)
                old_cover = article.cover
                article.titre = titre or article.titre
                article.contenu = contenu or article.contenu
                if data.is_active is not None:
                    article.is_active = data.is_active
                if cover is not None:
                    article.cover = cover
                article.date_mise_a_jour = self._clock.now()
                uow.articles.save(article)
                uow.commit()
        except BaseException:
            if cover is not None:
                self._storage.delete(cover)
            raise
        if cover is not None and old_cover is not None:
            self._storage.delete(old_cover)


class DeleteArticle:
    """Admin: the article and its comments go, then its cover file."""

    def __init__(self, uow: BlogUnitOfWorkFactory, storage: Storage) -> None:
        self._uow, self._storage = uow, storage

    def __call__(self, article_id: int) -> None:
        with self._uow() as uow:
            article = uow.articles.get(article_id)
            if article is None:
                raise NotFound(ARTICLE_NOT_FOUND)
            uow.articles.delete(article_id)
            uow.commit()
        if article.cover is not None:
            self._storage.delete(article.cover)
