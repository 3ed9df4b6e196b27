"""The `HtmlSanitizer` port with nh3 (the Ammonia sanitizer): an allow-list, nothing else."""

from __future__ import annotations

import nh3

# What the admin's Quill editor produces, and nothing that can run code.
ALLOWED_TAGS = frozenset(
    {
        "p", "br", "hr", "span", "div", "strong", "b", "em", "i", "u", "s", "sub", "sup",
        "blockquote", "pre", "code", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "a", "img", "figure", "figcaption",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "*": {"class"},  # Quill's ql-align-*, ql-indent-*, ql-size-* (classes cannot run code)
    "a": {"href", "title", "target"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})


class Nh3HtmlSanitizer:
    def clean(self, html: str) -> str:
        return nh3.clean(
            html,
            tags=set(ALLOWED_TAGS),
            clean_content_tags={"script", "style"},
            attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
            url_schemes=set(URL_SCHEMES),
            link_rel="noopener noreferrer nofollow",
            strip_comments=True,
        )
