"""Known XSS payloads never survive the article sanitizer; the editor's formatting does."""

from __future__ import annotations

import html
from html.parser import HTMLParser

import pytest

from chezflora.adapters.html_sanitizer import ALLOWED_TAGS, Nh3HtmlSanitizer

SANITIZER = Nh3HtmlSanitizer()

XSS_PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<img src="javascript:alert(1)">',
    "<img src=\"jav&#x09;ascript:alert('XSS');\">",
    '<a href="javascript:alert(1)">clic</a>',
    '<a href="JaVaScRiPt:alert(1)">clic</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<body onload=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="javascript:alert(1)">',
    '<form action="javascript:alert(1)"><input type=submit></form>',
    "<input onfocus=alert(1) autofocus>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<style>@import 'javascript:alert(1)';</style>",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<base href="javascript:/">',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    "<<script>script>alert(1)<</script>/script>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<p onclick="alert(1)" onmouseover="alert(2)">texte</p>',
    '<img srcset="javascript:alert(1)">',
    '<a href="#" onclick="alert(1)">x</a>',
    "<!--<img src=x onerror=alert(1)>-->",
    "<textarea><img src=x onerror=alert(1)></textarea>",
]
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend((name, value or "") for name, value in attrs)


def _parsed(cleaned: str) -> _Collector:
    collector = _Collector()
    collector.feed(cleaned)
    return collector


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_known_xss_payloads_never_survive(payload):
    cleaned = SANITIZER.clean(f"<p>Bonjour</p>{payload}")
    found = _parsed(cleaned)
    assert set(found.tags) <= ALLOWED_TAGS, cleaned
    for name, value in found.attributes:
        assert not name.startswith("on"), cleaned
        assert name not in {"style", "srcset", "srcdoc", "action", "formaction"}, cleaned
        if name in {"href", "src"}:
            url = html.unescape(value).strip().lower().replace("\t", "").replace("\n", "")
            assert not url.startswith(DANGEROUS_SCHEMES), cleaned
    assert "<script" not in cleaned.lower()


def test_the_editors_formatting_and_images_are_kept():
    source = (
        '<h2>Titre</h2><p class="ql-align-center"><strong>Gras</strong> <em>italique</em></p>'
        '<ul><li>un</li></ul><p><img src="http://127.0.0.1:8000/media/images/a.jpg" alt="rose"></p>'
        '<p><a href="https://chezflora.cm" target="_blank">site</a></p>'
    )
    cleaned = SANITIZER.clean(source)
    for kept in ("<h2>", '<p class="ql-align-center">', "<strong>", "<em>", "<li>", 'alt="rose"'):
        assert kept in cleaned
    assert 'src="http://127.0.0.1:8000/media/images/a.jpg"' in cleaned
    assert 'href="https://chezflora.cm"' in cleaned and "noopener" in cleaned
